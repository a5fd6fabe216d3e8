// A CLETS return as the clerk reads it (issue #5 §3, requirement Q8).
//
// - The kind comes from the codec's STRUCTURAL decode of the text, and must agree with the main
//   process's decision (`reply.kind`); when they differ neither is trusted: "not understood".
//   No keyword in the text ever makes or unmakes a hit.
// - Every value is a React text node (never HTML), with control and bidi characters made visible.
// - The raw text is one click away, exactly as received.
import { useMemo, useState, type JSX } from 'react';
import { decodeReply, type CandidateRecordKey, type Reply } from '../../../../shared/codec';
import type { ReplyView as ReplyViewData } from '../../../../shared/contract/inquiry-channels';
import { HeaderFacts, Lines, ReplyBody } from './ReplyBody';

export { MISMATCH_WARNING } from './ReplyBody';

export interface ReplyViewProps {
  reply: ReplyViewData;
  /** Unique prefix for element ids (headings, raw toggle). */
  idPrefix: string;
  /** A candidate's "Request record" button; absent → no buttons. */
  onRequestRecord?: (key: CandidateRecordKey) => void;
  /** A person/vehicle hit record's "Confirm hit (YQ)" button, by the record's index in the reply's records; absent → no buttons. */
  onConfirmHit?: (recordIndex: number) => void;
}

export interface ReplyContentProps {
  view: ReplyViewData;
  decoded: Reply;
  idPrefix: string;
  rawOpen: boolean;
  onToggleRaw: () => void;
  onRequestRecord?: ((key: CandidateRecordKey) => void) | undefined;
  onConfirmHit?: ((recordIndex: number) => void) | undefined;
}

/** The reply without hooks (the decode and the raw toggle's state come from ReplyView). */
export function ReplyContent({ view, decoded, idPrefix, rawOpen, onToggleRaw, onRequestRecord, onConfirmHit }: ReplyContentProps): JSX.Element {
  const mismatch = decoded.kind !== view.kind;
  const training = view.training || decoded.training;
  const rawId = `${idPrefix}-raw`;
  return (
    <div className="reply" data-kind={mismatch ? 'mismatch' : decoded.kind}>
      {training || view.withheld || decoded.header ? (
        <div className="reply-meta">
          {training ? <span className="tag tag--training reply-meta__training">TRAINING — synthetic data</span> : null}
          {decoded.header && !mismatch ? <HeaderFacts header={decoded.header} /> : null}
        </div>
      ) : null}
      {view.withheld ? (
        <p className="reply-withheld reply-withheld--notice" role="note">
          <span className="reply-withheld__text">Address withheld — confidential (VC 1808.4).</span> Your role may not see a
          confidential DMV address; it was taken out of this return.
        </p>
      ) : null}
      <ReplyBody decoded={decoded} mismatch={mismatch} idPrefix={idPrefix} onRequestRecord={onRequestRecord} onConfirmHit={onConfirmHit} />
      <div className="reply-raw">
        <button type="button" className="button button--small button--quiet reply-raw__toggle" aria-expanded={rawOpen} aria-controls={rawId} onClick={onToggleRaw}>
          Show raw return
        </button>
        <div id={rawId} className="reply-raw__panel">
          {rawOpen ? <Lines className="reply-raw__text" text={view.text} /> : null}
        </div>
      </div>
    </div>
  );
}

export function ReplyView(props: ReplyViewProps): JSX.Element {
  const { reply, idPrefix, onRequestRecord, onConfirmHit } = props;
  const decoded = useMemo(() => decodeReply(reply.text), [reply.text]);
  // Open by default when the return was not understood: the raw text is then all there is.
  const openByDefault = decoded.kind === 'unparsed' || decoded.kind !== reply.kind;
  const [raw, setRaw] = useState<{ text: string; open: boolean } | null>(null);
  const rawOpen = raw !== null && raw.text === reply.text ? raw.open : openByDefault;
  return (
    <ReplyContent
      view={reply}
      decoded={decoded}
      idPrefix={idPrefix}
      rawOpen={rawOpen}
      onToggleRaw={() => setRaw({ text: reply.text, open: !rawOpen })}
      onRequestRecord={onRequestRecord}
      onConfirmHit={onConfirmHit}
    />
  );
}

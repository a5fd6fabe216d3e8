// The body of a return: one banner that says what the return is (in words and by shape, with an
// accessible role), then its records, candidates, message or error. Hook-free: ReplyView holds the state.
import type { ReactNode } from 'react';
import {
  describeErCode,
  HIT_CONFIRMATION_CODES,
  NO_RECORD_DESCRIPTIONS,
  PERSONS_CAVEAT,
  type CandidateRecordKey,
  type HitRecord,
  type Reply,
  type ReplyHeader,
} from '../../../../shared/codec';
import { CandidateTable } from './Candidates';
import { FieldList, sectionFields } from './Fields';
import { isHotFileRecord, recordTitle, RecordView } from './Records';
import { visibleText } from './text';

export const MISMATCH_WARNING = 'The return could not be read reliably — see the raw text';

/** No-record reasons that mean the file was NOT searched. */
const NOT_SEARCHED = new Set(['FILE NOT AVAILABLE', 'TEMPORARILY UNAVAILABLE']);

type Tone = 'hit' | 'record' | 'clear' | 'warning' | 'error' | 'info';

function Banner({ tone, title, children, alert }: { tone: Tone; title: string; children?: ReactNode; alert?: boolean }) {
  return (
    <div className={`reply-banner reply-banner--${tone}`} role={alert ? 'alert' : 'status'}>
      <p className="reply-banner__title">
        <span className="reply-banner__icon" aria-hidden="true" />
        {title}
      </p>
      {children}
    </div>
  );
}

export function HeaderFacts({ header }: { header: ReplyHeader }) {
  return (
    <dl className="reply-header">
      <div className="reply-header__item">
        <dt>Message key</dt>
        <dd className="mono">{visibleText(header.mke)}</dd>
      </div>
      <div className="reply-header__item">
        <dt>From</dt>
        <dd className="mono">{visibleText(header.senderOri)}</dd>
      </div>
      <div className="reply-header__item">
        <dt>To</dt>
        <dd className="mono">{visibleText(header.destOri)}</dd>
      </div>
      <div className="reply-header__item">
        <dt>Switch time</dt>
        <dd className="mono">
          {visibleText(`${header.switchStamp.date} ${header.switchStamp.time}`)}
        </dd>
      </div>
      <div className="reply-header__item">
        <dt>Sequence</dt>
        <dd className="mono">{visibleText(header.switchStamp.seq)}</dd>
      </div>
    </dl>
  );
}

function Caveat({ text }: { text: string }) {
  return (
    <p className="reply-caveat">
      <bdi>{visibleText(text)}</bdi>
    </p>
  );
}

function Records({ records, idPrefix, onConfirmHit }: { records: readonly HitRecord[]; idPrefix: string; onConfirmHit?: ((i: number) => void) | undefined }) {
  return (
    <div className="reply-records">
      {records.map((r, i) => (
        <RecordView key={i} record={r} index={i} idPrefix={idPrefix} onConfirmHit={onConfirmHit} />
      ))}
    </div>
  );
}

/** The caveat a set of records must carry: the reply's own, else PERSONS_CAVEAT before persons records. */
function caveatFor(caveat: string | undefined, records: readonly HitRecord[]): string | undefined {
  return caveat ?? (records.some((r) => r.type === 'person') ? PERSONS_CAVEAT : undefined);
}

function HitBanner({ records, caveat }: { records: readonly HitRecord[]; caveat: string | undefined }) {
  const hot = records.filter(isHotFileRecord);
  const shownCaveat = caveatFor(caveat, records);
  if (hot.length > 0) {
    const categories = [...new Set(hot.map(recordTitle))].join(', ');
    return (
      <Banner tone="hit" title={`HIT — ${categories}`} alert>
        <p className="reply-banner__text">
          {hot.length === 1 ? '1 record matches.' : `${hot.length} records match.`} Confirm with the agency that holds the record (YQ) before acting.
        </p>
        {shownCaveat !== undefined ? <Caveat text={shownCaveat} /> : null}
      </Banner>
    );
  }
  const kinds = [...new Set(records.map(recordTitle))].join(', ');
  return (
    <Banner tone="record" title={`RECORD RETURNED — ${kinds}`}>
      <p className="reply-banner__text">Not a want or a stolen-vehicle hit.</p>
      {shownCaveat !== undefined ? <Caveat text={shownCaveat} /> : null}
    </Banner>
  );
}


export interface ReplyBodyProps {
  decoded: Reply;
  mismatch: boolean;
  idPrefix: string;
  onRequestRecord?: ((key: CandidateRecordKey) => void) | undefined;
  onConfirmHit?: ((recordIndex: number) => void) | undefined;
}

export function ReplyBody({ decoded, mismatch, idPrefix, onRequestRecord, onConfirmHit }: ReplyBodyProps) {
  if (mismatch) {
    return (
      <Banner tone="warning" title="NOT UNDERSTOOD" alert>
        <p className="reply-banner__text">{MISMATCH_WARNING}.</p>
        <p className="reply-banner__text">Do not treat this return as a hit or as a no-record answer.</p>
      </Banner>
    );
  }
  switch (decoded.kind) {
    case 'hit':
      return (
        <>
          <HitBanner records={decoded.records} caveat={decoded.caveat} />
          <Records records={decoded.records} idPrefix={idPrefix} onConfirmHit={onConfirmHit} />
        </>
      );
    case 'no_record': {
      const notSearched = NOT_SEARCHED.has(decoded.reason);
      return (
        <>
          {notSearched ? (
            <Banner tone="error" title={`NOT SEARCHED — ${decoded.reason}`} alert>
              <p className="reply-banner__text reply-banner__text--strong">
                The file was NOT searched. This is not a &ldquo;no record&rdquo; answer: ask again later.
              </p>
              <p className="reply-banner__text">{NO_RECORD_DESCRIPTIONS[decoded.reason]}</p>
            </Banner>
          ) : (
            <Banner tone="clear" title={`NO RECORD — ${decoded.reason}`}>
              <p className="reply-banner__text">{NO_RECORD_DESCRIPTIONS[decoded.reason]}</p>
            </Banner>
          )}
          {decoded.echo.length > 0 ? (
            <section className="reply-section" aria-labelledby={`${idPrefix}-echo`}>
              <h3 className="reply-section__title" id={`${idPrefix}-echo`}>
                Searched for
              </h3>
              <FieldList fields={decoded.echo} variant="compact" />
            </section>
          ) : null}
        </>
      );
    }
    case 'candidates':
      return (
        <>
          <Banner tone="info" title={`CANDIDATES — ${decoded.candidates.length} possible ${decoded.candidates.length === 1 ? 'match' : 'matches'}`}>
            <p className="reply-banner__text">Not a record yet: request the record of the candidate that is your subject.</p>
          </Banner>
          <CandidateTable candidates={decoded.candidates} idPrefix={idPrefix} onRequestRecord={onRequestRecord} />
        </>
      );
    case 'hit_confirmation':
      return (
        <>
          {decoded.confirmed ? (
            <Banner tone="hit" title="HIT CONFIRMED" alert>
              <p className="reply-banner__text">The agency holding the record confirms it is still active.</p>
            </Banner>
          ) : (
            <Banner tone="warning" title="HIT NOT CONFIRMED" alert>
              <p className="reply-banner__text">The agency did not confirm the record. Do not act on the hit; read the remarks.</p>
            </Banner>
          )}
          <section className="reply-section" aria-labelledby={`${idPrefix}-confirmation`}>
            <h3 className="reply-section__title" id={`${idPrefix}-confirmation`}>
              Hit confirmation
            </h3>
            <FieldList fields={sectionFields(decoded.fields, decoded.extra, HIT_CONFIRMATION_CODES)} />
          </section>
        </>
      );
    case 'admin':
      return (
        <>
          <Banner tone="info" title="ADMINISTRATIVE MESSAGE" />
          <MessageText text={decoded.text} />
        </>
      );
    case 'error':
      return (
        <>
          <Banner tone="error" title={`SWITCH ERROR .${visibleText(decoded.code)}.`} alert>
            <p className="reply-banner__text reply-banner__text--strong">{describeErCode(decoded.code)}</p>
            <p className="reply-banner__text">The inquiry was not answered: correct it and send it again.</p>
          </Banner>
          <section className="reply-section" aria-labelledby={`${idPrefix}-error`}>
            <h3 className="reply-section__title" id={`${idPrefix}-error`}>
              What the switch said
            </h3>
            {decoded.text !== '' ? (
              <p className="reply-error__text">
                <bdi>{visibleText(decoded.text)}</bdi>
              </p>
            ) : null}
            {decoded.details.length > 0 ? (
              <ul className="reply-error__details">
                {decoded.details.map((d, i) => (
                  <li key={i}>
                    <bdi>{visibleText(d)}</bdi>
                  </li>
                ))}
              </ul>
            ) : null}
            {decoded.originalMessage !== undefined ? (
              <>
                <h4 className="reply-section__subtitle">Original message</h4>
                <Lines className="reply-pre" text={decoded.originalMessage} visible />
              </>
            ) : null}
          </section>
        </>
      );
    case 'unsolicited':
      return (
        <>
          {decoded.records.some(isHotFileRecord) ? (
            <HitBanner records={decoded.records} caveat={decoded.caveat} />
          ) : (
            <Banner tone="info" title={`SWITCH MESSAGE $.${decoded.code}`}>
              {decoded.caveat !== undefined ? <Caveat text={decoded.caveat} /> : null}
            </Banner>
          )}
          <p className="reply-meaning">
            <span className="message__code">{`$.${decoded.code}`}</span> {decoded.meaning}
          </p>
          {decoded.text !== undefined ? <MessageText text={decoded.text} /> : null}
          {decoded.records.length > 0 ? <Records records={decoded.records} idPrefix={idPrefix} onConfirmHit={onConfirmHit} /> : null}
        </>
      );
    case 'unparsed':
      return (
        <Banner tone="warning" title="NOT UNDERSTOOD" alert>
          <p className="reply-banner__text">
            The return could not be read: <bdi>{visibleText(decoded.reason)}</bdi>.
          </p>
          <p className="reply-banner__text">Do not treat it as a hit or as a no-record answer. Read the raw text below.</p>
        </Banner>
      );
  }
}

/** Text of several lines, each line in its own bidi isolate. `visible` makes control characters visible. */
export function Lines({ text, className, visible, id }: { text: string; className: string; visible?: boolean; id?: string }) {
  const lines = text.split('\n');
  return (
    <pre className={className} id={id}>
      {lines.map((line, i) => (
        <span key={i}>
          <bdi className="reply-line">{visible ? visibleText(line) : line}</bdi>
          {i < lines.length - 1 ? '\n' : null}
        </span>
      ))}
    </pre>
  );
}

function MessageText({ text }: { text: string }) {
  return <Lines className="reply-pre reply-message" text={text} visible />;
}

// The return on screen: its heading takes the focus when it arrives (announced), then the reply as
// the clerk reads it (ReplyView), or the failure in plain words. A hit record's "Confirm hit" opens
// the choice of urgent or routine and the request number, here.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { PRIORITY_DESCRIPTIONS, REQUEST_NUMBERS, type CandidateRecordKey, type PriorityCode, type RequestNumber } from '../../../../shared/codec';
import type { InquiryResult } from '../../../../shared/contract/inquiry-channels';
import { FORM_TITLES, type FormKind } from '../../../../shared/policy/inquiry-policy';
import { formatClock } from '../../state/format';
import { FormAlert } from '../FormAlert';
import { ReplyView } from '../returns/ReplyView';

export interface ReturnPanelProps {
  result: InquiryResult;
  headingRef: Ref<HTMLHeadingElement>;
  onRequestRecord(key: CandidateRecordKey): void;
  onConfirmHit(recordIndex: number, priority: PriorityCode, requestNumber: RequestNumber): Promise<boolean>;
  confirming: boolean;
  confirmRefusal: string | null;
  /** More actions on this return from other features (e.g. preparing a release), shown under its facts. */
  actions?: ReactNode;
}

const REQUEST_LABELS: Record<RequestNumber, string> = { '1': 'First request', '2': 'Second request', '3': 'Third request' };

function ConfirmHitForm({
  recordIndex,
  idPrefix,
  sending,
  refusal,
  onSend,
  onCancel,
}: {
  recordIndex: number;
  idPrefix: string;
  sending: boolean;
  refusal: string | null;
  onSend(priority: PriorityCode, requestNumber: RequestNumber): void;
  onCancel(): void;
}) {
  const [priority, setPriority] = useState<PriorityCode>('U');
  const [requestNumber, setRequestNumber] = useState<RequestNumber>('1');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [recordIndex]);
  const headingId = `${idPrefix}-confirm-heading`;

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      event.preventDefault();
      onSend(priority, requestNumber);
    }
  }

  return (
    <section className="inq-confirm" aria-labelledby={headingId}>
      <h4 id={headingId} className="inq-confirm__title">
        Confirm hit: record {recordIndex + 1}
      </h4>
      <form
        className="inq-confirm__form"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          onSend(priority, requestNumber);
        }}
      >
        <fieldset className="fieldset">
          <legend className="field__label">How soon the agency must answer</legend>
          {(['U', 'R'] as const).map((code, i) => (
            <div key={code} className="inq-check">
              <input
                ref={i === 0 ? first : undefined}
                id={`${idPrefix}-priority-${code}`}
                type="radio"
                name={`${idPrefix}-priority`}
                value={code}
                checked={priority === code}
                onChange={() => setPriority(code)}
              />
              <label className="inq-check__label" htmlFor={`${idPrefix}-priority-${code}`}>
                {code === 'U' ? 'Urgent (10 minutes)' : 'Routine (1 hour)'}
              </label>
              <span className="field__hint"> {PRIORITY_DESCRIPTIONS[code]}</span>
            </div>
          ))}
        </fieldset>
        <div className="field inq-field">
          <label className="field__label" htmlFor={`${idPrefix}-rno`}>
            Request number
          </label>
          <select id={`${idPrefix}-rno`} className="field__input inq-select" value={requestNumber} onChange={(e) => setRequestNumber(e.target.value as RequestNumber)}>
            {REQUEST_NUMBERS.map((n) => (
              <option key={n} value={n}>
                {`${n} — ${REQUEST_LABELS[n]}`}
              </option>
            ))}
          </select>
        </div>
        <FormAlert id={`${idPrefix}-confirm-refusal`} message={refusal} />
        <div className="inq-form__actions">
          <button type="submit" className="button button--primary" aria-disabled={sending ? true : undefined}>
            {sending ? 'Sending…' : 'Send confirmation request'}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

export function ReturnPanel({ result, headingRef, onRequestRecord, onConfirmHit, confirming, confirmRefusal, actions }: ReturnPanelProps) {
  const [confirmFor, setConfirmFor] = useState<number | null>(null);
  useEffect(() => setConfirmFor(null), [result.ref]);
  const title = (FORM_TITLES as Record<string, string>)[result.kind as FormKind] ?? result.messageKey;
  const idPrefix = `ret-${result.ref.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section className="inq-return" aria-labelledby="inq-return-heading">
      <h3 id="inq-return-heading" className="inq-return__title" tabIndex={-1} ref={headingRef}>
        Return: {title} · {result.subject}
      </h3>
      <p className="inq-return__meta">
        <span className="mono">{result.ref}</span> · sent <time dateTime={result.sentAt}>{formatClock(result.sentAt)}</time>
        {result.repliedAt ? (
          <>
            {' '}
            · answered <time dateTime={result.repliedAt}>{formatClock(result.repliedAt)}</time>
          </>
        ) : null}
        {' '}· reference <span className="mono">{result.needToKnow.reference || 'none'}</span>
      </p>
      {actions ? <div className="inq-return__actions">{actions}</div> : null}
      {result.status === 'failed' || result.reply === null ? (
        <div className="inq-failed" role="alert">
          <p className="inq-failed__title">No answer to this inquiry.</p>
          <p className="inq-failed__text">
            {result.error ? `${result.error.message} (${result.error.code})` : 'The switch did not answer.'}
          </p>
        </div>
      ) : (
        <>
          {confirmFor !== null ? (
            <ConfirmHitForm
              recordIndex={confirmFor}
              idPrefix={idPrefix}
              sending={confirming}
              refusal={confirmRefusal}
              onCancel={() => setConfirmFor(null)}
              onSend={(priority, rno) => {
                if (confirming) return;
                void onConfirmHit(confirmFor, priority, rno).then((ok) => {
                  if (ok) setConfirmFor(null);
                });
              }}
            />
          ) : null}
          <ReplyView reply={result.reply} idPrefix={idPrefix} onRequestRecord={onRequestRecord} onConfirmHit={(i) => setConfirmFor(i)} />
        </>
      )}
    </section>
  );
}

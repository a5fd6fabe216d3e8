// Prepare a CORI release from a criminal history return (issue #6, R1–R4): the recipient, the legal
// basis, the preparer's right-to-know / need-to-know determination (replaced by a court order or other
// legal process, which then needs its reference), what is released and how. A DA charging request is
// its own, faster path (R4): it names the charging case and the determination is written for it. A
// recipient being a peace officer changes nothing (R3). The checks here mirror the release service;
// the main process decides, and its refusal is shown as given (code and message).
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  LEGAL_BASIS_LABELS,
  LEGAL_BASIS_TYPES,
  RECIPIENT_TYPE_LABELS,
  RECIPIENT_TYPES,
  RELEASE_METHOD_LABELS,
  RELEASE_METHODS,
  type ReleaseRequestInput,
  type ReleaseView,
} from '../../../../shared/contract/release-channels';
import { byOrder, checkReleaseDraft, EMPTY_DRAFT, type LegalBasisType, type PrepareResult, type RecipientType, type ReleaseDraft, type ReleaseMethod } from '../../state/release';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';

export interface PrepareReleaseFormProps {
  /** The criminal history return's message reference (one of this session's inquiries). */
  inquiryRef: string;
  /** The subject as the return names it, e.g. "ROE, JANE A · CII T00000002". */
  subject: string;
  /** How many arrests the rap sheet holds (the scope offers arrests 1..n). */
  arrests: number;
  onSubmit(input: ReleaseRequestInput): Promise<PrepareResult>;
  onCancel(): void;
}

const ERROR_ID = 'release-form-error';

function Area({ id, label, value, onChange, hint, invalid }: { id: string; label: string; value: string; onChange(v: string): void; hint?: string; invalid: boolean }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field release-form__wide">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input field__textarea"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={3}
        maxLength={500}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, invalid ? ERROR_ID : undefined].filter(Boolean).join(' ') || undefined}
      />
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function PrepareReleaseForm({ inquiryRef, subject, arrests, onSubmit, onCancel }: PrepareReleaseFormProps) {
  const [draft, setDraft] = useState<ReleaseDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<{ code: string; message: string; field: string | null } | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<ReleaseView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [inquiryRef]);

  const set = <K extends keyof ReleaseDraft>(key: K, value: ReleaseDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const order = byOrder(draft.legalBasisType);
  const da = draft.recipientType === 'da_charging';
  const invalid = (field: string) => error?.field === field;

  function focusField(field: string | null) {
    if (!field) return;
    const el = form.current?.querySelector<HTMLElement>(`#release-${field}`);
    el?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const check = checkReleaseDraft(inquiryRef, draft, arrests);
    if (!check.ok) {
      setError({ code: check.code, message: check.message, field: check.field });
      focusField(check.field);
      return;
    }
    setSending(true);
    const result = await onSubmit(check.value);
    setSending(false);
    if (result.ok) {
      setError(null);
      setDone(result.release);
    } else {
      setError({ code: result.code, message: result.message, field: result.field });
      focusField(result.field);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  if (done) {
    return (
      <section className="subpanel release-form" aria-labelledby="release-form-title" onKeyDown={onKeyDown}>
        <div className="subpanel__head">
          <h3 id="release-form-title" className="subpanel__title" ref={heading} tabIndex={-1}>
            Release {done.id} requested
          </h3>
        </div>
        <p className="status-line" role="status">
          Release <span className="mono">{done.id}</span> of {done.subject} to {done.recipientName} ({done.recipientAgency}) waits for a supervisor’s approval. You cannot approve it
          yourself. Once approved, release it from the Releases screen.
        </p>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={onCancel}>
            Close
          </button>
        </div>
      </section>
    );
  }

  const errorText = error ? `${error.message} (${error.code})` : null;

  return (
    <section className="subpanel release-form" aria-labelledby="release-form-title" onKeyDown={onKeyDown}>
      <div className="subpanel__head">
        <h3 id="release-form-title" className="subpanel__title" ref={heading} tabIndex={-1}>
          Prepare a CORI release
        </h3>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="subpanel__status">
        Record: <strong>{subject}</strong> · return <span className="mono">{inquiryRef}</span>
      </p>
      <p className="field__hint">
        A supervisor designated by the Chief approves or denies every release; you cannot decide your own. A recipient being a peace officer does not replace the right-to-know and
        need-to-know determination.
      </p>
      <FormAlert id={ERROR_ID} message={errorText} />
      <form ref={form} className="release-form__form" onSubmit={submit} noValidate aria-label="Prepare a CORI release">
        <fieldset className="fieldset release-form__group">
          <legend className="release-form__legend">Recipient</legend>
          <div className="form-grid">
            <TextField id="release-recipientName" label="Recipient name" value={draft.recipientName} onChange={(v) => set('recipientName', v)} maxLength={100} required invalid={invalid('recipientName')} errorId={ERROR_ID} />
            <TextField id="release-recipientAgency" label="Recipient agency" value={draft.recipientAgency} onChange={(v) => set('recipientAgency', v)} maxLength={100} required invalid={invalid('recipientAgency')} errorId={ERROR_ID} />
            <TextField id="release-recipientOri" label="Recipient ORI (if any)" value={draft.recipientOri} onChange={(v) => set('recipientOri', v.toUpperCase())} maxLength={9} mono hint="9 characters, e.g. CA0340000." invalid={invalid('recipientOri')} errorId={ERROR_ID} />
            <div className="field">
              <label className="field__label" htmlFor="release-recipientType">
                Recipient type
              </label>
              <select id="release-recipientType" className="field__input" value={draft.recipientType} onChange={(e) => set('recipientType', e.target.value as RecipientType)} aria-describedby={da ? 'release-da-hint' : undefined}>
                {RECIPIENT_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {RECIPIENT_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {da ? (
            <div className="release-form__da">
              <p id="release-da-hint" className="callout release-form__callout">
                DA charging request (faster path, R4): the District Attorney receives the record when charges are requested on a department case. Name the case; if you leave the
                determination empty it is recorded as the charging decision on that case. The supervisor still approves it, and everything is recorded.
              </p>
              <TextField id="release-chargingCase" label="Charging case number" value={draft.chargingCase} onChange={(v) => set('chargingCase', v)} maxLength={40} mono required invalid={invalid('chargingCase')} errorId={ERROR_ID} className="field--narrow" />
            </div>
          ) : null}
        </fieldset>

        <fieldset className="fieldset release-form__group">
          <legend className="release-form__legend">Legal basis and determination</legend>
          <div className="form-grid">
            <div className="field">
              <label className="field__label" htmlFor="release-legalBasisType">
                Legal basis
              </label>
              <select id="release-legalBasisType" className="field__input" value={draft.legalBasisType} onChange={(e) => set('legalBasisType', e.target.value as LegalBasisType)}>
                {LEGAL_BASIS_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {LEGAL_BASIS_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              id="release-legalBasisReference"
              label={order ? 'Order or process reference' : 'Statute'}
              value={draft.legalBasisReference}
              onChange={(v) => set('legalBasisReference', v)}
              maxLength={120}
              required
              hint={order ? 'The case or order number, e.g. 24CR012345.' : 'e.g. PC 13300(b)(1).'}
              invalid={invalid('legalBasisReference')}
              errorId={ERROR_ID}
            />
          </div>
          {order ? (
            <p className="field__hint release-form__note">The court order or legal process replaces the right-to-know and need-to-know determination; its reference is recorded instead.</p>
          ) : (
            <div className="form-grid">
              <Area
                id="release-rightToKnow"
                label={da ? 'Right to know (optional on a DA charging request)' : 'Right to know'}
                value={draft.rightToKnow}
                onChange={(v) => set('rightToKnow', v)}
                hint="The statute or authority that entitles the recipient to CORI."
                invalid={invalid('rightToKnow')}
              />
              <Area
                id="release-needToKnow"
                label={da ? 'Need to know (optional on a DA charging request)' : 'Need to know'}
                value={draft.needToKnow}
                onChange={(v) => set('needToKnow', v)}
                hint="Why the recipient needs this record for their official duties."
                invalid={invalid('needToKnow')}
              />
            </div>
          )}
        </fieldset>

        <fieldset className="fieldset release-form__group" aria-describedby={invalid('arrests') ? ERROR_ID : undefined}>
          <legend className="release-form__legend">What is released</legend>
          <div className="checks">
            <label className="check">
              <input type="radio" name="release-scope" value="whole" checked={draft.scope === 'whole'} onChange={() => set('scope', 'whole')} />
              The whole record
            </label>
            <label className="check">
              <input type="radio" name="release-scope" value="parts" checked={draft.scope === 'parts'} onChange={() => set('scope', 'parts')} disabled={arrests === 0} />
              Chosen arrests only
            </label>
          </div>
          {draft.scope === 'parts' ? (
            <fieldset className="fieldset release-form__arrests">
              <legend className="field__label">Arrests to release</legend>
              <div className="checks">
                {Array.from({ length: arrests }, (_, i) => (
                  <label key={i} className="check">
                    <input
                      type="checkbox"
                      checked={draft.arrests.includes(i)}
                      id={i === 0 ? 'release-arrests' : undefined}
                      onChange={(e) => set('arrests', e.target.checked ? [...draft.arrests, i] : draft.arrests.filter((a) => a !== i))}
                    />
                    Arrest {i + 1}
                  </label>
                ))}
              </div>
              <p className="field__hint">Custody and probation entries are left out of a partial release.</p>
            </fieldset>
          ) : null}
        </fieldset>

        <fieldset className="fieldset release-form__group">
          <legend className="release-form__legend">How it is released</legend>
          <div className="checks">
            {RELEASE_METHODS.map((m) => (
              <label key={m} className="check">
                <input type="radio" name="release-method" value={m} checked={draft.method === m} onChange={() => set('method', m as ReleaseMethod)} />
                {RELEASE_METHOD_LABELS[m]}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
            {sending ? 'Sending…' : 'Request approval'}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

// One operator's account: release a lock (with a note), record the statement and certification
// dates, disable (with a reason; permanent, the ID is retired). Each is its own small form.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { OperatorRow } from '../../state/selectors';
import { FormAlert, StatusLine } from '../FormAlert';
import type { RosterFormOutcome } from './AddOperatorForm';

export interface ManageOperatorProps {
  row: OperatorRow;
  outcome: RosterFormOutcome | null;
  onRelease(id: string, note: string): Promise<boolean>;
  onSetDates(id: string, statementSignedOn: string | null, certifiedUntil: string | null): Promise<boolean>;
  onDisable(id: string, reason: string): Promise<boolean>;
  onClose(): void;
}

function NoteForm({ id, label, button, danger, onSubmit }: { id: string; label: string; button: string; danger?: boolean; onSubmit(text: string): Promise<boolean> }) {
  const [text, setText] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit(text)) setText('');
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <textarea id={id} className="field__input field__textarea" value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={200} />
      </div>
      <button type="submit" className={danger ? 'button button--danger' : 'button button--primary'}>
        {button}
      </button>
    </form>
  );
}

export function ManageOperator({ row, outcome, onRelease, onSetDates, onDisable, onClose }: ManageOperatorProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [statement, setStatement] = useState(row.statementSignedOn ?? '');
  const [certified, setCertified] = useState(row.certifiedUntil ?? '');

  useEffect(() => {
    heading.current?.focus();
  }, [row.id]);
  useEffect(() => {
    setStatement(row.statementSignedOn ?? '');
    setCertified(row.certifiedUntil ?? '');
  }, [row.statementSignedOn, row.certifiedUntil]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  function saveDates(event: FormEvent) {
    event.preventDefault();
    void onSetDates(row.id, statement || null, certified || null);
  }

  return (
    <section className="subpanel" aria-labelledby="manage-title" onKeyDown={onKeyDown}>
      <div className="subpanel__head">
        <h3 id="manage-title" className="subpanel__title" ref={heading} tabIndex={-1}>
          <span className="mono">{row.id}</span> · {row.name}
        </h3>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="subpanel__status">
        Account: <strong>{row.status.text}</strong>
        {row.status.detail ? ` — ${row.status.detail}` : ''}
      </p>
      {outcome !== null && !outcome.ok ? <FormAlert id="manage-error" message={outcome.message} /> : <FormAlert id="manage-error" message={null} />}
      {outcome?.ok ? <StatusLine message={outcome.message} /> : null}

      <div className="manage-grid">
        {row.locked && !row.disabled ? (
          <div className="manage-card manage-card--attention">
            <h4 className="manage-card__title">Release the lock</h4>
            <p className="manage-card__text">Locked after repeated failed sign-ons. Release it only once you have confirmed who was trying to sign on.</p>
            <NoteForm id="release-note" label="Release note" button="Release lock" onSubmit={(note) => onRelease(row.id, note)} />
          </div>
        ) : null}

        {!row.disabled ? (
          <div className="manage-card">
            <h4 className="manage-card__title">Statement and certification</h4>
            <form className="inline-form inline-form--row" onSubmit={saveDates} noValidate>
              <div className="field">
                <label className="field__label" htmlFor="dates-statement">
                  Statement signed on
                </label>
                <input id="dates-statement" className="field__input" type="date" value={statement} onChange={(e) => setStatement(e.target.value)} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor="dates-certified">
                  Certified until
                </label>
                <input id="dates-certified" className="field__input" type="date" value={certified} onChange={(e) => setCertified(e.target.value)} />
              </div>
              <button type="submit" className="button button--primary">
                Record dates
              </button>
            </form>
          </div>
        ) : null}

        {!row.disabled ? (
          <div className="manage-card manage-card--danger">
            <h4 className="manage-card__title">Disable the account</h4>
            <p className="manage-card__text">Permanent: a disabled operator cannot be enabled again, and the ID is never reused.</p>
            <NoteForm id="disable-reason" label="Reason for disabling" button={`Disable ${row.id}`} danger onSubmit={(reason) => onDisable(row.id, reason)} />
          </div>
        ) : (
          <p className="manage-card__text">This account is disabled. Its ID is retired.</p>
        )}
      </div>
    </section>
  );
}

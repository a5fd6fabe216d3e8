// Record the witnessed destruction of a released copy returned to the agency (T11 §708): the release,
// the method, the witness (someone other than the person recording it) and the date.
import { useState, type FormEvent } from 'react';
import { DESTRUCTION_METHODS } from '../../../../shared/contract/release-channels';
import type { DestructionInput, DestructionMethod, ReleaseOutcome } from '../../state/release';
import { FormAlert, StatusLine } from '../FormAlert';
import { TextField } from '../TextField';
import { DESTRUCTION_LABELS } from './describe';

export interface DestructionFormProps {
  /** Pre-filled release ID (from a row's button), editable. */
  releaseId: string;
  /** Today, local ("YYYY-MM-DD"): the date's default. */
  today: string;
  outcome: ReleaseOutcome | null;
  onSubmit(input: DestructionInput): Promise<boolean>;
  onClose?(): void;
}

export function DestructionForm({ releaseId, today, outcome, onSubmit, onClose }: DestructionFormProps) {
  const [id, setId] = useState(releaseId);
  const [method, setMethod] = useState<DestructionMethod>('shredded');
  const [witness, setWitness] = useState('');
  const [date, setDate] = useState(today);
  const mine = outcome !== null && outcome.step === 'destroy' ? outcome : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit({ releaseId: id, method, witness, destroyedOn: date })) setWitness('');
  }

  return (
    <section className="subpanel release-destroy" aria-labelledby="release-destroy-title">
      <div className="subpanel__head">
        <h3 id="release-destroy-title" className="subpanel__title">
          Record destruction of a released copy
        </h3>
        {onClose ? (
          <button type="button" className="button button--quiet button--small" onClick={onClose}>
            Close
          </button>
        ) : null}
      </div>
      <FormAlert id="release-destroy-error" message={mine && !mine.ok ? `${mine.message}${mine.code ? ` (${mine.code})` : ''}` : null} />
      <StatusLine message={mine?.ok ? mine.message : null} />
      <form className="inline-form inline-form--row" onSubmit={submit} noValidate aria-label="Record destruction">
        <TextField id="destroy-release" label="Release ID" value={id} onChange={(v) => setId(v.toUpperCase())} mono maxLength={12} invalid={mine?.field === 'releaseId'} errorId="release-destroy-error" />
        <div className="field">
          <label className="field__label" htmlFor="destroy-method">
            Destruction method
          </label>
          <select id="destroy-method" className="field__input" value={method} onChange={(e) => setMethod(e.target.value as DestructionMethod)}>
            {DESTRUCTION_METHODS.map((m) => (
              <option key={m} value={m}>
                {DESTRUCTION_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <TextField id="destroy-witness" label="Witness (name and agency)" value={witness} onChange={setWitness} maxLength={100} invalid={mine?.field === 'witness'} errorId="release-destroy-error" />
        <TextField id="destroy-date" label="Destroyed on" type="date" value={date} onChange={setDate} invalid={mine?.field === 'destroyedOn'} errorId="release-destroy-error" />
        <button type="submit" className="button button--primary">
          Record destruction
        </button>
      </form>
    </section>
  );
}

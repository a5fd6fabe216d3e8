// Add an operator (CRSO). IDs are never reused; the main process applies the password policy and
// refuses a badge already assigned, and says so in plain words.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/contract/roles';
import type { NewOperatorInput } from '../../state/roster';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';

export interface RosterFormOutcome {
  ok: boolean;
  message: string;
  field: string | null;
  seq: number;
}

export interface AddOperatorFormProps {
  outcome: RosterFormOutcome | null;
  onSubmit(input: NewOperatorInput): Promise<boolean>;
  onClose(): void;
}

const EMPTY = { operatorId: '', name: '', password: '', badge: '', pin: '', statementSignedOn: '', certifiedUntil: '' };

export function AddOperatorForm({ outcome, onSubmit, onClose }: AddOperatorFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);
  // A refusal puts the cursor on the field it is about (the first role box for "roles").
  useEffect(() => {
    if (outcome === null || outcome.ok || outcome.field === null) return;
    const target = form.current?.querySelector<HTMLInputElement>(`[data-field="${outcome.field}"] input`);
    target?.focus();
  }, [outcome]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const done = await onSubmit({
      operatorId: values.operatorId,
      name: values.name,
      roles,
      password: values.password,
      badge: values.badge,
      pin: values.pin,
      statementSignedOn: values.statementSignedOn || null,
      certifiedUntil: values.certifiedUntil || null,
    });
    setBusy(false);
    if (done) {
      setValues(EMPTY);
      setRoles([]);
      onClose();
    } else {
      setValues((v) => ({ ...v, password: '', pin: '' }));
    }
  }

  const fieldError = (f: string) => outcome !== null && !outcome.ok && outcome.field === f;

  return (
    <section className="subpanel" aria-labelledby="add-operator-title">
      <div className="subpanel__head">
        <h3 id="add-operator-title" className="subpanel__title">
          Add operator
        </h3>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Cancel
        </button>
      </div>
      <form
        ref={form}
        className="form-grid"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
        noValidate
        aria-labelledby="add-operator-title"
        aria-busy={busy || undefined}
      >
        <div data-field="operatorId">
          <TextField id="new-operator-id" label="Operator ID" value={values.operatorId} onChange={(v) => set('operatorId')(v.toUpperCase())} maxLength={12} mono hint="3 to 12 letters or digits. An ID is never reused." invalid={fieldError('operatorId')} errorId="add-operator-error" />
        </div>
        <div data-field="name">
          <TextField id="new-operator-name" label="Name" value={values.name} onChange={set('name')} maxLength={100} invalid={fieldError('name')} errorId="add-operator-error" />
        </div>
        <fieldset className="fieldset form-grid__wide" data-field="roles" aria-invalid={fieldError('roles') || undefined}>
          <legend className="field__label">Roles</legend>
          <div className="checks">
            {ROLES.map((role) => (
              <label key={role} className="check">
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(e) => setRoles((r) => (e.target.checked ? [...r, role] : r.filter((x) => x !== role)))}
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
        </fieldset>
        <div data-field="password">
          <TextField id="new-operator-password" label="Password" type="password" value={values.password} onChange={set('password')} maxLength={256} hint="At least 8 characters; common passwords are refused." invalid={fieldError('password')} errorId="add-operator-error" />
        </div>
        <div data-field="badge">
          <TextField id="new-operator-badge" label="Badge" value={values.badge} onChange={set('badge')} maxLength={64} mono invalid={fieldError('badge')} errorId="add-operator-error" />
        </div>
        <div data-field="pin">
          <TextField id="new-operator-pin" label="PIN" type="password" inputMode="numeric" value={values.pin} onChange={set('pin')} maxLength={12} mono hint="6 to 12 digits." invalid={fieldError('pin')} errorId="add-operator-error" />
        </div>
        <div data-field="statementSignedOn">
          <TextField id="new-operator-statement" label="Statement signed on" type="date" value={values.statementSignedOn} onChange={set('statementSignedOn')} hint="Employee/Volunteer Statement form. No access without it." />
        </div>
        <div data-field="certifiedUntil">
          <TextField id="new-operator-certified" label="Certified until" type="date" value={values.certifiedUntil} onChange={set('certifiedUntil')} hint="CLETS certification expiry. Inquiries are blocked once it lapses." />
        </div>
        <div className="form-grid__wide">
          {outcome !== null && !outcome.ok ? <FormAlert id="add-operator-error" message={outcome.message} /> : <FormAlert id="add-operator-error" message={null} />}
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              Add operator
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}

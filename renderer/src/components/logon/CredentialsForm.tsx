// Sign-on step 2: operator ID and password. Enter sends; Esc clears both and starts the step again.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';
import { LogonCard } from './LogonCard';
import { useRefusalFocus, type Refusal } from './useRefusalFocus';

export type CredentialsField = 'operatorId' | 'password';

export interface CredentialsFormProps {
  pending: boolean;
  error: (Refusal<CredentialsField> & { message: string }) | null;
  onSubmit(operatorId: string, password: string): void;
  onDismissError(): void;
}

export function CredentialsForm({ pending, error, onSubmit, onDismissError }: CredentialsFormProps) {
  const [operatorId, setOperatorId] = useState('');
  const [password, setPassword] = useState('');
  const idRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    idRef.current?.focus();
  }, []);
  useRefusalFocus(error, { operatorId: { ref: idRef }, password: { ref: passwordRef, clear: () => setPassword('') } }, 'password');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit(operatorId, password);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setOperatorId('');
    setPassword('');
    onDismissError();
    idRef.current?.focus();
  }

  return (
    <LogonCard headingId="credentials-title" eyebrow="Sign on · step 2 of 3" title="Operator ID and password">
      <form className="logon-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-busy={pending || undefined} aria-labelledby="credentials-title">
        <TextField
          id="logon-operator-id"
          label="Operator ID"
          value={operatorId}
          onChange={(v) => setOperatorId(v.toUpperCase())}
          inputRef={idRef}
          maxLength={12}
          mono
          invalid={error?.field === 'operatorId'}
          errorId="credentials-error"
        />
        <TextField
          id="logon-password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          inputRef={passwordRef}
          maxLength={256}
          invalid={error?.field === 'password'}
          errorId="credentials-error"
        />
        <FormAlert id="credentials-error" message={error?.message ?? null} />
        <div className="logon-card__actions">
          <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
            {pending ? 'Checking…' : 'Continue'}
          </button>
          <span className="logon-card__fine">
            <kbd>Enter</kbd> continues · <kbd>Esc</kbd> clears
          </span>
        </div>
      </form>
    </LogonCard>
  );
}

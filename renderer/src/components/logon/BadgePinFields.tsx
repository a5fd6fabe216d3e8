// Badge and PIN: the second factor at sign-on and the key to the lock screen. A badge reader types
// the badge number like a keyboard and ends with Enter: Enter in the Badge field moves to the PIN
// while the PIN is empty, and sends once both are filled. Esc clears both.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';
import { useRefusalFocus, type Refusal } from './useRefusalFocus';

export type BadgePinField = 'badge' | 'pin';

export interface BadgePinFormProps {
  /** Prefix for element IDs, so the sign-on and lock forms never share one. */
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  pending: boolean;
  error: (Refusal<BadgePinField> & { message: string }) | null;
  onSubmit(badge: string, pin: string): void;
  onDismissError(): void;
  /** Extra actions beside the submit button (start over, sign off). */
  children?: ReactNode;
}

export function BadgePinForm({ idPrefix, labelledBy, submitLabel, pending, error, onSubmit, onDismissError, children }: BadgePinFormProps) {
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const badgeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const errorId = `${idPrefix}-error`;

  useEffect(() => {
    badgeRef.current?.focus();
  }, []);
  useRefusalFocus(error, { badge: { ref: badgeRef }, pin: { ref: pinRef, clear: () => setPin('') } }, 'pin');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit(badge, pin);
  }

  function onBadgeKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && pin === '' && badge.trim() !== '') {
      event.preventDefault();
      pinRef.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setBadge('');
    setPin('');
    onDismissError();
    badgeRef.current?.focus();
  }

  return (
    <form className="logon-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-busy={pending || undefined} aria-labelledby={labelledBy}>
      <TextField
        id={`${idPrefix}-badge`}
        label="Badge"
        value={badge}
        onChange={setBadge}
        onKeyDown={onBadgeKeyDown}
        inputRef={badgeRef}
        maxLength={64}
        mono
        hint="Swipe your badge, or type its number."
        invalid={error?.field === 'badge'}
        errorId={errorId}
      />
      <TextField
        id={`${idPrefix}-pin`}
        label="PIN"
        type="password"
        inputMode="numeric"
        value={pin}
        onChange={(v) => setPin(v.replace(/\s/g, ''))}
        inputRef={pinRef}
        maxLength={12}
        mono
        invalid={error?.field === 'pin'}
        errorId={errorId}
      />
      <FormAlert id={errorId} message={error?.message ?? null} />
      <div className="logon-card__actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? 'Checking…' : submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}

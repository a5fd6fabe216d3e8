// The system use notification (L1, CSP AC-8): shown before sign-on until acknowledged. The one
// control on the page is the acknowledgement, focused at once; it is described by the notice text,
// so a screen reader reads the whole notice with it.
import { useEffect, useRef } from 'react';
import { FormAlert } from '../FormAlert';
import { LogonCard } from './LogonCard';

export interface NoticeScreenProps {
  notice: { version: string; title: string; paragraphs: readonly string[] };
  pending: boolean;
  error: string | null;
  onAcknowledge(): void;
}

export function NoticeScreen({ notice, pending, error, onAcknowledge }: NoticeScreenProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  // A refusal (rare: the notice changed meanwhile) keeps the cursor on the one control.
  useEffect(() => {
    if (error) button.current?.focus();
  }, [error]);
  return (
    <LogonCard headingId="notice-title" eyebrow="Before you sign on · step 1 of 3" title={notice.title} tone="notice">
      <div id="notice-text" className="notice__text">
        {notice.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <FormAlert id="notice-error" message={error} />
      <div className="logon-card__actions">
        <button ref={button} type="button" className="button button--primary" onClick={() => (pending ? undefined : onAcknowledge())} aria-disabled={pending || undefined} aria-describedby="notice-text">
          I acknowledge
        </button>
        <span className="logon-card__fine">Notice version {notice.version}</span>
      </div>
    </LogonCard>
  );
}

// The privacy lock (L3): says why and since when it locked, shows the operator ID and nothing else
// about the operator or any record. Badge and PIN unlock; another operator's badge is allowed (the
// main process ends the first session and starts theirs). Sign off ends the session from here.
import { LogonCard } from './logon/LogonCard';
import { BadgePinForm, type BadgePinFormProps } from './logon/BadgePinFields';

export interface LockScreenProps extends Pick<BadgePinFormProps, 'pending' | 'error' | 'onSubmit' | 'onDismissError'> {
  /** Null while the lock is being confirmed by the main process. */
  lock: { operatorId: string; reason: string; sinceTime: string; sinceDay: string; sinceIso: string } | null;
  onSignOff(): void;
}

export function LockScreen({ lock, onSignOff, ...form }: LockScreenProps) {
  if (lock === null) {
    return (
      <LogonCard headingId="lock-title" eyebrow="Privacy lock" title="Locking…" tone="locked">
        <p className="lock__reason">The screen has been cleared.</p>
      </LogonCard>
    );
  }
  return (
    <LogonCard headingId="lock-title" eyebrow="Privacy lock" title="Workstation locked" tone="locked">
      <div className="lock__facts">
        <span className="lock__icon" aria-hidden="true" />
        <div>
          <p className="lock__reason">{lock.reason}</p>
          <p className="lock__since">
            Locked since{' '}
            <time dateTime={lock.sinceIso}>
              {lock.sinceTime} on {lock.sinceDay}
            </time>{' '}
            (local time).
          </p>
        </div>
      </div>
      <dl className="lock__operator">
        <dt>Operator</dt>
        <dd className="mono">{lock.operatorId}</dd>
      </dl>
      <BadgePinForm idPrefix="unlock" labelledBy="lock-title" submitLabel="Unlock" {...form}>
        <button type="button" className="button button--quiet" onClick={onSignOff}>
          Sign off
        </button>
      </BadgePinForm>
      <p className="logon-card__fine lock__other">
        Another operator may sign on here with their own badge and PIN; the locked session then ends.
      </p>
    </LogonCard>
  );
}

// The audit trail could not be written (issue #4, A5): every recorded action is refused until it is
// fixed, and the operator is told so in plain words, with the code and the time to give the CRSO. Shown
// on the active session and on the lock screen. The live region is always in the page, so a failure is
// announced the moment it arrives; dismissing hides it until the next one.
import type { AuditFailureView } from '../../../shared/contract/channels';
import { formatClock, formatDay } from '../state/format';

export const AUDIT_FAILURE_WORDS =
  'The audit trail could not be written. Inquiries and other recorded actions are refused until it is fixed. Tell your CRSO.';

export interface AuditFailureBannerProps {
  failure: AuditFailureView | null;
  /** Failures reported so far (more than one: say so). */
  count: number;
  onDismiss(): void;
  /** For tests; the UI uses the workstation's local zone. */
  timeZone?: string;
}

export function AuditFailureBanner({ failure, count, onDismiss, timeZone }: AuditFailureBannerProps) {
  return (
    <div className={failure ? 'form-alert audit-failure' : 'form-alert form-alert--empty audit-failure'} role="alert" aria-labelledby={failure ? 'audit-failure-title' : undefined}>
      {failure ? (
        <>
          <span className="form-alert__icon" aria-hidden="true" />
          <div className="audit-failure__body">
            <p id="audit-failure-title" className="audit-failure__text">
              {AUDIT_FAILURE_WORDS}
            </p>
            <p className="audit-failure__detail">
              Code <span className="mono">{failure.code}</span> at{' '}
              <time dateTime={failure.at}>
                {formatClock(failure.at, timeZone)} on {formatDay(failure.at, timeZone)}
              </time>
              {count > 1 ? ` (${count} failures reported)` : ''}.
            </p>
          </div>
          <button type="button" className="button button--small audit-failure__dismiss" onClick={onDismiss}>
            Dismiss audit failure notice
          </button>
        </>
      ) : null}
    </div>
  );
}

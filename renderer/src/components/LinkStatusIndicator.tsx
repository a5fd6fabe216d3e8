// The link to the message switch, in words first and colour second.
import { formatClock, type LinkIndicator } from '../state/selectors';

export interface LinkStatusIndicatorProps {
  indicator: LinkIndicator;
}

export function LinkStatusIndicator({ indicator }: LinkStatusIndicatorProps) {
  const { tone, label, detail, nextAttemptAt } = indicator;
  return (
    <div className={`link-status link-status--${tone}`} role="status" aria-live="polite" aria-atomic="true" aria-labelledby="link-status-label">
      <span className="link-status__icon" aria-hidden="true" />
      <span className="link-status__body">
        <span id="link-status-label" className="link-status__label">
          <span className="link-status__prefix">Switch link: </span>
          {label}
        </span>
        {detail !== null ? <span className="link-status__detail">{detail}</span> : null}
        {nextAttemptAt !== null ? (
          <span className="link-status__detail">
            Next attempt at <time dateTime={nextAttemptAt}>{formatClock(nextAttemptAt)}</time>
          </span>
        ) : null}
      </span>
    </div>
  );
}

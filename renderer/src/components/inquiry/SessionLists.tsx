// This session's inquiries (newest first; choosing one opens its return again) and this operator's
// hit confirmation requests with their countdown (from the store's ticking clock) and outcome.
import type { ConfirmationRow, InquiryLine } from './describe';

export function SessionInquiries({ lines, currentRef, error, onOpen }: { lines: readonly InquiryLine[] | null; currentRef: string | null; error: string | null; onOpen(ref: string): void }) {
  return (
    <section className="inq-list" aria-labelledby="inq-list-heading">
      <h3 id="inq-list-heading" className="inq-side__title">
        This session’s inquiries
      </h3>
      {error ? <p className="inq-field__error">{error}</p> : null}
      {lines === null ? (
        <p className="panel__empty">Loading…</p>
      ) : lines.length === 0 ? (
        <p className="panel__empty">No inquiries yet in this session.</p>
      ) : (
        <ol className="inq-list__items">
          {lines.map((l) => (
            <li key={l.ref}>
              <button
                type="button"
                className={l.ref === currentRef ? 'inq-list__item inq-list__item--current' : 'inq-list__item'}
                aria-current={l.ref === currentRef ? 'true' : undefined}
                onClick={() => onOpen(l.ref)}
              >
                <span className="inq-list__subject">{l.subject}</span>
                <span className="inq-list__meta">
                  {l.title} · <time dateTime={l.sentAt}>{l.time}</time> ·{' '}
                  <span className={l.failed ? 'inq-list__outcome inq-list__outcome--failed' : 'inq-list__outcome'}>{l.outcome}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ConfirmationItem({ row, showOperator = false }: { row: ConfirmationRow; showOperator?: boolean }) {
  return (
    <li className={`inq-hc inq-hc--${row.tone}`}>
      <div className="inq-hc__head">
        <span className="inq-hc__subject">{row.subject}</span>
        <span className={`tag inq-hc__status inq-hc__status--${row.tone}`}>{row.status}</span>
      </div>
      <p className="inq-hc__time">{row.time}</p>
      <p className="inq-hc__meta">
        {showOperator ? `${row.operatorId} · ` : ''}
        {row.record} · {row.priority} · request {row.requestNumber}
      </p>
      {row.detail === null ? null : row.tone === 'failed' ? (
        <p className="inq-hc__meta">{row.detail}</p>
      ) : (
        <details className="inq-hc__answer">
          <summary>The answer (YR)</summary>
          <pre className="inq-hc__detail">{row.detail}</pre>
        </details>
      )}
    </li>
  );
}

export function HitConfirmations({ rows, error, outcome }: { rows: readonly ConfirmationRow[] | null; error: string | null; outcome: string | null }) {
  return (
    <section className="inq-hcs" aria-labelledby="inq-hcs-heading">
      <h3 id="inq-hcs-heading" className="inq-side__title">
        Hit confirmations
      </h3>
      <p className="inq-hcs__outcome" role="status">
        {outcome}
      </p>
      {error ? <p className="inq-field__error">{error}</p> : null}
      {rows === null || rows.length === 0 ? (
        <p className="panel__empty">No hit confirmation requests.</p>
      ) : (
        <ul className="inq-hcs__items" aria-label="Hit confirmation requests">
          {rows.map((r) => (
            <ConfirmationItem key={r.id} row={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

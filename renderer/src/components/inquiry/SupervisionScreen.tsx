// Supervisors and the CRSO: every overdue hit confirmation request of the agency, with a refresh.
import { ConfirmationItem } from './SessionLists';
import type { ConfirmationRow } from './describe';

export interface SupervisionScreenProps {
  rows: readonly ConfirmationRow[] | null;
  loading: boolean;
  loadError: string | null;
  onRefresh(): void;
}

export function SupervisionScreen({ rows, loading, loadError, onRefresh }: SupervisionScreenProps) {
  return (
    <main id="main" className="panel supervision" aria-labelledby="supervision-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="supervision-heading" className="panel__title">
          Supervision: overdue hit confirmations
        </h2>
        <div className="panel__tools">
          <button type="button" className="button button--small" onClick={onRefresh} aria-disabled={loading ? true : undefined}>
            {loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <div className="supervision__body">
        {loadError ? (
          <p className="inq-field__error" role="alert">
            {loadError}
          </p>
        ) : null}
        {rows === null ? (
          <p className="panel__empty">{loading ? 'Loading…' : 'Not loaded.'}</p>
        ) : rows.length === 0 ? (
          <p className="panel__empty">No overdue hit confirmation requests in the agency.</p>
        ) : (
          <ul className="inq-hcs__items" aria-label="Overdue hit confirmation requests">
            {rows.map((r) => (
              <ConfirmationItem key={r.id} row={r} showOperator />
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}

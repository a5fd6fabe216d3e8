// The CRSO's roster screen: the table, the add form, and one operator's account at a time.
import { useState } from 'react';
import type { NewOperatorInput } from '../../state/roster';
import type { OperatorRow } from '../../state/selectors';
import { FormAlert, StatusLine } from '../FormAlert';
import { AddOperatorForm, type RosterFormOutcome } from './AddOperatorForm';
import { ManageOperator } from './ManageOperator';
import { OperatorTable } from './OperatorTable';

export interface OperatorsScreenProps {
  rows: readonly OperatorRow[] | null;
  loading: boolean;
  loadError: string | null;
  outcome: RosterFormOutcome | null;
  onRefresh(): void;
  onCreate(input: NewOperatorInput): Promise<boolean>;
  onRelease(id: string, note: string): Promise<boolean>;
  onSetDates(id: string, statementSignedOn: string | null, certifiedUntil: string | null): Promise<boolean>;
  onDisable(id: string, reason: string): Promise<boolean>;
}

type Panel = { kind: 'none' } | { kind: 'add'; since: number } | { kind: 'manage'; id: string; since: number };

export function OperatorsScreen(props: OperatorsScreenProps) {
  const { rows, loading, loadError, outcome } = props;
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const seq = outcome?.seq ?? 0;
  // Each panel shows only outcomes of what was done in it.
  const outcomeFor = (since: number) => (outcome !== null && outcome.seq > since ? outcome : null);
  const managed = panel.kind === 'manage' ? (rows?.find((r) => r.id === panel.id) ?? null) : null;
  const counts = rows ? { total: rows.length, locked: rows.filter((r) => r.locked && !r.disabled).length, lapsed: rows.filter((r) => r.certification.lapsed && !r.disabled).length } : null;

  return (
    <main id="main" className="panel operators" aria-labelledby="operators-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="operators-heading" className="panel__title">
          Operators
        </h2>
        {counts ? (
          <span className="panel__count">
            {counts.total} on the roster · {counts.locked} locked · {counts.lapsed} lapsed
          </span>
        ) : null}
        <div className="panel__tools">
          <button type="button" className="button button--small" onClick={() => setPanel({ kind: 'add', since: seq })}>
            Add operator
          </button>
          <button type="button" className="button button--small button--quiet" onClick={props.onRefresh} aria-disabled={loading || undefined}>
            {loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <div className="operators__body">
        <FormAlert id="roster-load-error" message={loadError} />
        {/* A change made from a panel that has closed since (an operator added) is confirmed here. */}
        <StatusLine message={panel.kind === 'none' && outcome?.ok ? outcome.message : null} />
        {panel.kind === 'add' ? <AddOperatorForm outcome={outcomeFor(panel.since)} onSubmit={props.onCreate} onClose={() => setPanel({ kind: 'none' })} /> : null}
        {managed !== null && panel.kind === 'manage' ? (
          <ManageOperator row={managed} outcome={outcomeFor(panel.since)} onRelease={props.onRelease} onSetDates={props.onSetDates} onDisable={props.onDisable} onClose={() => setPanel({ kind: 'none' })} />
        ) : null}
        {rows === null ? (
          <p className="panel__empty">{loading ? 'Reading the roster…' : 'The roster has not been read.'}</p>
        ) : rows.length === 0 ? (
          <p className="panel__empty">No operators on the roster.</p>
        ) : (
          <OperatorTable rows={rows} selectedId={managed?.id ?? null} onManage={(id) => setPanel({ kind: 'manage', id, since: seq })} />
        )}
      </div>
    </main>
  );
}

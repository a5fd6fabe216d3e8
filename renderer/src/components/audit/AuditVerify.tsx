// The in-app verification of this workstation's journal (the same check as `npm run audit -- verify`),
// with a progress bar fed by the main process's audit.verifyProgress events.
import type { AuditAlert } from '../../../../shared/contract/audit-channels';
import type { ErrorInfo } from '../../../../shared/contract/result';
import type { AuditVerifyState } from '../../state/audit';
import { formatDateTime } from '../../state/format';
import { FormAlert } from '../FormAlert';

export interface AuditVerifyProps {
  verify: AuditVerifyState;
  onVerify(): void;
}

export function AuditVerify({ verify, onVerify }: AuditVerifyProps) {
  const { running, done, total, phase, result, error } = verify;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <section className="subpanel audit-verify" aria-labelledby="audit-verify-heading">
      <div className="subpanel__head">
        <h3 id="audit-verify-heading" className="subpanel__title">
          Verify this workstation’s journal
        </h3>
        <div className="panel__tools">
          <button type="button" className="button button--small button--primary" onClick={onVerify} aria-disabled={running || undefined}>
            {running ? 'Verifying…' : 'Verify the audit trail'}
          </button>
        </div>
      </div>
      {running || result ? (
        <div className="audit-verify__progress">
          <label htmlFor="audit-verify-progress" className="field__label">
            {running ? (phase === 'locating' ? 'Locating the damage…' : 'Checking every record…') : 'Verification finished'}
          </label>
          <progress id="audit-verify-progress" max={100} value={running && total === 0 ? undefined : running ? percent : 100}>
            {percent}%
          </progress>
          <span className="audit-verify__percent">{running ? `${percent}%` : '100%'}</span>
        </div>
      ) : null}
      <FormAlert id="audit-verify-error" message={error?.message ?? null} />
      {result ? (
        <div className={result.ok ? 'callout audit-verify__result' : 'callout callout--warning audit-verify__result'} role="status">
          <p>
            <strong>{result.ok ? 'Intact.' : 'Damaged.'}</strong> {result.summary}
          </p>
          {result.firstBad ? (
            <dl className="facts facts--compact">
              <div className="facts__item">
                <dt>Kind</dt>
                <dd>{result.firstBad.kind}</dd>
              </div>
              <div className="facts__item">
                <dt>File and line</dt>
                <dd className="mono">
                  {result.firstBad.file} line {result.firstBad.line}
                </dd>
              </div>
              <div className="facts__item">
                <dt>Record</dt>
                <dd className="mono">{result.firstBad.seq}</dd>
              </div>
              <div className="facts__item">
                <dt>What</dt>
                <dd>{result.firstBad.message}</dd>
              </div>
            </dl>
          ) : null}
          {!result.ok ? <p>Keep the journal folder as evidence and run the command-line check; nothing is repaired automatically.</p> : null}
        </div>
      ) : null}
    </section>
  );
}

export interface AuditAlertsProps {
  alerts: readonly AuditAlert[] | null;
  loading: boolean;
  error: ErrorInfo | null;
  onLoad(): void;
}

/** The audit-trail failures every workstation filed in the agency store (CJIS AU-5: alert within an hour). */
export function AuditAlerts({ alerts, loading, error, onLoad }: AuditAlertsProps) {
  return (
    <section className="subpanel audit-alerts" aria-labelledby="audit-alerts-heading">
      <div className="subpanel__head">
        <h3 id="audit-alerts-heading" className="subpanel__title">
          Audit-trail failures reported by workstations
        </h3>
        <div className="panel__tools">
          <button type="button" className="button button--small" onClick={onLoad} aria-disabled={loading || undefined}>
            {loading ? 'Loading…' : alerts === null ? 'Show failures' : 'Refresh'}
          </button>
        </div>
      </div>
      <FormAlert id="audit-alerts-error" message={error?.message ?? null} />
      {alerts === null ? null : alerts.length === 0 ? (
        <p className="panel__empty">No workstation has reported a failure of its audit trail.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Audit-trail failures, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Workstation</th>
              <th scope="col">Code</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a, i) => (
              <tr key={`${a.workstation}-${a.at}-${a.code}-${i}`} className={a.severity === 'critical' ? 'audit-alerts__row--critical' : undefined}>
                <td>
                  <time dateTime={a.at}>{formatDateTime(a.at)}</time>
                </td>
                <td className="mono">{a.workstation}</td>
                <td className="mono">{a.code}</td>
                <td>{a.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

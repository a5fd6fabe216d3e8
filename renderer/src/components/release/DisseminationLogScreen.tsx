// The dissemination log (T11 §707(c); CRSO and supervisors): every release with who asked, who approved,
// who released, to whom, why and how; searchable by dates, recipient, operator and release ID; exported
// to CSV by the CRSO (the file and its SHA-256 are shown); and the witnessed destruction of returned
// copies recorded (§708). Reading and exporting the log are audited by the main process.
import { useState, type FormEvent } from 'react';
import type { DisseminationEntry } from '../../../../shared/contract/release-channels';
import { formatDateOnly, formatDateTime, localDate } from '../../state/format';
import type { DestructionInput, LogFilter, ReleaseData } from '../../state/release';
import { FormAlert, StatusLine } from '../FormAlert';
import { TextField } from '../TextField';
import { DESTRUCTION_LABELS, methodLabel, recipientTypeLabel } from './describe';
import { DestructionForm } from './DestructionForm';

export interface DisseminationLogScreenProps {
  data: ReleaseData;
  canExport: boolean;
  now: number;
  onSearch(filter: LogFilter): Promise<boolean>;
  onExport(filter: LogFilter): Promise<boolean>;
  onRecordDestruction(input: DestructionInput): Promise<boolean>;
}

function Destroyed({ e }: { e: DisseminationEntry }) {
  if (!e.destroyedAt) return <span className="flag flag--warning">Not recorded</span>;
  return (
    <span className="flag flag--ok">
      {formatDateOnly(e.destroyedAt.slice(0, 10))} · {e.destructionMethod ? DESTRUCTION_LABELS[e.destructionMethod] : ''}
      <span className="flag__note">witness {e.destructionWitness}</span>
    </span>
  );
}

export function DisseminationLogScreen({ data, canExport, now, onSearch, onExport, onRecordDestruction }: DisseminationLogScreenProps) {
  const [from, setFrom] = useState(data.logFilter.from ?? '');
  const [to, setTo] = useState(data.logFilter.to ?? '');
  const [recipient, setRecipient] = useState(data.logFilter.recipient ?? '');
  const [operator, setOperator] = useState(data.logFilter.operator ?? '');
  const [releaseId, setReleaseId] = useState(data.logFilter.releaseId ?? '');
  const [destroyId, setDestroyId] = useState<string | null>(null);
  const filter: LogFilter = { from, to, recipient, operator, releaseId };
  const outcome = data.outcome && (data.outcome.step === 'log' || data.outcome.step === 'export') ? data.outcome : null;
  const rows = data.log;

  function search(event: FormEvent) {
    event.preventDefault();
    void onSearch(filter);
  }

  return (
    <main id="main" className="panel dissemination" aria-labelledby="dissemination-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="dissemination-heading" className="panel__title">
          Dissemination log
        </h2>
        {rows ? <span className="panel__count">{rows.length === 1 ? '1 release' : `${rows.length} releases`}</span> : null}
        <div className="panel__tools">
          <button type="button" className="button button--small" onClick={() => setDestroyId('')}>
            Record destruction
          </button>
          {canExport ? (
            <button type="button" className="button button--small button--quiet" onClick={() => void onExport(filter)}>
              Export CSV
            </button>
          ) : null}
        </div>
      </div>
      <div className="releases__body">
        <form className="inline-form inline-form--row release-log__filters" onSubmit={search} noValidate aria-label="Search the dissemination log">
          <TextField id="log-from" label="From" type="date" value={from} onChange={setFrom} invalid={outcome?.field === 'from'} errorId="log-error" />
          <TextField id="log-to" label="To" type="date" value={to} onChange={setTo} invalid={outcome?.field === 'to'} errorId="log-error" />
          <TextField id="log-recipient" label="Recipient" value={recipient} onChange={setRecipient} maxLength={100} invalid={outcome?.field === 'recipient'} errorId="log-error" />
          <TextField id="log-operator" label="Operator" value={operator} onChange={(v) => setOperator(v.toUpperCase())} maxLength={12} mono invalid={outcome?.field === 'operator'} errorId="log-error" />
          <TextField id="log-release" label="Release ID" value={releaseId} onChange={(v) => setReleaseId(v.toUpperCase())} maxLength={12} mono invalid={outcome?.field === 'releaseId'} errorId="log-error" />
          <button type="submit" className="button button--primary" aria-disabled={data.logLoading || undefined}>
            {data.logLoading ? 'Searching…' : 'Search'}
          </button>
        </form>
        <FormAlert id="log-error" message={outcome && !outcome.ok ? `${outcome.message}${outcome.code ? ` (${outcome.code})` : ''}` : null} />
        <StatusLine message={outcome?.ok ? outcome.message : null} />
        {data.exported ? (
          <dl className="release-facts release-export" aria-label="Last export">
            <div>
              <dt>Export file</dt>
              <dd className="mono">{data.exported.file}</dd>
            </div>
            <div>
              <dt>Rows</dt>
              <dd>{data.exported.rows}</dd>
            </div>
            <div>
              <dt>SHA-256</dt>
              <dd className="mono release-export__hash">{data.exported.sha256}</dd>
            </div>
          </dl>
        ) : null}
        {destroyId !== null ? (
          <DestructionForm key={destroyId} releaseId={destroyId} today={localDate(now)} outcome={data.outcome} onSubmit={onRecordDestruction} onClose={() => setDestroyId(null)} />
        ) : null}
        {rows === null ? (
          <p className="panel__empty">{data.logLoading ? 'Reading the log…' : 'Search the log to see releases.'}</p>
        ) : rows.length === 0 ? (
          <p className="panel__empty">No release matches.</p>
        ) : (
          <div className="table-wrap">
            <table className="table release-table">
              <caption className="visually-hidden">Dissemination log, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Release</th>
                  <th scope="col">Released</th>
                  <th scope="col">Requested / approved / released by</th>
                  <th scope="col">Recipient</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">Legal basis</th>
                  <th scope="col">What, how</th>
                  <th scope="col">Destruction</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.releaseId}>
                    <th scope="row" className="mono">
                      {e.releaseId}
                    </th>
                    <td>
                      <time dateTime={e.releasedAt}>{formatDateTime(e.releasedAt)}</time>
                      <span className="flag__note">{e.releasingWorkstation}</span>
                    </td>
                    <td>
                      {e.requestedBy} / {e.approvedBy} / {e.releasedBy}
                    </td>
                    <td className="table__wrap">
                      {e.recipientName}, {e.recipientAgency}
                      {e.recipientOri ? ` (${e.recipientOri})` : ''}
                      <span className="flag__note">{recipientTypeLabel(e.recipientType)}</span>
                    </td>
                    <td className="table__wrap">{e.purpose}</td>
                    <td className="table__wrap">{e.legalBasis}</td>
                    <td className="table__wrap">
                      {e.released} · {methodLabel(e.method)}
                    </td>
                    <td className="table__wrap">
                      <Destroyed e={e} />
                    </td>
                    <td>
                      {!e.destroyedAt ? (
                        <button type="button" className="button button--small button--quiet" onClick={() => setDestroyId(e.releaseId)}>
                          Record destruction<span className="visually-hidden"> of {e.releaseId}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </main>
  );
}

// The auditor's search: the filters, the results newest first with "More", one record opened with its
// neighbours, and the export of what the filter matches. Every search, opening and export is recorded
// by the main process (AU-9); the screen says so.
import { useState, type FormEvent } from 'react';
import { AUDIT_EVENT_TYPE_NAMES, type AuditExportResult, type AuditRecordResult, type AuditRowView } from '../../../../shared/contract/audit-channels';
import type { AuditFilterForm } from '../../state/audit';
import { EMPTY_FILTER_FORM } from '../../state/audit';
import { formatDateTime } from '../../state/format';
import { FormAlert, StatusLine } from '../FormAlert';
import { TextField } from '../TextField';

export interface AuditSearchProps {
  rows: readonly AuditRowView[] | null;
  hasMore: boolean;
  searching: boolean;
  searchError: string | null;
  opened: AuditRecordResult | null;
  opening: boolean;
  openError: string | null;
  exported: AuditExportResult | null;
  exporting: boolean;
  exportError: string | null;
  onSearch(form: AuditFilterForm): Promise<boolean>;
  onMore(): void;
  onOpen(workstationId: string, seq: number): void;
  onClose(): void;
  onExport(): void;
}

function subjectText(row: AuditRowView): string {
  return Object.entries(row.subjectKeys)
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ');
}

function purposeText(row: AuditRowView): string {
  return [row.purpose ? `III ${row.purpose}` : null, row.requestPurpose ? `CA ${row.requestPurpose}` : null].filter(Boolean).join(', ');
}

function FilterForm({ searching, error, onSearch }: { searching: boolean; error: string | null; onSearch: AuditSearchProps['onSearch'] }) {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER_FORM);
  const set = (key: keyof AuditFilterForm) => (value: string) => setForm({ ...form, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSearch(form);
  };
  return (
    <form className="audit-filters" aria-labelledby="audit-search-heading" onSubmit={submit} noValidate>
      <h3 id="audit-search-heading" className="subpanel__title">
        Search the audit trail
      </h3>
      <div className="audit-filters__grid">
        <TextField id="audit-subject" label="Subject" hint="A name (ROE, JANE), plate, OLN, CII…" value={form.subject} onChange={set('subject')} maxLength={40} mono />
        <TextField id="audit-operator" label="Operator ID" value={form.operator} onChange={set('operator')} maxLength={12} mono />
        <TextField id="audit-from" label="From (day)" type="date" value={form.from} onChange={set('from')} />
        <TextField id="audit-to" label="To (day, included)" type="date" value={form.to} onChange={set('to')} />
        <TextField id="audit-message-key" label="Message key" value={form.messageKey} onChange={set('messageKey')} maxLength={24} mono />
        <TextField id="audit-purpose" label="Purpose code (III)" value={form.purpose} onChange={set('purpose')} maxLength={1} mono />
        <TextField id="audit-request-purpose" label="Request purpose (CA)" value={form.requestPurpose} onChange={set('requestPurpose')} maxLength={1} mono />
        <TextField id="audit-requestor" label="Requestor" value={form.requestor} onChange={set('requestor')} maxLength={30} />
        <TextField id="audit-workstation" label="Workstation" value={form.workstationId} onChange={set('workstationId')} maxLength={32} mono />
        <div className="field">
          <label className="field__label" htmlFor="audit-outcome">
            Outcome
          </label>
          <select id="audit-outcome" className="field__input" value={form.outcome} onChange={(e) => set('outcome')(e.target.value)}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
            <option value="refused">Refused</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-event-type">
            Event
          </label>
          <select id="audit-event-type" className="field__input" value={form.eventType} onChange={(e) => set('eventType')(e.target.value)}>
            <option value="">Any</option>
            {AUDIT_EVENT_TYPE_NAMES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormAlert id="audit-search-error" message={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={searching || undefined}>
          {searching ? 'Searching…' : 'Search'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setForm(EMPTY_FILTER_FORM)}>
          Clear
        </button>
      </div>
      <p className="field__hint">Days are counted in Pacific time. Every search is itself recorded in the audit trail.</p>
    </form>
  );
}

function RecordRow({ row, current }: { row: AuditRowView; current?: boolean }) {
  return (
    <tr className={current ? 'table__row--selected' : undefined} aria-current={current || undefined}>
      <td className="mono">{row.seq}</td>
      <td className="nowrap">{formatDateTime(row.at)}</td>
      <td className="mono">{row.eventType}</td>
      <td className="mono">{row.operator ?? '—'}</td>
      <td>{row.outcome}</td>
      <td className="table__wrap">{subjectText(row) || '—'}</td>
    </tr>
  );
}

function RecordDetail({ opened, onClose }: { opened: AuditRecordResult; onClose(): void }) {
  const r = opened.record;
  return (
    <section className="subpanel audit-detail" aria-labelledby="audit-detail-heading">
      <div className="subpanel__head">
        <h3 id="audit-detail-heading" className="subpanel__title">
          {r ? `Record ${r.seq} on ${r.workstationId}` : 'Record not found'}
        </h3>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Close record
        </button>
      </div>
      {r ? (
        <dl className="facts facts--compact audit-detail__facts">
          <div className="facts__item">
            <dt>Time</dt>
            <dd>{formatDateTime(r.at)}</dd>
          </div>
          <div className="facts__item">
            <dt>Event</dt>
            <dd className="mono">{r.eventType}</dd>
          </div>
          <div className="facts__item">
            <dt>Operator</dt>
            <dd className="mono">{r.operator ?? '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>Requestor</dt>
            <dd>{r.requestor ?? '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>Outcome</dt>
            <dd>
              {r.outcome}
              {r.reason ? ` (${r.reason})` : ''}
            </dd>
          </div>
          <div className="facts__item">
            <dt>Message</dt>
            <dd className="mono">{[r.messageKey, r.messageRef].filter(Boolean).join(' ') || '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>Purpose</dt>
            <dd>{purposeText(r) || '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>Subject keys</dt>
            <dd className="mono">{subjectText(r) || '—'}</dd>
          </div>
          {r.fields.map((f) => (
            <div className="facts__item" key={f.name}>
              <dt className="mono">{f.name}</dt>
              <dd className="mono audit-detail__value">{f.value}</dd>
            </div>
          ))}
          <div className="facts__item">
            <dt>SHA-256</dt>
            <dd className="mono audit-detail__value">{r.hash}</dd>
          </div>
        </dl>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <caption>The record with its neighbours on the same workstation, in journal order</caption>
          <thead>
            <tr>
              <th scope="col">Seq</th>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Operator</th>
              <th scope="col">Outcome</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {opened.before.map((row) => (
              <RecordRow key={row.seq} row={row} />
            ))}
            {r ? <RecordRow row={r} current /> : null}
            {opened.after.map((row) => (
              <RecordRow key={row.seq} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ExportResult({ exported }: { exported: AuditExportResult }) {
  const v = exported.verification;
  return (
    <section className="subpanel audit-export" aria-labelledby="audit-export-heading">
      <h3 id="audit-export-heading" className="subpanel__title">
        Export written ({exported.rows} {exported.rows === 1 ? 'row' : 'rows'}{exported.truncated ? ', cut at the export limit' : ''})
      </h3>
      <dl className="facts facts--compact">
        <div className="facts__item">
          <dt>CSV file</dt>
          <dd className="mono audit-detail__value">{exported.csvFile}</dd>
        </div>
        <div className="facts__item">
          <dt>CSV SHA-256</dt>
          <dd className="mono audit-detail__value" aria-label="CSV SHA-256">
            {exported.sha256}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Manifest</dt>
          <dd className="mono audit-detail__value">{exported.manifestFile}</dd>
        </div>
        <div className="facts__item">
          <dt>Manifest SHA-256</dt>
          <dd className="mono audit-detail__value">{exported.manifestSha256}</dd>
        </div>
        <div className="facts__item">
          <dt>Journal verification</dt>
          <dd>{v.journal.summary}</dd>
        </div>
        <div className="facts__item">
          <dt>Rows checked</dt>
          <dd>
            {v.rowsChecked} checked, {v.rowsMismatched === 0 ? 'all match their stored hash' : `${v.rowsMismatched} do not match (listed in the manifest)`}
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function AuditSearch(props: AuditSearchProps) {
  const { rows } = props;
  return (
    <div className="audit-search">
      <FilterForm searching={props.searching} error={props.searchError} onSearch={props.onSearch} />
      {props.opened ? <RecordDetail opened={props.opened} onClose={props.onClose} /> : null}
      <FormAlert id="audit-open-error" message={props.openError} />
      {rows === null ? null : (
        <section className="subpanel" aria-labelledby="audit-results-heading">
          <div className="subpanel__head">
            <h3 id="audit-results-heading" className="subpanel__title">
              Results
            </h3>
            <span className="panel__count" role="status">
              {rows.length === 0 ? 'No record matches.' : `${rows.length} record${rows.length === 1 ? '' : 's'} shown${props.hasMore ? ', more available' : ''}`}
            </span>
            <div className="panel__tools">
              <button type="button" className="button button--small" onClick={props.onExport} aria-disabled={props.exporting || rows.length === 0 || undefined} disabled={rows.length === 0}>
                {props.exporting ? 'Exporting…' : 'Export for DOJ audit'}
              </button>
            </div>
          </div>
          <FormAlert id="audit-export-error" message={props.exportError} />
          {props.exported ? <ExportResult exported={props.exported} /> : null}
          {rows.length > 0 ? (
            <div className="table-wrap">
              <table className="table audit-results">
                <caption className="visually-hidden">Audit records, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Event</th>
                    <th scope="col">Operator</th>
                    <th scope="col">Requestor</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Message</th>
                    <th scope="col">Purpose</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Workstation</th>
                    <th scope="col">
                      <span className="visually-hidden">Open</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.workstationId}#${row.seq}`}>
                      <td className="nowrap">{formatDateTime(row.at)}</td>
                      <td className="mono">{row.eventType}</td>
                      <td className="mono">{row.operator ?? '—'}</td>
                      <td>{row.requestor ?? '—'}</td>
                      <td>{row.outcome}</td>
                      <td className="mono">{row.messageKey ?? '—'}</td>
                      <td>{purposeText(row) || '—'}</td>
                      <td className="table__wrap mono">{subjectText(row) || '—'}</td>
                      <td className="mono">
                        {row.workstationId} #{row.seq}
                      </td>
                      <td>
                        <button type="button" className="button button--small" onClick={() => props.onOpen(row.workstationId, row.seq)}>
                          Open<span className="visually-hidden"> record {row.seq} of {row.workstationId}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {props.hasMore ? (
            <button type="button" className="button button--quiet" onClick={props.onMore} aria-disabled={props.searching || undefined}>
              {props.searching ? 'Reading…' : 'More records'}
            </button>
          ) : null}
          <StatusLine message={props.opening ? 'Opening the record…' : null} />
        </section>
      )}
    </div>
  );
}

// The Releases screen (records, supervisors, CRSO): this operator's requests and their decisions, with
// "Release" on the approved ones; for supervisors and the CRSO the agency's pending queue, live (the main
// process's release.queue events re-read it), with its count, each request's age, a filter by recipient
// type, and for supervisors Approve / Deny with a required reason. The main process refuses what is not
// allowed (one's own request, a request another supervisor decided first); its refusal is shown as given.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RECIPIENT_TYPE_LABELS, RECIPIENT_TYPES, type ReleaseView } from '../../../../shared/contract/release-channels';
import { formatDateTime, localDate } from '../../state/format';
import type { DestructionInput, RecipientType, ReleaseData } from '../../state/release';
import { FormAlert, StatusLine } from '../FormAlert';
import { ageOf, legalBasisOf, methodLabel, recipientTypeLabel, STATUS_FLAGS, STATUS_LABELS } from './describe';
import { DestructionForm } from './DestructionForm';
import { ReleaseDocumentView } from './ReleaseDocumentView';

export interface ReleasesScreenProps {
  operatorId: string;
  canPrepare: boolean;
  canSeeQueue: boolean;
  canDecide: boolean;
  data: ReleaseData;
  /** The store's ticking clock (ms). */
  now: number;
  onRefresh(): void;
  onFilter(recipientType: RecipientType | null): void;
  onDecide(id: string, decision: 'approve' | 'deny', reason: string): Promise<boolean>;
  onPerform(id: string): Promise<boolean>;
  onCloseDocument(): void;
  onRecordDestruction(input: DestructionInput): Promise<boolean>;
  /** Printing the document (window.print by default). */
  onPrint?(): void;
}

function Status({ r }: { r: ReleaseView }) {
  return <span className={`flag flag--${STATUS_FLAGS[r.status]}`}>{STATUS_LABELS[r.status]}</span>;
}

function Determination({ r }: { r: ReleaseView }) {
  if (r.legalBasisType !== 'statute') return <span>Replaced by the {r.legalBasisType === 'court_order' ? 'court order' : 'legal process'}</span>;
  return (
    <span>
      <strong>Right:</strong> {r.rightToKnow ?? '—'} <strong>Need:</strong> {r.needToKnow ?? '—'}
    </span>
  );
}

function DecisionPanel({ r, operatorId, busy, data, onDecide, onClose }: { r: ReleaseView; operatorId: string; busy: boolean; data: ReleaseData; onDecide: ReleasesScreenProps['onDecide']; onClose(): void }) {
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const since = useRef(data.outcome?.seq ?? 0);
  const outcome = data.outcome && data.outcome.step === 'decide' && data.outcome.releaseId === r.id && data.outcome.seq > since.current ? data.outcome : null;
  useEffect(() => {
    heading.current?.focus();
  }, [r.id]);

  function decide(decision: 'approve' | 'deny') {
    return async (event?: FormEvent) => {
      event?.preventDefault();
      if (busy) return;
      await onDecide(r.id, decision, reason);
    };
  }

  return (
    <section className="subpanel release-decide" aria-labelledby="release-decide-title">
      <div className="subpanel__head">
        <h3 id="release-decide-title" className="subpanel__title" ref={heading} tabIndex={-1}>
          Decide release <span className="mono">{r.id}</span>
        </h3>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="release-facts">
        <div>
          <dt>Record</dt>
          <dd>
            {r.subject} — {r.scope}
          </dd>
        </div>
        <div>
          <dt>Recipient</dt>
          <dd>
            {r.recipientName}, {r.recipientAgency}
            {r.recipientOri ? ` (ORI ${r.recipientOri})` : ''} — {recipientTypeLabel(r.recipientType)}
          </dd>
        </div>
        {r.chargingCase ? (
          <div>
            <dt>Charging case</dt>
            <dd>{r.chargingCase}</dd>
          </div>
        ) : null}
        <div>
          <dt>Legal basis</dt>
          <dd>{legalBasisOf(r)}</dd>
        </div>
        <div>
          <dt>Determination</dt>
          <dd>
            <Determination r={r} />
          </dd>
        </div>
        <div>
          <dt>Method</dt>
          <dd>{methodLabel(r.method)}</dd>
        </div>
        <div>
          <dt>Requested by</dt>
          <dd>
            {r.requestedBy} at {r.requestingWorkstation}, {formatDateTime(r.requestedAt)}
          </dd>
        </div>
      </dl>
      {r.requestedBy === operatorId ? <p className="callout callout--warning">You prepared this request: another supervisor must decide it.</p> : null}
      <FormAlert id="release-decide-error" message={outcome && !outcome.ok ? `${outcome.message}${outcome.code ? ` (${outcome.code})` : ''}` : null} />
      <StatusLine message={outcome?.ok ? outcome.message : null} />
      {outcome?.ok ? null : (
        <form className="inline-form" onSubmit={decide('approve')} noValidate aria-label={`Decide release ${r.id}`}>
          <div className="field">
            <label className="field__label" htmlFor="release-decision-reason">
              Reason for the decision
            </label>
            <textarea
              id="release-decision-reason"
              className="field__input field__textarea"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={500}
              aria-invalid={outcome?.field === 'reason' || undefined}
              aria-describedby={outcome && !outcome.ok ? 'release-decide-error' : undefined}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              Approve {r.id}
            </button>
            <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => void decide('deny')()}>
              Deny {r.id}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function PendingQueue({ props, onOpen, openId }: { props: ReleasesScreenProps; onOpen(id: string): void; openId: string | null }) {
  const { data, now, canDecide, operatorId } = props;
  const rows = data.pending;
  return (
    <section className="release-section" aria-labelledby="release-queue-title">
      <div className="release-section__head">
        <h3 id="release-queue-title" className="release-section__title">
          Pending requests
        </h3>
        <span className="panel__count" aria-live="polite">
          {rows === null ? '' : `${rows.length} pending${data.pendingFilter ? ` (${RECIPIENT_TYPE_LABELS[data.pendingFilter]})` : ''}`}
          {data.pendingFilter && data.pendingCount !== null ? ` · ${data.pendingCount} in all` : ''}
        </span>
        <div className="field release-filter">
          <label className="field__label" htmlFor="release-filter">
            Recipient type
          </label>
          <select id="release-filter" className="field__input" value={data.pendingFilter ?? ''} onChange={(e) => props.onFilter(e.target.value === '' ? null : (e.target.value as RecipientType))}>
            <option value="">All recipient types</option>
            {RECIPIENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {RECIPIENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormAlert id="release-queue-error" message={data.pendingError ? `${data.pendingError.message} (${data.pendingError.code})` : null} />
      {rows === null ? (
        <p className="panel__empty">{data.loading ? 'Reading the queue…' : 'The queue has not been read.'}</p>
      ) : rows.length === 0 ? (
        <p className="panel__empty">No release request is waiting.</p>
      ) : (
        <div className="table-wrap">
          <table className="table release-table">
            <caption className="visually-hidden">Pending release requests, DA charging requests first, then oldest</caption>
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">Waiting</th>
                <th scope="col">Requested by</th>
                <th scope="col">Record</th>
                <th scope="col">Recipient</th>
                <th scope="col">Legal basis</th>
                <th scope="col">Method</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.id === openId ? 'table__row--selected' : undefined} aria-selected={r.id === openId || undefined}>
                  <th scope="row" className="mono">
                    {r.id}
                    {r.recipientType === 'da_charging' ? <span className="tag tag--danger">DA charging</span> : null}
                  </th>
                  <td>
                    <time dateTime={r.requestedAt}>{ageOf(r.requestedAt, now)}</time>
                  </td>
                  <td>
                    {r.requestedBy}
                    {r.requestedBy === operatorId ? <span className="flag__note">yours</span> : null}
                  </td>
                  <td className="table__wrap">
                    {r.subject} — {r.scope}
                  </td>
                  <td className="table__wrap">
                    {r.recipientName}, {r.recipientAgency} — {recipientTypeLabel(r.recipientType)}
                  </td>
                  <td className="table__wrap">{legalBasisOf(r)}</td>
                  <td>{methodLabel(r.method)}</td>
                  <td>
                    {canDecide ? (
                      <button type="button" className="button button--small" onClick={() => onOpen(r.id)}>
                        Decide<span className="visually-hidden"> {r.id}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MyRequests({ props, onDestroy }: { props: ReleasesScreenProps; onDestroy(id: string): void }) {
  const { data } = props;
  const rows = data.mine;
  const performOutcome = data.outcome && data.outcome.step === 'perform' && !data.outcome.ok ? data.outcome : null;
  return (
    <section className="release-section" aria-labelledby="release-mine-title">
      <div className="release-section__head">
        <h3 id="release-mine-title" className="release-section__title">
          My release requests
        </h3>
        {rows ? <span className="panel__count">{rows.length}</span> : null}
      </div>
      <FormAlert id="release-mine-error" message={data.mineError ? `${data.mineError.message} (${data.mineError.code})` : null} />
      <FormAlert id="release-perform-error" message={performOutcome ? `${performOutcome.message}${performOutcome.code ? ` (${performOutcome.code})` : ''}` : null} />
      {rows === null ? (
        <p className="panel__empty">{data.loading ? 'Reading your requests…' : 'Your requests have not been read.'}</p>
      ) : rows.length === 0 ? (
        <p className="panel__empty">You have no release requests. Prepare one from a criminal history return in the workspace.</p>
      ) : (
        <div className="table-wrap">
          <table className="table release-table">
            <caption className="visually-hidden">My release requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">Requested</th>
                <th scope="col">Record</th>
                <th scope="col">Recipient</th>
                <th scope="col">Status</th>
                <th scope="col">Decision</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="mono">
                    {r.id}
                  </th>
                  <td>
                    <time dateTime={r.requestedAt}>{formatDateTime(r.requestedAt)}</time>
                  </td>
                  <td className="table__wrap">
                    {r.subject} — {r.scope}
                  </td>
                  <td className="table__wrap">
                    {r.recipientName}, {r.recipientAgency}
                  </td>
                  <td>
                    <Status r={r} />
                  </td>
                  <td className="table__wrap">
                    {r.decidedBy ? (
                      <>
                        {r.status === 'denied' ? 'Denied' : 'Approved'} by {r.decidedBy}
                        {r.decisionReason ? `: ${r.decisionReason}` : ''}
                      </>
                    ) : (
                      '—'
                    )}
                    {r.releasedBy ? ` · released by ${r.releasedBy}${r.releasedAt ? ` ${formatDateTime(r.releasedAt)}` : ''}` : ''}
                  </td>
                  <td>
                    {r.status === 'approved' ? (
                      <button type="button" className="button button--small button--primary" aria-disabled={data.busy !== null || undefined} onClick={() => void (data.busy === null && props.onPerform(r.id))}>
                        Release<span className="visually-hidden"> {r.id}</span>
                      </button>
                    ) : r.status === 'released' ? (
                      <button type="button" className="button button--small button--quiet" onClick={() => onDestroy(r.id)}>
                        Record destruction<span className="visually-hidden"> of {r.id}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ReleasesScreen(props: ReleasesScreenProps) {
  const { data } = props;
  const [openId, setOpenId] = useState<string | null>(null);
  const [destroyId, setDestroyId] = useState<string | null>(null);
  const open = openId ? (data.pending?.find((r) => r.id === openId) ?? null) : null;
  // A request decided elsewhere leaves the queue; the refusal stays visible until the panel is closed.
  const [lastOpen, setLastOpen] = useState<ReleaseView | null>(null);
  useEffect(() => {
    if (open) setLastOpen(open);
  }, [open]);
  const shown = open ?? (openId && lastOpen?.id === openId ? lastOpen : null);

  if (data.document) {
    return (
      <main id="main" className="panel releases" aria-labelledby="releases-heading" tabIndex={-1}>
        <div className="panel__head">
          <h2 id="releases-heading" className="panel__title">
            Releases
          </h2>
        </div>
        <div className="releases__body">
          <ReleaseDocumentView document={data.document} onClose={props.onCloseDocument} {...(props.onPrint ? { onPrint: props.onPrint } : {})} />
        </div>
      </main>
    );
  }

  const status = data.outcome && data.outcome.ok && (data.outcome.step === 'decide' || data.outcome.step === 'prepare') && shown === null ? data.outcome.message : null;

  return (
    <main id="main" className="panel releases" aria-labelledby="releases-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="releases-heading" className="panel__title">
          Releases
        </h2>
        {props.canSeeQueue && data.pendingCount !== null ? <span className="panel__count">{data.pendingCount} waiting for a supervisor</span> : null}
        <div className="panel__tools">
          <button type="button" className="button button--small button--quiet" onClick={props.onRefresh} aria-disabled={data.loading || undefined}>
            {data.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <div className="releases__body">
        <StatusLine message={status} />
        {shown ? <DecisionPanel key={shown.id} r={shown} operatorId={props.operatorId} busy={data.busy !== null} data={data} onDecide={props.onDecide} onClose={() => setOpenId(null)} /> : null}
        {props.canSeeQueue ? <PendingQueue props={props} openId={openId} onOpen={setOpenId} /> : null}
        {props.canPrepare ? <MyRequests props={props} onDestroy={setDestroyId} /> : null}
        {destroyId ? <DestructionForm key={destroyId} releaseId={destroyId} today={localDate(props.now)} outcome={data.outcome} onSubmit={props.onRecordDestruction} onClose={() => setDestroyId(null)} /> : null}
      </div>
    </main>
  );
}

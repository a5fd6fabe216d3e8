// CORI release under supervision (issue #6; requirements R1–R7, G.O. 54.3.4, T11 §707(c), §708).
//
// prepare   a records user asks to release a criminal history return of their own session to a named
//           recipient, with the legal basis and (unless a court order or other legal process) their
//           right-to-know / need-to-know determination (R3). A DA charging request (R4) is its own path:
//           the charging case is required and the determination is written for the preparer.
// decide    a supervisor (Chief-designated release personnel, R2) approves or denies with a reason. Nobody
//           decides their own request; of two decisions at once exactly one stands (row lock + status check,
//           and a trigger that only lets pending → approved | denied).
// perform   an approved request is released once: the dissemination log row, the audit record and the
//           status change commit together; the watermarked document goes to the app's one print path.
// Every step is written to the audit journal before its transaction commits: if the journal cannot take
// the record, the transaction rolls back and the step is refused (fail closed).
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeReply, formatReply, type RapSheetRecord, type ReplyDraft } from '../../../shared/codec';
import {
  LEGAL_BASIS_LABELS,
  MIN_DETERMINATION_LENGTH,
  RECIPIENT_TYPE_LABELS,
  RELEASE_DECIDER_ROLES,
  RELEASE_PREPARER_ROLES,
  type DisseminationEntry,
  type ReleaseDocument,
  type ReleaseRequestInput,
  type ReleaseView,
} from '../../../shared/contract/release-channels';
import type { Role } from '../../../shared/contract/roles';
import type { AuditEvent } from '../audit/schema';
import type { Clock } from '../clock';
import { AppError, isAppError } from '../errors';
import type { Logger } from '../log';
import { auditRefusal } from '../session/audit';
import { SQLSTATE, sqlState, type Db, type Queryable } from '../store/db';

/** Where a release's text comes from: a criminal history return of the operator's own session. */
export interface ReleaseSource {
  criminalHistory(ref: string, operatorId: string): { text: string; subject: string } | null;
}

export interface ReleaseActor {
  operatorId: string;
  roles: readonly Role[];
}

export interface ReleaseAudit {
  /** Resolves once the record is durable; rejects when it cannot be written. */
  record(event: AuditEvent): Promise<void>;
}

export interface ReleaseServiceDeps {
  db: Db;
  audit: ReleaseAudit;
  clock: Clock;
  workstationId: string;
  source: ReleaseSource;
  /** Folder of electronic copies (created when first needed). */
  copiesDir: string;
  logger: Logger;
}

export interface QueueChange {
  id: string;
  status: ReleaseView['status'];
}

export interface ReleaseService {
  prepare(input: ReleaseRequestInput, actor: ReleaseActor): Promise<ReleaseView>;
  pending(filter: { recipientType?: ReleaseView['recipientType']; olderThanMinutes?: number }): Promise<ReleaseView[]>;
  mine(actor: ReleaseActor): Promise<ReleaseView[]>;
  decide(request: { id: string; decision: 'approve' | 'deny'; reason: string }, actor: ReleaseActor): Promise<ReleaseView>;
  perform(id: string, actor: ReleaseActor): Promise<ReleaseDocument>;
  log(filter: { from?: string; to?: string; recipient?: string; operator?: string; releaseId?: string }): Promise<DisseminationEntry[]>;
  recordDestruction(request: { releaseId: string; method: DisseminationEntry['destructionMethod'] & string; witness: string; destroyedOn: string }, actor: ReleaseActor): Promise<DisseminationEntry>;
  /** Calls back on every change to any release request of the agency (LISTEN/NOTIFY). */
  watch(onChange: (change: QueueChange | null) => void): Promise<() => Promise<void>>;
}

interface RequestRow {
  release_id: string;
  status: ReleaseView['status'];
  requested_at: Date;
  requested_by: string;
  requesting_workstation: string;
  inquiry_ref: string;
  subject: string;
  recipient_name: string;
  recipient_agency: string;
  recipient_ori: string | null;
  recipient_type: ReleaseView['recipientType'];
  legal_basis_type: ReleaseView['legalBasisType'];
  legal_basis_reference: string;
  right_to_know: string | null;
  need_to_know: string | null;
  scope: string;
  method: ReleaseView['method'];
  charging_case: string | null;
  content: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  released_by: string | null;
  released_at: Date | null;
}

interface LogRow {
  release_id: string;
  released_at: Date;
  requesting_workstation: string;
  requested_by: string;
  approved_by: string;
  released_by: string;
  releasing_workstation: string;
  recipient_name: string;
  recipient_agency: string;
  recipient_ori: string | null;
  recipient_type: DisseminationEntry['recipientType'];
  purpose: string;
  legal_basis: string;
  released: string;
  method: DisseminationEntry['method'];
  destroyed_on: string | null;
  destruction_method: DisseminationEntry['destructionMethod'];
  witness: string | null;
}

const REQUEST_COLUMNS = `release_id, status, requested_at, requested_by, requesting_workstation, inquiry_ref, subject, recipient_name,
  recipient_agency, recipient_ori, recipient_type, legal_basis_type, legal_basis_reference, right_to_know, need_to_know, scope, method,
  charging_case, content, decided_by, decided_at, decision_reason, released_by, released_at`;

const LOG_SELECT = `SELECT l.*, d.destroyed_on, d.method AS destruction_method, d.witness
  FROM dissemination_log l LEFT JOIN release_destructions d ON d.release_id = l.release_id`;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function toView(r: RequestRow): ReleaseView {
  return {
    id: r.release_id,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    requestedBy: r.requested_by,
    requestingWorkstation: r.requesting_workstation,
    inquiryRef: r.inquiry_ref,
    subject: r.subject,
    recipientName: r.recipient_name,
    recipientAgency: r.recipient_agency,
    recipientOri: r.recipient_ori,
    recipientType: r.recipient_type,
    legalBasisType: r.legal_basis_type,
    legalBasisReference: r.legal_basis_reference,
    rightToKnow: r.right_to_know,
    needToKnow: r.need_to_know,
    scope: r.scope,
    method: r.method,
    chargingCase: r.charging_case,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
    releasedBy: r.released_by,
    releasedAt: iso(r.released_at),
  };
}

function toEntry(r: LogRow): DisseminationEntry {
  return {
    releaseId: r.release_id,
    releasedAt: r.released_at.toISOString(),
    requestingWorkstation: r.requesting_workstation,
    requestedBy: r.requested_by,
    approvedBy: r.approved_by,
    releasedBy: r.released_by,
    releasingWorkstation: r.releasing_workstation,
    recipientName: r.recipient_name,
    recipientAgency: r.recipient_agency,
    recipientOri: r.recipient_ori,
    recipientType: r.recipient_type,
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    released: r.released,
    method: r.method,
    destroyedAt: r.destroyed_on === null ? null : `${r.destroyed_on}T00:00:00.000Z`,
    destructionMethod: r.destruction_method ?? null,
    destructionWitness: r.witness,
  };
}

const hasRole = (actor: ReleaseActor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** The rap sheet of a criminal history return, or null when the return holds none. */
function rapSheetOf(text: string): { reply: ReturnType<typeof decodeReply>; sheet: RapSheetRecord } | null {
  const reply = decodeReply(text);
  if (reply.kind !== 'hit') return null;
  const sheet = reply.records.find((r): r is RapSheetRecord => r.type === 'rap_sheet');
  return sheet ? { reply, sheet } : null;
}

/** The released text: the whole return, or the subject and the chosen arrests only (custody and probation left out). */
function releasedText(text: string, scope: ReleaseRequestInput['scope']): { text: string; description: string } {
  const found = rapSheetOf(text);
  if (!found) throw new AppError('RELEASE_NOT_CRIMINAL_HISTORY', 'Only a criminal history record (rap sheet) can be released from here.');
  const { reply, sheet } = found;
  const cii = sheet.fields.CII ?? sheet.fields.FBI ?? sheet.fields.SID ?? '';
  if (scope.kind === 'whole') return { text, description: `Whole record${cii ? ` ${cii}` : ''} (${sheet.arrests.length} arrests)` };
  const chosen = [...new Set(scope.arrests)].sort((a, b) => a - b);
  for (const index of chosen) {
    if (index >= sheet.arrests.length) throw new AppError('RELEASE_SCOPE_INVALID', `The record has ${sheet.arrests.length} arrests; arrest ${index + 1} does not exist.`);
  }
  if (reply.kind !== 'hit') throw new AppError('RELEASE_NOT_CRIMINAL_HISTORY', 'Only a criminal history record can be released.');
  const part: RapSheetRecord = { ...sheet, arrests: chosen.map((i) => sheet.arrests[i] as RapSheetRecord['arrests'][number]), custody: [], probation: [] };
  const { raw: _raw, ...rest } = reply;
  const draft = { ...rest, records: [part] } as ReplyDraft;
  return {
    text: formatReply(draft),
    description: `Arrests ${chosen.map((i) => i + 1).join(', ')} of ${sheet.arrests.length}${cii ? ` from record ${cii}` : ''}`,
  };
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function watermarkOf(release: ReleaseView, releasedBy: string, at: string): string {
  return `CORI RELEASE ${release.id} · TO ${release.recipientName} (${release.recipientAgency}) · RELEASED BY ${releasedBy} · ${at.slice(0, 10)} · REDISSEMINATION PROHIBITED (PC 11142, 13303)`;
}

export function createReleaseService(deps: ReleaseServiceDeps): ReleaseService {
  const { db, clock, workstationId, logger } = deps;

  /** Writes the audit record inside the transaction, before it commits; a failed record rolls it back. */
  async function recordInTx(event: AuditEvent): Promise<void> {
    try {
      await deps.audit.record(event);
    } catch (error) {
      throw auditRefusal(error);
    }
  }

  async function lockRequest(tx: Queryable, id: string): Promise<RequestRow> {
    const rows = await tx.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM release_requests WHERE release_id = $1 FOR UPDATE`, [id]);
    const row = rows[0];
    if (!row) throw new AppError('RELEASE_NOT_FOUND', `There is no release request ${id}.`);
    return row;
  }

  function purposeOf(r: RequestRow | ReleaseView): string {
    const type = 'recipientType' in r ? r.recipientType : r.recipient_type;
    const rtk = 'rightToKnow' in r ? r.rightToKnow : r.right_to_know;
    const ntk = 'needToKnow' in r ? r.needToKnow : r.need_to_know;
    const label = RECIPIENT_TYPE_LABELS[type];
    return [label, rtk, ntk].filter((x): x is string => typeof x === 'string' && x !== '').join(' — ').slice(0, 500);
  }

  return {
    async prepare(input, actor) {
      if (!hasRole(actor, RELEASE_PREPARER_ROLES)) throw new AppError('ROLE_REQUIRED', 'Only records staff, supervisors and the CRSO prepare CORI releases.');
      const source = deps.source.criminalHistory(input.inquiryRef, actor.operatorId);
      if (!source) {
        throw new AppError('RELEASE_SOURCE_UNKNOWN', 'That criminal history return is not one of your inquiries in this session. Run the inquiry again, then prepare the release from its return.');
      }
      const released = releasedText(source.text, input.scope);
      const byOrder = input.legalBasisType === 'court_order' || input.legalBasisType === 'legal_process';
      let rightToKnow = input.rightToKnow?.trim() || null;
      let needToKnow = input.needToKnow?.trim() || null;
      const chargingCase = input.chargingCase?.trim() || null;
      if (input.recipientType === 'da_charging') {
        // R4: the District Attorney receives CORI when charges are requested on a department investigation.
        if (!chargingCase) throw new AppError('RELEASE_CHARGING_CASE_REQUIRED', 'A DA charging request names the department case the charges are requested on.');
        rightToKnow ??= `District Attorney: prosecuting agency for charges requested on case ${chargingCase} (G.O. 54.3.4).`;
        needToKnow ??= `Charging decision on case ${chargingCase}.`;
      }
      if (byOrder) {
        if (!/[0-9]/.test(input.legalBasisReference)) {
          throw new AppError('RELEASE_ORDER_REFERENCE_REQUIRED', 'A court order or other legal process replaces the right/need-to-know determination, but its reference (case or order number) is required.');
        }
      } else {
        // R3: the releasing employee determines right and need to know; a peace officer requester changes nothing.
        if (!rightToKnow || rightToKnow.length < MIN_DETERMINATION_LENGTH) {
          throw new AppError('RELEASE_RIGHT_TO_KNOW_REQUIRED', 'State why the recipient has a right to know (the statute or authority that entitles them to CORI).');
        }
        if (!needToKnow || needToKnow.length < MIN_DETERMINATION_LENGTH) {
          throw new AppError('RELEASE_NEED_TO_KNOW_REQUIRED', 'State why the recipient needs this record for their official duties.');
        }
      }
      const now = new Date(clock.now());
      const year = now.getUTCFullYear();
      return db
        .transaction(async (tx) => {
          const [seq] = await tx.query<{ n: string }>(`SELECT nextval('release_number')::text AS n`);
          const id = `R${year}-${String(seq?.n ?? '0').padStart(6, '0')}`;
          const rows = await tx.query<RequestRow>(
            `INSERT INTO release_requests (release_id, status, requested_at, requested_by, requesting_workstation, inquiry_ref, subject,
               recipient_name, recipient_agency, recipient_ori, recipient_type, legal_basis_type, legal_basis_reference, right_to_know,
               need_to_know, scope, method, charging_case, content)
             VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
             RETURNING ${REQUEST_COLUMNS}`,
            [
              id,
              now,
              actor.operatorId,
              workstationId,
              input.inquiryRef,
              source.subject.slice(0, 160) || 'Criminal history record',
              input.recipientName,
              input.recipientAgency,
              input.recipientOri ?? null,
              input.recipientType,
              input.legalBasisType,
              input.legalBasisReference,
              rightToKnow,
              needToKnow,
              released.description.slice(0, 200),
              input.method,
              chargingCase,
              released.text,
            ],
          );
          const row = rows[0] as RequestRow;
          await recordInTx({
            type: 'release.requested',
            operator: actor.operatorId,
            outcome: 'success',
            release: {
              releaseId: id,
              messageRef: input.inquiryRef,
              recipientType: input.recipientType,
              method: input.method,
              scope: released.description.slice(0, 200),
              recipientName: input.recipientName,
              recipientAgency: input.recipientAgency,
              ...(input.recipientOri ? { recipientOri: input.recipientOri } : {}),
              purpose: purposeOf(row).slice(0, 200),
              legalBasis: `${LEGAL_BASIS_LABELS[input.legalBasisType]}: ${input.legalBasisReference}`.slice(0, 200),
            },
          });
          return toView(row);
        })
        .catch((error: unknown) => {
          if (isAppError(error)) throw error;
          logger.error('a release request could not be stored', { error });
          throw new AppError('RELEASE_STORE_FAILED', 'The release request could not be saved in the agency store. Nothing was requested.');
        });
    },

    async pending(filter) {
      const params: (string | number)[] = [];
      let where = `status = 'pending'`;
      if (filter.recipientType) {
        params.push(filter.recipientType);
        where += ` AND recipient_type = $${params.length}`;
      }
      if (filter.olderThanMinutes !== undefined) {
        params.push(new Date(clock.now() - filter.olderThanMinutes * 60_000).toISOString());
        where += ` AND requested_at <= $${params.length}::timestamptz`;
      }
      // DA charging requests first (R4: the faster path), then oldest first.
      const rows = await db.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM release_requests WHERE ${where}
         ORDER BY (recipient_type = 'da_charging') DESC, requested_at, release_id LIMIT 500`,
        params,
      );
      return rows.map(toView);
    },

    async mine(actor) {
      const rows = await db.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM release_requests WHERE requested_by = $1 ORDER BY requested_at DESC, release_id DESC LIMIT 200`,
        [actor.operatorId],
      );
      return rows.map(toView);
    },

    async decide(request, actor) {
      if (!hasRole(actor, RELEASE_DECIDER_ROLES)) {
        throw new AppError('ROLE_REQUIRED', 'Only supervisors designated by the Chief to release CORI approve or deny releases.');
      }
      try {
        return await db.transaction(async (tx) => {
          const row = await lockRequest(tx, request.id);
          if (row.status !== 'pending') {
            throw new AppError(
              'RELEASE_ALREADY_DECIDED',
              `Release ${row.release_id} was already ${row.status === 'denied' ? 'denied' : 'approved'} by ${row.decided_by ?? 'another supervisor'} at ${iso(row.decided_at) ?? 'an earlier time'}. Your decision was not recorded.`,
            );
          }
          if (row.requested_by === actor.operatorId) {
            throw new AppError('RELEASE_SELF_DECISION', 'You prepared this release: another supervisor must decide it.');
          }
          const status = request.decision === 'approve' ? 'approved' : 'denied';
          const now = new Date(clock.now());
          const updated = await tx.query<RequestRow>(
            `UPDATE release_requests SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5,
               content = CASE WHEN $2 = 'denied' THEN NULL ELSE content END
             WHERE release_id = $1 AND status = 'pending' RETURNING ${REQUEST_COLUMNS}`,
            [row.release_id, status, actor.operatorId, now, request.reason],
          );
          const after = updated[0];
          if (!after) throw new AppError('RELEASE_ALREADY_DECIDED', `Release ${row.release_id} was decided by another supervisor first. Your decision was not recorded.`);
          await recordInTx({
            type: status === 'approved' ? 'release.approved' : 'release.denied',
            operator: actor.operatorId,
            outcome: 'success',
            reason: request.reason.slice(0, 200),
            release: {
              releaseId: row.release_id,
              messageRef: row.inquiry_ref,
              recipientType: row.recipient_type,
              method: row.method,
              scope: row.scope,
              requestedBy: row.requested_by,
              recipientName: row.recipient_name,
              recipientAgency: row.recipient_agency,
              ...(row.recipient_ori ? { recipientOri: row.recipient_ori } : {}),
              purpose: purposeOf(row).slice(0, 200),
              legalBasis: `${LEGAL_BASIS_LABELS[row.legal_basis_type]}: ${row.legal_basis_reference}`.slice(0, 200),
            },
          });
          return toView(after);
        });
      } catch (error) {
        if (isAppError(error)) throw error;
        // The trigger or the CHECK refused it (a concurrent decision on PostgreSQL, or our own request).
        if (sqlState(error) === SQLSTATE.raiseException || sqlState(error) === SQLSTATE.checkViolation) {
          throw new AppError('RELEASE_ALREADY_DECIDED', `Release ${request.id} was decided by another supervisor first. Your decision was not recorded.`);
        }
        logger.error('a release decision could not be stored', { error });
        throw new AppError('RELEASE_STORE_FAILED', 'The decision could not be saved in the agency store. Nothing was decided.');
      }
    },

    async perform(id, actor) {
      if (!hasRole(actor, RELEASE_PREPARER_ROLES)) throw new AppError('ROLE_REQUIRED', 'Only records staff, supervisors and the CRSO release CORI.');
      let written: string | null = null;
      try {
        return await db.transaction(async (tx) => {
          const row = await lockRequest(tx, id);
          if (row.status === 'released') throw new AppError('RELEASE_ALREADY_RELEASED', `Release ${id} was already released by ${row.released_by ?? 'someone'}; prepare a new request for another copy.`);
          if (row.status !== 'approved') {
            throw new AppError('RELEASE_NOT_APPROVED', row.status === 'denied' ? `Release ${id} was denied: ${row.decision_reason ?? ''}`.trim() : `Release ${id} is waiting for a supervisor's approval.`);
          }
          if (row.content === null) throw new AppError('RELEASE_CONTENT_GONE', `Release ${id} holds no record text any more.`);
          const now = new Date(clock.now());
          const at = now.toISOString();
          const updated = await tx.query<RequestRow>(
            `UPDATE release_requests SET status = 'released', released_by = $2, released_at = $3, content = NULL
             WHERE release_id = $1 AND status = 'approved' RETURNING ${REQUEST_COLUMNS}`,
            [id, actor.operatorId, now],
          );
          const after = updated[0];
          if (!after) throw new AppError('RELEASE_ALREADY_RELEASED', `Release ${id} was released by someone else first.`);
          const view = toView(after);
          const purpose = purposeOf(row);
          const legalBasis = `${LEGAL_BASIS_LABELS[row.legal_basis_type]}: ${row.legal_basis_reference}`.slice(0, 200);
          await tx.query(
            `INSERT INTO dissemination_log (release_id, released_at, requesting_workstation, requested_by, approved_by, released_by,
               releasing_workstation, recipient_name, recipient_agency, recipient_ori, recipient_type, purpose, legal_basis, released, method)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
            [
              id,
              now,
              row.requesting_workstation,
              row.requested_by,
              row.decided_by as string,
              actor.operatorId,
              workstationId,
              row.recipient_name,
              row.recipient_agency,
              row.recipient_ori,
              row.recipient_type,
              purpose,
              legalBasis,
              `${row.subject} — ${row.scope}`.slice(0, 300),
              row.method,
            ],
          );
          await recordInTx({
            type: 'record.released',
            operator: actor.operatorId,
            outcome: 'success',
            release: {
              releaseId: id,
              messageRef: row.inquiry_ref,
              recipientType: row.recipient_type,
              method: row.method,
              scope: row.scope,
              requestedBy: row.requested_by,
              approvedBy: row.decided_by as string,
              recipientName: row.recipient_name,
              recipientAgency: row.recipient_agency,
              ...(row.recipient_ori ? { recipientOri: row.recipient_ori } : {}),
              purpose: purpose.slice(0, 200),
              legalBasis,
            },
          });
          const watermark = watermarkOf(view, actor.operatorId, at);
          let file: string | null = null;
          if (row.method === 'electronic') {
            await mkdir(deps.copiesDir, { recursive: true, mode: 0o700 });
            file = path.join(deps.copiesDir, `${id}.txt`);
            const body = `${watermark}\n${'='.repeat(80)}\n${row.content}\n${'='.repeat(80)}\n${watermark}\n`;
            await writeFile(file, body, { mode: 0o600, flag: 'wx' });
            written = file;
          }
          return { release: view, watermark, text: row.content, file };
        });
      } catch (error) {
        if (written) await rm(written, { force: true }).catch(() => undefined);
        if (isAppError(error)) throw error;
        logger.error('a release could not be completed', { error });
        throw new AppError('RELEASE_STORE_FAILED', 'The release could not be recorded in the dissemination log, so nothing was released.');
      }
    },

    async log(filter) {
      const params: string[] = [];
      const where: string[] = [];
      if (filter.from) {
        params.push(`${filter.from}T00:00:00.000Z`);
        where.push(`l.released_at >= $${params.length}::timestamptz`);
      }
      if (filter.to) {
        params.push(new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000).toISOString());
        where.push(`l.released_at < $${params.length}::timestamptz`);
      }
      if (filter.recipient) {
        params.push(`%${filter.recipient.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        where.push(`(l.recipient_name ILIKE $${params.length} OR l.recipient_agency ILIKE $${params.length})`);
      }
      if (filter.operator) {
        params.push(filter.operator);
        where.push(`(l.requested_by = $${params.length} OR l.approved_by = $${params.length} OR l.released_by = $${params.length})`);
      }
      if (filter.releaseId) {
        params.push(filter.releaseId);
        where.push(`l.release_id = $${params.length}`);
      }
      const rows = await db.query<LogRow>(
        `${LOG_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.released_at DESC, l.release_id DESC LIMIT 1000`,
        params,
      );
      return rows.map(toEntry);
    },

    async recordDestruction(request, actor) {
      if (!hasRole(actor, RELEASE_PREPARER_ROLES)) throw new AppError('ROLE_REQUIRED', 'Only records staff, supervisors and the CRSO record the destruction of released copies.');
      if (request.destroyedOn > utcDate(clock.now() + 86_400_000)) throw new AppError('DESTRUCTION_DATE_FUTURE', 'The destruction date cannot be in the future.');
      const witness = request.witness.trim();
      if (witness.toUpperCase() === actor.operatorId || witness.toUpperCase().split(/\s+/).includes(actor.operatorId)) {
        throw new AppError('DESTRUCTION_WITNESS_REQUIRED', 'Destruction is witnessed by someone other than the person recording it (T11 §708).');
      }
      try {
        return await db.transaction(async (tx) => {
          const logged = await tx.query<LogRow>(`${LOG_SELECT} WHERE l.release_id = $1`, [request.releaseId]);
          const entry = logged[0];
          if (!entry) throw new AppError('RELEASE_NOT_FOUND', `Release ${request.releaseId} is not in the dissemination log.`);
          if (entry.destroyed_on !== null) throw new AppError('DESTRUCTION_ALREADY_RECORDED', `The destruction of release ${request.releaseId} was already recorded.`);
          await tx.query(
            `INSERT INTO release_destructions (release_id, destroyed_on, method, witness, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
            [request.releaseId, request.destroyedOn, request.method, witness, actor.operatorId, new Date(clock.now())],
          );
          const requestRow = await tx.query<{ inquiry_ref: string }>(`SELECT inquiry_ref FROM release_requests WHERE release_id = $1`, [request.releaseId]);
          await recordInTx({
            type: 'release.destroyed',
            operator: actor.operatorId,
            outcome: 'success',
            release: {
              releaseId: request.releaseId,
              messageRef: requestRow[0]?.inquiry_ref ?? 'UNKNOWN-REF',
              destructionMethod: request.method,
              witness,
              recipientName: entry.recipient_name,
              recipientAgency: entry.recipient_agency,
              purpose: 'Destruction of a released copy returned to the agency (T11 708)',
              legalBasis: entry.legal_basis.slice(0, 200),
            },
          });
          const after = await tx.query<LogRow>(`${LOG_SELECT} WHERE l.release_id = $1`, [request.releaseId]);
          return toEntry(after[0] as LogRow);
        });
      } catch (error) {
        if (isAppError(error)) throw error;
        if (sqlState(error) === SQLSTATE.uniqueViolation) throw new AppError('DESTRUCTION_ALREADY_RECORDED', `The destruction of release ${request.releaseId} was already recorded.`);
        logger.error('a destruction could not be recorded', { error });
        throw new AppError('RELEASE_STORE_FAILED', 'The destruction could not be recorded in the agency store.');
      }
    },

    async watch(onChange) {
      return db.listen('cori_release', (payload) => {
        const [id, status] = payload.split(':');
        if (id && /^R[0-9]{4}-[0-9]{6}$/.test(id) && (status === 'pending' || status === 'approved' || status === 'denied' || status === 'released')) {
          onChange({ id, status });
        } else {
          // Empty after a reconnect (something may have been missed), or not ours: re-read everything.
          onChange(null);
        }
      });
    },
  };
}

/** SHA-256 of a text, hex (dissemination log exports). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

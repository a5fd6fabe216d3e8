// IPC handlers of CORI release (issue #6). The router has already checked the session, the channel's roles
// and the lock; the service checks again what depends on the request (own request, status, scope).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RECIPIENT_TYPE_LABELS, RELEASE_METHOD_LABELS, type DisseminationEntry } from '../../../shared/contract/release-channels';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { HandlerContext, Handlers } from '../ipc/router';
import { recordOrRefuse, type SessionAudit } from '../session/audit';
import type { ReleaseActor, ReleaseService } from './service';

export const RELEASE_CHANNELS = [
  'release.prepare',
  'release.pending',
  'release.mine',
  'release.decide',
  'release.perform',
  'release.log',
  'release.exportLog',
  'release.recordDestruction',
] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];
export type ReleaseHandlers = Pick<Handlers, ReleaseChannel>;

function actorOf(ctx: HandlerContext): ReleaseActor {
  const operatorId = ctx.session.operatorId;
  if (!ctx.session.signedOn || operatorId === null) throw new AppError('NOT_SIGNED_ON', 'Sign on first.');
  return { operatorId, roles: ctx.session.roles };
}

/** A CSV cell: RFC 4180 quoting, and a leading = + - @ (a spreadsheet formula) neutralised with a quote. */
export function csvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

const LOG_COLUMNS: ReadonlyArray<[string, (e: DisseminationEntry) => string | null]> = [
  ['release_id', (e) => e.releaseId],
  ['released_at_utc', (e) => e.releasedAt],
  ['requesting_workstation', (e) => e.requestingWorkstation],
  ['requested_by', (e) => e.requestedBy],
  ['approved_by', (e) => e.approvedBy],
  ['released_by', (e) => e.releasedBy],
  ['releasing_workstation', (e) => e.releasingWorkstation],
  ['recipient_name', (e) => e.recipientName],
  ['recipient_agency', (e) => e.recipientAgency],
  ['recipient_ori', (e) => e.recipientOri],
  ['recipient_type', (e) => RECIPIENT_TYPE_LABELS[e.recipientType]],
  ['purpose', (e) => e.purpose],
  ['legal_basis', (e) => e.legalBasis],
  ['released', (e) => e.released],
  ['method', (e) => RELEASE_METHOD_LABELS[e.method]],
  ['destroyed_on', (e) => e.destroyedAt?.slice(0, 10) ?? null],
  ['destruction_method', (e) => e.destructionMethod],
  ['destruction_witness', (e) => e.destructionWitness],
];

export function disseminationCsv(entries: readonly DisseminationEntry[]): string {
  const lines = [LOG_COLUMNS.map(([name]) => name).join(',')];
  for (const e of entries) lines.push(LOG_COLUMNS.map(([, get]) => csvCell(get(e))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export interface ReleaseHandlerDeps {
  service: ReleaseService;
  audit: SessionAudit;
  clock: Clock;
  /** Where CRSO exports are written (<dataDir>/exports). */
  exportsDir: string;
}

export function releaseHandlers(deps: ReleaseHandlerDeps): ReleaseHandlers {
  const { service } = deps;
  return {
    'release.prepare': (request, ctx) => service.prepare(request, actorOf(ctx)),
    'release.pending': (request) => service.pending(request),
    'release.mine': (_request, ctx) => service.mine(actorOf(ctx)),
    'release.decide': (request, ctx) => service.decide(request, actorOf(ctx)),
    'release.perform': (request, ctx) => service.perform(request.id, actorOf(ctx)),
    async 'release.log'(request, ctx) {
      const actor = actorOf(ctx);
      // Reading the dissemination log is reading the audit (AU-9): recorded first.
      await recordOrRefuse(deps.audit, {
        type: 'audit.searched',
        operator: actor.operatorId,
        outcome: 'success',
        auditAccess: { filters: { log: 'dissemination', ...stringFilters(request) } },
      });
      return service.log(request);
    },
    async 'release.exportLog'(request, ctx) {
      const actor = actorOf(ctx);
      const entries = await service.log(request);
      const csv = disseminationCsv(entries);
      const sha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
      const stamp = new Date(deps.clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const file = path.join(deps.exportsDir, `dissemination-log-${stamp}.csv`);
      await recordOrRefuse(deps.audit, {
        type: 'audit.exported',
        operator: actor.operatorId,
        outcome: 'success',
        auditAccess: { filters: { log: 'dissemination', ...stringFilters(request) }, rows: entries.length, sha256, file: path.basename(file) },
      });
      await mkdir(deps.exportsDir, { recursive: true, mode: 0o700 });
      await writeFile(file, csv, { mode: 0o600 });
      return { file, rows: entries.length, sha256 };
    },
    'release.recordDestruction': (request, ctx) => service.recordDestruction(request, actorOf(ctx)),
  };
}

function stringFilters(filter: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) if (typeof v === 'string' && v !== '') out[k] = v.slice(0, 100);
  return out;
}

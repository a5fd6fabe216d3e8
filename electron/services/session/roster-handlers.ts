// roster.* — the CRSO screens (U2–U6, L2): list operators, add one, disable one, record the statement
// form and certification dates, release a locked account. The router has checked the role (CRSO; the
// release also admin). The roster's own errors are AppErrors with plain messages; a few get the words
// a CRSO needs at that screen. Every change is reported as a security event for the audit journal.
import type { RosterEntry } from '../../../shared/contract/session-schemas';
import { AppError, isAppError } from '../errors';
import type { Handlers, HandlerContext } from '../ipc/router';
import type { Logger } from '../log';
import type { Operator, Roster } from '../store/roster';
import type { SessionStore } from '../store/sessions';
import { recordOrRefuse, type SessionAudit } from './audit';
import type { SecurityEvents } from './security-events';

type RosterChannels = 'roster.list' | 'roster.create' | 'roster.disable' | 'roster.setDates' | 'roster.releaseLock';

export interface RosterHandlerDeps {
  roster: Roster;
  sessions: SessionStore;
  securityEvents: SecurityEvents;
  /** Each change is recorded before it is written to the store; no record, no change (AUDIT_*). */
  audit: SessionAudit;
  logger: Logger;
}

export function toRosterEntry(operator: Operator): RosterEntry {
  return {
    id: operator.operatorId,
    name: operator.name,
    roles: [...operator.roles],
    statementSignedOn: operator.statementSignedOn,
    certifiedUntil: operator.certifiedUntil,
    lastLogonAt: operator.lastLogonAt === null ? null : new Date(operator.lastLogonAt).toISOString(),
    locked: operator.lockedAt !== null,
    lockedReason: operator.lockedReason,
    disabled: operator.disabledAt !== null,
  };
}

/** Messages for the CRSO, by the roster's error code. Codes not listed keep the roster's own message. */
const MESSAGES: Record<string, (error: AppError) => string> = {
  OPERATOR_ID_USED: (e) => e.message,
  PASSWORD_REJECTED: (e) => `The password was not accepted: ${e.message}`,
  PIN_REJECTED: (e) => `The PIN was not accepted: ${e.message}`,
  BADGE_IN_USE: () => 'That badge is already assigned to another operator. Use the new operator’s own badge.',
  BADGE_INVALID: (e) => `The badge ID was not accepted: ${e.message}`,
  OPERATOR_NOT_FOUND: (e) => e.message,
  OPERATOR_DISABLED: (e) => e.message,
};

function plain(error: unknown): unknown {
  if (!isAppError(error)) return error;
  const message = MESSAGES[error.code];
  return message ? new AppError(error.code, message(error), { cause: error }) : error;
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw plain(error);
  }
}

export function rosterHandlers(deps: RosterHandlerDeps): Pick<Handlers, RosterChannels> {
  const { roster, sessions, securityEvents, audit, logger } = deps;
  const actorOf = (ctx: HandlerContext) => ctx.session.operatorId ?? 'unknown';
  /** Before the change: the action and whom it is for, never a password, PIN, badge or free text (AU-3(3)). */
  const record = (ctx: HandlerContext, operatorId: string, action: 'create' | 'disable' | 'set-dates' | 'release-lock') =>
    recordOrRefuse(audit, { type: 'roster.change', operator: ctx.session.operatorId ?? null, outcome: 'success', change: { item: action, target: operatorId } });
  const report = (ctx: HandlerContext, operatorId: string, action: 'create' | 'disable' | 'set-dates' | 'release-lock', note?: string) => {
    logger.info('roster changed', { actor: actorOf(ctx), operatorId, action });
    securityEvents.emit({ type: 'roster-change', actor: actorOf(ctx), operatorId, action, ...(note !== undefined ? { note } : {}) });
  };

  return {
    'roster.list': async () => (await roster.listOperators({ includeDisabled: true })).map(toRosterEntry),

    'roster.create': (request, ctx) =>
      mapped(async () => {
        await record(ctx, request.operatorId, 'create');
        const created = await roster.createOperator({
          operatorId: request.operatorId,
          name: request.name,
          roles: request.roles,
          password: request.password,
          badge: request.badge,
          pin: request.pin,
          statementSignedOn: request.statementSignedOn,
          certifiedUntil: request.certifiedUntil,
        });
        report(ctx, created.operatorId, 'create');
        return toRosterEntry(created);
      }),

    'roster.disable': (request, ctx) =>
      mapped(async () => {
        if (request.operatorId === ctx.session.operatorId) {
          throw new AppError('CANNOT_DISABLE_SELF', 'You cannot disable your own account. Ask another CRSO.');
        }
        await record(ctx, request.operatorId, 'disable');
        const disabled = await roster.disableOperator(request.operatorId);
        report(ctx, disabled.operatorId, 'disable', request.reason);
        return toRosterEntry(disabled);
      }),

    'roster.setDates': (request, ctx) =>
      mapped(async () => {
        await record(ctx, request.operatorId, 'set-dates');
        await roster.setStatementSigned(request.operatorId, request.statementSignedOn);
        const updated = await roster.setCertifiedUntil(request.operatorId, request.certifiedUntil);
        report(ctx, updated.operatorId, 'set-dates');
        return toRosterEntry(updated);
      }),

    'roster.releaseLock': (request, ctx) =>
      mapped(async () => {
        await record(ctx, request.operatorId, 'release-lock');
        const released = await roster.unlockOperator(request.operatorId);
        await sessions.forgetLockout(released.operatorId);
        report(ctx, released.operatorId, 'release-lock', request.note);
        return toRosterEntry(released);
      }),
  };
}

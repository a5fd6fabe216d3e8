// The one place every renderer call passes through, whatever the transport (Electron IPC or the
// preview host): channel known → sender verified → payload parsed → session, role and lock checked
// → handler → response checked. Every failure is returned as data with a stable code.
import type { z } from 'zod';
import { channels, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract/channels';
import { isChannelName, type ChannelName } from '../../../shared/contract/names';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { isAppError } from '../errors';
import type { Logger } from '../log';
import { checkAccess, type SessionGate, type SessionView } from './access';

export interface HandlerContext {
  session: SessionView;
}

export type Handlers = {
  [K in ChannelName]: (request: ParsedRequestOf<K>, ctx: HandlerContext) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export interface Caller {
  /** Set by the transport adapter after checking the sender (top frame, app origin / preview token). */
  senderVerified: boolean;
}

export interface Router {
  dispatch(channel: unknown, payload: unknown, caller: Caller): Promise<Result<unknown>>;
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request was not understood.';
  const where = first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  return `The request was not understood${where}: ${first.message}`;
}

export function createRouter(deps: { handlers: Handlers; session: SessionGate; logger: Logger }): Router {
  const { handlers, session, logger } = deps;

  async function dispatch(channel: unknown, payload: unknown, caller: Caller): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      logger.warn('refused call on unknown channel', { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel });
      return fail('UNKNOWN_CHANNEL', 'That request is not part of this application.');
    }
    if (!caller.senderVerified) {
      logger.warn('refused call from an unverified sender', { channel });
      return fail('FORBIDDEN_SENDER', 'The request did not come from the application window.');
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return fail('BAD_REQUEST', describeIssues(parsed.error));

    const view = session.view();
    const verdict = checkAccess(spec.access, view);
    if (verdict === 'NOT_SIGNED_ON') return fail(verdict, 'Sign on first.');
    if (verdict === 'ROLE_REQUIRED') return fail(verdict, 'Your role does not allow this.');
    if (view.locked && !spec.allowedWhileLocked) {
      return fail('LOCKED', 'The workstation is locked. Unlock it with your badge and PIN.');
    }

    try {
      const handler = handlers[channel] as (request: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(parsed.data, { session: view });
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        logger.error('handler returned a response outside the contract', { channel, issue: checked.error.issues[0]?.message });
        return fail('INTERNAL', 'The application could not complete the request.');
      }
      return ok(checked.data);
    } catch (error) {
      if (isAppError(error)) return fail(error.code, error.message);
      logger.error('handler failed', { channel, error });
      return fail('INTERNAL', 'The application could not complete the request.');
    }
  }

  return { dispatch };
}

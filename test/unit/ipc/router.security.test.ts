// Every renderer call passes the router: unknown channels, unverified senders, malformed payloads,
// missing sessions or roles and a locked screen are refused as data, and handler failures never leak.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import { CHANNEL_NAMES } from '../../../shared/contract/names';
import type { SessionView } from '../../../electron/services/ipc/access';
import { checkAccess } from '../../../electron/services/ipc/access';
import { createRouter, type Handlers } from '../../../electron/services/ipc/router';
import { AppError } from '../../../electron/services/errors';
import { silentLogger } from '../../../electron/services/log';
import { stubHandlers } from './stub-handlers';

const info = {
  product: 'CLETS Workstation' as const,
  version: '0.1.0',
  mode: 'training' as const,
  workstation: { id: 'WS-TRAIN-01', ori: 'CA0349999', terminal: 'TRN1' },
};
const status = { state: 'connected' as const, training: true, since: '2026-11-23T12:00:00.000Z' };

function build(view: Partial<SessionView> = {}, handlers: Partial<Handlers> = {}) {
  const session: SessionView = { signedOn: false, locked: false, roles: [], operatorId: null, ...view };
  return createRouter({
    session: { view: () => session },
    logger: silentLogger,
    handlers: stubHandlers({ 'app.info': () => info, 'link.status': () => status, ...handlers }),
  });
}
const verified = { senderVerified: true };

describe('IPC router', () => {
  it('answers a verified call with the handler value', async () => {
    expect(await build().dispatch('app.info', {}, verified)).toEqual({ ok: true, value: info });
  });

  it.each([['no.such.channel'], [''], [42], [null], [{ toString: () => 'app.info' }], ['__proto__'], ['constructor']])(
    'refuses unknown channel %j',
    async (channel) => {
      const result = await build().dispatch(channel, {}, verified);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    },
  );

  it.each(CHANNEL_NAMES)('refuses %s from an unverified sender before looking at the payload', async (channel) => {
    const handler = vi.fn();
    const router = build({}, { [channel]: handler } as Partial<Handlers>);
    const result = await router.dispatch(channel, {}, { senderVerified: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([[undefined], [null], ['x'], [[]], [{ extra: 1 }], [{ __proto__: { polluted: true }, a: 1 }]])(
    'refuses a malformed payload %j with BAD_REQUEST',
    async (payload) => {
      const result = await build().dispatch('app.info', payload, verified);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    },
  );

  it('turns an AppError into its code and message', async () => {
    const router = build({}, { 'link.status': () => { throw new AppError('LINK_DOWN', 'The switch is not reachable.'); } });
    expect(await router.dispatch('link.status', {}, verified)).toEqual({ ok: false, error: { code: 'LINK_DOWN', message: 'The switch is not reachable.' } });
  });

  it('hides unexpected failures behind INTERNAL, with no stack or detail', async () => {
    const router = build({}, { 'link.status': () => { throw new Error('ECONNRESET at /secret/path NAM/SMITH'); } });
    const result = await router.dispatch('link.status', {}, verified);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|SMITH|ECONNRESET/);
  });

  it('refuses a handler response outside the contract', async () => {
    const router = build({}, { 'link.status': () => ({ ...status, state: 'exploded' }) as never });
    expect(await router.dispatch('link.status', {}, verified)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('every channel has a strict request schema, an access rule and a lock rule', () => {
    for (const name of CHANNEL_NAMES) {
      const spec = channels[name];
      expect(spec.request).toBeInstanceOf(z.ZodType);
      expect(spec.response).toBeInstanceOf(z.ZodType);
      expect(typeof spec.allowedWhileLocked).toBe('boolean');
      expect(spec.summary.length).toBeGreaterThan(10);
    }
  });
});

describe('access rules', () => {
  const signedOn = (roles: SessionView['roles']): SessionView => ({ signedOn: true, locked: false, roles, operatorId: 'C1001' });
  it('public needs no session', () => {
    expect(checkAccess('public', { signedOn: false, locked: false, roles: [], operatorId: null })).toBe('allowed');
  });
  it('a role rule needs a session', () => {
    expect(checkAccess({ roles: ['records'] }, { signedOn: false, locked: false, roles: ['records'], operatorId: null })).toBe('NOT_SIGNED_ON');
  });
  it('a role rule needs one of its roles', () => {
    expect(checkAccess({ roles: ['supervisor'] }, signedOn(['records', 'dispatcher']))).toBe('ROLE_REQUIRED');
    expect(checkAccess({ roles: ['supervisor', 'crso'] }, signedOn(['crso']))).toBe('allowed');
  });
});

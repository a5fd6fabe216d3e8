// The main process checks every channel, whatever the renderer shows: the sender, the session, the
// caller's roles and the lock. The expected rules are written out here, channel by channel, so adding a
// channel to the contract without deciding its rule (and a sample request) fails this file.
import { defaultSettings } from '../../../electron/services/settings/defaults';
import { describe, expect, it, vi } from 'vitest';
import { channels, type Access } from '../../../shared/contract/channels';
import { CHANNEL_NAMES, type ChannelName } from '../../../shared/contract/names';
import { ROLES, type Role } from '../../../shared/contract/roles';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import type { SessionView } from '../../../electron/services/ipc/access';
import { createEventHub } from '../../../electron/services/ipc/events';
import { createRouter, type Handlers } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import { stubHandlers } from './stub-handlers';

const ALL = ROLES;
/** Everyone who makes inquiries: not the workstation administrator. */
const INQ = ['dispatcher', 'records', 'supervisor', 'crso'] as const;
/** Who may call each channel, and whether it works on a locked screen. */
const EXPECTED: Record<ChannelName, { access: 'public' | readonly Role[]; allowedWhileLocked: boolean }> = {
  'app.info': { access: 'public', allowedWhileLocked: true },
  'link.status': { access: 'public', allowedWhileLocked: true },
  'link.messages': { access: ALL, allowedWhileLocked: false },
  'session.state': { access: 'public', allowedWhileLocked: true },
  'session.acknowledgeNotice': { access: 'public', allowedWhileLocked: false },
  'session.submitPassword': { access: 'public', allowedWhileLocked: false },
  'session.submitBadge': { access: 'public', allowedWhileLocked: false },
  'session.activity': { access: ALL, allowedWhileLocked: false },
  'session.lock': { access: ALL, allowedWhileLocked: true },
  'session.unlock': { access: 'public', allowedWhileLocked: true },
  'session.logout': { access: 'public', allowedWhileLocked: true },
  'roster.list': { access: ['crso'], allowedWhileLocked: false },
  'roster.create': { access: ['crso'], allowedWhileLocked: false },
  'roster.disable': { access: ['crso'], allowedWhileLocked: false },
  'roster.setDates': { access: ['crso'], allowedWhileLocked: false },
  'roster.releaseLock': { access: ['crso', 'admin'], allowedWhileLocked: false },
  'settings.get': { access: ['admin', 'crso'], allowedWhileLocked: false },
  'settings.update': { access: ['admin'], allowedWhileLocked: false },
  'settings.status': { access: 'public', allowedWhileLocked: true },
  'clipboard.copy': { access: ALL, allowedWhileLocked: false },
  'inquiry.policy': { access: INQ, allowedWhileLocked: false },
  'inquiry.send': { access: INQ, allowedWhileLocked: false },
  'inquiry.list': { access: INQ, allowedWhileLocked: false },
  'inquiry.open': { access: INQ, allowedWhileLocked: false },
  'inquiry.confirmHit': { access: INQ, allowedWhileLocked: false },
  'inquiry.hitConfirmations': { access: INQ, allowedWhileLocked: false },
  'supervision.overdueConfirmations': { access: ['supervisor', 'crso'], allowedWhileLocked: false },
  'audit.search': { access: ['crso'], allowedWhileLocked: false },
  'audit.record': { access: ['crso'], allowedWhileLocked: false },
  'audit.reviews': { access: ['crso'], allowedWhileLocked: false },
  'audit.markReviewed': { access: ['crso'], allowedWhileLocked: false },
  'audit.stats': { access: ['crso'], allowedWhileLocked: false },
  'audit.export': { access: ['crso'], allowedWhileLocked: false },
  'audit.verify': { access: ['crso'], allowedWhileLocked: false },
  'audit.alerts': { access: ['crso'], allowedWhileLocked: false },
  'release.prepare': { access: ['records', 'supervisor', 'crso'], allowedWhileLocked: false },
  'release.pending': { access: ['supervisor', 'crso'], allowedWhileLocked: false },
  'release.mine': { access: ['records', 'supervisor', 'crso'], allowedWhileLocked: false },
  'release.decide': { access: ['supervisor'], allowedWhileLocked: false },
  'release.perform': { access: ['records', 'supervisor', 'crso'], allowedWhileLocked: false },
  'release.log': { access: ['crso', 'supervisor'], allowedWhileLocked: false },
  'release.exportLog': { access: ['crso'], allowedWhileLocked: false },
  'release.recordDestruction': { access: ['records', 'supervisor', 'crso'], allowedWhileLocked: false },
};

/** A request each channel's schema accepts, so the refusals below are the access and lock rules. */
const SAMPLE: Record<ChannelName, unknown> = {
  'app.info': {},
  'link.status': {},
  'link.messages': {},
  'session.state': {},
  'session.acknowledgeNotice': { noticeVersion: SYSTEM_USE_NOTICE.version },
  'session.submitPassword': { operatorId: 'C1001', password: 'x' },
  'session.submitBadge': { badge: 'B-1001', pin: '482913' },
  'session.activity': {},
  'session.lock': {},
  'session.unlock': { badge: 'B-1001', pin: '482913' },
  'session.logout': {},
  'roster.list': {},
  'roster.create': {
    operatorId: 'C2002',
    name: 'Pat Example',
    roles: ['records'],
    password: 'tide pool 19 lantern',
    badge: 'B-2002',
    pin: '573024',
    statementSignedOn: '2026-01-15',
    certifiedUntil: '2028-01-14',
  },
  'roster.disable': { operatorId: 'C2002', reason: 'Left the agency.' },
  'roster.setDates': { operatorId: 'C2002', statementSignedOn: '2026-01-15', certifiedUntil: null },
  'roster.releaseLock': { operatorId: 'C2002', note: 'Verified.' },
  'settings.get': {},
  'settings.update': {
    idleTimeoutMinutes: 10,
    dispatchIdleExemption: { enabled: false, justification: '' },
    accessibilityCaptureExemption: { enabled: false, justification: '' },
    lockoutRule: 'cjis-5.9.4',
    inquiryPolicy: defaultSettings().inquiryPolicy,
    inquiryPolicyJustification: '',
  },
  'settings.status': {},
  'clipboard.copy': { text: 'NAM/DOE,JOHN' },
  'inquiry.policy': {},
  'inquiry.send': {
    kind: 'ca_history_cii',
    fields: { cii: 'T00000002' },
    needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '24-001234', jurisdiction: 'local' },
  },
  'inquiry.list': {},
  'inquiry.open': { ref: 'TRN1-20261124120000-000001-ABCD' },
  'inquiry.confirmHit': { hitRef: 'TRN1-20261124120000-000001-ABCD', recordIndex: 0, priority: 'U' },
  'inquiry.hitConfirmations': {},
  'supervision.overdueConfirmations': {},
  // The audit workspace's samples follow its schemas (issue #4 §4).
  'audit.search': { filter: { subject: 'ROE, JANE A', from: '2026-11-02', to: '2026-11-08' }, limit: 50 },
  'audit.record': { workstationId: 'WS-TRAIN-01', seq: 42, neighbours: 5 },
  'audit.reviews': { weeks: 8 },
  'audit.markReviewed': { weekStart: '2026-11-16', note: 'Reviewed every off-hours inquiry with the supervisor.' },
  'audit.stats': { from: '2026-11-02', to: '2026-11-08', operator: 'TDISP01' },
  'audit.export': { filter: { operator: 'TREC01', from: '2026-11-02', to: '2026-11-08' } },
  'audit.verify': {},
  'audit.alerts': {},
  'release.prepare': {
    inquiryRef: 'TRN1-20261124120000-000001-ABCD',
    recipientName: 'Deputy DA Alex Moreno',
    recipientAgency: 'Sacramento County District Attorney',
    recipientType: 'da_charging',
    legalBasisType: 'statute',
    legalBasisReference: 'PC 13300(b)(1)',
    scope: { kind: 'whole' },
    method: 'print',
    chargingCase: '24-001234',
  },
  'release.pending': {},
  'release.mine': {},
  'release.decide': { id: 'R2026-000001', decision: 'approve', reason: 'Charging request.' },
  'release.perform': { id: 'R2026-000001' },
  'release.log': {},
  'release.exportLog': {},
  'release.recordDestruction': { releaseId: 'R2026-000001', method: 'shredded', witness: 'Sgt. Lee Park', destroyedOn: '2026-11-24' },
};

const accessOf = (access: Access) => (access === 'public' ? 'public' : [...access.roles].sort());
const NOT_SIGNED_ON: SessionView = { signedOn: false, locked: false, roles: [], operatorId: null };

function routerFor(view: SessionView) {
  const called = vi.fn();
  const handlers = {} as Record<string, unknown>;
  for (const name of CHANNEL_NAMES) {
    handlers[name] = (...args: unknown[]) => {
      called(name, ...args);
      throw new Error('handler reached');
    };
  }
  const router = createRouter({ session: { view: () => view }, logger: silentLogger, handlers: stubHandlers(handlers as Partial<Handlers>) });
  const codeOf = async (channel: ChannelName, senderVerified = true) => {
    const result = await router.dispatch(channel, SAMPLE[channel], { senderVerified });
    return result.ok ? 'OK' : result.error.code;
  };
  return { codeOf, called };
}

describe('the contract table', () => {
  it('has an expected rule and a sample request for every channel, and no more', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(SAMPLE).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('%s carries the expected access and lock rule, and accepts its sample', (channel) => {
    const spec = channels[channel];
    const expected = EXPECTED[channel];
    expect(accessOf(spec.access)).toEqual(expected.access === 'public' ? 'public' : [...expected.access].sort());
    expect(spec.allowedWhileLocked).toBe(expected.allowedWhileLocked);
    expect(spec.request.safeParse(SAMPLE[channel]).success).toBe(true);
  });
});

describe.each(CHANNEL_NAMES)('%s', (channel) => {
  const expected = EXPECTED[channel];

  it('is refused to an unverified sender (FORBIDDEN_SENDER), whoever is signed on', async () => {
    const { codeOf, called } = routerFor({ signedOn: true, locked: false, roles: [...ROLES], operatorId: 'C1001' });
    expect(await codeOf(channel, false)).toBe('FORBIDDEN_SENDER');
    expect(called).not.toHaveBeenCalled();
  });

  it(expected.allowedWhileLocked ? 'reaches its handler on a locked screen' : 'is refused with LOCKED on a locked screen', async () => {
    const { codeOf, called } = routerFor({ signedOn: true, locked: true, roles: [...ROLES], operatorId: 'C1001' });
    const code = await codeOf(channel);
    if (expected.allowedWhileLocked) {
      expect(code).toBe('INTERNAL'); // the test handler throws: it was reached
      expect(called).toHaveBeenCalledOnce();
    } else {
      expect(code).toBe('LOCKED');
      expect(called).not.toHaveBeenCalled();
    }
  });

  if (expected.access === 'public') {
    it('is open before sign-on (public)', async () => {
      const { codeOf, called } = routerFor(NOT_SIGNED_ON);
      expect(await codeOf(channel)).toBe('INTERNAL');
      expect(called).toHaveBeenCalledOnce();
    });
    return;
  }

  const allowed = expected.access;
  it('is refused before sign-on (NOT_SIGNED_ON)', async () => {
    const { codeOf, called } = routerFor(NOT_SIGNED_ON);
    expect(await codeOf(channel)).toBe('NOT_SIGNED_ON');
    expect(called).not.toHaveBeenCalled();
  });

  it.each(ROLES.filter((role) => !allowed.includes(role)))('is refused to a %s (ROLE_REQUIRED)', async (role) => {
    const { codeOf, called } = routerFor({ signedOn: true, locked: false, roles: [role], operatorId: 'C1001' });
    expect(await codeOf(channel)).toBe('ROLE_REQUIRED');
    expect(called).not.toHaveBeenCalled();
  });

  it.each(allowed)('reaches its handler for a %s', async (role) => {
    const { codeOf, called } = routerFor({ signedOn: true, locked: false, roles: [role], operatorId: 'C1001' });
    expect(await codeOf(channel)).toBe('INTERNAL');
    expect(called).toHaveBeenCalledOnce();
  });
});

describe('events on a locked screen', () => {
  it('deliver the session state, never a switch message', () => {
    let view: SessionView = { signedOn: true, locked: false, roles: ['records'], operatorId: 'C1001' };
    const hub = createEventHub({ session: { view: () => view }, logger: silentLogger });
    const got: string[] = [];
    hub.subscribe((name) => got.push(name));
    view = { ...view, locked: true };
    hub.emit('session.state', { phase: 'locked', operatorId: 'C1001', reason: 'idle', since: '2026-11-23T18:00:00.000Z' });
    hub.emit('link.unsolicited', { receivedAt: '2026-11-23T18:00:00.000Z', training: true, code: 'HIT', meaning: 'x', text: 'NAM/DOE,JOHN' });
    expect(got).toEqual(['session.state']);
  });

  it('never put operator data beyond the ID into a locked state', () => {
    const locked = channels['session.state'].response.safeParse({
      phase: 'locked',
      operatorId: 'C1001',
      reason: 'idle',
      since: '2026-11-23T18:00:00.000Z',
      operator: { id: 'C1001', name: 'Pat Example', roles: ['records'] },
    });
    expect(locked.success).toBe(false);
  });
});

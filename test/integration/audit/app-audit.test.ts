// The audit trail wired into the app (requirements §4, A1/A5): every logon, lock, unlock, setting and roster
// change is recorded in the journal before it happens; a record that cannot be written refuses the action
// (fail closed) — except a lock, which always happens. Real PGlite, a real journal in a temp folder, an
// in-memory keychain (the keychain is not the subject here).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditFailureView } from '../../../shared/contract/channels';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { AUDIT_DIR, startApp, type AppServices } from '../../../electron/services/app';
import { openJournal, verifyJournal, type AuditJournal, type StoredRecord } from '../../../electron/services/audit';
import { ManualClock } from '../../../electron/services/clock';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import { AppError } from '../../../electron/services/errors';
import { silentLogger } from '../../../electron/services/log';
import { AUDIT_REFUSED_MESSAGE } from '../../../electron/services/session/audit';
import { openPglite } from '../../../electron/services/store/pglite';
import { TRAINING_LOGINS, type TrainingLogin } from '../../../electron/services/store/training-roster';
import { memoryKeychain, tempDataDirs, trainingConfig } from '../../support/app-fixtures';

const dataDir = tempDataDirs('clets-app-audit-');
const config = trainingConfig;


const login = (role: TrainingLogin['role']) => TRAINING_LOGINS.find((l) => l.role === role)!;
const call = (app: AppServices, channel: string, payload: unknown = {}) => app.router.dispatch(channel, payload, { senderVerified: true });

async function signOn(app: AppServices, who: TrainingLogin) {
  expect(await call(app, 'session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version })).toMatchObject({ ok: true });
  expect(await call(app, 'session.submitPassword', { operatorId: who.operatorId, password: who.password })).toMatchObject({ ok: true });
  return call(app, 'session.submitBadge', { badge: who.badge, pin: who.pin });
}

const newOperator = (operatorId: string) => ({
  operatorId,
  name: 'Jordan Reyes (training)',
  roles: ['records'],
  password: 'willow-beacon-96',
  badge: `TRN-B-${operatorId}`,
  pin: '902417',
  statementSignedOn: '2026-01-05',
  certifiedUntil: '2027-01-05',
});

/** The operator records of the journal, oldest first (the journal's own records left out). */
function operatorRecords(dir: string): StoredRecord[] {
  const folder = path.join(dir, AUDIT_DIR);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(folder, f), 'utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as StoredRecord),
    )
    .filter((r) => !r.type.startsWith('journal.'));
}

describe('the audit trail in the app', () => {
  it('records logon, refused logon, lock, unlock, roster and settings changes and logoff, in order, in a journal that verifies', async () => {
    const dir = dataDir();
    const keychain = memoryKeychain();
    const app = await startApp(config(dir), { logger: silentLogger, keychain, sessionClock: new ManualClock() });
    const crso = login('crso');
    const admin = login('admin');
    try {
      // A wrong password: refused, and recorded as a failure (no password in the record).
      await call(app, 'session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version });
      expect(await call(app, 'session.submitPassword', { operatorId: crso.operatorId, password: 'not-the-password-1' })).toMatchObject({
        ok: false,
        error: { code: 'LOGON_REFUSED' },
      });
      // An ID not on the roster is never echoed into the trail.
      expect(await call(app, 'session.submitPassword', { operatorId: 'TNOBODY9', password: 'not-the-password-1' })).toMatchObject({ ok: false });
      expect(await signOn(app, crso)).toMatchObject({ ok: true, value: { phase: 'active' } });
      app.session.lock('shortcut');
      expect(app.session.state().phase).toBe('locked');
      expect(await call(app, 'session.unlock', { badge: crso.badge, pin: crso.pin })).toMatchObject({ ok: true, value: { phase: 'active' } });
      expect(await call(app, 'roster.create', newOperator('TNEW01'))).toMatchObject({ ok: true, value: { id: 'TNEW01' } });
      expect(await call(app, 'session.logout')).toMatchObject({ ok: true });

      expect(await signOn(app, admin)).toMatchObject({ ok: true });
      const settings = { ...app.settings.current(), idleTimeoutMinutes: 5 };
      expect(await call(app, 'settings.update', settings)).toMatchObject({ ok: true, value: { idleTimeoutMinutes: 5 } });
    } finally {
      await app.close();
    }

    const key = Buffer.from(keychain.entries.get('audit-hmac-key')!, 'base64');
    const verified = await verifyJournal(path.join(dir, AUDIT_DIR), { key });
    expect(verified).toMatchObject({ ok: true, workstationId: TRAINING_WORKSTATION.id });
    // The keychain checkpoint sink was used.
    expect(keychain.entries.has('audit-checkpoint')).toBe(true);

    const records = operatorRecords(dir).map((r) => ({ type: r.type, operator: r.operator, outcome: r.outcome, reason: r.reason, change: r.change }));
    expect(records).toEqual([
      { type: 'logon.failure', operator: crso.operatorId, outcome: 'failure', reason: 'LOGON_REFUSED', change: undefined },
      { type: 'logon.failure', operator: null, outcome: 'failure', reason: 'LOGON_REFUSED', change: undefined },
      { type: 'logon.success', operator: crso.operatorId, outcome: 'success', reason: undefined, change: undefined },
      { type: 'session.lock', operator: crso.operatorId, outcome: 'success', reason: 'shortcut', change: undefined },
      { type: 'session.unlock', operator: crso.operatorId, outcome: 'success', reason: undefined, change: undefined },
      { type: 'roster.change', operator: crso.operatorId, outcome: 'success', reason: undefined, change: { item: 'create', target: 'TNEW01' } },
      { type: 'logoff', operator: crso.operatorId, outcome: 'success', reason: 'logout', change: undefined },
      { type: 'logon.success', operator: admin.operatorId, outcome: 'success', reason: undefined, change: undefined },
      { type: 'setting.change', operator: admin.operatorId, outcome: 'success', reason: undefined, change: { item: 'idleTimeoutMinutes', from: 10, to: 5 } },
      { type: 'logoff', operator: admin.operatorId, outcome: 'success', reason: 'closed', change: undefined },
    ]);
    // AU-3(3): no secret reaches the trail.
    const text = readdirSync(path.join(dir, AUDIT_DIR))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => readFileSync(path.join(dir, AUDIT_DIR, f), 'utf8'))
      .join('');
    for (const secret of [crso.password, crso.badge, crso.pin, admin.password, admin.badge, admin.pin, 'willow-beacon-96', 'TRN-B-TNEW01', '902417']) {
      expect(text).not.toContain(secret);
    }

    // Replicated to the agency store.
    const db = await openPglite(path.join(dir, 'store'));
    try {
      const rows = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_records');
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('fails closed when the journal cannot be written: logon, unlock and roster create refused, lock still locks', async () => {
    const dir = dataDir();
    const keychain = memoryKeychain();
    const key = Buffer.alloc(32, 7);
    const real = await openJournal({ dir: path.join(dir, 'journal'), workstationId: TRAINING_WORKSTATION.id, ori: TRAINING_WORKSTATION.ori, keyProvider: () => key, logger: silentLogger });
    let failing = false;
    const failureListeners = new Set<Parameters<AuditJournal['onFailure']>[0]>();
    const journal: AuditJournal = {
      dir: real.dir,
      workstationId: real.workstationId,
      recovery: real.recovery,
      append: (event) => {
        if (!failing) return real.append(event);
        const failure = { code: 'AUDIT_WRITE_FAILED', message: 'The audit record could not be written: the disk is full.', at: new Date().toISOString(), severity: 'critical' as const };
        failureListeners.forEach((listener) => listener(failure));
        return Promise.reject(new AppError(failure.code, failure.message));
      },
      durableSeq: () => real.durableSeq(),
      lastCheckpoint: () => real.lastCheckpoint(),
      checkpointNow: () => real.checkpointNow(),
      onFailure: (listener) => {
        failureListeners.add(listener);
        return () => void failureListeners.delete(listener);
      },
      onDurable: (listener) => real.onDurable(listener),
      purgeExpired: (request) => real.purgeExpired(request),
      close: () => real.close(),
    };
    const app = await startApp(config(dir), { logger: silentLogger, keychain, sessionClock: new ManualClock(), journal });
    const failures: AuditFailureView[] = [];
    app.events.subscribe((name, payload) => {
      if (name === 'audit.failure') failures.push(payload as AuditFailureView);
    });
    const crso = login('crso');
    const dispatcher = login('dispatcher');
    try {
      expect(await signOn(app, crso)).toMatchObject({ ok: true });
      failing = true;

      // Roster create: refused, nothing written to the store.
      expect(await call(app, 'roster.create', newOperator('TNEW02'))).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'AUDIT_WRITE_FAILED', message: AUDIT_REFUSED_MESSAGE }),
      });
      expect((await call(app, 'roster.list')) as { value: Array<{ id: string }> }).not.toMatchObject({ value: expect.arrayContaining([expect.objectContaining({ id: 'TNEW02' })]) });

      // Settings: refused, unchanged.
      const before = app.settings.current();
      expect(await call(app, 'settings.update', { ...before, idleTimeoutMinutes: 5 })).toMatchObject({ ok: false });
      expect(app.settings.current()).toEqual(before);

      // A lock always happens.
      app.session.lock('operator');
      expect(app.session.state()).toMatchObject({ phase: 'locked', reason: 'operator' });
      // Unlock: refused, still locked.
      expect(await call(app, 'session.unlock', { badge: crso.badge, pin: crso.pin })).toMatchObject({
        ok: false,
        error: { code: 'AUDIT_WRITE_FAILED', message: AUDIT_REFUSED_MESSAGE },
      });
      expect(app.session.state().phase).toBe('locked');
      // The failure reached the signed-on (locked) operator's screen.
      expect(failures.length).toBeGreaterThan(0);
      expect(failures[0]).toMatchObject({ code: 'AUDIT_WRITE_FAILED' });

      // Sign-off is never refused; then a logon is refused and no session starts.
      expect(await call(app, 'session.logout')).toMatchObject({ ok: true, value: { phase: 'notice' } });
      expect(await signOn(app, dispatcher)).toMatchObject({ ok: false, error: { code: 'AUDIT_WRITE_FAILED', message: AUDIT_REFUSED_MESSAGE } });
      expect(app.session.state().phase).not.toBe('active');
      expect(app.session.state().phase).not.toBe('locked');
    } finally {
      await app.close();
    }
    const db = await openPglite(path.join(dir, 'store'));
    try {
      expect(await db.query('SELECT operator_id FROM active_sessions')).toEqual([]);
      expect(await db.query("SELECT operator_id FROM operators WHERE operator_id = 'TNEW02'")).toEqual([]);
    } finally {
      await db.close();
    }
    await real.close();
  });

  it('refuses to start with a damaged journal, saying so', async () => {
    const dir = dataDir();
    const keychain = memoryKeychain();
    const first = await startApp(config(dir), { logger: silentLogger, keychain, sessionClock: new ManualClock() });
    expect(await signOn(first, login('dispatcher'))).toMatchObject({ ok: true });
    await first.close();

    const folder = path.join(dir, AUDIT_DIR);
    const file = path.join(folder, readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()[0]!);
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes('"type":"logon.success"'));
    expect(index).toBeGreaterThan(0);
    lines[index] = lines[index]!.replace('"TDISP01"', '"TREC001"');
    writeFileSync(file, lines.join('\n'));

    await expect(startApp(config(dir), { logger: silentLogger, keychain, sessionClock: new ManualClock() })).rejects.toMatchObject({
      code: 'AUDIT_JOURNAL_DAMAGED',
    });
  });

  it('starts a new journal in a new data folder that shares the keychain, but refuses a data folder whose journal was deleted, with or without its store', async () => {
    const keychain = memoryKeychain();
    const first = dataDir();
    const app = await startApp(config(first), { logger: silentLogger, keychain, sessionClock: new ManualClock() });
    expect(await signOn(app, login('dispatcher'))).toMatchObject({ ok: true });
    await app.close();
    expect(keychain.entries.has('audit-checkpoint')).toBe(true);

    // Another data folder (a training or test folder, a new installation) on the same keychain.
    const second = await startApp(config(dataDir()), { logger: silentLogger, keychain, sessionClock: new ManualClock() });
    await second.close();

    // The first folder's journal deleted: the agency store's checkpoint catches it.
    rmSync(path.join(first, AUDIT_DIR), { recursive: true, force: true });
    await expect(startApp(config(first), { logger: silentLogger, keychain, sessionClock: new ManualClock() })).rejects.toMatchObject({
      code: 'AUDIT_JOURNAL_DAMAGED',
    });

    // The journal and the agency store both deleted: the keychain's checkpoint for that folder catches it.
    rmSync(first, { recursive: true, force: true });
    await expect(startApp(config(first), { logger: silentLogger, keychain, sessionClock: new ManualClock() })).rejects.toMatchObject({
      code: 'AUDIT_JOURNAL_DAMAGED',
    });
  });
});

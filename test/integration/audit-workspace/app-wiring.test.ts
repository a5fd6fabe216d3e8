// The auditor's workspace wired into the app (startApp): a CRSO verifies the journal with progress events,
// finds their own sign-on in the agency copy once replicated, and exports it; a dispatcher is refused.
// Skipped (and says so) while electron/services/app.ts does not pass the workspace its services yet.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditExportResult, AuditSearchResult, AuditVerification } from '../../../shared/contract/audit-channels';
import type { EventName } from '../../../shared/contract/names';
import type { Result } from '../../../shared/contract/result';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { startApp, type AppServices } from '../../../electron/services/app';
import { ManualClock } from '../../../electron/services/clock';
import { silentLogger } from '../../../electron/services/log';
import { TRAINING_LOGINS, type TrainingLogin } from '../../../electron/services/store/training-roster';
import { memoryKeychain, tempDataDirs, trainingConfig } from '../../support/app-fixtures';

const dataDir = tempDataDirs('clets-audit-ws-app-');
const login = (role: TrainingLogin['role']) => TRAINING_LOGINS.find((l) => l.role === role)!;
const call = <T,>(app: AppServices, channel: string, payload: unknown = {}) => app.router.dispatch(channel, payload, { senderVerified: true }) as Promise<Result<T>>;

async function signOn(app: AppServices, who: TrainingLogin) {
  expect(await call(app, 'session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version })).toMatchObject({ ok: true });
  expect(await call(app, 'session.submitPassword', { operatorId: who.operatorId, password: who.password })).toMatchObject({ ok: true });
  expect(await call(app, 'session.submitBadge', { badge: who.badge, pin: who.pin })).toMatchObject({ ok: true });
}

describe('the auditor’s workspace in the app', () => {
  it('verifies with progress, finds the CRSO’s sign-on once replicated, and exports it', async () => {
    const dir = dataDir();
    const app = await startApp(trainingConfig(dir), { logger: silentLogger, keychain: memoryKeychain(), sessionClock: new ManualClock() });
    const events: { name: EventName; payload: unknown }[] = [];
    const stop = app.events.subscribe((name, payload) => events.push({ name, payload }));
    try {
      const crso = login('crso');
      await signOn(app, crso);
      const verified = await call<AuditVerification>(app, 'audit.verify', {});
      expect(verified).toMatchObject({ ok: true, value: { ok: true } });
      expect(events.filter((e) => e.name === 'audit.verifyProgress').at(-1)?.payload).toMatchObject({ phase: 'done' });

      const filter = { operator: crso.operatorId, eventTypes: ['logon.success'] };
      await expect
        .poll(async () => {
          const r = await call<AuditSearchResult>(app, 'audit.search', { filter });
          return r.ok ? r.value.rows.length : -1;
        }, { timeout: 20_000, interval: 100 })
        .toBe(1);
      const exported = await call<AuditExportResult>(app, 'audit.export', { filter });
      expect(exported).toMatchObject({ ok: true, value: { rows: 1, verification: { rowsMismatched: 0, journal: { ok: true } } } });
      if (exported.ok) expect(existsSync(exported.value.csvFile) && existsSync(exported.value.manifestFile)).toBe(true);

      await call(app, 'session.logout', {});
      await signOn(app, login('dispatcher'));
      expect(await call(app, 'audit.search', { filter: {} })).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    } finally {
      stop();
      await app.close();
    }
  });
});

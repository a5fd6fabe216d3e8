// What the inquiry integration tests share: the real app (PGlite store, training switch over mutual TLS,
// a real journal in a temp folder wrapped so a test can make it fail or watch when a record is durable),
// sign-on through the router, and the journal's operator records.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { startApp, type AppServices } from '../../../electron/services/app';
import { openJournal, type AuditJournal, type StoredRecord } from '../../../electron/services/audit';
import type { AuditEvent } from '../../../electron/services/audit/schema';
import { ManualClock } from '../../../electron/services/clock';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import { AppError } from '../../../electron/services/errors';
import { silentLogger } from '../../../electron/services/log';
import type { SecretStore } from '../../../electron/services/secrets/secret-store';
import { TRAINING_LOGINS, type TrainingLogin } from '../../../electron/services/store/training-roster';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { memoryKeychain, trainingConfig } from '../../support/app-fixtures';

export const login = (role: TrainingLogin['role']) => TRAINING_LOGINS.find((l) => l.role === role)!;

export interface InquiryApp {
  app: AppServices;
  journal: AuditJournal;
  /** Set true: every append fails with AUDIT_WRITE_FAILED. */
  audit: { failing: boolean };
  /** For each durable record: its event and the switch's inquiry count at the moment it became durable. */
  durable: Array<{ event: AuditEvent; switchInquiries: number }>;
  keychain: SecretStore;
  sessionClock: ManualClock;
  inquiryClock: ManualClock;
  switchClock: ManualClock;
  call(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
  signOn(role: TrainingLogin['role']): Promise<void>;
  logout(): Promise<void>;
  records(): StoredRecord[];
  close(): Promise<void>;
}

export async function startInquiryApp(dir: string, keychain: SecretStore = memoryKeychain()): Promise<InquiryApp> {
  const real = await openJournal({
    dir: path.join(dir, 'journal'),
    workstationId: TRAINING_WORKSTATION.id,
    ori: TRAINING_WORKSTATION.ori,
    keyProvider: () => Buffer.alloc(32, 9),
    logger: silentLogger,
  });
  const audit = { failing: false };
  const durable: InquiryApp['durable'] = [];
  let appRef: AppServices | null = null;
  const failureListeners = new Set<Parameters<AuditJournal['onFailure']>[0]>();
  const journal: AuditJournal = {
    dir: real.dir,
    workstationId: real.workstationId,
    recovery: real.recovery,
    append: async (event) => {
      if (audit.failing) {
        const failure = { code: 'AUDIT_WRITE_FAILED', message: 'The audit record could not be written: the disk is full.', at: new Date().toISOString(), severity: 'critical' as const };
        failureListeners.forEach((listener) => listener(failure));
        throw new AppError(failure.code, failure.message);
      }
      const result = await real.append(event);
      durable.push({ event, switchInquiries: appRef?.trainingSwitch.stats().inquiries ?? -1 });
      return result;
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
  const sessionClock = new ManualClock();
  const inquiryClock = new ManualClock();
  const switchClock = new ManualClock();
  const app = await startApp(trainingConfig(dir), {
    logger: silentLogger,
    keychain,
    sessionClock,
    inquiryClock,
    switchClock,
    hitConfirmationDelayMs: 45_000,
    journal,
  });
  appRef = app;
  await vi.waitFor(() => expect(app.link.status().state).toBe('connected'), { timeout: 10_000, interval: 20 });
  const call: InquiryApp['call'] = (channel, payload = {}) => app.router.dispatch(channel, payload, { senderVerified: true }) as ReturnType<InquiryApp['call']>;
  return {
    app,
    journal,
    audit,
    durable,
    keychain,
    sessionClock,
    inquiryClock,
    switchClock,
    call,
    async signOn(role) {
      const who = login(role);
      expect(await call('session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version })).toMatchObject({ ok: true });
      expect(await call('session.submitPassword', { operatorId: who.operatorId, password: who.password })).toMatchObject({ ok: true });
      expect(await call('session.submitBadge', { badge: who.badge, pin: who.pin })).toMatchObject({ ok: true, value: { phase: 'active' } });
    },
    async logout() {
      expect(await call('session.logout')).toMatchObject({ ok: true });
    },
    records() {
      return readdirSync(real.dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .flatMap((f) =>
          readFileSync(path.join(real.dir, f), 'utf8')
            .split('\n')
            .filter((line) => line.length > 0)
            .map((line) => JSON.parse(line) as StoredRecord),
        )
        .filter((r) => !r.type.startsWith('journal.'));
    },
    async close() {
      await app.close();
      await real.close();
    },
  };
}

/** A CA history by CII for ROE, JANE A with a right to know in the default report-number format. */
export const roeHistory = (reference = '24-001234') => ({
  kind: 'ca_history_cii',
  fields: { cii: 'T00000002' },
  needToKnow: { purpose: 'C', requestPurpose: 'C', reference, jurisdiction: 'local' },
});

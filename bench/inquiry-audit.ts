// inquiry_with_audit_p50_ms: a full `inquiry.send` through the IPC router — role and need-to-know checks,
// the `inquiry.sent` record made durable (fdatasync) BEFORE the send, the round trip to the in-process
// training switch, the reply decoded and `reply.received` made durable — with the real journal in a temp
// folder. inquiry_link_only_p50_ms: the same inquiry text straight over `link.send`, the baseline, in the
// same run and the same app; the two alternate in small blocks (ABBA) so drift and load hit both alike.

import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startApp } from '../electron/services/app';
import { TRAINING_WORKSTATION } from '../electron/services/config';
import { silentLogger } from '../electron/services/log';
import type { SecretName, SecretStore } from '../electron/services/secrets/secret-store';
import { TRAINING_LOGINS } from '../electron/services/store/training-roster';
import { dateToCcyymmdd, encodeInquiry } from '../shared/codec';
import { SYSTEM_USE_NOTICE } from '../shared/policy/notice';
import { percentile, round } from './lib/stats';
import type { Benchmark } from './lib/types';

const WARMUP = 50;
const MAX_PER_SIDE = 2_000;
const BLOCK = 10;

const REQUEST = {
  kind: 'ca_history_cii',
  fields: { cii: 'T00000002' },
  needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '24-001234', jurisdiction: 'local' },
} as const;

function memoryKeychain(): SecretStore {
  const entries = new Map<string, string>();
  return {
    get: async (name: SecretName) => entries.get(name) ?? null,
    set: async (name: SecretName, value: string) => void entries.set(name, value),
    delete: async (name: SecretName) => entries.delete(name),
  };
}

export const inquiryAudit: Benchmark = {
  name: 'inquiry_audit',
  description: 'full inquiry.send (checks + durable inquiry.sent first + reply.received) vs link.send alone, in-process switch',
  budgetMs: 60_000,
  async run(ctx) {
    const dir = mkdtempSync(path.join(ctx.workDir, 'inquiry-audit-'));
    const app = await startApp(
      { dataDir: dir, mode: 'training', workstation: TRAINING_WORKSTATION, version: '0.0.0-bench' },
      { logger: silentLogger, keychain: memoryKeychain() },
    );
    try {
      for (let i = 0; i < 500 && app.link.status().state !== 'connected'; i++) await new Promise((r) => setTimeout(r, 20));
      if (app.link.status().state !== 'connected') throw new Error('the link did not connect to the training switch');
      const who = TRAINING_LOGINS.find((l) => l.role === 'records')!;
      const call = async (channel: string, payload: unknown = {}) => {
        const result = await app.router.dispatch(channel, payload, { senderVerified: true });
        if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
        return result.value;
      };
      await call('session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version });
      await call('session.submitPassword', { operatorId: who.operatorId, password: who.password });
      await call('session.submitBadge', { badge: who.badge, pin: who.pin });

      const text = encodeInquiry(
        { kind: 'ca_history_cii', ori: TRAINING_WORKSTATION.ori, cii: 'T00000002', purpose: 'C', requestPurpose: 'C', attention: `${who.operatorId} 24-001234` },
        { today: dateToCcyymmdd(new Date()) },
      );
      const fullOnce = async () => {
        const t0 = performance.now();
        const value = (await call('inquiry.send', REQUEST)) as { status: string };
        const ms = performance.now() - t0;
        if (value.status !== 'replied') throw new Error(`inquiry not answered: ${value.status}`);
        return ms;
      };
      const linkOnce = async () => {
        const t0 = performance.now();
        await app.link.send(text, { operator: who.operatorId });
        return performance.now() - t0;
      };
      for (let i = 0; i < WARMUP; i++) {
        await fullOnce();
        await linkOnce();
      }
      const full: number[] = [];
      const bare: number[] = [];
      while (full.length < MAX_PER_SIDE && Date.now() < ctx.deadline - 8_000) {
        for (let i = 0; i < BLOCK; i++) bare.push(await linkOnce());
        for (let i = 0; i < BLOCK; i++) full.push(await fullOnce());
        for (let i = 0; i < BLOCK; i++) full.push(await fullOnce());
        for (let i = 0; i < BLOCK; i++) bare.push(await linkOnce());
      }
      const fullP50 = percentile(full, 50);
      const bareP50 = percentile(bare, 50);
      ctx.log(`${full.length} full inquiries and ${bare.length} link-only round trips after ${WARMUP} warm-up each`);
      ctx.log(`full p50 ${fullP50.toFixed(3)} ms, p99 ${percentile(full, 99).toFixed(3)} ms; link only p50 ${bareP50.toFixed(3)} ms`);
      return {
        inquiry_with_audit_p50_ms: round(fullP50),
        inquiry_with_audit_p99_ms: round(percentile(full, 99)),
        inquiry_link_only_p50_ms: round(bareP50),
        inquiry_audit_overhead_ratio: round(fullP50 / bareP50),
      };
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

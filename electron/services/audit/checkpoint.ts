// Signed checkpoints kept OUTSIDE the journal folder: the last (file, seq, hash) the journal made durable,
// HMAC-signed with the journal key. Whoever deletes the newest file, or cuts records off the end, leaves a
// journal that is self-consistent — only a copy of its latest state kept elsewhere shows what is missing.
// The journal saves one to every sink after opening a file, on every seal, every `checkpointEvery`
// records or `checkpointIntervalMs`, and on close; verifyJournal() takes one as `externalCheckpoint`.

import { createHash } from 'node:crypto';
import { writeFile, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Queryable } from '../store/db';
import { canonicalJson } from './canonical';
import { auditError } from './errors';
import { HEX64, type RecordMac } from './mac';

export interface Checkpoint {
  v: 1;
  kind: 'clets-audit-checkpoint';
  ws: string;
  /** The journal file that holds record `seq`. */
  file: string;
  fileNo: number;
  seq: number;
  /** The hash of record `seq`. */
  hash: string;
  /** When the checkpoint was taken (UTC ISO). */
  at: string;
  hmac: string;
}

export const checkpointSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('clets-audit-checkpoint'),
  ws: z.string().min(2).max(32),
  file: z.string().min(1).max(128),
  fileNo: z.number().int().min(1),
  seq: z.number().int().min(1),
  hash: z.string().regex(HEX64),
  at: z.string().min(20).max(30),
  hmac: z.string().regex(HEX64),
});

/** The bytes under a checkpoint's MAC: its canonical JSON. A record's MAC covers exactly 32 bytes (its hash), a
 *  checkpoint's a longer JSON text, so neither MAC can stand for the other. */
function checkpointBody(cp: Omit<Checkpoint, 'hmac'>): string {
  return canonicalJson({ at: cp.at, file: cp.file, fileNo: cp.fileNo, hash: cp.hash, kind: cp.kind, seq: cp.seq, v: cp.v, ws: cp.ws });
}

export function signCheckpoint(fields: Omit<Checkpoint, 'hmac' | 'v' | 'kind'>, mac: RecordMac): Checkpoint {
  const unsigned = { v: 1 as const, kind: 'clets-audit-checkpoint' as const, ...fields };
  return { ...unsigned, hmac: mac.of(checkpointBody(unsigned)) };
}

export function checkpointIsAuthentic(cp: Checkpoint, mac: RecordMac): boolean {
  return mac.of(checkpointBody(cp)) === cp.hmac;
}

/** Parses a checkpoint from JSON text or a value; null when it is not one. */
export function parseCheckpoint(input: unknown): Checkpoint | null {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return null;
    }
  }
  const parsed = checkpointSchema.safeParse(value);
  return parsed.success ? (parsed.data as Checkpoint) : null;
}

export function serializeCheckpoint(cp: Checkpoint): string {
  return canonicalJson(cp);
}

/** Somewhere outside the journal folder that keeps the latest checkpoint. */
export interface CheckpointSink {
  readonly name: string;
  save(cp: Checkpoint): Promise<void>;
  /** The latest checkpoint saved, or null when none was. */
  load(): Promise<Checkpoint | null>;
}

/** One keychain entry. The app passes its SecretStore entry for the checkpoint (see README, wiring). */
export interface KeychainEntry {
  get(): Promise<string | null>;
  set(value: string): Promise<void>;
}

/** Journal folders one keychain entry keeps checkpoints for; the oldest is dropped past this. */
export const KEYCHAIN_CHECKPOINT_FOLDERS = 256;

/**
 * The keychain is per user, not per data folder: one entry holds a small map from each journal folder
 * (a SHA-256 of its resolved path) to that folder's latest checkpoint. A new folder has no checkpoint
 * yet; a known folder whose journal was deleted or cut short still meets its own checkpoint. Two apps
 * writing at once can lose an update, which only weakens the check (a missing checkpoint), never fails it.
 */
export function folderScopedKeychainEntry(
  keychain: { get(): Promise<string | null>; set(value: string): Promise<void> },
  folder: string,
): KeychainEntry {
  const key = createHash('sha256').update(path.resolve(folder)).digest('hex');
  const readMap = async (): Promise<Record<string, string>> => {
    const text = await keychain.get();
    if (text === null) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const map = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().max(4096)).safeParse(parsed);
    if (!map.success) throw auditError('AUDIT_CHECKPOINT_INVALID', 'The audit checkpoints kept in the keychain are not readable.');
    return map.data;
  };
  return {
    async get() {
      return (await readMap())[key] ?? null;
    },
    async set(value) {
      const map = await readMap();
      delete map[key];
      map[key] = value;
      const keys = Object.keys(map);
      for (const old of keys.slice(0, Math.max(0, keys.length - KEYCHAIN_CHECKPOINT_FOLDERS))) delete map[old];
      await keychain.set(JSON.stringify(map));
    },
  };
}

/** Keeps the latest checkpoint in one keychain entry (overwritten each time). */
export function keychainCheckpointSink(entry: KeychainEntry, name = 'keychain'): CheckpointSink {
  return {
    name,
    save: (cp) => entry.set(serializeCheckpoint(cp)),
    async load() {
      const text = await entry.get();
      if (text === null) return null;
      const cp = parseCheckpoint(text);
      if (!cp) throw auditError('AUDIT_CHECKPOINT_INVALID', `The audit checkpoint kept in the ${name} is not a checkpoint.`);
      return cp;
    },
  };
}

/**
 * Keeps every checkpoint in the agency store's insert-only audit_checkpoints table (migration 0002); the
 * latest is the one with the highest seq.
 */
export function storeCheckpointSink(db: Queryable, workstationId: string, name = 'agency store'): CheckpointSink {
  return {
    name,
    async save(cp) {
      await db.query(
        `INSERT INTO audit_checkpoints (workstation_id, seq, file, file_no, hash, at, checkpoint)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7)
         ON CONFLICT (workstation_id, seq) DO NOTHING`,
        [workstationId, cp.seq, cp.file, cp.fileNo, cp.hash, cp.at, serializeCheckpoint(cp)],
      );
    },
    async load() {
      const rows = await db.query<{ checkpoint: string }>(
        'SELECT checkpoint FROM audit_checkpoints WHERE workstation_id = $1 ORDER BY seq DESC LIMIT 1',
        [workstationId],
      );
      if (rows.length === 0) return null;
      const cp = parseCheckpoint(rows[0]!.checkpoint);
      if (!cp) throw auditError('AUDIT_CHECKPOINT_INVALID', `The audit checkpoint kept in the ${name} is not a checkpoint.`);
      return cp;
    },
  };
}

/** Keeps the latest checkpoint in a file (removable media, an auditor's copy). Replaced atomically. */
export function fileCheckpointSink(file: string, name = `file ${file}`): CheckpointSink {
  return {
    name,
    async save(cp) {
      const tmp = `${file}.tmp`;
      await writeFile(tmp, serializeCheckpoint(cp) + '\n', { mode: 0o600 });
      await rename(tmp, file);
    },
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw error;
      }
      const cp = parseCheckpoint(text.trim());
      if (!cp) throw auditError('AUDIT_CHECKPOINT_INVALID', `The file ${file} does not hold an audit checkpoint.`);
      return cp;
    },
  };
}

// verifyJournal(): the offline check of a journal folder — the CLI (`npm run audit -- verify <folder>`)
// and the CRSO's in-app check (with a progress callback) run this same function. Streaming and linear:
// each file is read once in 1 MiB chunks; memory does not grow with the journal.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { checkpointIsAuthentic, type Checkpoint } from './checkpoint';
import { auditError } from './errors';
import { listJournalFiles } from './files';
import { forEachLine } from './line-reader';
import { createRecordMac, GENESIS_HASH, MIN_KEY_BYTES } from './mac';
import { ChainVerifier, type Damage, type TornTail } from './verify-core';

export interface VerifyProgress {
  bytesDone: number;
  bytesTotal: number;
  /** Files done so far, and in all. */
  filesDone: number;
  files: number;
  file: string;
  /** checking: the first pass; locating: a second pass that names the damage the first one found; done. */
  phase: 'checking' | 'locating' | 'done';
}

export interface VerifyOptions {
  /** The journal's HMAC key (the keychain's audit-hmac-key). */
  key: Buffer;
  /** The latest checkpoint kept outside the folder: catches truncation and deletion of whole files. */
  externalCheckpoint?: Checkpoint | null;
  /** Called after each chunk read (about every MiB) and once at the end (a damaged journal is read twice). */
  onProgress?: (progress: VerifyProgress) => void;
  /** Refuse a folder of another workstation's journal. */
  workstationId?: string;
}

export interface VerifyResult {
  /** True when every record verifies (a torn, unacknowledged final line does not make it false). */
  ok: boolean;
  records: number;
  files: number;
  workstationId: string | null;
  firstSeq: number | null;
  lastSeq: number;
  lastHash: string;
  /** The first bad record and the kind of damage, when ok is false. */
  firstBad?: Damage;
  /** A torn final line (a write cut short by a crash, never acknowledged): reported, not counted. */
  torn?: TornTail;
  /** Whether an external checkpoint was given and its record found with the same hash. */
  checkpoint?: { seq: number; matched: boolean };
}

export async function verifyJournal(dir: string, options: VerifyOptions): Promise<VerifyResult> {
  if (!Buffer.isBuffer(options.key) || options.key.length < MIN_KEY_BYTES) {
    throw auditError('AUDIT_KEY_UNAVAILABLE', `Verification needs the journal's key (at least ${MIN_KEY_BYTES} bytes).`);
  }
  const mac = createRecordMac(options.key);
  const files = await listJournalFiles(dir);
  const cp = options.externalCheckpoint ?? undefined;
  const workstations = [...new Set(files.map((f) => f.workstationId))];
  if (workstations.length > 1) {
    throw auditError('AUDIT_CONFIG_INVALID', `The folder ${dir} holds the journals of several workstations (${workstations.join(', ')}): verify one at a time.`);
  }
  const ws = workstations[0] ?? options.workstationId ?? cp?.ws ?? null;
  if (options.workstationId !== undefined && ws !== options.workstationId) {
    throw auditError('AUDIT_CONFIG_INVALID', `The folder ${dir} holds the journal of workstation ${String(ws)}, not ${options.workstationId}.`);
  }
  if (cp) {
    if (!checkpointIsAuthentic(cp, mac)) {
      throw auditError('AUDIT_CHECKPOINT_INVALID', 'The external checkpoint is not signed with this key: it was altered, or it belongs to another journal.');
    }
    if (ws !== null && cp.ws !== ws) {
      throw auditError('AUDIT_CHECKPOINT_INVALID', `The external checkpoint is for workstation ${cp.ws}, not ${ws}.`);
    }
  }
  if (files.length === 0 || ws === null) {
    return {
      ok: false,
      records: 0,
      files: 0,
      workstationId: ws,
      firstSeq: null,
      lastSeq: 0,
      lastHash: GENESIS_HASH,
      firstBad: { file: cp?.file ?? dir, line: 0, seq: 1, kind: 'missing-file', detail: `there are no journal files in ${dir}` },
      ...(cp ? { checkpoint: { seq: cp.seq, matched: false } } : {}),
    };
  }

  const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f.name))).size));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const progress = options.onProgress;
  const pass = async (strict: boolean) => {
    let bytesDone = 0;
    const verifier = new ChainVerifier({ mac, workstationId: ws, strict, ...(cp ? { checkpoint: cp } : {}) });
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      verifier.beginFile(file, i === files.length - 1);
      if (!verifier.wantsMore) break;
      await forEachLine(
        path.join(dir, file.name),
        (buf, start, end, terminated, offset) => {
          verifier.line(buf, start, end, terminated, offset);
          return verifier.wantsMore;
        },
        progress
          ? (n) => {
              bytesDone += n;
              progress({ bytesDone, bytesTotal, filesDone: i, files: files.length, file: file.name, phase: strict ? 'locating' : 'checking' });
            }
          : undefined,
      );
      verifier.endFile();
      if (!verifier.wantsMore) break;
    }
    return verifier.finish();
  };
  // The fast pass proves an intact journal; when it sees anything wrong, the strict pass names it.
  let outcome = await pass(false);
  if (outcome.needStrict) outcome = await pass(true);
  progress?.({ bytesDone: bytesTotal, bytesTotal, filesDone: files.length, files: files.length, file: files.at(-1)!.name, phase: 'done' });
  return {
    ok: outcome.damage === null,
    records: outcome.records,
    files: outcome.files,
    workstationId: ws,
    firstSeq: outcome.firstSeq,
    lastSeq: outcome.last?.seq ?? 0,
    lastHash: outcome.last?.hash ?? GENESIS_HASH,
    ...(outcome.damage ? { firstBad: outcome.damage } : {}),
    ...(outcome.torn ? { torn: outcome.torn } : {}),
    ...(cp ? { checkpoint: { seq: cp.seq, matched: outcome.checkpointMatched } } : {}),
  };
}

/** One line for people: what verify found, naming the first bad record. */
export function describeVerifyResult(result: VerifyResult): string {
  if (result.firstBad) {
    const d = result.firstBad;
    const where = d.line > 0 ? `${d.file} line ${d.line}` : d.file;
    return `DAMAGED: ${d.kind} at ${where} (record ${d.seq}): ${d.detail}`;
  }
  const torn = result.torn ? `; torn final line at ${result.torn.file} line ${result.torn.line} (${result.torn.bytes} bytes, never acknowledged) reported` : '';
  const cp = result.checkpoint ? `; external checkpoint at record ${result.checkpoint.seq} matches` : '';
  return `OK: ${result.records} records in ${result.files} file(s), records ${result.firstSeq ?? 0} to ${result.lastSeq}${cp}${torn}`;
}

// Open-time recovery: find where the chain stands, and decide whether appending may go on.
//
// Rules (README.md, "Recovery"):
// 1. The newest file is verified in full (chain, HMACs, its opening record); the file before it must end
//    with a seal whose hash the newest file's opening record carries. File numbers must have no gaps.
// 2. The latest external checkpoint (keychain, agency store) must be covered: a journal that ends before
//    the checkpointed record, or lacks the checkpointed file, was truncated or had files deleted.
// 3. A torn final line — the newest file ends without a newline: a write the crash cut short, which was
//    never fdatasync'd and so never acknowledged — is copied to quarantine/ (durably), cut off the file,
//    and documented by a journal.recovered record that is made durable before open returns.
//    A file whose opening record itself is torn is set aside whole and started again.
// 4. Anything else (an edited, inserted, reordered or deleted record; a bad HMAC; a missing file) refuses
//    the open with AUDIT_JOURNAL_DAMAGED naming the first bad record: no record is appended to a journal
//    that does not verify. The CRSO examines it (npm run audit -- verify) and keeps it as evidence.

import path from 'node:path';
import type { AppError } from '../errors';
import { sha256Hex, GENESIS_HASH, type RecordMac } from './mac';
import type { Checkpoint } from './checkpoint';
import { auditError, writeFailed } from './errors';
import { journalFilesOf, missingFileName, QUARANTINE_DIR, type JournalFile } from './files';
import { writeNewFileDurably, type AuditFs } from './fs';
import type { WriterState } from './journal';
import { readLastLine } from './line-reader';
import { inspectLine } from './inspect';
import { ChainVerifier, type ChainStart, type Damage } from './verify-core';

export interface RecoverInput {
  dir: string;
  workstationId: string;
  fs: AuditFs;
  mac: RecordMac;
  external: Checkpoint | null;
  now: number;
}

export interface TornRecovery {
  file: string;
  offset: number;
  bytes: number;
  sha256: string;
  quarantinedAs: string;
}

export interface Recovered {
  state: WriterState;
  torn: TornRecovery | null;
}

export function journalDamaged(dir: string, d: Damage): AppError {
  const where = d.line > 0 ? `${d.file} line ${d.line}` : d.file;
  return auditError(
    'AUDIT_JOURNAL_DAMAGED',
    `The audit journal in ${dir} fails verification — ${d.kind} at ${where} (record ${d.seq}): ${d.detail}. ` +
      'Nothing more is recorded, so actions that need an audit record are refused. The CRSO must examine the journal ' +
      `(npm run audit -- verify ${dir}) and keep the folder as evidence.`,
    { damage: d },
  );
}

async function sealOf(dir: string, file: JournalFile, mac: RecordMac): Promise<ChainStart | Damage> {
  const last = await readLastLine(path.join(dir, file.name));
  const problem = (detail: string): Damage => ({ file: file.name, line: 0, seq: 0, kind: 'truncated', detail });
  if (!last || !last.terminated) return problem('the file before the newest does not end with a complete record');
  const r = inspectLine(last.buf, last.start, last.end, mac);
  if (!r.wellFormed || !r.macOk) return { ...problem('the last record of the file before the newest does not verify'), kind: r.wellFormed ? 'bad-hmac' : 'edited' };
  if (r.type !== 'journal.sealed') return problem('the file before the newest does not end with its seal: records were cut off its end');
  return { fileNo: file.fileNo, seq: r.seq, hash: r.hash };
}

export async function recoverJournal(input: RecoverInput): Promise<Recovered> {
  const { dir, fs: afs, mac, external } = input;
  const files = journalFilesOf(await afs.readdir(dir));
  const foreign = files.find((f) => f.workstationId !== input.workstationId);
  if (foreign) {
    throw auditError('AUDIT_CONFIG_INVALID', `The journal folder ${dir} holds ${foreign.name}, which belongs to another workstation.`);
  }
  if (files.length === 0) {
    if (external) {
      throw journalDamaged(dir, {
        file: external.file,
        line: 0,
        seq: 1,
        kind: 'missing-file',
        detail: `the folder holds no journal files but the external checkpoint signed record ${external.seq} in ${external.file}`,
      });
    }
    return { state: { seq: 0, hash: GENESIS_HASH, lastFileNo: 0, lastFileName: null, active: null }, torn: null };
  }
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.fileNo !== files[i - 1]!.fileNo + 1) {
      const missing = files[i - 1]!.fileNo + 1;
      throw journalDamaged(dir, { file: missingFileName(input.workstationId, missing), line: 0, seq: 0, kind: 'missing-file', detail: `journal file number ${missing} is missing` });
    }
  }
  if (external && external.fileNo < files.at(-1)!.fileNo && external.fileNo >= files[0]!.fileNo && !files.some((f) => f.name === external.file)) {
    throw journalDamaged(dir, { file: external.file, line: 0, seq: external.seq, kind: 'missing-file', detail: 'the file named by the external checkpoint is missing' });
  }

  const last = files.at(-1)!;
  const before = files.at(-2);
  let start: ChainStart | undefined;
  if (before) {
    const sealed = await sealOf(dir, before, mac);
    if ('kind' in sealed) throw journalDamaged(dir, sealed);
    start = sealed;
  }
  const lastPath = path.join(dir, last.name);
  const buf = await afs.readFile(lastPath);
  const verifier = new ChainVerifier({
    mac,
    workstationId: input.workstationId,
    trustFirstHeader: true,
    ...(start ? { start } : {}),
    ...(external && external.fileNo >= last.fileNo ? { checkpoint: external } : {}),
  });
  verifier.beginFile(last, true);
  let pos = 0;
  while (verifier.wantsMore && pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    if (nl === -1) {
      verifier.line(buf, pos, buf.length, false, pos);
      break;
    }
    verifier.line(buf, pos, nl, true, pos);
    pos = nl + 1;
  }
  verifier.endFile();
  const outcome = verifier.finish();
  if (outcome.damage) throw journalDamaged(dir, outcome.damage);

  const prevState = {
    seq: start?.seq ?? 0,
    hash: start?.hash ?? GENESIS_HASH,
    lastFileNo: before?.fileNo ?? last.fileNo - 1,
    lastFileName: before?.name ?? null,
  };
  let torn: TornRecovery | null = null;
  const goodEnd = outcome.torn ? outcome.torn.offset : buf.length;
  if (outcome.torn) {
    const tornBytes = buf.subarray(goodEnd);
    const quarantinedAs = path.join(QUARANTINE_DIR, `${last.name}.at-${goodEnd}.${input.now}.torn`);
    try {
      await afs.mkdir(path.join(dir, QUARANTINE_DIR));
      await afs.syncDir(dir);
      await writeNewFileDurably(afs, path.join(dir, QUARANTINE_DIR), path.join(dir, quarantinedAs), tornBytes);
    } catch (error) {
      throw writeFailed(`setting aside the torn end of ${last.name} in ${QUARANTINE_DIR}/`, error);
    }
    torn = { file: last.name, offset: goodEnd, bytes: tornBytes.length, sha256: sha256Hex(tornBytes), quarantinedAs };
  }

  if (!outcome.last) {
    // Nothing complete in the newest file (its opening record was torn): set it aside whole, start it again.
    if (!start && last.fileNo !== 1) {
      throw journalDamaged(dir, { file: last.name, line: 1, seq: 0, kind: 'torn', detail: 'the only journal file left after a purge has no complete record' });
    }
    try {
      await afs.unlink(lastPath);
      await afs.syncDir(dir);
    } catch (error) {
      throw writeFailed(`removing the unfinished journal file ${last.name}`, error);
    }
    return { state: { ...prevState, active: null }, torn };
  }

  const sealed = outcome.last.type === 'journal.sealed';
  let fd: number | null = null;
  try {
    if (torn || !sealed) fd = await afs.openAppend(lastPath, false);
    if (torn && fd !== null) {
      await afs.ftruncate(fd, goodEnd);
      await afs.fdatasync(fd);
    }
  } catch (error) {
    if (fd !== null) await afs.close(fd).catch(() => undefined);
    throw writeFailed(`reopening ${last.name} for appending`, error);
  }
  if (sealed && fd !== null) {
    await afs.close(fd).catch(() => undefined);
    fd = null;
  }
  return {
    state: {
      seq: outcome.last.seq,
      hash: outcome.last.hash,
      lastFileNo: last.fileNo,
      lastFileName: last.name,
      active: fd === null ? null : { name: last.name, fileNo: last.fileNo, day: last.day, fd, size: goodEnd, firstSeq: outcome.firstSeq ?? outcome.last.seq },
    },
    torn,
  };
}

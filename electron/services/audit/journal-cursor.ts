// Reads complete records from a journal folder in seq order, for the replicator. Read-only and lock-free:
// it runs beside the writer, takes only newline-terminated lines, follows seals into the next file, and
// finds its place again (from the files' opening records) when asked for a seq it is not at.

import { open } from 'node:fs/promises';
import path from 'node:path';
import { bodyOfLine } from './canonical';
import { auditError } from './errors';
import { listJournalFiles, type JournalFile } from './files';
import { sha256Hex } from './mac';

export interface CopiedRecord {
  seq: number;
  at: string;
  type: string;
  operator: string | null;
  outcome: string;
  messageRef: string | null;
  hash: string;
  line: string;
}

interface Position {
  file: JournalFile;
  offset: number;
  nextSeq: number;
  sealed: boolean;
}

const READ_BYTES = 4 * 1024 * 1024;

function recordOf(line: string): CopiedRecord | null {
  if (bodyOfLine(line) === null) return null;
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof obj.seq !== 'number' || typeof obj.at !== 'string' || typeof obj.type !== 'string' || typeof obj.outcome !== 'string') return null;
  const ref = (k: string) => {
    const v = (obj[k] as { messageRef?: unknown } | undefined)?.messageRef;
    return typeof v === 'string' ? v : null;
  };
  return {
    seq: obj.seq,
    at: obj.at,
    type: obj.type,
    operator: typeof obj.operator === 'string' ? obj.operator : null,
    outcome: obj.outcome,
    messageRef: ref('inquiry') ?? ref('reply') ?? ref('target') ?? ref('release') ?? ref('confirmation'),
    hash: sha256Hex(Buffer.from(line, 'latin1')),
    line,
  };
}

async function readFrom(file: string, offset: number): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < offset) return null;
    const length = Math.min(size - offset, READ_BYTES);
    const buf = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function gap(expected: number, found: number, file: string): Error {
  return auditError(
    'AUDIT_REPLICATION_FAILED',
    `The local audit journal skips from record ${expected - 1} to ${found} in ${file}: it cannot be copied past the gap. The CRSO must verify the journal.`,
  );
}

export class JournalCursor {
  private pos: Position | null = null;

  constructor(private readonly dir: string) {}

  /** Up to `max` records after `afterSeq`, none above `limitSeq`. */
  async read(afterSeq: number, max: number, limitSeq = Number.MAX_SAFE_INTEGER): Promise<CopiedRecord[]> {
    if (!this.pos || this.pos.nextSeq !== afterSeq + 1) this.pos = await this.locate(afterSeq + 1);
    const out: CopiedRecord[] = [];
    for (let rounds = 0; this.pos && out.length < max && rounds < 64; rounds++) {
      const pos = this.pos;
      const buf = await readFrom(path.join(this.dir, pos.file.name), pos.offset);
      if (buf === null) {
        // The file shrank under us (a rolled-back write): find the place again.
        this.pos = await this.locate(pos.nextSeq);
        continue;
      }
      let start = 0;
      let progressed = false;
      while (out.length < max) {
        const nl = buf.indexOf(10, start);
        if (nl === -1) break;
        const line = buf.toString('latin1', start, nl);
        const record = recordOf(line);
        if (!record) throw auditError('AUDIT_REPLICATION_FAILED', `An unreadable line in ${pos.file.name} at byte ${pos.offset}: the CRSO must verify the journal.`);
        if (record.seq !== pos.nextSeq) throw gap(pos.nextSeq, record.seq, pos.file.name);
        if (record.seq > limitSeq) break;
        out.push(record);
        pos.offset += nl + 1 - start;
        pos.nextSeq += 1;
        pos.sealed = record.type === 'journal.sealed';
        start = nl + 1;
        progressed = true;
      }
      if (out.length >= max) break;
      if (progressed && buf.length === READ_BYTES) continue;
      if (!pos.sealed) break;
      const next = (await listJournalFiles(this.dir)).find((f) => f.fileNo === pos.file.fileNo + 1);
      if (!next) break;
      this.pos = { file: next, offset: 0, nextSeq: pos.nextSeq, sealed: false };
    }
    return out;
  }

  /**
   * Record `seq` from the local journal; 'purged' when the journal now starts after it, 'missing' when the
   * journal ends before it. Leaves the cursor just after it.
   */
  async recordAt(seq: number): Promise<CopiedRecord | 'purged' | 'missing'> {
    const files = await listJournalFiles(this.dir);
    if (files.length === 0) return 'missing';
    const first = await this.firstSeqOf(files[0]!);
    if (first !== null && seq < first) return 'purged';
    try {
      const [record] = await this.read(seq - 1, 1);
      return record ?? 'missing';
    } catch (error) {
      if ((error as { code?: unknown }).code === 'AUDIT_REPLICA_CONFLICT') return 'missing';
      throw error;
    }
  }

  /** The position of record `seq` (or of the end, when seq is one past the last record). */
  private async locate(seq: number): Promise<Position | null> {
    const files = await listJournalFiles(this.dir);
    if (files.length === 0) return null;
    let chosen: { file: JournalFile; firstSeq: number } | null = null;
    for (let i = files.length - 1; i >= 0; i--) {
      const first = await this.firstSeqOf(files[i]!);
      if (first !== null && first <= seq) {
        chosen = { file: files[i]!, firstSeq: first };
        break;
      }
    }
    if (!chosen) {
      const first = await this.firstSeqOf(files[0]!);
      throw auditError(
        'AUDIT_REPLICATION_FAILED',
        `The agency store has the audit records up to ${seq - 1} but the local journal starts at record ${first ?? '?'}: the records between were purged before they were copied.`,
      );
    }
    const pos: Position = { file: chosen.file, offset: 0, nextSeq: chosen.firstSeq, sealed: false };
    const full = path.join(this.dir, chosen.file.name);
    while (pos.nextSeq < seq) {
      const buf = await readFrom(full, pos.offset);
      if (!buf || buf.length === 0) break;
      let start = 0;
      let moved = false;
      while (pos.nextSeq < seq) {
        const nl = buf.indexOf(10, start);
        if (nl === -1) break;
        const record = recordOf(buf.toString('latin1', start, nl));
        if (!record || record.seq !== pos.nextSeq) throw gap(pos.nextSeq, record?.seq ?? -1, chosen.file.name);
        pos.offset += nl + 1 - start;
        pos.nextSeq += 1;
        pos.sealed = record.type === 'journal.sealed';
        start = nl + 1;
        moved = true;
      }
      if (!moved) break;
    }
    if (pos.nextSeq < seq) {
      throw auditError(
        'AUDIT_REPLICA_CONFLICT',
        `The agency store holds audit records up to ${seq - 1} for this workstation but the local journal ends at ${pos.nextSeq - 1}: ` +
          'the local journal lost records, or the store holds another journal. The CRSO must examine both.',
      );
    }
    return pos;
  }

  private async firstSeqOf(file: JournalFile): Promise<number | null> {
    const buf = await readFrom(path.join(this.dir, file.name), 0);
    if (!buf) return null;
    const nl = buf.indexOf(10);
    if (nl === -1) return null;
    return recordOf(buf.toString('latin1', 0, nl))?.seq ?? null;
  }
}

// The chain check, as a synchronous state machine fed one line at a time (verify.ts feeds it from disk,
// the journal's open-time recovery feeds it the newest file). Linear: each line is parsed once and hashed
// once; nothing is kept per record.
//
// Two modes:
// - fast (the default pass): every record's seq and prevHash are checked against the chain (prevHash is
//   SHA-256 of the whole previous line, hmac included), and HMACs are checked where they anchor the chain:
//   every journal.* record (file openings, seals, recoveries, purges) and the last record of each file.
//   Without the key, a change to any byte must be carried forward through every later prevHash up to a
//   checked HMAC, which cannot be forged — so a clean fast pass proves the journal intact.
// - strict (the second pass, only when the fast pass saw anything wrong; and at open): every record's
//   HMAC is checked too, so the first bad record can be named and the damage classified.
//
// At the first anomaly the strict verifier classifies what it saw, looking at most one line ahead —
// except for a gap, where it scans the rest of the journal for the missing seqs to tell reordered from
// deleted:
//
//   line unreadable / MAC wrong, and the NEXT line continues the chain as if this one were absent → inserted
//   MAC wrong, but the line sits in the chain (seq, prevHash) and the next line links to it        → bad-hmac
//   (wrong key, or records rewritten and the chain recomputed by someone without the key)
//   MAC wrong or unreadable otherwise                                                             → edited
//   authentic, seq beyond the expected one, and a missing seq appears later                       → reordered
//   authentic, seq beyond the expected one, and the missing seqs never appear                     → deleted
//   authentic, seq already seen, or not linking to the record before it                           → inserted
//   a file other than the newest that does not end with its seal                                  → truncated
//   a file number missing between two files, or before the first without a purge record for it   → missing-file
//   the external checkpoint names a later record than the journal holds                           → truncated / missing-file
//   the newest file's last line has no newline (a write the crash cut short; never acknowledged)  → torn (reported, not damage)

import { GENESIS_HASH, type RecordMac } from './mac';
import { inspectLine, macOfTextOk, type Inspected } from './inspect';
import type { Checkpoint } from './checkpoint';
import { missingFileName, type JournalFile } from './files';
import type { FileLink } from './schema';

export const DAMAGE_KINDS = ['edited', 'deleted', 'inserted', 'reordered', 'truncated', 'torn', 'bad-hmac', 'missing-file'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface Damage {
  /** The file (or, for a missing file, the name it would have). */
  file: string;
  /** 1-based line in that file; 0 when the whole file is missing. */
  line: number;
  /** The sequence number of the first bad record (for a deletion: the first missing one). */
  seq: number;
  kind: DamageKind;
  detail: string;
}

export interface TornTail {
  file: string;
  line: number;
  /** Byte offset where the torn line starts: the file's good length. */
  offset: number;
  bytes: number;
}

export interface ChainStart {
  /** The file before the first one fed, and its last record. */
  fileNo: number;
  seq: number;
  hash: string;
}

export interface ChainVerifierOptions {
  mac: RecordMac;
  workstationId: string;
  /** Where the chain stands before the first file fed (open-time check of the newest file). */
  start?: ChainStart;
  /** A first file other than number 1 is taken as the start of what remains after a purge, unchecked. */
  trustFirstHeader?: boolean;
  checkpoint?: Checkpoint;
  /** Check every record's HMAC and classify damage (default). False: the fast pass, which only decides. */
  strict?: boolean;
}

export interface LastGood {
  seq: number;
  hash: string;
  type: string;
  file: string;
  line: number;
  /** Byte offset just past this record's newline. */
  end: number;
}

export interface ChainOutcome {
  records: number;
  files: number;
  firstSeq: number | null;
  last: LastGood | null;
  damage: Damage | null;
  torn: TornTail | null;
  checkpointMatched: boolean;
  /** Fast pass only: something did not verify; run the strict pass to name it. */
  needStrict: boolean;
}

interface CurrentFile {
  file: JournalFile;
  isLast: boolean;
  lines: number;
  sealed: boolean;
  /** The text of the last record accepted in this file, and whether its MAC was checked (fast pass). */
  lastText: string | null;
  lastMacChecked: boolean;
}

interface Suspect {
  r: Inspected;
  file: string;
  line: number;
  expSeq: number;
  expHash: string;
  /** next: waiting for one more line; scan: looking for a valid record with seq in [expSeq, r.seq). */
  phase: 'next' | 'scan';
}

export class ChainVerifier {
  private readonly mac: RecordMac;
  private readonly ws: string;
  private readonly trustFirstHeader: boolean;
  private readonly checkpoint: Checkpoint | undefined;
  private readonly strict: boolean;
  private needStrict = false;
  private expSeq = 1;
  private expHash = GENESIS_HASH;
  /** The chain's starting point is not known yet (first file fed is not number 1 and no start given). */
  private startUnknown = false;
  private prevFileNo: number | null = null;
  private cur: CurrentFile | null = null;
  private records = 0;
  private files = 0;
  private firstSeq: number | null = null;
  /** The last good record (kept as fields: no allocation per record). */
  private lastSeq = 0;
  private lastHash = '';
  private lastType = '';
  private lastFile = '';
  private lastLine = 0;
  private lastEnd = 0;
  private damage: Damage | null = null;
  private suspect: Suspect | null = null;
  private torn: TornTail | null = null;
  private checkpointMatched = false;
  private readonly seenFiles = new Set<string>();
  /** A purged head: the first file present is not number 1; a later purge record must account for it. */
  private pendingStart: { file: string; fileNo: number; seq: number; prevHash: string } | null = null;

  constructor(options: ChainVerifierOptions) {
    this.mac = options.mac;
    this.ws = options.workstationId;
    this.trustFirstHeader = options.trustFirstHeader ?? false;
    this.checkpoint = options.checkpoint;
    this.strict = options.strict ?? true;
    if (options.start) {
      this.expSeq = options.start.seq + 1;
      this.expHash = options.start.hash;
      this.prevFileNo = options.start.fileNo;
    }
  }

  /** False once the verifier has decided and needs no more input. */
  get wantsMore(): boolean {
    return this.damage === null && this.torn === null && !this.needStrict;
  }

  beginFile(file: JournalFile, isLast: boolean): void {
    if (!this.wantsMore) return;
    this.files += 1;
    this.seenFiles.add(file.name);
    const previous = this.prevFileNo;
    this.prevFileNo = file.fileNo;
    this.cur = { file, isLast, lines: 0, sealed: false, lastText: null, lastMacChecked: true };
    if (this.suspect) return;
    if (previous === null) {
      if (file.fileNo !== 1) this.startUnknown = true;
      return;
    }
    if (file.fileNo !== previous + 1) {
      this.decide({
        file: missingFileName(this.ws, previous + 1),
        line: 0,
        seq: this.expSeq,
        kind: 'missing-file',
        detail: `journal file number ${previous + 1} is missing (the files go from ${previous} to ${file.fileNo})`,
      });
    }
  }

  /** One line, without its newline. `terminated`: a newline followed it (false only at the end of a file). */
  line(buf: Buffer, start: number, end: number, terminated: boolean, offset: number): void {
    const cur = this.cur;
    if (!cur || !this.wantsMore) return;
    cur.lines += 1;
    if (!terminated) {
      if (this.suspect) return this.finishSuspect();
      if (cur.isLast) {
        this.torn = { file: cur.file.name, line: cur.lines, offset, bytes: end - start };
        return;
      }
      return this.decide({
        file: cur.file.name,
        line: cur.lines,
        seq: this.expSeq,
        kind: 'truncated',
        detail: 'the file ends in the middle of a line although a newer file follows it: its end was cut off',
      });
    }
    const r = inspectLine(buf, start, end, this.strict || this.suspect ? this.mac : null);
    if (this.suspect) return this.classifyNext(r);
    if (this.startUnknown && r.wellFormed && r.macOk) {
      this.startUnknown = false;
      this.expSeq = r.seq;
      this.expHash = r.prevHash;
      if (!this.trustFirstHeader) this.pendingStart = { file: cur.file.name, fileNo: cur.file.fileNo, seq: r.seq, prevHash: r.prevHash };
    }
    if (r.wellFormed && r.macOk && r.seq === this.expSeq && r.prevHash === this.expHash) {
      const structural = this.structuralProblem(r, cur);
      if (structural) {
        if (!this.strict) return this.escalate();
        return this.decide({ file: cur.file.name, line: cur.lines, seq: r.seq, ...structural });
      }
      this.accept(r, cur, offset + (end - start) + 1);
      // Fast pass: the journal's own records anchor the chain; their MACs are checked as they come.
      if (!this.strict && r.type.startsWith('journal.')) {
        if (!macOfTextOk(r.text, this.mac)) return this.escalate();
        cur.lastMacChecked = true;
      }
      return;
    }
    if (!this.strict) return this.escalate();
    this.suspect = { r, file: cur.file.name, line: cur.lines, expSeq: this.expSeq, expHash: this.expHash, phase: 'next' };
    if (r.wellFormed && r.macOk) this.classifyAuthentic();
  }

  endFile(): void {
    const cur = this.cur;
    if (!cur || this.damage || this.needStrict || this.suspect) return;
    // Fast pass: the last complete record of each file anchors the chain before it.
    if (!this.strict && cur.lastText !== null && !cur.lastMacChecked && !macOfTextOk(cur.lastText, this.mac)) return this.escalate();
    if (this.torn) return;
    if (cur.lines === 0) {
      if (cur.isLast) {
        this.torn = { file: cur.file.name, line: 1, offset: 0, bytes: 0 };
        return;
      }
      return this.decide({ file: cur.file.name, line: 1, seq: this.expSeq, kind: 'truncated', detail: 'the file is empty although a newer file follows it' });
    }
    if (!cur.isLast && !cur.sealed) {
      this.decide({
        file: cur.file.name,
        line: cur.lines + 1,
        seq: this.expSeq,
        kind: 'truncated',
        detail: 'the file does not end with its sealing checkpoint although a newer file follows it: records were cut off its end',
      });
    }
  }

  finish(): ChainOutcome {
    if (this.suspect) this.finishSuspect();
    if (!this.damage && this.pendingStart) {
      const p = this.pendingStart;
      this.damage = {
        file: missingFileName(this.ws, p.fileNo - 1),
        line: 0,
        seq: p.seq - 1,
        kind: 'missing-file',
        detail: `the journal starts at file ${p.fileNo} (record ${p.seq}) and no purge record accounts for the files before it`,
      };
    }
    if (!this.damage && this.checkpoint) this.checkAgainstCheckpoint(this.checkpoint);
    return {
      records: this.records,
      files: this.files,
      firstSeq: this.firstSeq,
      last: this.records > 0 ? { seq: this.lastSeq, hash: this.lastHash, type: this.lastType, file: this.lastFile, line: this.lastLine, end: this.lastEnd } : null,
      damage: this.damage,
      torn: this.damage ? null : this.torn,
      checkpointMatched: this.checkpointMatched,
      needStrict: this.needStrict,
    };
  }

  /** Fast pass: something is wrong; stop and let the strict pass find and name it. */
  private escalate(): void {
    this.needStrict = true;
  }

  private structuralProblem(r: Inspected, cur: CurrentFile): { kind: DamageKind; detail: string } | null {
    if (r.ws !== this.ws) return { kind: 'inserted', detail: `the record belongs to workstation ${r.ws}, not ${this.ws}` };
    if (cur.sealed) return { kind: 'inserted', detail: 'a record follows the seal that closed this file' };
    if (cur.lines === 1) {
      const j = r.journal;
      if (r.type !== 'journal.opened' || !j || j.fileNo !== cur.file.fileNo || j.file !== cur.file.name) {
        return { kind: 'edited', detail: 'the file does not begin with its own opening checkpoint (file name or number changed?)' };
      }
    } else if (r.type === 'journal.opened') {
      return { kind: 'inserted', detail: 'an opening checkpoint in the middle of a file (files were joined?)' };
    }
    return null;
  }

  private accept(r: Inspected, cur: CurrentFile, endOffset: number): void {
    this.records += 1;
    if (this.firstSeq === null) this.firstSeq = r.seq;
    this.expSeq = r.seq + 1;
    this.expHash = r.hash;
    this.lastSeq = r.seq;
    this.lastHash = r.hash;
    this.lastType = r.type;
    this.lastFile = cur.file.name;
    this.lastLine = cur.lines;
    this.lastEnd = endOffset;
    cur.lastText = r.text;
    cur.lastMacChecked = this.strict;
    if (r.type === 'journal.sealed') cur.sealed = true;
    else if (r.type === 'journal.purged' && this.pendingStart) this.resolvePendingStart(r);
    const cp = this.checkpoint;
    if (cp && r.seq === cp.seq) {
      if (r.hash === cp.hash) this.checkpointMatched = true;
      else if (!this.strict) this.escalate();
      else {
        this.decide({
          file: cur.file.name,
          line: cur.lines,
          seq: r.seq,
          kind: 'edited',
          detail: 'the record differs from the one the external checkpoint signed (the journal was rewritten from here)',
        });
      }
    }
  }

  private resolvePendingStart(r: Inspected): void {
    const p = this.pendingStart!;
    const purged = Array.isArray(r.journal?.purged) ? (r.journal.purged as FileLink[]) : [];
    const before = purged.find((f) => f && f.fileNo === p.fileNo - 1);
    if (before && before.lastSeq === p.seq - 1 && before.lastHash === p.prevHash) this.pendingStart = null;
  }

  /** An authentic record that does not continue the chain: decide now, or scan ahead for its missing predecessors. */
  private classifyAuthentic(): void {
    const s = this.suspect!;
    const r = s.r;
    if (r.seq > s.expSeq) {
      s.phase = 'scan';
      return;
    }
    if (r.seq < s.expSeq) {
      return this.decideSuspect('inserted', r.seq, `record ${r.seq} appears again after record ${s.expSeq - 1} (a copy was inserted)`);
    }
    this.decideSuspect('inserted', r.seq, `record ${r.seq} does not link to the record before it (it comes from another chain)`);
  }

  private classifyNext(n: Inspected): void {
    const s = this.suspect!;
    if (s.phase === 'scan') {
      if (n.wellFormed && n.macOk && n.seq >= s.expSeq && n.seq < s.r.seq) {
        this.decideSuspect('reordered', s.r.seq, `record ${s.r.seq} comes before record ${n.seq}: records are out of order`);
      }
      return;
    }
    const r = s.r;
    if (n.wellFormed && n.macOk && n.seq === s.expSeq && n.prevHash === s.expHash) {
      return this.decideSuspect('inserted', s.expSeq, 'a line that is not part of the chain was inserted here (the next line continues the chain without it)');
    }
    if (r.wellFormed && !r.macOk && r.seq === s.expSeq && r.prevHash === s.expHash && n.wellFormed && n.prevHash === r.hash) {
      return this.decideSuspect('bad-hmac', r.seq, 'the record links correctly but its HMAC does not match: the hmac was altered, or the key is not this journal\'s');
    }
    this.decideSuspect('edited', r.wellFormed ? r.seq : s.expSeq, this.editedDetail(r));
  }

  private finishSuspect(): void {
    const s = this.suspect;
    if (!s || this.damage) return;
    if (s.phase === 'scan') {
      const to = s.r.seq - 1;
      return this.decideSuspect('deleted', s.expSeq, to === s.expSeq ? `record ${s.expSeq} is missing before this line` : `records ${s.expSeq} to ${to} are missing before this line`);
    }
    this.decideSuspect('edited', s.r.wellFormed ? s.r.seq : s.expSeq, this.editedDetail(s.r));
  }

  private editedDetail(r: Inspected): string {
    if (!r.wellFormed) return 'the line is not a well-formed record (its bytes were changed)';
    return 'the record does not match its HMAC or its place in the chain: its content was changed';
  }

  private decideSuspect(kind: DamageKind, seq: number, detail: string): void {
    const s = this.suspect!;
    this.suspect = null;
    this.damage = { file: s.file, line: s.line, seq, kind, detail };
  }

  private decide(damage: Damage): void {
    this.suspect = null;
    this.damage = damage;
  }

  private checkAgainstCheckpoint(cp: Checkpoint): void {
    const lastSeq = this.records > 0 ? this.lastSeq : this.expSeq - 1;
    if (lastSeq >= cp.seq) return;
    const fileThere = this.seenFiles.has(cp.file);
    this.damage = {
      file: cp.file,
      line: fileThere && this.records > 0 && this.lastFile === cp.file ? this.lastLine + 1 : 0,
      seq: lastSeq + 1,
      kind: fileThere ? 'truncated' : 'missing-file',
      detail: fileThere
        ? `the journal ends at record ${lastSeq} but the external checkpoint signed record ${cp.seq} in this file: records were cut off`
        : `the external checkpoint signed record ${cp.seq} in ${cp.file}, which is missing (the journal ends at record ${lastSeq})`,
    };
  }
}

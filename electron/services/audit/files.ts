// Journal file names: `audit-<workstation>-<file number, 8 digits>-<UTC day YYYYMMDD>.jsonl`.
// The file number orders the files (1, 2, 3 … with no gaps except a purged oldest stretch); the day is
// the UTC day the file was opened, for people and for rotation by day.

import { readdir } from 'node:fs/promises';

export interface JournalFile {
  name: string;
  workstationId: string;
  fileNo: number;
  day: string;
}

const NAME = /^audit-([A-Z0-9][A-Z0-9-]{1,31})-(\d{8})-(\d{8})\.jsonl$/;

export function journalFileName(workstationId: string, fileNo: number, day: string): string {
  return `audit-${workstationId}-${String(fileNo).padStart(8, '0')}-${day}.jsonl`;
}

export function parseJournalFileName(name: string): JournalFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { name, workstationId: m[1]!, fileNo: Number(m[2]), day: m[3]! };
}

/** The journal files among `names`, ordered by file number. */
export function journalFilesOf(names: readonly string[]): JournalFile[] {
  return names
    .map(parseJournalFileName)
    .filter((f): f is JournalFile => f !== null)
    .sort((a, b) => a.fileNo - b.fileNo || a.name.localeCompare(b.name));
}

/** The journal files in `dir`, ordered by file number (empty when the folder does not exist). */
export async function listJournalFiles(dir: string): Promise<JournalFile[]> {
  try {
    return journalFilesOf(await readdir(dir));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/** How a missing file is named when only its number is known. */
export function missingFileName(workstationId: string, fileNo: number): string {
  return `audit-${workstationId}-${String(fileNo).padStart(8, '0')}-*.jsonl`;
}

export const QUARANTINE_DIR = 'quarantine';
export const LOCK_FILE = 'journal.lock';

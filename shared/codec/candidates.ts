// Candidate lists: which identifier a candidate's record is requested by.

import type { Candidate } from './types';

export interface CandidateRecordKey {
  /** FBI and SID: III record request (`iii_record`, IH.R.QR); CII: California record (`ca_history_cii`, IH.QR). */
  code: 'FBI' | 'SID' | 'CII';
  value: string;
}

/** The identifier to request a candidate's record with: FBI first, then SID, then CII. */
export function candidateRecordKey(c: Candidate): CandidateRecordKey | null {
  for (const code of ['FBI', 'SID', 'CII'] as const) {
    const value = c.fields?.[code];
    if (typeof value === 'string' && value.trim() !== '') return { code, value };
  }
  return null;
}

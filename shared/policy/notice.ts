// The system use notification (requirements.md L1, CSP AC-8), shown before logon until acknowledged.
// Versioned: an acknowledgement names the version it read, so a changed text must be read again.

export const SYSTEM_USE_NOTICE = {
  version: '2026-11-1',
  title: 'Restricted system: authorized criminal justice use only',
  paragraphs: [
    'This workstation gives access to the California Law Enforcement Telecommunications System (CLETS) and the criminal justice information it carries: criminal offender record information (CORI), DMV, NCIC and Nlets records. It is restricted to authorized users with both a right to know and a need to know.',
    'Use of this system may be monitored, recorded and audited. Every logon, inquiry, view, print and release is written to an audit trail that the Department and the California Department of Justice review.',
    'Unauthorized use, or use beyond your authorization, is prohibited and subject to criminal and civil penalties, including under Penal Code 502, 11140–11144 and 13301–13304, Vehicle Code 1808.45 and Government Code 6200, and to loss of employment.',
    'By continuing you consent to this monitoring and recording, and you confirm that every inquiry you make is for official business only.',
  ],
} as const;

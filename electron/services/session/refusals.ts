// Why a logon, unlock or step is refused: stable codes the renderer acts on, plain messages the operator
// reads. Nothing here tells someone without the password whether an operator ID exists: an unknown ID
// and a wrong password get the same code and the same words, and so do a wrong badge and a wrong PIN.
import { AppError } from '../errors';

export const SESSION_ERROR_CODES = [
  'LOGON_REFUSED',
  'STATEMENT_MISSING',
  'CERTIFICATION_LAPSED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'ALREADY_SIGNED_ON',
  'SECOND_FACTOR_MISSING',
  'REAUTH_REQUIRED',
  'NOTICE_REQUIRED',
  'WRONG_STEP',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export const WRONG_PASSWORD = 'Operator ID or password is not correct.';
export const WRONG_BADGE = 'Badge or PIN is not correct.';

const refuse = (code: SessionErrorCode, message: string) => new AppError(code, message);

export const refusals = {
  wrongPassword: () => refuse('LOGON_REFUSED', WRONG_PASSWORD),
  wrongBadge: () => refuse('LOGON_REFUSED', WRONG_BADGE),
  statementMissing: () =>
    refuse(
      'STATEMENT_MISSING',
      'Your signed Employee/Volunteer Statement form is not on file, and CLETS access needs it. Ask your CRSO to record it, then sign on again.',
    ),
  certificationMissing: () =>
    refuse('CERTIFICATION_LAPSED', 'No CLETS operator certification is on file for you. Ask your CRSO to record it, then sign on again.'),
  certificationLapsed: (until: string) =>
    refuse(
      'CERTIFICATION_LAPSED',
      `Your CLETS operator certification ran out on ${until}. Complete recertification and ask your CRSO to record the new date.`,
    ),
  accountLocked: (liftsAt: string | null) =>
    refuse(
      'ACCOUNT_LOCKED',
      'Your account is locked after too many failed sign-on attempts. Ask your CRSO or a workstation administrator to release it' +
        (liftsAt ? `, or try again after ${liftsAt}.` : '.'),
    ),
  accountDisabled: () => refuse('ACCOUNT_DISABLED', 'Your account is disabled. Ask your CRSO if you need CLETS access.'),
  alreadySignedOn: (workstationId: string) =>
    refuse(
      'ALREADY_SIGNED_ON',
      `You are already signed on at workstation ${workstationId}, and an operator may have only one session at a time. Sign off there first.`,
    ),
  secondFactorMissing: () =>
    refuse('SECOND_FACTOR_MISSING', 'No badge and PIN are on file for you, and sign-on needs both. Ask your CRSO to issue them.'),
  reauthRequired: () =>
    refuse(
      'REAUTH_REQUIRED',
      'Your session has reached its 12-hour limit. Sign off, then sign on again with your operator ID, password, badge and PIN.',
    ),
  noticeRequired: () => refuse('NOTICE_REQUIRED', 'Read and acknowledge the system use notice first.'),
  noticeChanged: () => refuse('NOTICE_REQUIRED', 'The system use notice has changed. Read the current notice and acknowledge it.'),
  wrongStep: (what: string) => refuse('WRONG_STEP', `${what} is not expected now. Follow the steps on the screen.`),
  stateChanged: () => refuse('WRONG_STEP', 'The workstation changed state while this was being checked (it may have locked). Try again.'),
};

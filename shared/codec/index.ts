// Public API of the CLETS message codec. Pure TypeScript: runs in the renderer and the main process.

export * from './types';
export { CodecError } from './errors';
export {
  ER_CODE_DESCRIPTIONS,
  UNSOLICITED_DESCRIPTIONS,
  PURPOSE_DESCRIPTIONS,
  CA_PURPOSE_DESCRIPTIONS,
  NO_RECORD_DESCRIPTIONS,
  RECORD_TYPE_DESCRIPTIONS,
  PRIORITY_DESCRIPTIONS,
  PLATE_TYPE_DESCRIPTIONS,
  STATE_CODES,
  describeErCode,
} from './codes';
export { isRealDate, dateToCcyymmdd, todayFrom } from './dates';
export {
  validateName,
  validatePastDate,
  validateSex,
  validateRace,
  validatePlate,
  validateState,
  validatePlateYear,
  validatePlateType,
  validateVin,
  validateVehicleMake,
  validateOln,
  validateOri,
  validateSoc,
  validateFbi,
  validateSid,
  validateCii,
  validateOca,
  validateNic,
  validateAttention,
  validatePurpose,
  validateCaPurpose,
  validateRecordType,
  validateRequestNumber,
  validatePriority,
  validateControl,
  validateAdminText,
  MAX_ADMIN_TEXT,
} from './fields';
export { vinCheckDigit, vinCheckDigitMatches } from './vin';
export { validateInquiry } from './inquiry-validate';
export { encodeInquiry, decodeInquiry, MAX_INQUIRY_CHARS } from './inquiry-codec';
export { formatReply, REPLY_LINE_WIDTH, ORIGINAL_MESSAGE_LINE } from './reply-format';
export { decodeReply, decodeReplyBytes } from './reply-decode';
export { candidateRecordKey, type CandidateRecordKey } from './candidates';
export { MAX_REPLY_CHARS, MAX_REPLY_LINES, MAX_REPLY_RECORDS } from './limits';
export { escapeValue, escapeLine, unescapeText } from './escape';

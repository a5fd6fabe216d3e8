// The inquiry workspace's main-process side (issue #5).
export { INQUIRY_CHANNELS, inquiryHandlers, type InquiryChannel, type InquiryHandlers } from './handlers';
export {
  CONFIRMATION_DUE_MS,
  createInquiryService,
  MAX_SESSION_RETURNS,
  recordTypeOf,
  WITHHELD_ADDRESS,
  type InquiryAudit,
  type InquiryCaller,
  type InquiryService,
  type InquiryServiceDeps,
} from './service';

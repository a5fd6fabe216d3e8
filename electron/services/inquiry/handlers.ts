// IPC handlers of the inquiry workspace (issue #5). PLACEHOLDER until the inquiry service lands.
import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';

export const INQUIRY_CHANNELS = [
  'inquiry.policy',
  'inquiry.send',
  'inquiry.list',
  'inquiry.open',
  'inquiry.confirmHit',
  'inquiry.hitConfirmations',
  'supervision.overdueConfirmations',
] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
export type InquiryHandlers = Pick<Handlers, InquiryChannel>;

const notYet = (): never => {
  throw new AppError('NOT_IMPLEMENTED', 'Inquiries are not available yet.');
};

export function inquiryHandlers(): InquiryHandlers {
  return Object.fromEntries(INQUIRY_CHANNELS.map((c) => [c, notYet])) as unknown as InquiryHandlers;
}

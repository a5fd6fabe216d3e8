// IPC handlers of the inquiry workspace (issue #5). The router has checked the channel's roles, the
// session and the lock; the service decides the rest (role per kind, need to know, audit first).
import { AppError } from '../errors';
import type { HandlerContext, Handlers } from '../ipc/router';
import type { InquiryCaller, InquiryService } from './service';

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

function callerOf(ctx: HandlerContext): InquiryCaller {
  // The router lets only a signed-on, unlocked operator this far; checked again, never assumed.
  const { signedOn, locked, operatorId, roles } = ctx.session;
  if (!signedOn || operatorId === null) throw new AppError('NOT_SIGNED_ON', 'Sign on first.');
  if (locked) throw new AppError('LOCKED', 'The workstation is locked. Unlock it with your badge and PIN.');
  return { operatorId, roles };
}

export function inquiryHandlers(service: InquiryService): InquiryHandlers {
  return {
    'inquiry.policy': (_request, ctx) => service.policyView(callerOf(ctx)),
    'inquiry.send': (request, ctx) => service.send(request, callerOf(ctx)),
    'inquiry.list': (_request, ctx) => service.list(callerOf(ctx)),
    'inquiry.open': (request, ctx) => service.open(request.ref, callerOf(ctx)),
    'inquiry.confirmHit': (request, ctx) => service.confirmHit(request, callerOf(ctx)),
    'inquiry.hitConfirmations': (_request, ctx) => service.hitConfirmations(callerOf(ctx)),
    'supervision.overdueConfirmations': (_request, ctx) => {
      callerOf(ctx);
      return service.overdueConfirmations();
    },
  };
}

// session.* over the router. The router has parsed the request and checked the access rule and the lock
// rule of the contract; the service checks the step.
import type { Handlers } from '../ipc/router';
import type { SessionService } from './service';

type SessionChannels =
  | 'session.state'
  | 'session.acknowledgeNotice'
  | 'session.submitPassword'
  | 'session.submitBadge'
  | 'session.activity'
  | 'session.lock'
  | 'session.unlock'
  | 'session.logout';

export function sessionHandlers(session: SessionService): Pick<Handlers, SessionChannels> {
  return {
    'session.state': () => session.state(),
    'session.acknowledgeNotice': (request) => session.acknowledgeNotice(request.noticeVersion),
    'session.submitPassword': (request) => session.submitPassword(request.operatorId, request.password),
    'session.submitBadge': (request) => session.submitBadge(request.badge, request.pin),
    'session.activity': () => {
      const { idleLockAt } = session.activity();
      return { idleLockAt: idleLockAt === null ? null : new Date(idleLockAt).toISOString() };
    },
    'session.lock': (request) => {
      session.lock(request.reason ?? 'operator');
      return session.state();
    },
    'session.unlock': (request) => session.unlock(request.badge, request.pin),
    'session.logout': () => session.logout(),
  };
}

// Container for the lock screen. Reads only the session: by the time this renders, every sensitive
// slice has been cleared and every view holding data unmounted.
import { useStore } from 'zustand';
import { LockScreen } from '../components/LockScreen';
import { formatClock, formatDay } from '../state/format';
import { describeLockReason, selectSession } from '../state/selectors';
import type { AppStore } from '../state/store';
import { BADGE_FIELDS, refusalFor } from './LogonView';

export function LockView({ store }: { store: AppStore }) {
  const session = useStore(store, selectSession);
  const actions = store.getState();
  const state = session.state;
  const lock =
    state?.phase === 'locked'
      ? {
          operatorId: state.operatorId,
          reason: describeLockReason(state.reason, session.idleTimeoutMs),
          sinceTime: formatClock(state.since),
          sinceDay: formatDay(state.since),
          sinceIso: state.since,
        }
      : null;
  return (
    <main id="main" className="logon logon--locked" tabIndex={-1}>
      <LockScreen
        lock={lock}
        pending={session.pending}
        error={refusalFor(session.error, 'unlock', BADGE_FIELDS)}
        onSubmit={(badge, pin) => void actions.unlock(badge, pin)}
        onDismissError={actions.dismissSessionError}
        onSignOff={() => void actions.logout()}
      />
    </main>
  );
}

// The root container: the frame (training banner, workstation header) and, below it, exactly one of
// the sign-on steps, the lock screen or the active session — chosen by the session's phase, which
// the main process owns.
import { useStore } from 'zustand';
import { AppHeader } from './components/AppHeader';
import { LinkStatusIndicator } from './components/LinkStatusIndicator';
import { AuditFailureBanner } from './components/AuditFailureBanner';
import { SettingsProblemBanner } from './components/SettingsProblemBanner';
import { PrintRefusal } from './components/release/PrintRefusal';
import { usePrintGuard } from './components/release/print-guard';
import { TrainingBanner } from './components/TrainingBanner';
import { describeLink, screenOf, selectInfo, selectInfoError, selectLinkLoadError, selectLinkStatus, selectSession, selectTraining } from './state/selectors';
import type { AppStore } from './state/store';
import { ActiveView } from './views/ActiveView';
import { LockView } from './views/LockView';
import { LogonView } from './views/LogonView';

export function App({ store }: { store: AppStore }) {
  usePrintGuard();
  const info = useStore(store, selectInfo);
  const infoError = useStore(store, selectInfoError);
  const linkStatus = useStore(store, selectLinkStatus);
  const linkLoadError = useStore(store, selectLinkLoadError);
  const training = useStore(store, selectTraining);
  const session = useStore(store, selectSession);
  const screen = screenOf(session);
  const state = session.state;
  const auditFailure = useStore(store, (s) => s.auditFailure);
  const settingsProblem = useStore(store, (s) => s.settingsStatus.problem);

  return (
    <div className={training ? 'app app--training' : 'app'} data-screen={screen}>
      {screen === 'active' ? (
        <a className="skip-link" href="#main">
          Skip to workspace
        </a>
      ) : null}
      <PrintRefusal />
      <TrainingBanner training={training} />
      <AppHeader info={info} infoError={infoError}>
        <LinkStatusIndicator indicator={describeLink(linkStatus, linkLoadError)} />
      </AppHeader>
      <SettingsProblemBanner problem={settingsProblem} />
      {screen === 'active' || screen === 'locked' ? (
        <AuditFailureBanner failure={auditFailure.latest} count={auditFailure.count} onDismiss={() => store.getState().dismissAuditFailure()} />
      ) : null}
      {screen === 'active' && state?.phase === 'active' ? (
        <ActiveView store={store} session={state} />
      ) : screen === 'locked' ? (
        <LockView store={store} />
      ) : (
        <LogonView store={store} />
      )}
    </div>
  );
}

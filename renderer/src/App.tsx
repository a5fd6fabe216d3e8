// The one container: reads the store through pure selectors and hands plain props to components.
import { useStore } from 'zustand';
import { AppHeader } from './components/AppHeader';
import { LinkStatusIndicator } from './components/LinkStatusIndicator';
import { TrainingBanner } from './components/TrainingBanner';
import { UnsolicitedMessages } from './components/UnsolicitedMessages';
import { Workspace } from './components/Workspace';
import {
  describeLink,
  selectInfo,
  selectInfoError,
  selectLinkLoadError,
  selectLinkStatus,
  selectTraining,
  selectUnsolicited,
} from './state/selectors';
import type { AppStore } from './state/store';

export function App({ store }: { store: AppStore }) {
  const info = useStore(store, selectInfo);
  const infoError = useStore(store, selectInfoError);
  const linkStatus = useStore(store, selectLinkStatus);
  const linkLoadError = useStore(store, selectLinkLoadError);
  const training = useStore(store, selectTraining);
  const messages = useStore(store, selectUnsolicited);

  return (
    <div className={training ? 'app app--training' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to workspace
      </a>
      <TrainingBanner training={training} />
      <AppHeader info={info} infoError={infoError}>
        <LinkStatusIndicator indicator={describeLink(linkStatus, linkLoadError)} />
      </AppHeader>
      <div className="app-body">
        <Workspace />
        <UnsolicitedMessages messages={messages} />
      </div>
    </div>
  );
}

// Container for the active session: the session bar, the current screen, and the switch messages.
// Every view with criminal justice information or personal data is wrapped in <Watermark>, and is
// mounted only here — the lock and the logon screens never render it.
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionState } from '../../../shared/contract/session-schemas';
import { StatusLine } from '../components/FormAlert';
import { OperatorsScreen } from '../components/roster/OperatorsScreen';
import { SessionBar } from '../components/SessionBar';
import { SettingsScreen } from '../components/settings/SettingsScreen';
import { UnsolicitedMessages } from '../components/UnsolicitedMessages';
import { Watermark } from '../components/Watermark';
import { Workspace } from '../components/Workspace';
import { formatDateTime, localDate } from '../state/format';
import {
  describeOperator,
  effectiveView,
  rolesLabel,
  selectClipboardNotice,
  selectNow,
  selectRoster,
  selectSettings,
  selectUnsolicited,
  selectView,
  viewsFor,
} from '../state/selectors';
import type { AppStore } from '../state/store';

type Active = Extract<SessionState, { phase: 'active' }>;

/** <Watermark> fed from the session and the ticking clock; copying goes to the guarded clipboard. */
function CjiView({ store, session, className, children }: { store: AppStore; session: Active; className?: string; children: ReactNode }) {
  const now = useStore(store, selectNow);
  return (
    <Watermark
      operatorId={session.watermark.operatorId}
      workstationId={session.watermark.workstationId}
      now={now}
      onCopyText={(text) => void store.getState().copyText(text)}
      {...(className ? { className } : {})}
    >
      {children}
    </Watermark>
  );
}

function MessagesView({ store, session }: { store: AppStore; session: Active }) {
  const messages = useStore(store, selectUnsolicited);
  return (
    <CjiView store={store} session={session} className="watermark--aside">
      <UnsolicitedMessages messages={messages} />
    </CjiView>
  );
}

function OperatorsView({ store, session }: { store: AppStore; session: Active }) {
  const roster = useStore(store, selectRoster);
  const now = useStore(store, selectNow);
  const today = localDate(now);
  const rows = useMemo(() => roster.entries?.map((e) => describeOperator(e, today)) ?? null, [roster.entries, today]);
  const a = store.getState();
  return (
    <CjiView store={store} session={session}>
      <OperatorsScreen
        rows={rows}
        loading={roster.loading}
        loadError={roster.loadError?.message ?? null}
        outcome={roster.outcome}
        onRefresh={() => void a.loadRoster()}
        onCreate={a.createOperator}
        onRelease={a.releaseOperatorLock}
        onSetDates={a.setOperatorDates}
        onDisable={a.disableOperator}
      />
    </CjiView>
  );
}

function SettingsView({ store }: { store: AppStore }) {
  const settings = useStore(store, selectSettings);
  return (
    <SettingsScreen
      value={settings.value}
      loading={settings.loading}
      loadError={settings.loadError?.message ?? null}
      outcome={settings.outcome}
      onSave={store.getState().saveSettings}
    />
  );
}

function HomeView({ session }: { session: Active }) {
  const idle = session.idleTimeoutMs === null ? 'Exempt: dispatch workstation (recorded)' : `After ${Math.round(session.idleTimeoutMs / 60_000)} minutes without input`;
  return (
    <Workspace
      signedOnAt={{ time: formatDateTime(session.signedOnAt), iso: session.signedOnAt }}
      reauthDueAt={{ time: formatDateTime(session.reauthDueAt), iso: session.reauthDueAt }}
      idleLock={idle}
    />
  );
}

export function ActiveView({ store, session }: { store: AppStore; session: Active }) {
  const chosen = useStore(store, selectView);
  const copied = useStore(store, selectClipboardNotice);
  const a = store.getState();
  const roles = session.operator.roles;
  const view = effectiveView(chosen, roles);

  // Signed on or unlocked: the cursor goes to the workspace, whose heading a screen reader announces.
  useEffect(() => {
    document.getElementById('main')?.focus();
  }, []);

  return (
    <div className="active">
      <SessionBar
        operator={{ id: session.operator.id, name: session.operator.name, roles: rolesLabel(roles) }}
        tabs={viewsFor(roles)}
        view={view}
        onShowView={a.showView}
        onLock={() => void a.lock()}
        onSignOff={() => void a.logout()}
      />
      <div className={view === 'home' ? 'app-body' : 'app-body app-body--wide'}>
        {view === 'operators' ? <OperatorsView store={store} session={session} /> : view === 'settings' ? <SettingsView store={store} /> : <HomeView session={session} />}
        <MessagesView store={store} session={session} />
      </div>
      <div className="toast-region">
        <StatusLine message={copied?.message ?? null} tone={copied?.ok === false ? 'error' : 'ok'} />
      </div>
    </div>
  );
}


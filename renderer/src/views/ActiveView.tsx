// Container for the active session: the session bar, the current screen, and the switch messages.
// Every view with criminal justice information or personal data is wrapped in <Watermark>, and is
// mounted only here — the lock and the logon screens never render it.
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionState } from '../../../shared/contract/session-schemas';
import { FORM_KINDS, FORM_SHORTCUTS, INQUIRY_ROLES } from '../../../shared/policy/inquiry-policy';
import { StatusLine } from '../components/FormAlert';
import { describeConfirmation } from '../components/inquiry/describe';
import { InquiryWorkspace } from '../components/inquiry/InquiryWorkspace';
import { SupervisionScreen } from '../components/inquiry/SupervisionScreen';
import { AuditWorkspaceView } from '../components/audit/AuditWorkspaceView';
import { DisseminationContainer, PrepareReleaseLauncher, ReleasesContainer } from '../components/release/containers';
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
  selectInquiry,
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

/** The inquiry forms, the return on screen and this session's lists (criminal justice information). */
function InquiryPart({ store, session }: { store: AppStore; session: Active }) {
  const data = useStore(store, selectInquiry);
  const now = useStore(store, selectNow);
  const a = store.getState();
  if (data.policy === null) {
    return data.policyError ? (
      <p className="inq-field__error" role="alert">
        The inquiry forms could not be loaded: {data.policyError.message}
      </p>
    ) : (
      <p className="panel__empty">Loading the inquiry forms…</p>
    );
  }
  if (data.policy.kinds.length === 0) return <p className="workspace__note">Your roles open no inquiry forms.</p>;
  return (
    <InquiryWorkspace
      operatorId={session.operator.id}
      policy={data.policy}
      data={data}
      now={now}
      onSend={a.sendInquiry}
      onRequestRecord={(key) => void a.requestRecord(key)}
      onOpen={(ref) => void a.openInquiry(ref)}
      onConfirmHit={a.confirmHit}
      onDismissRefusal={a.dismissInquiryRefusal}
      onPendingFormOpened={() => a.setPendingForm(null)}
      returnActions={(result) => <PrepareReleaseLauncher store={store} roles={session.operator.roles} result={result} />}
    />
  );
}

function HomeView({ store, session }: { store: AppStore; session: Active }) {
  const idle = session.idleTimeoutMs === null ? 'Exempt: dispatch workstation (recorded)' : `After ${Math.round(session.idleTimeoutMs / 60_000)} minutes without input`;
  const inquires = session.operator.roles.some((r) => INQUIRY_ROLES.includes(r));
  const workspace = (
    <Workspace
      signedOnAt={{ time: formatDateTime(session.signedOnAt), iso: session.signedOnAt }}
      reauthDueAt={{ time: formatDateTime(session.reauthDueAt), iso: session.reauthDueAt }}
      idleLock={idle}
    >
      {inquires ? <InquiryPart store={store} session={session} /> : null}
    </Workspace>
  );
  return inquires ? (
    <CjiView store={store} session={session} className="watermark--main">
      {workspace}
    </CjiView>
  ) : (
    workspace
  );
}

function SupervisionView({ store, session }: { store: AppStore; session: Active }) {
  const data = useStore(store, selectInquiry);
  const now = useStore(store, selectNow);
  const rows = useMemo(() => data.overdue?.map((c) => describeConfirmation(c, now)) ?? null, [data.overdue, now]);
  return (
    <CjiView store={store} session={session}>
      <SupervisionScreen rows={rows} loading={data.overdueLoading} loadError={data.overdueError?.message ?? null} onRefresh={() => void store.getState().loadOverdueConfirmations()} />
    </CjiView>
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

  // On the other screens a form's function key goes back to the workspace with that form open (the
  // workspace handles its keys itself); F5 never reloads the page.
  const inquires = roles.some((r) => INQUIRY_ROLES.includes(r));
  useEffect(() => {
    if (view === 'home' || !inquires) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const kind = FORM_KINDS.find((k) => FORM_SHORTCUTS[k].key === event.key && FORM_SHORTCUTS[k].shift === event.shiftKey);
      if (kind === undefined) return;
      event.preventDefault();
      store.getState().setPendingForm(kind);
      store.getState().showView('home');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view, inquires, store]);

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
        {view === 'operators' ? (
          <OperatorsView store={store} session={session} />
        ) : view === 'settings' ? (
          <SettingsView store={store} />
        ) : view === 'releases' ? (
          <CjiView store={store} session={session}>
            <ReleasesContainer store={store} operatorId={session.operator.id} roles={roles} />
          </CjiView>
        ) : view === 'dissemination' ? (
          <CjiView store={store} session={session}>
            <DisseminationContainer store={store} roles={roles} />
          </CjiView>
        ) : view === 'audit' ? (
          <CjiView store={store} session={session}>
            <AuditWorkspaceView store={store} />
          </CjiView>
        ) : view === 'supervision' ? (
          <SupervisionView store={store} session={session} />
        ) : (
          <HomeView store={store} session={session} />
        )}
        <MessagesView store={store} session={session} />
      </div>
      <div className="toast-region">
        <StatusLine message={copied?.message ?? null} tone={copied?.ok === false ? 'error' : 'ok'} />
      </div>
    </div>
  );
}


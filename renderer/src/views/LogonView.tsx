// Container for the sign-on steps: the notice, operator ID and password, badge and PIN.
import { useStore } from 'zustand';
import { FormAlert } from '../components/FormAlert';
import { CredentialsForm, type CredentialsField } from '../components/logon/CredentialsForm';
import { NoticeScreen } from '../components/logon/NoticeScreen';
import { SecondFactorScreen } from '../components/logon/SecondFactorScreen';
import type { BadgePinField } from '../components/logon/BadgePinFields';
import { selectSession } from '../state/selectors';
import type { LogonStep, StepError } from '../state/session';
import type { AppStore } from '../state/store';

/** The refusal for this step, narrowed to the fields the step's form has. */
export function refusalFor<F extends string>(error: StepError | null, step: LogonStep, fields: readonly F[]) {
  if (error === null || error.step !== step) return null;
  const field = fields.find((f) => f === error.field) ?? null;
  return { field, seq: error.seq, message: error.message };
}

const CREDENTIAL_FIELDS: readonly CredentialsField[] = ['operatorId', 'password'];
export const BADGE_FIELDS: readonly BadgePinField[] = ['badge', 'pin'];

export function LogonView({ store }: { store: AppStore }) {
  const session = useStore(store, selectSession);
  const actions = store.getState();
  const state = session.state;

  let content;
  if (state === null) {
    content = (
      <section className="logon-card" aria-labelledby="starting-title">
        <div className="logon-card__body">
          <h2 id="starting-title" className="logon-card__title">
            {session.loadError ? 'Sign-on is unavailable' : 'Starting…'}
          </h2>
          <FormAlert id="starting-error" message={session.loadError?.message ?? null} />
        </div>
      </section>
    );
  } else if (state.phase === 'notice') {
    content = <NoticeScreen notice={state.notice} pending={session.pending} error={refusalFor(session.error, 'notice', [])?.message ?? null} onAcknowledge={() => void actions.acknowledgeNotice()} />;
  } else if (state.phase === 'credentials') {
    content = (
      <CredentialsForm
        pending={session.pending}
        error={refusalFor(session.error, 'credentials', CREDENTIAL_FIELDS)}
        onSubmit={(id, pw) => void actions.submitPassword(id, pw)}
        onDismissError={actions.dismissSessionError}
      />
    );
  } else if (state.phase === 'second-factor') {
    content = (
      <SecondFactorScreen
        operatorId={state.operatorId}
        pending={session.pending}
        error={refusalFor(session.error, 'second-factor', BADGE_FIELDS)}
        onSubmit={(badge, pin) => void actions.submitBadge(badge, pin)}
        onDismissError={actions.dismissSessionError}
        onStartOver={() => void actions.logout()}
      />
    );
  } else {
    content = null;
  }

  return (
    <main id="main" className="logon" tabIndex={-1}>
      {content}
    </main>
  );
}

// The one place a form's refusal is shown: a role="alert" region that is always in the page (so a
// new message is announced) and empty when there is nothing to say.
export interface FormAlertProps {
  id: string;
  message: string | null;
}

export function FormAlert({ id, message }: FormAlertProps) {
  return (
    <div id={id} className={message ? 'form-alert' : 'form-alert form-alert--empty'} role="alert">
      {message ? (
        <>
          <span className="form-alert__icon" aria-hidden="true" />
          <span className="form-alert__text">{message}</span>
        </>
      ) : null}
    </div>
  );
}

/** A polite status line (successes, copies): announced, never interrupting. */
export function StatusLine({ id, message, tone = 'ok' }: { id?: string; message: string | null; tone?: 'ok' | 'error' }) {
  return (
    <p id={id} className={message ? `status-line status-line--${tone}` : 'status-line status-line--empty'} role="status">
      {message}
    </p>
  );
}

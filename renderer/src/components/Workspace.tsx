// The home screen of an active session: the session's own facts, then the inquiry workspace for the
// roles that make inquiries (the container wraps it in <Watermark>).
import type { ReactNode } from 'react';

export interface WorkspaceProps {
  signedOnAt: { time: string; iso: string };
  reauthDueAt: { time: string; iso: string };
  idleLock: string;
  /** The inquiry workspace, when the operator's roles open any form. */
  children?: ReactNode;
}

export function Workspace({ signedOnAt, reauthDueAt, idleLock, children }: WorkspaceProps) {
  return (
    <main id="main" className="panel workspace" aria-labelledby="workspace-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="workspace-heading" className="panel__title">
          Workspace
        </h2>
      </div>
      <div className={children ? 'workspace__body workspace__body--inquiry' : 'workspace__body'}>
        <dl className={children ? 'facts facts--compact' : 'facts'}>
          <div className="facts__item">
            <dt>Signed on</dt>
            <dd>
              <time dateTime={signedOnAt.iso}>{signedOnAt.time}</time>
            </dd>
          </div>
          <div className="facts__item">
            <dt>Badge and PIN again by</dt>
            <dd>
              <time dateTime={reauthDueAt.iso}>{reauthDueAt.time}</time>
            </dd>
          </div>
          <div className="facts__item">
            <dt>Idle lock</dt>
            <dd>{idleLock}</dd>
          </div>
        </dl>
        {children ?? <p className="workspace__note">This account makes no inquiries. Lock the screen with Ctrl+L whenever you step away.</p>}
      </div>
    </main>
  );
}

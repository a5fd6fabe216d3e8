// The home screen of an active session: the session's own facts. Inquiry forms take their place
// here as they are built (each wrapped in <Watermark>).
export interface WorkspaceProps {
  signedOnAt: { time: string; iso: string };
  reauthDueAt: { time: string; iso: string };
  idleLock: string;
}

export function Workspace({ signedOnAt, reauthDueAt, idleLock }: WorkspaceProps) {
  return (
    <main id="main" className="panel workspace" aria-labelledby="workspace-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="workspace-heading" className="panel__title">
          Workspace
        </h2>
      </div>
      <div className="workspace__body">
        <dl className="facts">
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
        <p className="workspace__note">Inquiry forms will appear here. Lock the screen with Ctrl+L whenever you step away.</p>
      </div>
    </main>
  );
}

// The main area. Sign-on and the inquiry forms take its place as they are built.
export function Workspace() {
  return (
    <main id="main" className="panel workspace" aria-labelledby="workspace-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="workspace-heading" className="panel__title">
          Workspace
        </h2>
      </div>
      <div className="workspace__body">
        <p className="workspace__lead">Not signed on.</p>
        <p className="workspace__note">Sign-on and inquiry forms will appear here.</p>
      </div>
    </main>
  );
}

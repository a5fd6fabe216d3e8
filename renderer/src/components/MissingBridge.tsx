// Shown when the page was opened outside the application (no window.clets): say so, do nothing else.
export function MissingBridge() {
  return (
    <main className="missing-bridge" aria-labelledby="missing-bridge-heading">
      <h1 id="missing-bridge-heading">CLETS Workstation</h1>
      <p>This page must be opened by the CLETS Workstation application. It cannot reach the message switch from here.</p>
    </main>
  );
}

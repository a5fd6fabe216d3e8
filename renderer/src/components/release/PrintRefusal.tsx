// The one line that prints when printing starts anywhere but a release document (styles/release.css
// shows it only in print, and only when no release document is on the page). Mounted once in App.tsx.
import { PRINT_REFUSAL_TEXT } from './print-guard';

export function PrintRefusal() {
  return (
    <p className="print-refusal" aria-hidden="true">
      {PRINT_REFUSAL_TEXT}
    </p>
  );
}

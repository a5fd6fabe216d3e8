// Shown on every screen while the workstation runs on the strict defaults because its settings file was
// damaged: the main process's words (which file was set aside) and the way back.
import type { ErrorInfo } from '../../../shared/contract/result';

export function SettingsProblemBanner({ problem }: { problem: ErrorInfo | null }) {
  if (problem === null) return null;
  return (
    <div className="form-alert settings-problem" role="status" aria-live="polite">
      <p className="settings-problem__text">
        <strong>Workstation settings damaged — running on the strictest defaults.</strong> {problem.message}
      </p>
      <p className="settings-problem__text">An administrator restores them by saving the Workstation settings. Tell your administrator.</p>
    </div>
  );
}

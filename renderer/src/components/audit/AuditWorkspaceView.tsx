// Container of the auditor's workspace: reads the audit slice and the ticking clock from the store and
// hands the screen its actions. The lead mounts it for the CRSO inside the watermarked CJI view.
import { useStore, type StoreApi } from 'zustand';
import { AUDIT_TIME_ZONE } from '../../../../shared/contract/audit-channels';
import type { AuditData, AuditSlice } from '../../state/audit';
import { localDate } from '../../state/format';
import { AuditScreen } from './AuditScreen';

/** The store as this view needs it (the app store satisfies it once the audit slice is in). */
interface AuditStoreState extends AuditSlice {
  clock: { now: number };
}
const selectAudit = (s: AuditStoreState): AuditData => s.audit;
const selectNow = (s: AuditStoreState): number => s.clock.now;

export function AuditWorkspaceView<S extends AuditStoreState>({ store }: { store: StoreApi<S> }) {
  const audit = useStore(store, selectAudit);
  const now = useStore(store, selectNow);
  const today = localDate(now, AUDIT_TIME_ZONE);
  const weekAgo = localDate(now - 6 * 86_400_000, AUDIT_TIME_ZONE);
  const a = store.getState();
  return (
    <AuditScreen
      audit={audit}
      today={today}
      weekAgo={weekAgo}
      onSearch={a.searchAudit}
      onMore={() => void a.moreAudit()}
      onOpen={(ws, seq) => void a.openAuditRecord(ws, seq)}
      onClose={a.closeAuditRecord}
      onExport={() => void a.exportAudit()}
      onLoadReviews={() => void a.loadAuditReviews()}
      onMarkReviewed={a.markAuditWeekReviewed}
      onLoadStats={(from, to, operator) => void a.loadAuditStats(from, to, operator)}
      onVerify={() => void a.verifyAudit()}
      onLoadAlerts={() => void a.loadAuditAlerts()}
    />
  );
}

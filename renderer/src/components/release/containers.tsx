// The release screens fed from the store (mounted by views/ActiveView.tsx inside its CjiView watermark).
// Typed against the part of the store they use, so they do not depend on the whole AppState.
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Role } from '../../../../shared/contract/roles';
import type { ReleaseRequestInput } from '../../../../shared/contract/release-channels';
import { mayDecideRelease, mayExportDisseminationLog, mayPrepareRelease, mayReadReleaseQueue, releasableOf, type PrepareResult, type ReleaseSlice } from '../../state/release';
import { DisseminationLogScreen } from './DisseminationLogScreen';
import { PrepareReleaseForm } from './PrepareReleaseForm';
import { ReleasesScreen } from './ReleasesScreen';

export type ReleaseStoreState = ReleaseSlice & { clock: { now: number } };
export type ReleaseStore = Pick<StoreApi<ReleaseStoreState>, 'getState' | 'getInitialState' | 'subscribe'>;

const selectRelease = (s: ReleaseStoreState) => s.release;
const selectNow = (s: ReleaseStoreState) => s.clock.now;

export interface ReleaseViewProps {
  store: ReleaseStore;
  operatorId: string;
  roles: readonly Role[];
  onPrint?(): void;
}

export function ReleasesContainer({ store, operatorId, roles, onPrint }: ReleaseViewProps) {
  const data = useStore(store, selectRelease);
  const now = useStore(store, selectNow);
  const a = store.getState();
  return (
    <ReleasesScreen
      operatorId={operatorId}
      canPrepare={mayPrepareRelease(roles)}
      canSeeQueue={mayReadReleaseQueue(roles)}
      canDecide={mayDecideRelease(roles)}
      data={data}
      now={now}
      onRefresh={() => void a.loadReleases()}
      onFilter={(t) => void a.setPendingFilter(t)}
      onDecide={a.decideRelease}
      onPerform={a.performRelease}
      onCloseDocument={a.closeReleaseDocument}
      onRecordDestruction={a.recordReleaseDestruction}
      {...(onPrint ? { onPrint } : {})}
    />
  );
}

export function DisseminationContainer({ store, roles }: Omit<ReleaseViewProps, 'operatorId' | 'onPrint'>) {
  const data = useStore(store, selectRelease);
  const now = useStore(store, selectNow);
  const a = store.getState();
  return (
    <DisseminationLogScreen
      data={data}
      canExport={mayExportDisseminationLog(roles)}
      now={now}
      onSearch={a.searchDisseminationLog}
      onExport={a.exportDisseminationLog}
      onRecordDestruction={a.recordReleaseDestruction}
    />
  );
}

/** The prepare form wired to the store, for the inquiry workspace's "Prepare release" on a rap sheet return. */
export function PrepareReleaseContainer({ store, inquiryRef, subject, arrests, onClose }: { store: ReleaseStore; inquiryRef: string; subject: string; arrests: number; onClose(): void }) {
  const submit = (input: ReleaseRequestInput): Promise<PrepareResult> => store.getState().prepareRelease(input);
  return <PrepareReleaseForm inquiryRef={inquiryRef} subject={subject} arrests={arrests} onSubmit={submit} onCancel={onClose} />;
}

/**
 * "Prepare release" for the return on screen: shown when it is a criminal history record (rap sheet) and
 * the operator's roles prepare releases; opens the form below it. Mounted next to the return in the
 * inquiry workspace.
 */
export function PrepareReleaseLauncher({ store, roles, result }: { store: ReleaseStore; roles: readonly Role[]; result: { ref: string; reply: { text: string } | null } | null }) {
  const [openRef, setOpenRef] = useState<string | null>(null);
  const facts = useMemo(() => (result?.reply ? releasableOf(result.reply.text) : null), [result?.reply]);
  if (!result || !facts || !mayPrepareRelease(roles)) return null;
  if (openRef === result.ref) {
    return <PrepareReleaseContainer store={store} inquiryRef={result.ref} subject={facts.subject} arrests={facts.arrests} onClose={() => setOpenRef(null)} />;
  }
  return (
    <div className="release-launch">
      <button type="button" className="button" onClick={() => setOpenRef(result.ref)}>
        Prepare release<span className="visually-hidden"> of this criminal history record</span>
      </button>
      <span className="field__hint">CORI leaves the app only through a release approved by a supervisor.</span>
    </div>
  );
}

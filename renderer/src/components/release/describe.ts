// Words for release requests on screen: status, age, legal basis (pure, tested without a DOM).
import { DESTRUCTION_METHODS, LEGAL_BASIS_LABELS, RECIPIENT_TYPE_LABELS, RELEASE_METHOD_LABELS, type ReleaseView } from '../../../../shared/contract/release-channels';
import type { DestructionMethod } from '../../state/release';

export const STATUS_LABELS: Readonly<Record<ReleaseView['status'], string>> = {
  pending: 'Waiting for a supervisor',
  approved: 'Approved — ready to release',
  denied: 'Denied',
  released: 'Released',
};

export const STATUS_FLAGS: Readonly<Record<ReleaseView['status'], 'ok' | 'warning' | 'danger'>> = {
  pending: 'warning',
  approved: 'ok',
  denied: 'danger',
  released: 'ok',
};

export const DESTRUCTION_LABELS: Readonly<Record<DestructionMethod, string>> = {
  shredded: 'Shredded',
  burned: 'Burned',
  pulped: 'Pulped',
  electronic_wipe: 'Electronic copy wiped',
};
export { DESTRUCTION_METHODS };

/** "just now", "4 min", "2 h 05 min", "3 days": how long a request has waited. */
export function ageOf(requestedAt: string, now: number): string {
  const ms = now - Date.parse(requestedAt);
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} days`;
}

export const recipientTypeLabel = (t: ReleaseView['recipientType']) => RECIPIENT_TYPE_LABELS[t];
export const methodLabel = (m: ReleaseView['method']) => RELEASE_METHOD_LABELS[m];
export const legalBasisOf = (r: Pick<ReleaseView, 'legalBasisType' | 'legalBasisReference'>) => `${LEGAL_BASIS_LABELS[r.legalBasisType]}: ${r.legalBasisReference}`;

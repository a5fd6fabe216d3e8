// Release requests as the main process sends them, for the release slice and screen tests.
import type { ReleaseView } from '../../../../shared/contract/release-channels';

export const REF = 'TRN1-20261124170000-000001-ABCD';

export function releaseView(over: Partial<ReleaseView> = {}): ReleaseView {
  return {
    id: 'R2026-000001',
    status: 'pending',
    requestedAt: '2026-11-24T17:00:00.000Z',
    requestedBy: 'TREC01',
    requestingWorkstation: 'WS-TRAIN-01',
    inquiryRef: REF,
    subject: 'ROE, JANE A · CII T00000002',
    recipientName: 'Deputy DA Alex Moreno',
    recipientAgency: 'Sacramento County District Attorney',
    recipientOri: 'CA034013A',
    recipientType: 'da_charging',
    legalBasisType: 'statute',
    legalBasisReference: 'PC 13300(b)(1)',
    rightToKnow: 'District Attorney: prosecuting agency',
    needToKnow: 'Charging decision on case 24-001234.',
    scope: 'Whole record T00000002 (3 arrests)',
    method: 'print',
    chargingCase: '24-001234',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    releasedBy: null,
    releasedAt: null,
    ...over,
  };
}

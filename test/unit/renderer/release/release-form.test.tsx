// The prepare form's rules (mirroring the release service), the rap sheet facts the form is opened with,
// the print guard's verdicts, and the markup of the form, the screens and the watermarked document.
import { renderToStaticMarkup } from 'react-dom/server';
import { createStore } from 'zustand/vanilla';
import { describe, expect, it } from 'vitest';
import { todayFrom } from '../../../../shared/codec';
import { checkReleaseDraft, createReleaseSlice, EMPTY_DRAFT, EMPTY_RELEASE, releasableOf, type ReleaseDraft, type ReleaseSlice } from '../../../../renderer/src/state/release';
import { createSensitiveRegistry } from '../../../../renderer/src/state/sensitive';
import { PrepareReleaseLauncher } from '../../../../renderer/src/components/release/containers';
import { DisseminationLogScreen } from '../../../../renderer/src/components/release/DisseminationLogScreen';
import { PrepareReleaseForm } from '../../../../renderer/src/components/release/PrepareReleaseForm';
import { installPrintGuard, PRINT_REFUSAL_TEXT, printGuardVerdict } from '../../../../renderer/src/components/release/print-guard';
import { PrintRefusal } from '../../../../renderer/src/components/release/PrintRefusal';
import { ReleaseDocumentView } from '../../../../renderer/src/components/release/ReleaseDocumentView';
import { ReleasesScreen, type ReleasesScreenProps } from '../../../../renderer/src/components/release/ReleasesScreen';
import { ageOf } from '../../../../renderer/src/components/release/describe';
import { createDataset } from '../../../../switch/dataset';
import { respondToInquiry } from '../../../../switch/replies';
import { fakeApi } from '../fake-api';
import { REF, releaseView } from './support';

const statute: ReleaseDraft = {
  ...EMPTY_DRAFT,
  recipientName: 'Det. Sam Park',
  recipientAgency: 'Elk Grove Police Department',
  recipientOri: 'ca0341100',
  recipientType: 'criminal_justice_agency',
  legalBasisReference: 'PC 11105(b)(3)',
  rightToKnow: 'Peace officer of a California law enforcement agency (PC 11105(b)(3)).',
  needToKnow: 'Active robbery investigation, case 24-004321.',
};

describe('prepare form rules', () => {
  it('builds the request from a complete statute draft (ORI upper-cased, trimmed)', () => {
    const check = checkReleaseDraft(REF, { ...statute, recipientName: '  Det. Sam Park ' }, 3);
    expect(check).toEqual({
      ok: true,
      value: {
        inquiryRef: REF,
        recipientName: 'Det. Sam Park',
        recipientAgency: 'Elk Grove Police Department',
        recipientOri: 'CA0341100',
        recipientType: 'criminal_justice_agency',
        legalBasisType: 'statute',
        legalBasisReference: 'PC 11105(b)(3)',
        rightToKnow: statute.rightToKnow,
        needToKnow: statute.needToKnow,
        scope: { kind: 'whole' },
        method: 'print',
      },
    });
  });

  it('requires the determination under a statute (a peace officer recipient changes nothing, R3)', () => {
    expect(checkReleaseDraft(REF, { ...statute, rightToKnow: 'cop' }, 3)).toMatchObject({ ok: false, code: 'RELEASE_RIGHT_TO_KNOW_REQUIRED', field: 'rightToKnow' });
    expect(checkReleaseDraft(REF, { ...statute, needToKnow: '' }, 3)).toMatchObject({ ok: false, code: 'RELEASE_NEED_TO_KNOW_REQUIRED', field: 'needToKnow' });
  });

  it('a court order replaces the determination (none is sent) but needs its reference with a number', () => {
    const order = { ...statute, recipientType: 'court' as const, legalBasisType: 'court_order' as const, legalBasisReference: 'Order of Judge Diaz' };
    expect(checkReleaseDraft(REF, order, 3)).toMatchObject({ ok: false, code: 'RELEASE_ORDER_REFERENCE_REQUIRED', field: 'legalBasisReference' });
    expect(checkReleaseDraft(REF, { ...order, legalBasisReference: '' }, 3)).toMatchObject({ ok: false, code: 'RELEASE_ORDER_REFERENCE_REQUIRED' });
    const ok = checkReleaseDraft(REF, { ...order, legalBasisReference: '24CR012345' }, 3);
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.value.rightToKnow).toBeUndefined();
      expect(ok.value.needToKnow).toBeUndefined();
    }
  });

  it('a DA charging request needs the case; its determination may be left to the service (R4)', () => {
    const da = { ...statute, recipientType: 'da_charging' as const, rightToKnow: '', needToKnow: '' };
    expect(checkReleaseDraft(REF, da, 3)).toMatchObject({ ok: false, code: 'RELEASE_CHARGING_CASE_REQUIRED', field: 'chargingCase' });
    const ok = checkReleaseDraft(REF, { ...da, chargingCase: ' 24-001234 ' }, 3);
    expect(ok).toMatchObject({ ok: true, value: { chargingCase: '24-001234', recipientType: 'da_charging' } });
    if (ok.ok) expect(ok.value.rightToKnow).toBeUndefined();
    // A determination that is written must still be a real one.
    expect(checkReleaseDraft(REF, { ...da, chargingCase: '24-001234', rightToKnow: 'DA' }, 3)).toMatchObject({ ok: false, code: 'RELEASE_RIGHT_TO_KNOW_REQUIRED' });
  });

  it('a partial release names existing arrests, sorted and once each', () => {
    expect(checkReleaseDraft(REF, { ...statute, scope: 'parts', arrests: [] }, 3)).toMatchObject({ ok: false, code: 'RELEASE_SCOPE_INVALID', field: 'arrests' });
    expect(checkReleaseDraft(REF, { ...statute, scope: 'parts', arrests: [3] }, 3)).toMatchObject({ ok: false, code: 'RELEASE_SCOPE_INVALID', message: 'The record has 3 arrests; arrest 4 does not exist.' });
    expect(checkReleaseDraft(REF, { ...statute, scope: 'parts', arrests: [2, 0, 2] }, 3)).toMatchObject({ ok: true, value: { scope: { kind: 'parts', arrests: [0, 2] } } });
  });

  it('refuses a bad ORI, a missing recipient and control characters', () => {
    expect(checkReleaseDraft(REF, { ...statute, recipientOri: 'CA12' }, 3)).toMatchObject({ ok: false, field: 'recipientOri' });
    expect(checkReleaseDraft(REF, { ...statute, recipientName: ' ' }, 3)).toMatchObject({ ok: false, field: 'recipientName' });
    expect(checkReleaseDraft(REF, { ...statute, recipientAgency: 'Elk\u0007Grove PD' }, 3)).toMatchObject({ ok: false, field: 'recipientAgency' });
    expect(checkReleaseDraft('not a ref', statute, 3)).toMatchObject({ ok: false, field: 'inquiryRef' });
  });
});

describe('releasableOf', () => {
  const now = new Date('2026-11-24T17:00:00.000Z');
  const ask = (text: string, seq: number) => respondToInquiry(createDataset(), text, 'CA0349999', { destOri: 'CA0349999', now, seq, today: todayFrom({ today: now }) });

  it('gives the subject and arrest count of a rap sheet return, and null for anything else', () => {
    const sheet = releasableOf(ask('IH.QR.CA0349999.TXT\nCII/T00000002.PUR/C.ATN/TREC01 24-001234', 1));
    expect(sheet).toEqual({ subject: 'ROE, JANE A · CII T00000002', arrests: 3 });
    expect(releasableOf(ask('IH.QR.CA0349999.TXT\nCII/T99999999.PUR/C.ATN/TREC01 24-001234', 2))).toBeNull();
    expect(releasableOf('garbage\u0000')).toBeNull();
  });
});

describe('print guard', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('blocks Ctrl/Cmd+S always and Ctrl/Cmd+P unless a release document is on screen', () => {
    expect(printGuardVerdict(key('p', { ctrlKey: true }), false)).toBe('block');
    expect(printGuardVerdict(key('P', { metaKey: true }), false)).toBe('block');
    expect(printGuardVerdict(key('p', { ctrlKey: true }), true)).toBe('allow');
    expect(printGuardVerdict(key('s', { ctrlKey: true }), true)).toBe('block');
    expect(printGuardVerdict(key('s', { metaKey: true }), false)).toBe('block');
    expect(printGuardVerdict(key('p'), false)).toBeNull();
    expect(printGuardVerdict(key('l', { ctrlKey: true }), false)).toBeNull();
  });

  it('the refusal line is what prints elsewhere', () => {
    expect(renderToStaticMarkup(<PrintRefusal />)).toBe(`<p class="print-refusal" aria-hidden="true">${PRINT_REFUSAL_TEXT}</p>`);
  });
});

describe('release markup', () => {
  const noop = async () => ({ ok: false as const, code: 'X', message: 'x', field: null });

  it('the prepare form labels every control and offers arrests 1..n', () => {
    const html = renderToStaticMarkup(<PrepareReleaseForm inquiryRef={REF} subject="ROE, JANE A · CII T00000002" arrests={3} onSubmit={noop} onCancel={() => undefined} />);
    for (const label of ['Recipient name', 'Recipient agency', 'Recipient ORI (if any)', 'Recipient type', 'Legal basis', 'Statute', 'Right to know', 'Need to know']) {
      expect(html).toMatch(new RegExp(`<label class="field__label" for="release-[A-Za-z]+">${label.replace(/[()]/g, '\\$&')}</label>`));
    }
    expect(html).toContain('The whole record');
    expect(html).toContain('Printed copy');
    expect(html).toContain('Electronic copy');
    expect(html).toContain('ROE, JANE A · CII T00000002');
  });

  const doc = {
    release: releaseView({ status: 'released', releasedBy: 'TREC01', releasedAt: '2026-11-24T17:20:00.000Z', decidedBy: 'TSUP01' }),
    watermark: 'CORI RELEASE R2026-000001 · TO Deputy DA Alex Moreno (Sacramento County District Attorney) · RELEASED BY TREC01 · 2026-11-24',
    text: 'MKE/CRIMINAL HISTORY\nNAM/ROE, JANE A <script>alert(1)</script>',
    file: null,
  };

  it('the document carries the watermark as top and bottom bands and a diagonal, and the record as text', () => {
    const html = renderToStaticMarkup(<ReleaseDocumentView document={doc} onClose={() => undefined} />);
    expect(html).toContain('class="release-print"');
    expect(html.split('data-watermark="band"')).toHaveLength(3);
    expect(html).toContain('release-band--top');
    expect(html).toContain('release-band--bottom');
    expect(html.split(doc.watermark).length - 1).toBeGreaterThanOrEqual(20);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('>Print</button>');
  });

  const props: ReleasesScreenProps = {
    operatorId: 'TSUP01',
    canPrepare: true,
    canSeeQueue: true,
    canDecide: true,
    data: { ...EMPTY_RELEASE, pending: [releaseView(), releaseView({ id: 'R2026-000002', requestedBy: 'TSUP01', recipientType: 'court' })], mine: [releaseView({ id: 'R2026-000003', status: 'approved', decidedBy: 'TSUP02' })], pendingCount: 2 },
    now: Date.parse('2026-11-24T18:05:00.000Z'),
    onRefresh: () => undefined,
    onFilter: () => undefined,
    onDecide: async () => true,
    onPerform: async () => true,
    onCloseDocument: () => undefined,
    onRecordDestruction: async () => true,
  };

  it('the Releases screen shows the queue with count, age and filter, and Release on an approved request of mine', () => {
    const html = renderToStaticMarkup(<ReleasesScreen {...props} />);
    expect(html).toContain('2 pending');
    expect(html).toContain('1 h 05 min');
    expect(html).toContain('All recipient types');
    expect(html).toContain('Decide<span class="visually-hidden"> R2026-000001</span>');
    expect(html).toContain('Release<span class="visually-hidden"> R2026-000003</span>');
    expect(html).toContain('yours');
  });

  it('a records user sees no queue; a released document replaces the lists', () => {
    const records = renderToStaticMarkup(<ReleasesScreen {...props} canSeeQueue={false} canDecide={false} />);
    expect(records).not.toContain('Pending requests');
    const withDoc = renderToStaticMarkup(<ReleasesScreen {...props} data={{ ...props.data, document: doc }} />);
    expect(withDoc).toContain('release-print');
    expect(withDoc).not.toContain('Pending requests');
  });

  it('the dissemination log offers its filters, export for the CRSO and the destruction form', () => {
    const html = renderToStaticMarkup(<DisseminationLogScreen data={{ ...EMPTY_RELEASE, exported: { file: '/x/dissemination-log.csv', rows: 2, sha256: 'b'.repeat(64) } }} canExport now={Date.now()} onSearch={async () => true} onExport={async () => true} onRecordDestruction={async () => true} />);
    for (const label of ['From', 'To', 'Recipient', 'Operator', 'Release ID']) expect(html).toContain(`>${label}</label>`);
    expect(html).toContain('Export CSV');
    expect(html).toContain('b'.repeat(64));
    expect(html).toContain('/x/dissemination-log.csv');
  });

  it('ages read in plain words', () => {
    const t = Date.parse('2026-11-24T17:00:00.000Z');
    expect(ageOf('2026-11-24T17:00:00.000Z', t + 30_000)).toBe('just now');
    expect(ageOf('2026-11-24T17:00:00.000Z', t + 4 * 60_000)).toBe('4 min');
    expect(ageOf('2026-11-24T17:00:00.000Z', t + 3 * 86_400_000)).toBe('3 days');
  });
});

describe('print guard installation', () => {
  it('listens in the capture phase and stops a blocked key before the app sees it', () => {
    const added: { type: string; listener: (e: KeyboardEvent) => void; options: unknown }[] = [];
    const removed: string[] = [];
    const target = {
      addEventListener: (type: string, listener: (e: KeyboardEvent) => void, options: unknown) => added.push({ type, listener, options }),
      removeEventListener: (type: string) => removed.push(type),
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const stop = installPrintGuard(target);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ type: 'keydown', options: { capture: true } });
    let prevented = false;
    let stopped = false;
    added[0]!.listener({ key: 's', ctrlKey: true, metaKey: false, altKey: false, preventDefault: () => (prevented = true), stopPropagation: () => (stopped = true) } as unknown as KeyboardEvent);
    expect([prevented, stopped]).toEqual([true, true]);
    stop();
    expect(removed).toEqual(['keydown']);
  });
});

describe('PrepareReleaseLauncher', () => {
  const now = new Date('2026-11-24T17:00:00.000Z');
  const rapSheet = respondToInquiry(createDataset(), 'IH.QR.CA0349999.TXT\nCII/T00000002.PUR/C.ATN/TREC01 24-001234', 'CA0349999', { destOri: 'CA0349999', now, seq: 9, today: todayFrom({ today: now }) });
  const store = () => {
    const registry = createSensitiveRegistry();
    const { api } = fakeApi();
    return createStore<ReleaseSlice & { nav: { view: string }; session: { state: null }; clock: { now: number } }>()((set, get, s) => ({
      ...createReleaseSlice(api, registry)(set, get, s),
      nav: { view: 'home' },
      session: { state: null },
      clock: { now: now.getTime() },
    }));
  };

  it('offers "Prepare release" on a rap sheet return to the roles that prepare releases only', () => {
    const result = { ref: REF, reply: { text: rapSheet } };
    expect(renderToStaticMarkup(<PrepareReleaseLauncher store={store()} roles={['records']} result={result} />)).toContain('Prepare release');
    expect(renderToStaticMarkup(<PrepareReleaseLauncher store={store()} roles={['dispatcher']} result={result} />)).toBe('');
    expect(renderToStaticMarkup(<PrepareReleaseLauncher store={store()} roles={['records']} result={{ ref: REF, reply: { text: 'MKE/NO RECORD' } }} />)).toBe('');
    expect(renderToStaticMarkup(<PrepareReleaseLauncher store={store()} roles={['records']} result={null} />)).toBe('');
  });
});

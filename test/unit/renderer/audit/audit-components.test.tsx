// The auditor's screens render what they are given, accessibly: labelled filters, the results with an
// Open button per record, the export's files and hashes, the review state in words, bars as <meter>
// with their numbers written out (a flagged day says "Unusual"), and a <progress> for the verification.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditStats } from '../../../../shared/contract/audit-channels';
import { AuditCharts } from '../../../../renderer/src/components/audit/AuditCharts';
import { AuditReviews } from '../../../../renderer/src/components/audit/AuditReviews';
import { AuditScreen, type AuditScreenProps } from '../../../../renderer/src/components/audit/AuditScreen';
import { AuditAlerts, AuditVerify } from '../../../../renderer/src/components/audit/AuditVerify';
import { EMPTY_AUDIT, EMPTY_VERIFY } from '../../../../renderer/src/state/audit';

const noop = () => undefined;
const props = (audit: AuditScreenProps['audit']): AuditScreenProps => ({
  audit,
  today: '2026-11-10',
  weekAgo: '2026-11-04',
  onSearch: async () => true,
  onMore: noop,
  onOpen: noop,
  onClose: noop,
  onExport: noop,
  onLoadReviews: noop,
  onMarkReviewed: async () => true,
  onLoadStats: noop,
  onVerify: noop,
  onLoadAlerts: noop,
});

const ROW = {
  workstationId: 'WS-TRAIN-01',
  seq: 42,
  at: '2026-11-03T05:00:00.000Z',
  eventType: 'inquiry.sent',
  operator: 'TREC01',
  requestor: 'DET4711',
  outcome: 'success',
  reason: null,
  messageKey: 'IH.R.QH',
  messageRef: 'TRN1-00000001',
  purpose: 'C',
  requestPurpose: null,
  subjectKeys: { NAM: 'ROE,JANE A' },
  fields: [],
  hash: 'a'.repeat(64),
};

describe('AuditScreen', () => {
  it('has a labelled filter for each criterion and says the search is recorded', () => {
    const html = renderToStaticMarkup(<AuditScreen {...props(EMPTY_AUDIT)} />);
    for (const label of ['Subject', 'Operator ID', 'From (day)', 'To (day, included)', 'Message key', 'Purpose code (III)', 'Request purpose (CA)', 'Requestor', 'Workstation', 'Outcome', 'Event']) {
      expect(html).toContain(`>${label}</label>`);
    }
    expect(html).toMatch(/itself recorded/);
  });

  it('lists the results with an Open button each, More when there is more, and the export with its hashes', () => {
    const audit = {
      ...EMPTY_AUDIT,
      rows: [ROW],
      next: { at: ROW.at, workstationId: ROW.workstationId, seq: 42 },
      exported: {
        csvFile: '/d/exports/audit-1.csv',
        manifestFile: '/d/exports/audit-1.manifest.json',
        rows: 1,
        sha256: 'b'.repeat(64),
        manifestSha256: 'c'.repeat(64),
        verification: { journal: { ok: true, records: 9, files: 1, summary: 'OK: 9 records', torn: false, checkpoint: null }, rowsChecked: 1, rowsMismatched: 0 },
        truncated: false,
      },
    };
    const html = renderToStaticMarkup(<AuditScreen {...props(audit)} />);
    expect(html).toContain('NAM ROE,JANE A');
    expect(html).toContain('DET4711');
    expect(html).toMatch(/Open<span class="visually-hidden"> record 42 of WS-TRAIN-01/);
    expect(html).toContain('More records');
    expect(html).toContain('Export for DOJ audit');
    expect(html).toContain('/d/exports/audit-1.csv');
    expect(html).toContain('b'.repeat(64));
    expect(html).toMatch(/all match their stored hash/);
  });
});

describe('AuditReviews', () => {
  it('says in words which weeks are reviewed, open, or still running', () => {
    const html = renderToStaticMarkup(
      <AuditReviews
        weeks={[
          { weekStart: '2026-11-09', weekEnd: '2026-11-15', records: 3, inquiries: 1, review: null },
          { weekStart: '2026-11-02', weekEnd: '2026-11-08', records: 36, inquiries: 35, review: null },
          { weekStart: '2026-10-26', weekEnd: '2026-11-01', records: 20, inquiries: 10, review: { weekStart: '2026-10-26', reviewedBy: 'TCRSO01', reviewedAt: '2026-11-02T18:00:00.000Z', note: 'Fine.', recordsCount: 20 } },
        ]}
        loading={false}
        loadError={null}
        outcome={null}
        today="2026-11-10"
        onRefresh={noop}
        onMark={async () => true}
      />,
    );
    expect(html).toMatch(/In progress: review after/);
    expect(html).toMatch(/Not reviewed/);
    expect(html).toMatch(/Review<span class="visually-hidden"> the week of 2026-11-02/);
    expect(html).toMatch(/Reviewed by <span class="mono">TCRSO01<\/span>/);
    expect(html).toContain('Fine.');
  });
});

describe('AuditCharts', () => {
  it('draws bars as meters with their numbers, and names the unusual day', () => {
    const stats: AuditStats = {
      from: '2026-11-02',
      to: '2026-11-08',
      timeZone: 'America/Los_Angeles',
      perOperatorDay: [{ operator: 'TDISP01', day: '2026-11-04', count: 20 }],
      byPurpose: [{ purpose: 'III C', count: 18 }],
      offHours: { total: 34, offHours: 6, share: 6 / 34, rule: 'Off-hours: before 07:00 …' },
      pattern: { operator: 'TDISP01', baselineFrom: '2026-09-07', baselineTo: '2026-11-01', mean: 2, sd: 0, threshold: 7, days: [{ day: '2026-11-04', count: 20, flagged: true }, { day: '2026-11-05', count: 2, flagged: false }], explanation: 'Usual: 2 a day.' },
      truncated: false,
    };
    const html = renderToStaticMarkup(<AuditCharts stats={stats} loading={false} error={null} defaultFrom="2026-11-02" defaultTo="2026-11-08" onLoad={noop} />);
    expect(html).toContain('aria-label="TDISP01 2026-11-04: 20"');
    expect(html).toContain('<meter');
    expect(html).toContain('18%');
    expect(html).toContain('(6 of 34 inquiries)');
    expect(html).toMatch(/audit-bar--flagged[^]*Unusual/);
    expect(html).toContain('Usual: 2 a day.');
  });
});

describe('AuditVerify', () => {
  it('shows a progress bar while running and the first bad record when damaged', () => {
    const running = renderToStaticMarkup(<AuditVerify verify={{ ...EMPTY_VERIFY, running: true, done: 50, total: 200, phase: 'checking' }} onVerify={noop} />);
    expect(running).toMatch(/<progress id="audit-verify-progress" max="100" value="25"/);
    const damaged = renderToStaticMarkup(
      <AuditVerify
        verify={{ ...EMPTY_VERIFY, result: { ok: false, records: 10, files: 2, summary: 'DAMAGED: edited at f line 5 (record 7): …', torn: false, checkpoint: null, firstBad: { file: 'f', line: 5, seq: 7, kind: 'edited', message: 'record 7 was changed' } } }}
        onVerify={noop}
      />,
    );
    expect(damaged).toContain('Damaged.');
    expect(damaged).toContain('record 7 was changed');
    expect(damaged).toMatch(/f line 5/);
  });
});

describe('AuditAlerts', () => {
  it('lists the failures the workstations reported, and says so when there are none', () => {
    const none = renderToStaticMarkup(<AuditAlerts alerts={[]} loading={false} error={null} onLoad={noop} />);
    expect(none).toContain('No workstation has reported a failure of its audit trail.');
    const some = renderToStaticMarkup(
      <AuditAlerts
        alerts={[{ workstation: 'WS-TRAIN-09', at: '2026-11-24T09:00:00.000Z', code: 'AUDIT_WRITE_FAILED', message: 'No space left on device.', severity: 'critical' }]}
        loading={false}
        error={null}
        onLoad={noop}
      />,
    );
    expect(some).toContain('WS-TRAIN-09');
    expect(some).toContain('AUDIT_WRITE_FAILED');
    expect(some).toContain('No space left on device.');
    expect(some).toContain('audit-alerts__row--critical');
  });
});

describe('AuditWorkspaceView', () => {
  it('renders the screen from a store holding the audit slice and the clock', async () => {
    const { createStore } = await import('zustand/vanilla');
    const { createAuditSlice } = await import('../../../../renderer/src/state/audit');
    const { createSensitiveRegistry } = await import('../../../../renderer/src/state/sensitive');
    const { createClockSlice } = await import('../../../../renderer/src/state/clock');
    const { AuditWorkspaceView } = await import('../../../../renderer/src/components/audit/AuditWorkspaceView');
    const { fakeApi, manualTimers } = await import('../fake-api');
    const { api } = fakeApi();
    const registry = createSensitiveRegistry();
    type S = ReturnType<ReturnType<typeof createAuditSlice>> & ReturnType<ReturnType<typeof createClockSlice>>;
    const store = createStore<S>()((...a) => ({ ...createAuditSlice(api, registry)(...a), ...createClockSlice(manualTimers())(...a) }));
    const html = renderToStaticMarkup(<AuditWorkspaceView store={store} />);
    expect(html).toContain('id="audit-heading"');
    expect(html).toContain('>Search</button>');
  });
});

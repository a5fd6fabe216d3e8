// The CRSO auditor's workspace (issue #4 §4): search, weekly review, charts, verification. Each part is
// a section chosen with the buttons at the top; all of it is recorded by the main process when read.
import { useState } from 'react';
import type { AuditData, AuditFilterForm } from '../../state/audit';
import { AuditCharts } from './AuditCharts';
import { AuditReviews } from './AuditReviews';
import { AuditSearch } from './AuditSearch';
import { AuditAlerts, AuditVerify } from './AuditVerify';

export type AuditSection = 'search' | 'reviews' | 'charts' | 'verify';

const SECTIONS: { id: AuditSection; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'reviews', label: 'Weekly review' },
  { id: 'charts', label: 'Charts' },
  { id: 'verify', label: 'Verify' },
];

export interface AuditScreenProps {
  audit: AuditData;
  /** Today, YYYY-MM-DD in Pacific time. */
  today: string;
  /** Six days before today (the charts' default range). */
  weekAgo: string;
  onSearch(form: AuditFilterForm): Promise<boolean>;
  onMore(): void;
  onOpen(workstationId: string, seq: number): void;
  onClose(): void;
  onExport(): void;
  onLoadReviews(): void;
  onMarkReviewed(weekStart: string, note: string): Promise<boolean>;
  onLoadStats(from: string, to: string, operator: string): void;
  onVerify(): void;
  onLoadAlerts(): void;
  initialSection?: AuditSection;
}

export function AuditScreen(props: AuditScreenProps) {
  const { audit } = props;
  const [section, setSection] = useState<AuditSection>(props.initialSection ?? 'search');
  return (
    <main id="main" className="panel audit" aria-labelledby="audit-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="audit-heading" className="panel__title">
          Audit trail
        </h2>
        <span className="panel__count">Reading the audit trail is itself recorded (AU-9).</span>
      </div>
      <nav className="audit__nav" aria-label="Audit sections">
        <ul className="tabs">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === section ? 'tab tab--current' : 'tab'}
                aria-current={s.id === section ? 'page' : undefined}
                onClick={() => {
                  setSection(s.id);
                  if (s.id === 'reviews' && audit.weeks === null && !audit.weeksLoading) props.onLoadReviews();
                }}
              >
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="audit__body">
        {section === 'search' ? (
          <AuditSearch
            rows={audit.rows}
            hasMore={audit.next !== null}
            searching={audit.searching}
            searchError={audit.searchError?.message ?? null}
            opened={audit.opened}
            opening={audit.opening}
            openError={audit.openError?.message ?? null}
            exported={audit.exported}
            exporting={audit.exporting}
            exportError={audit.exportError?.message ?? null}
            onSearch={props.onSearch}
            onMore={props.onMore}
            onOpen={props.onOpen}
            onClose={props.onClose}
            onExport={props.onExport}
          />
        ) : section === 'reviews' ? (
          <AuditReviews
            weeks={audit.weeks}
            loading={audit.weeksLoading}
            loadError={audit.weeksError?.message ?? null}
            outcome={audit.reviewOutcome}
            today={props.today}
            onRefresh={props.onLoadReviews}
            onMark={props.onMarkReviewed}
          />
        ) : section === 'charts' ? (
          <AuditCharts
            stats={audit.stats}
            loading={audit.statsLoading}
            error={audit.statsError?.message ?? null}
            defaultFrom={props.weekAgo}
            defaultTo={props.today}
            onLoad={props.onLoadStats}
          />
        ) : (
          <>
            <AuditVerify verify={audit.verify} onVerify={props.onVerify} />
            <AuditAlerts alerts={audit.alerts} loading={audit.alertsLoading} error={audit.alertsError} onLoad={props.onLoadAlerts} />
          </>
        )}
      </div>
    </main>
  );
}

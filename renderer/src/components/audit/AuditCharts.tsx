// The charts: inquiries per operator per day, by purpose, the off-hours share, and one operator's days
// against their own usual pattern. Bars are <meter> elements with their numbers written next to them
// (no chart library, no colour-only meaning): a screen reader reads every value.
import { useState, type FormEvent } from 'react';
import type { AuditStats } from '../../../../shared/contract/audit-channels';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';

export interface AuditChartsProps {
  stats: AuditStats | null;
  loading: boolean;
  error: string | null;
  defaultFrom: string;
  defaultTo: string;
  onLoad(from: string, to: string, operator: string): void;
}

function Bar({ label, value, max, flagged }: { label: string; value: number; max: number; flagged?: boolean }) {
  return (
    <li className={flagged ? 'audit-bar audit-bar--flagged' : 'audit-bar'}>
      <span className="audit-bar__label">{label}</span>
      <meter className="audit-bar__meter" min={0} max={Math.max(1, max)} value={value} aria-label={`${label}: ${value}`} />
      <span className="audit-bar__value">
        {value}
        {flagged ? <span className="tag tag--danger">Unusual</span> : null}
      </span>
    </li>
  );
}

export function AuditCharts({ stats, loading, error, defaultFrom, defaultTo, onLoad }: AuditChartsProps) {
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [operator, setOperator] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onLoad(from, to, operator);
  };
  const perDay = stats?.perOperatorDay ?? [];
  const maxDay = Math.max(0, ...perDay.map((e) => e.count));
  const maxPurpose = Math.max(0, ...(stats?.byPurpose ?? []).map((e) => e.count));
  const pattern = stats?.pattern ?? null;
  const maxPattern = pattern ? Math.max(pattern.threshold, ...pattern.days.map((d) => d.count)) : 0;
  return (
    <section className="subpanel audit-charts" aria-labelledby="audit-charts-heading">
      <h3 id="audit-charts-heading" className="subpanel__title">
        Charts
      </h3>
      <form className="inline-form inline-form--row" onSubmit={submit} noValidate>
        <TextField id="audit-stats-from" label="From (day)" type="date" value={from} onChange={setFrom} />
        <TextField id="audit-stats-to" label="To (day, included)" type="date" value={to} onChange={setTo} />
        <TextField id="audit-stats-operator" label="Operator for the usual-pattern check (optional)" value={operator} onChange={setOperator} maxLength={12} mono />
        <button type="submit" className="button button--primary" aria-disabled={loading || undefined}>
          {loading ? 'Counting…' : 'Show charts'}
        </button>
      </form>
      <FormAlert id="audit-stats-error" message={error} />
      {stats ? (
        <div className="audit-charts__grid">
          {stats.truncated ? <p className="callout callout--warning">The range holds more inquiries than one chart reads: narrow it for exact counts.</p> : null}
          <figure className="audit-chart">
            <figcaption>Inquiries sent per operator per day ({stats.from} to {stats.to}, {stats.timeZone})</figcaption>
            {perDay.length === 0 ? (
              <p className="panel__empty">No inquiries in this range.</p>
            ) : (
              <ul className="audit-bars">
                {perDay.map((e) => (
                  <Bar key={`${e.operator} ${e.day}`} label={`${e.operator} ${e.day}`} value={e.count} max={maxDay} />
                ))}
              </ul>
            )}
          </figure>
          <figure className="audit-chart">
            <figcaption>By purpose</figcaption>
            {stats.byPurpose.length === 0 ? (
              <p className="panel__empty">No inquiries in this range.</p>
            ) : (
              <ul className="audit-bars">
                {stats.byPurpose.map((e) => (
                  <Bar key={e.purpose} label={e.purpose} value={e.count} max={maxPurpose} />
                ))}
              </ul>
            )}
          </figure>
          <figure className="audit-chart">
            <figcaption>Off-hours share</figcaption>
            <p className="audit-chart__big">
              {Math.round(stats.offHours.share * 100)}% <span className="audit-chart__small">({stats.offHours.offHours} of {stats.offHours.total} inquiries)</span>
            </p>
            <meter className="audit-bar__meter" min={0} max={1} value={stats.offHours.share} aria-label={`Off-hours share: ${Math.round(stats.offHours.share * 100)} percent`} />
            <p className="field__hint">{stats.offHours.rule}</p>
          </figure>
          {pattern ? (
            <figure className="audit-chart audit-chart--wide">
              <figcaption>
                <span className="mono">{pattern.operator}</span> against their usual pattern
              </figcaption>
              <p className="audit-chart__explanation">{pattern.explanation}</p>
              <ul className="audit-bars">
                {pattern.days.map((d) => (
                  <Bar key={d.day} label={d.day} value={d.count} max={maxPattern} flagged={d.flagged} />
                ))}
              </ul>
            </figure>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

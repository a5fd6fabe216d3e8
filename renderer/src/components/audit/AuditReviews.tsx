// The weekly review (AU-6): the last weeks with their record counts and review state; the CRSO marks an
// ended week reviewed with a note, once. The review is recorded in the audit trail and changes no record.
import { useState } from 'react';
import type { AuditWeek } from '../../../../shared/contract/audit-channels';
import type { AuditOutcome } from '../../state/audit';
import { formatDateOnly, formatDateTime } from '../../state/format';
import { FormAlert, StatusLine } from '../FormAlert';

export interface AuditReviewsProps {
  weeks: readonly AuditWeek[] | null;
  loading: boolean;
  loadError: string | null;
  outcome: AuditOutcome | null;
  /** Today (YYYY-MM-DD, Pacific time): a week is reviewed once it has ended. */
  today: string;
  onRefresh(): void;
  onMark(weekStart: string, note: string): Promise<boolean>;
}

function MarkForm({ week, outcome, onMark }: { week: AuditWeek; outcome: AuditOutcome | null; onMark: AuditReviewsProps['onMark'] }) {
  const [note, setNote] = useState('');
  const [since] = useState(outcome?.seq ?? 0);
  const mine = outcome !== null && outcome.seq > since ? outcome : null;
  const id = `audit-review-note-${week.weekStart}`;
  return (
    <form
      className="inline-form audit-review__form"
      onSubmit={(e) => {
        e.preventDefault();
        void onMark(week.weekStart, note);
      }}
    >
      <label className="field__label" htmlFor={id}>
        Review note for the week of {formatDateOnly(week.weekStart)}
      </label>
      <textarea id={id} className="field__textarea" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={2} />
      <FormAlert id={`${id}-error`} message={mine && !mine.ok ? mine.message : null} />
      <button type="submit" className="button button--small button--primary">
        Mark week reviewed
      </button>
    </form>
  );
}

export function AuditReviews({ weeks, loading, loadError, outcome, today, onRefresh, onMark }: AuditReviewsProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="subpanel audit-reviews" aria-labelledby="audit-reviews-heading">
      <div className="subpanel__head">
        <h3 id="audit-reviews-heading" className="subpanel__title">
          Weekly review
        </h3>
        <div className="panel__tools">
          <button type="button" className="button button--small button--quiet" onClick={onRefresh} aria-disabled={loading || undefined}>
            {loading ? 'Reading…' : 'Refresh'}
          </button>
        </div>
      </div>
      <FormAlert id="audit-reviews-error" message={loadError} />
      <StatusLine message={outcome?.ok ? outcome.message : null} />
      {weeks === null ? (
        <p className="panel__empty">{loading ? 'Reading the weeks…' : 'The weeks have not been read.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">The last weeks of the audit trail and their review</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Records</th>
                <th scope="col">Inquiries</th>
                <th scope="col">Review</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row" className="nowrap">
                    {formatDateOnly(w.weekStart)} – {formatDateOnly(w.weekEnd)}
                  </th>
                  <td>{w.records}</td>
                  <td>{w.inquiries}</td>
                  <td className="table__wrap">
                    {w.review ? (
                      <span className="flag">
                        Reviewed by <span className="mono">{w.review.reviewedBy}</span> at {formatDateTime(w.review.reviewedAt)}
                        <span className="flag__note">{w.review.note}</span>
                      </span>
                    ) : w.weekEnd >= today ? (
                      <span className="flag flag--warning">In progress: review after {formatDateOnly(w.weekEnd)}</span>
                    ) : open === w.weekStart ? (
                      <MarkForm week={w} outcome={outcome} onMark={onMark} />
                    ) : (
                      <>
                        <span className="flag flag--danger">Not reviewed</span>{' '}
                        <button type="button" className="button button--small" onClick={() => setOpen(w.weekStart)}>
                          Review<span className="visually-hidden"> the week of {w.weekStart}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// A rap sheet laid out as a clerk reads it: the subject, then each arrest with its charges and each
// charge's dispositions, then custody and probation. Every field is shown, extras included.
import {
  ARREST_CODES,
  CHARGE_CODES,
  CUSTODY_CODES,
  DISPOSITION_CODES,
  PROBATION_CODES,
  type Arrest,
  type Charge,
  type RapSheetRecord,
  type ReplyField,
} from '../../../../shared/codec';
import { FieldList, FieldValue, InlineFields, sectionFields } from './Fields';
import { displayValue, visibleText } from './text';

function pick(fields: Readonly<Partial<Record<string, string>>>, code: string): ReplyField | null {
  const value = fields[code];
  return typeof value === 'string' ? { code, value } : null;
}

function Cell({ field }: { field: ReplyField | null }) {
  return field === null ? <span className="reply-none">—</span> : <FieldValue field={field} />;
}

/** The fields of a section other than `shown`, in order, extras included. */
function rest(fields: Readonly<Partial<Record<string, string>>>, extra: readonly ReplyField[], order: readonly string[], shown: readonly string[]): ReplyField[] {
  return [...sectionFields(fields, [], order).filter((f) => !shown.includes(f.code)), ...extra];
}

function Charges({ arrest, idPrefix }: { arrest: Arrest; idPrefix: string }) {
  if (arrest.charges.length === 0) return <p className="reply-empty">No charges listed for this arrest.</p>;
  return (
    <table className="table reply-table">
      <caption className="visually-hidden">Charges and dispositions</caption>
      <thead>
        <tr>
          <th scope="col">Count</th>
          <th scope="col">Charge</th>
          <th scope="col">Level</th>
          <th scope="col">Description</th>
          <th scope="col">Dispositions</th>
        </tr>
      </thead>
      <tbody>
        {arrest.charges.map((c, i) => (
          <ChargeRow key={i} charge={c} id={`${idPrefix}-charge-${i}`} />
        ))}
      </tbody>
    </table>
  );
}

function ChargeRow({ charge, id }: { charge: Charge; id: string }) {
  const f = charge.fields as Readonly<Partial<Record<string, string>>>;
  const more = rest(f, charge.extra, CHARGE_CODES, ['CNT', 'CHG', 'LVL', 'DES']);
  return (
    <tr id={id}>
      <td>
        <Cell field={pick(f, 'CNT')} />
      </td>
      <th scope="row" className="table__wrap">
        <Cell field={pick(f, 'CHG')} />
      </th>
      <td>
        <Cell field={pick(f, 'LVL')} />
      </td>
      <td className="table__wrap">
        <Cell field={pick(f, 'DES')} />
        <InlineFields fields={more} />
      </td>
      <td className="table__wrap">
        {charge.dispositions.length === 0 ? (
          <span className="reply-none">No disposition reported</span>
        ) : (
          <ol className="reply-dispositions">
            {charge.dispositions.map((d, j) => (
              <li key={j} className="reply-disposition">
                <InlineFields fields={sectionFields(d.fields, d.extra, DISPOSITION_CODES)} />
              </li>
            ))}
          </ol>
        )}
      </td>
    </tr>
  );
}

function EventTable({
  caption,
  rows,
  order,
  columns,
}: {
  caption: string;
  rows: ReadonlyArray<{ fields: Readonly<Partial<Record<string, string>>>; extra: readonly ReplyField[] }>;
  order: readonly string[];
  columns: ReadonlyArray<readonly [string, string]>;
}) {
  const codes = columns.map(([code]) => code);
  return (
    <table className="table reply-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map(([code, label]) => (
            <th key={code} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">Other</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {codes.map((code) => (
              <td key={code} className="table__wrap">
                <Cell field={pick(r.fields, code)} />
              </td>
            ))}
            <td className="table__wrap">
              <InlineFields fields={rest(r.fields, r.extra, order, codes)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RapSheet({ record, idPrefix, subject }: { record: RapSheetRecord; idPrefix: string; subject: ReplyField[] }) {
  return (
    <div className="rap">
      <section className="rap__part" aria-labelledby={`${idPrefix}-subject`}>
        <h4 className="rap__title" id={`${idPrefix}-subject`}>
          Subject
        </h4>
        <FieldList fields={subject} />
      </section>

      <section className="rap__part" aria-labelledby={`${idPrefix}-arrests`}>
        <h4 className="rap__title" id={`${idPrefix}-arrests`}>
          Arrests <span className="rap__count">({record.arrests.length})</span>
        </h4>
        {record.arrests.length === 0 ? (
          <p className="reply-empty">No arrests on this record.</p>
        ) : (
          <ol className="rap__arrests">
            {record.arrests.map((a, i) => {
              const f = a.fields as Readonly<Partial<Record<string, string>>>;
              const id = `${idPrefix}-arrest-${i}`;
              return (
                <li key={i} className="rap__arrest">
                  <section aria-labelledby={id}>
                    <h5 className="rap__arrest-title" id={id}>
                      Arrest {i + 1}
                      {f.DOA ? ` — ${displayValue('DOA', f.DOA)}` : ''}
                      {f.AGY ? ' — ' : ''}
                      {f.AGY ? <bdi>{visibleText(f.AGY)}</bdi> : null}
                    </h5>
                    <FieldList fields={sectionFields(a.fields, a.extra, ARREST_CODES)} variant="compact" />
                    <Charges arrest={a} idPrefix={id} />
                  </section>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="rap__part" aria-labelledby={`${idPrefix}-custody`}>
        <h4 className="rap__title" id={`${idPrefix}-custody`}>
          Custody <span className="rap__count">({record.custody.length})</span>
        </h4>
        {record.custody.length === 0 ? (
          <p className="reply-empty">No custody events.</p>
        ) : (
          <EventTable
            caption="Custody"
            rows={record.custody}
            order={CUSTODY_CODES}
            columns={[
              ['DTE', 'Date'],
              ['AGY', 'Agency'],
              ['TYP', 'Type'],
              ['REL', 'Released'],
            ]}
          />
        )}
      </section>

      <section className="rap__part" aria-labelledby={`${idPrefix}-probation`}>
        <h4 className="rap__title" id={`${idPrefix}-probation`}>
          Probation <span className="rap__count">({record.probation.length})</span>
        </h4>
        {record.probation.length === 0 ? (
          <p className="reply-empty">No probation events.</p>
        ) : (
          <EventTable
            caption="Probation"
            rows={record.probation}
            order={PROBATION_CODES}
            columns={[
              ['DTE', 'Date'],
              ['AGY', 'Agency'],
              ['TRM', 'Term'],
              ['EXP', 'Expires'],
            ]}
          />
        )}
      </section>
    </div>
  );
}

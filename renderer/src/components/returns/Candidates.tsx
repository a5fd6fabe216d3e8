// A candidate list: possible matches of a name search. Each leads to a record request by the
// candidate's FBI, SID or CII number (candidateRecordKey), never by name.
import { CANDIDATE_CODES, candidateRecordKey, type Candidate, type CandidateRecordKey } from '../../../../shared/codec';
import { FieldValue, InlineFields, sectionFields } from './Fields';
import { displayValue, visibleText } from './text';

export interface CandidateTableProps {
  candidates: readonly Candidate[];
  idPrefix: string;
  onRequestRecord?: ((key: CandidateRecordKey) => void) | undefined;
}

const SHOWN = ['NAM', 'DOB', 'SEX', 'RAC', 'FBI', 'SID', 'CII'];

function cell(c: Candidate, code: string) {
  const value = (c.fields as Readonly<Partial<Record<string, string>>>)[code];
  return typeof value === 'string' ? <FieldValue field={{ code, value }} /> : <span className="reply-none">—</span>;
}

/** "SMITH, JOHN 1960-01-01" — names the candidate in a button's accessible name. */
export function candidateLabel(c: Candidate): string {
  const name = c.fields.NAM ?? 'unnamed candidate';
  const dob = c.fields.DOB ? ` ${displayValue('DOB', c.fields.DOB)}` : '';
  return visibleText(`${name}${dob}`);
}

function RequestCell({ candidate, onRequestRecord }: { candidate: Candidate; onRequestRecord?: ((key: CandidateRecordKey) => void) | undefined }) {
  const key = candidateRecordKey(candidate);
  if (key === null) {
    return <span className="reply-none">No FBI, SID or CII number: no record can be requested.</span>;
  }
  if (!onRequestRecord) {
    return (
      <span className="reply-none">
        By {key.code} <bdi>{visibleText(key.value)}</bdi>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="button button--small reply-candidates__request"
      aria-label={`Request record for ${candidateLabel(candidate)} by ${key.code} ${visibleText(key.value)}`}
      onClick={() => onRequestRecord({ code: key.code, value: key.value })}
    >
      Request record
    </button>
  );
}

export function CandidateTable({ candidates, idPrefix, onRequestRecord }: CandidateTableProps) {
  return (
    <div className="table-wrap reply-candidates">
      <table className="table reply-table" id={`${idPrefix}-candidates`}>
        <caption className="reply-candidates__caption">
          {candidates.length === 1 ? '1 possible match' : `${candidates.length} possible matches`} — none of these is confirmed to be your
          subject. Request a record to see it.
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Sex</th>
            <th scope="col">Race</th>
            <th scope="col">Identifiers</th>
            <th scope="col">Other</th>
            <th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c, i) => (
            <tr key={i}>
              <th scope="row" className="table__wrap">
                {cell(c, 'NAM')}
              </th>
              <td>{cell(c, 'DOB')}</td>
              <td>{cell(c, 'SEX')}</td>
              <td>{cell(c, 'RAC')}</td>
              <td className="table__wrap">
                <InlineFields fields={sectionFields(c.fields, [], ['FBI', 'SID', 'CII']).filter((f) => ['FBI', 'SID', 'CII'].includes(f.code))} />
              </td>
              <td className="table__wrap">
                <InlineFields fields={[...sectionFields(c.fields, [], CANDIDATE_CODES).filter((f) => !SHOWN.includes(f.code)), ...c.extra]} />
              </td>
              <td>
                <RequestCell candidate={c} onRequestRecord={onRequestRecord} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

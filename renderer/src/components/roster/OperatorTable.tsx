// The roster as a table: one row per operator, flags in words (never colour alone).
import type { OperatorRow } from '../../state/selectors';

export interface OperatorTableProps {
  rows: readonly OperatorRow[];
  selectedId: string | null;
  onManage(id: string): void;
}

function Flagged({ text, flag, note }: { text: string; flag: 'ok' | 'warning' | 'danger'; note?: string | null }) {
  return (
    <span className={`flag flag--${flag}`}>
      {text}
      {note ? <span className="flag__note">{note}</span> : null}
    </span>
  );
}

export function OperatorTable({ rows, selectedId, onManage }: OperatorTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Operators on the roster</caption>
        <thead>
          <tr>
            <th scope="col">Operator ID</th>
            <th scope="col">Name</th>
            <th scope="col">Account</th>
            <th scope="col">Roles</th>
            <th scope="col">Statement signed</th>
            <th scope="col">Certified until</th>
            <th scope="col">Last logon</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.id === selectedId ? 'table__row--selected' : undefined} aria-selected={row.id === selectedId || undefined}>
              <th scope="row" className="mono">
                {row.id}
              </th>
              <td className="table__wrap">{row.name}</td>
              <td className="table__wrap">
                <Flagged text={row.status.text} flag={row.status.flag} note={row.status.detail} />
              </td>
              <td className="table__wrap">{row.roles}</td>
              <td>
                <Flagged text={row.statement.text} flag={row.statement.flag} />
              </td>
              <td>
                <Flagged text={row.certification.text} flag={row.certification.flag} />
                {row.certification.lapsed ? <span className="tag tag--danger">Lapsed</span> : null}
              </td>
              <td className="table__wrap">{row.lastLogon}</td>
              <td>
                <button type="button" className="button button--small" onClick={() => onManage(row.id)}>
                  Manage<span className="visually-hidden"> {row.id}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// RFC 4180 CSV for the DOJ export: every cell quoted when it needs it, CRLF line ends, and a cell that a
// spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) is prefixed with
// a single quote, so opening the export never executes anything (CSV/formula injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

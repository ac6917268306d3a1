/**
 * CSV as Excel and WPS open it correctly: UTF-8 with BOM, CRLF, fields quoted
 * when needed, and text that a spreadsheet would run as a formula (= + - @, tab,
 * carriage return at the start) neutralised with a leading apostrophe.
 * Numbers stay numbers, and so does text that is a plain number (-40 is not a formula).
 */
export interface CsvColumn<Row> {
  label: string;
  value: (row: Row) => string | number | null | undefined;
}

const BOM = '\uFEFF';

function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => field(c.label)), ...rows.map((r) => columns.map((c) => field(c.value(r))))];
  return BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

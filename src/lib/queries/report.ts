import type { TableId } from '../template';
import { COUNTED } from './filters';
import type { Query } from './query';

/** One report's row of reports.parquet. */
export interface ReportRow {
  report_id: string;
  body: string;
  year: number;
  template: string;
  region: string | null;
  level: string | null;
  kind: string | null;
  origin: string;
  meta_source: string;
  source_file: string;
  source_sha256: string;
  source_format: string;
  source_encoding: string;
  source_bytes: number;
  status: string;
  n_errors: number;
  n_warnings: number;
  /** Set when another report of the same body and year counts in sums instead (DUPLICATE_REPORT). */
  superseded_by: string | null;
  /** Imported in this browser (导入); absent for a report checked before publishing (年报自查). */
  imported?: boolean;
}

export interface ReportCellRow {
  table: TableId;
  item: string | null;
  row: string;
  col: string;
  value: number | null;
  state: string;
  raw: string | null;
  /** The PDF page of the cell's text. */
  page: number | null;
}

export interface FindingRow {
  report_id: string;
  body: string;
  year: number;
  rule: string;
  severity: string;
  cells: string;
  expected: number | null;
  actual: number | null;
  message: string;
  related_report_id: string | null;
}

const FINDING_ORDER = `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule, f.cells`;
const FINDING_COLUMNS = 'f.report_id, r.body, r.year, f.rule, f.severity, f.cells, f.expected, f.actual, f.message, f.related_report_id';

export function reportById(id: string): Query {
  return { sql: 'SELECT * FROM reports WHERE report_id = ?', params: [id] };
}

export function reportCells(id: string): Query {
  return { sql: 'SELECT "table", item, "row", col, value, state, raw, page FROM cells WHERE report_id = ?', params: [id], cells: { report: id } };
}

export function reportFindings(id: string): Query {
  return {
    sql: `SELECT ${FINDING_COLUMNS} FROM findings f JOIN reports r ON r.report_id = f.report_id WHERE f.report_id = ? ORDER BY ${FINDING_ORDER}`,
    params: [id],
  };
}

/** A body's own reports, every year and kind. */
export function bodyReports(body: string): Query {
  return { sql: 'SELECT * FROM reports WHERE body = ? ORDER BY year, report_id', params: [body] };
}

/** The kinds of a body's reports that count: its page's choice of kinds (a consolidated body's page sums its consolidated reports). */
export function bodyKinds(body: string): Query {
  return { sql: `SELECT DISTINCT kind FROM reports WHERE body = ? AND ${COUNTED} AND kind IS NOT NULL ORDER BY kind`, params: [body] };
}

export function bodyFindings(body: string): Query {
  return {
    sql: `SELECT ${FINDING_COLUMNS} FROM findings f JOIN reports r ON r.report_id = f.report_id WHERE r.body = ? ORDER BY r.year, ${FINDING_ORDER}`,
    params: [body],
  };
}

export { FINDING_ORDER, FINDING_COLUMNS };

import { TEMPLATE_CELLS, type CellKey } from '../template';
import { inScope, type Filters } from './filters';
import { MEASURE_LIST, measureHasCell, MEASURES } from './measures';
import { list, type Query } from './query';

type CellPlace = Pick<CellKey, 'table' | 'row' | 'col'>;

/**
 * The cells the dashboard sums over many reports: every measure's (MEASURES),
 * t3's new requests by applicant type, t3's totals column (the outcomes and
 * their reasons) and all of t4. About a quarter of all cells; the others are
 * read only report by report.
 */
export function isSummaryCell(key: CellPlace): boolean {
  return key.table === 't4' || (key.table === 't3' && (key.row === 'new' || key.col === 'total')) || MEASURE_LIST.some((m) => measureHasCell(m, key));
}

/** Each summary cell with its TEMPLATE_CELLS position, its id in summary_cells. */
const SUMMARY_KEYS = TEMPLATE_CELLS.flatMap((cell, id) => (isSummaryCell(cell) ? [{ id, ...cell }] : []));

const idsOf = (keep: (key: CellPlace) => boolean) => SUMMARY_KEYS.filter(keep).map((k) => k.id);
const cellIn = (ids: readonly number[]) => (ids.length > 0 ? `c.cell IN (${ids.join(', ')})` : 'FALSE');

/**
 * The tables derived once when the data is loaded, in order:
 * - summary_keys: id → table, row, col of each summary cell;
 * - summary_cells: the summary cells of every report, by the report's number
 *   and the cell's id, with the value and its state as two flags: a few bytes
 *   a cell, joined on numbers;
 * - report_measures: every measure summed per report (from summary_cells),
 *   with the report's number and the columns the filters select by (see
 *   inScope): views over many reports aggregate one row per report, with no join.
 * Summing summary_cells reads a quarter of the cells and no text: several
 * times faster than the cells table.
 */
export function derivedTables(): string[] {
  const sums = MEASURE_LIST.map((m) => `SUM(c.value) FILTER (WHERE ${cellIn(idsOf((k) => measureHasCell(m, k)))}) AS ${m.key}`);
  const procurement = cellIn(idsOf((k) => measureHasCell(MEASURES.procurement_amount, k)));
  return [
    `CREATE OR REPLACE TABLE summary_keys AS SELECT * FROM (VALUES ${SUMMARY_KEYS.map((k) => `(${k.id}, ${list([k.table, k.row, k.col])})`).join(', ')}) AS k(id, "table", "row", col)`,
    `CREATE OR REPLACE TEMP TABLE report_numbers AS SELECT report_id, CAST(row_number() OVER () AS INTEGER) AS report_no FROM reports`,
    `CREATE OR REPLACE TABLE summary_cells AS
SELECT n.report_no, CAST(k.id AS SMALLINT) AS cell, c.value, c.state = 'ambiguous' AS ambiguous, c.state <> 'not_in_template' AS in_template
FROM cells c
JOIN summary_keys k ON k."table" = c."table" AND k."row" = c."row" AND k.col = c.col
JOIN report_numbers n ON n.report_id = c.report_id`,
    `CREATE OR REPLACE TABLE report_measures AS
SELECT r.report_id, n.report_no, r.body, r.year, r.region, r.level, r.kind, r.template, m.* EXCLUDE (report_no)
FROM reports r JOIN report_numbers n ON n.report_id = r.report_id LEFT JOIN (
  SELECT c.report_no, CAST(COUNT(*) FILTER (WHERE ${procurement} AND c.in_template) > 0 AS INTEGER) AS procurement_reports,
    ${sums.join(',\n    ')}
  FROM summary_cells c GROUP BY c.report_no
) m ON m.report_no = n.report_no`,
    'DROP TABLE report_numbers',
  ];
}

/**
 * The condition choosing some rows and columns of a table in summary_cells
 * (alias c). Asking for a cell outside the summary is an error of ours, not
 * an empty answer.
 */
export function summaryCellsOf(table: string, rows: readonly string[], cols: readonly string[]): string {
  for (const row of rows) {
    for (const col of cols) {
      if (!isSummaryCell({ table: table as CellKey['table'], row, col })) throw new Error(`${table}.${row}.${col} is not a summary cell (queries/summary-cells.ts)`);
    }
  }
  return cellIn(idsOf((k) => k.table === table && rows.includes(k.row) && cols.includes(k.col)));
}

/** `scope`: the reports the filters select (see inScope) by their number in summary_cells, with body and year. */
export function summaryScope(filters: Filters, years?: readonly number[]): Query {
  const condition = inScope(filters, years);
  return { sql: `scope AS (SELECT report_no, body, year FROM report_measures WHERE ${condition.sql})`, params: condition.params };
}

/** The summary cells of the reports in scope, with their keys (aliases s, c, k). */
export const SCOPED_SUMMARY_CELLS = 'scope s JOIN summary_cells c ON c.report_no = s.report_no JOIN summary_keys k ON k.id = c.cell';

import { CELL_STATES, SHOWN_STATES, TEMPLATE_CELLS, UNKNOWN_STATES, type CellKey, type CellState } from '../template';
import { inScope, type Filters } from './filters';
import { MEASURE_LIST, measureHasCell, MEASURES, RATE_LIST, rateColumns, type RateDef } from './measures';
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

/** The summary cells of a rate's measures: its part's, and all of them. */
function rateCells(rate: RateDef): { part: number[]; all: number[] } {
  const of = (keys: readonly string[]) => idsOf((k) => MEASURE_LIST.some((m) => keys.includes(m.key) && measureHasCell(m, k)));
  return { part: of(rate.part), all: of([...rate.part, ...rate.base]) };
}

/**
 * A rate's columns per report (rateColumns): part and base only when the
 * report has every cell of both in its template and none missing or ambiguous.
 */
function rateSums(rate: RateDef): string[] {
  const { part, all } = rateCells(rate);
  const base = all.filter((id) => !part.includes(id));
  const columns = rateColumns(rate);
  const known = `COUNT(*) FILTER (WHERE ${cellIn(all)} AND c.unknown) = 0 AND COUNT(*) FILTER (WHERE ${cellIn(all)} AND c.in_template) > 0`;
  return [
    `CASE WHEN ${known} THEN COALESCE(SUM(c.value) FILTER (WHERE ${cellIn(part)}), 0) END AS ${columns.part}`,
    `CASE WHEN ${known} THEN COALESCE(SUM(c.value) FILTER (WHERE ${cellIn(base)}), 0) END AS ${columns.base}`,
    `CAST(CASE WHEN ${known} THEN 1 ELSE 0 END AS DOUBLE) AS ${columns.reports}`,
  ];
}

const literal = (value: string | null) => (value === null ? 'NULL' : list([value]));
const STATE = (state: CellState) => CELL_STATES.indexOf(state);

/**
 * The tables derived once when the data is loaded, in order:
 * - cell_keys and cell_states: the text of the numbers cell_values holds
 *   (db/cell-values.ts), and the view `cells`, which gives every cell as the
 *   Parquet files have it (report_id, table, item, row, col, value, state, raw);
 * - summary_keys: the summary cells' keys (id: the position in cell_keys);
 * - summary_cells: the summary cells of every report, by the report's number
 *   and the cell's id, with the value and its state as two flags: a few bytes
 *   a cell;
 * - report_measures: every measure summed per report (from summary_cells),
 *   with the report's number and the columns the filters select by (see
 *   inScope): views over many reports aggregate one row per report, with no join;
 * - report_cell_states: each report's cells counted by state (SHOWN_STATES, a
 *   column each): 数据质量 sums one row per report, not every cell.
 * Summing summary_cells reads a quarter of the cells and no text: several
 * times faster than the cells.
 */
export function derivedTables(): string[] {
  const sums = MEASURE_LIST.map((m) => `SUM(c.value) FILTER (WHERE ${cellIn(idsOf((k) => measureHasCell(m, k)))}) AS ${m.key}`);
  const procurement = cellIn(idsOf((k) => measureHasCell(MEASURES.procurement_amount, k)));
  return [
    `CREATE OR REPLACE TABLE cell_keys AS SELECT CAST(cell AS SMALLINT) AS cell, "table", item, "row", col FROM (VALUES ${TEMPLATE_CELLS.map((k, cell) => `(${cell}, ${[k.table, k.item, k.row, k.col].map(literal).join(', ')})`).join(', ')}) AS k(cell, "table", item, "row", col)`,
    `CREATE OR REPLACE TABLE cell_states AS SELECT CAST(state AS TINYINT) AS state, name FROM (VALUES ${CELL_STATES.map((name, state) => `(${state}, ${literal(name)})`).join(', ')}) AS s(state, name)`,
    `CREATE OR REPLACE VIEW cells AS
SELECT r.report_id, k."table", k.item, k."row", k.col, v.value, s.name AS state, v.raw, v.page
FROM cell_values v JOIN cell_keys k ON k.cell = v.cell JOIN cell_states s ON s.state = v.state JOIN reports r ON r.report_no = v.report_no`,
    `CREATE OR REPLACE TABLE summary_keys AS SELECT cell AS id, "table", "row", col FROM cell_keys c WHERE ${cellIn(SUMMARY_KEYS.map((k) => k.id))}`,
    `CREATE OR REPLACE TABLE summary_cells AS
SELECT c.report_no, c.cell, c.value, c.state = ${STATE('ambiguous')} AS ambiguous, c.state IN (${UNKNOWN_STATES.map(STATE).join(', ')}) AS unknown, c.state <> ${STATE('not_in_template')} AS in_template
FROM cell_values c JOIN summary_keys k ON k.id = c.cell`,
    `CREATE OR REPLACE TABLE report_measures AS
SELECT r.report_id, r.report_no, r.body, r.year, r.region, r.level, r.kind, r.imported, r.template, r.superseded_by, m.* EXCLUDE (report_no)
FROM reports r LEFT JOIN (
  SELECT c.report_no, CAST(COUNT(*) FILTER (WHERE ${procurement} AND c.in_template) > 0 AS INTEGER) AS procurement_reports,
    ${[...sums, ...RATE_LIST.flatMap(rateSums)].join(',\n    ')}
  FROM summary_cells c GROUP BY c.report_no
) m ON m.report_no = r.report_no`,
    `CREATE OR REPLACE TABLE report_cell_states AS
SELECT r.report_id, ${SHOWN_STATES.map((state) => `COALESCE(n."${state}", 0) AS "${state}"`).join(', ')}
FROM reports r LEFT JOIN (
  SELECT report_no, ${SHOWN_STATES.map((state) => `COUNT(*) FILTER (WHERE state = ${STATE(state)}) AS "${state}"`).join(', ')}
  FROM cell_values GROUP BY report_no
) n ON n.report_no = r.report_no`,
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
  const condition = inScope(filters, years, 'counted');
  return { sql: `scope AS (SELECT report_no, body, year FROM report_measures WHERE ${condition.sql})`, params: condition.params };
}

/** The summary cells of the reports in scope, with their keys (aliases s, c, k). */
export const SCOPED_SUMMARY_CELLS = 'scope s JOIN summary_cells c ON c.report_no = s.report_no JOIN summary_keys k ON k.id = c.cell';

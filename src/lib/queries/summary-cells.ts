import { CELL_STATES, isSummaryCell, SHOWN_STATES, stateCountColumn, SUMMED_COLUMNS, TEMPLATE_CELLS, type CellKey, type CellState } from '../template';
import { inScope, type Filters } from './filters';
import { list, type Query } from './query';

type CellPlace = Pick<CellKey, 'table' | 'row' | 'col'>;

/** Each summary cell with its TEMPLATE_CELLS position, its id in summary_cells. */
const SUMMARY_KEYS = TEMPLATE_CELLS.flatMap((cell, id) => (isSummaryCell(cell) ? [{ id, ...cell }] : []));

const idsOf = (keep: (key: CellPlace) => boolean) => SUMMARY_KEYS.filter(keep).map((k) => k.id);
const cellIn = (ids: readonly number[]) => (ids.length > 0 ? `c.cell IN (${ids.join(', ')})` : 'FALSE');
const literal = (value: string | null) => (value === null ? 'NULL' : list([value]));

/** A cell state as cell_values and summary_cells hold it: its position in CELL_STATES. */
export const stateCode = (state: CellState) => CELL_STATES.indexOf(state);

/**
 * The tables derived once when the data is loaded, in order:
 * - cell_keys and cell_states: the text of the numbers cell_values and
 *   summary_cells hold;
 * - cell_values, empty: a page's first need of a year's cells appends them
 *   (db/load.ts, as db/cell-values.ts makes them), and the view `cells`
 *   gives every loaded cell as the Parquet files have it (report_id, table,
 *   item, row, col, value, state, raw, page);
 * - summary_keys: the summary cells' keys (id: the position in cell_keys);
 *   summary_cells, loaded from the summary files, holds every report's
 *   summary cells by the report's number and the cell's id, with the value
 *   and its state: a few bytes a cell;
 * - report_measures: each report's measures as the ingest summed them (the
 *   measures file), with the report's number and the columns the filters
 *   select by (see inScope): views over many reports aggregate one row per
 *   report, with no join. The measures file is in the reports file's order
 *   (the loader checks it), so the two are joined by position, not by id;
 * - report_cell_states: each report's cells counted by state (SHOWN_STATES,
 *   a column each), also from the measures file.
 */
export function derivedTables(): string[] {
  return [
    `CREATE OR REPLACE TABLE cell_keys AS SELECT CAST(cell AS SMALLINT) AS cell, "table", item, "row", col FROM (VALUES ${TEMPLATE_CELLS.map((k, cell) => `(${cell}, ${[k.table, k.item, k.row, k.col].map(literal).join(', ')})`).join(', ')}) AS k(cell, "table", item, "row", col)`,
    `CREATE OR REPLACE TABLE cell_states AS SELECT CAST(state AS TINYINT) AS state, name FROM (VALUES ${CELL_STATES.map((name, state) => `(${state}, ${literal(name)})`).join(', ')}) AS s(state, name)`,
    'CREATE OR REPLACE TABLE cell_values (report_no INTEGER, cell SMALLINT, value DOUBLE, state TINYINT, raw VARCHAR, page SMALLINT)',
    `CREATE OR REPLACE VIEW cells AS
SELECT r.report_id, k."table", k.item, k."row", k.col, v.value, s.name AS state, v.raw, v.page
FROM cell_values v JOIN cell_keys k ON k.cell = v.cell JOIN cell_states s ON s.state = v.state JOIN reports r ON r.report_no = v.report_no`,
    `CREATE OR REPLACE TABLE summary_keys AS SELECT cell AS id, "table", "row", col FROM cell_keys c WHERE ${cellIn(SUMMARY_KEYS.map((k) => k.id))}`,
    `CREATE OR REPLACE TABLE report_measures AS
SELECT r.report_id, r.report_no, r.body, r.year, r.region, r.level, r.kind, r.imported, r.template, r.superseded_by, m.procurement_reports, ${SUMMED_COLUMNS.map((key) => `m.${key}`).join(', ')}
FROM reports r POSITIONAL JOIN measures m`,
    `CREATE OR REPLACE VIEW report_cell_states AS SELECT report_id, ${SHOWN_STATES.map((state) => `${stateCountColumn(state)} AS "${state}"`).join(', ')} FROM measures`,
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

/**
 * The chosen summary cells (`where`, over alias c) of the reports in scope,
 * summed per `by` (columns of the scope) and cell number, with the cell's
 * keys: "row" and col. Summing by the cell's number and naming the few sums
 * after is about three times faster than grouping by the names.
 */
export function summedCells(by: readonly ('year' | 'body')[], where: string): string {
  const groups = by.map((column) => `s.${column}`).join(', ');
  return `SELECT ${by.map((column) => `n.${column}`).join(', ')}, k."row", k.col, n.value FROM (
  SELECT ${groups}, c.cell, SUM(c.value) AS value FROM scope s JOIN summary_cells c ON c.report_no = s.report_no
  WHERE ${where} GROUP BY ${groups}, c.cell) n
JOIN summary_keys k ON k.id = n.cell`;
}

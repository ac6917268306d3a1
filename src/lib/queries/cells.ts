import { scope, type Filters } from './filters';
import { list, type Query } from './query';

/** The cells of some rows and columns of a table, as a condition on cells (alias c). */
const chosenCells = (table: string, rows: readonly string[], cols: readonly string[]) =>
  `c."table" = '${table}' AND c."row" IN (${list(rows)}) AND c.col IN (${list(cols)})`;

export interface CellSumRow {
  year: number;
  row: string;
  col: string;
  value: number | null;
}

/** Sums of chosen cells per year, row and column: drill-downs (the reasons inside 不予公开 …) and t4 by result. */
export function cellSumsByYear(filters: Filters, table: string, rows: readonly string[], cols: readonly string[]): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT s.year, c."row" AS "row", c.col, SUM(c.value) AS value
FROM scope s JOIN cells c ON c.report_id = s.report_id
WHERE ${chosenCells(table, rows, cols)}
GROUP BY s.year, c."row", c.col ORDER BY s.year, c."row", c.col`,
    params: s.params,
  };
}

export interface BodyCellSumRow {
  body: string;
  row: string;
  value: number | null;
}

/** Sums of chosen cells per body and row in one year, for the bodies with the largest sum (the reasons per body). */
export function cellSumsByBody(filters: Filters, year: number, table: string, rows: readonly string[], cols: readonly string[], limit = 15): Query {
  const s = scope(filters, [year]);
  return {
    sql: `WITH ${s.sql},
sums AS (
  SELECT s.body, c."row" AS "row", SUM(c.value) AS value
  FROM scope s JOIN cells c ON c.report_id = s.report_id
  WHERE ${chosenCells(table, rows, cols)}
  GROUP BY s.body, c."row"),
top AS (SELECT body FROM sums GROUP BY body HAVING SUM(value) > 0 ORDER BY SUM(value) DESC, body LIMIT ${Math.trunc(limit)})
SELECT body, "row", value FROM sums WHERE body IN (SELECT body FROM top) ORDER BY body, "row"`,
    params: s.params,
  };
}

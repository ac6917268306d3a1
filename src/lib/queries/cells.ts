import { TOP_BODIES } from './bodies';
import type { Filters } from './filters';
import type { Query } from './query';
import { SCOPED_SUMMARY_CELLS, summaryCellsOf, summaryScope } from './summary-cells';

export interface CellSumRow {
  year: number;
  row: string;
  col: string;
  value: number | null;
}

/** Sums of chosen cells per year, row and column: drill-downs (the reasons inside 不予公开 …) and t4 by result. */
export function cellSumsByYear(filters: Filters, table: string, rows: readonly string[], cols: readonly string[]): Query {
  const s = summaryScope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT s.year, k."row", k.col, SUM(c.value) AS value
FROM ${SCOPED_SUMMARY_CELLS}
WHERE ${summaryCellsOf(table, rows, cols)}
GROUP BY s.year, k."row", k.col ORDER BY s.year, k."row", k.col`,
    params: s.params,
  };
}

export interface BodyCellSumRow {
  body: string;
  row: string;
  value: number | null;
}

/** Sums of chosen cells per body and row in one year, for the bodies with the largest sum (the reasons per body). */
export function cellSumsByBody(filters: Filters, year: number, table: string, rows: readonly string[], cols: readonly string[], limit = TOP_BODIES): Query {
  const s = summaryScope(filters, [year]);
  return {
    sql: `WITH ${s.sql},
sums AS (
  SELECT s.body, k."row", SUM(c.value) AS value
  FROM ${SCOPED_SUMMARY_CELLS}
  WHERE ${summaryCellsOf(table, rows, cols)}
  GROUP BY s.body, k."row"),
top AS (SELECT body FROM sums GROUP BY body HAVING SUM(value) > 0 ORDER BY SUM(value) DESC, body LIMIT ${Math.trunc(limit)})
SELECT body, "row", value FROM sums WHERE body IN (SELECT body FROM top) ORDER BY body, "row"`,
    params: s.params,
  };
}

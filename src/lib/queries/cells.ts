import { TOP_BODIES } from './bodies';
import type { Filters } from './filters';
import type { Query } from './query';
import { summaryCellsOf, summaryScope, summedCells } from './summary-cells';

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
SELECT year, "row", col, value FROM (${summedCells(['year'], summaryCellsOf(table, rows, cols))})
ORDER BY year, "row", col`,
    params: s.params,
    summary: true,
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
sums AS (SELECT body, "row", SUM(value) AS value FROM (${summedCells(['body'], summaryCellsOf(table, rows, cols))}) GROUP BY body, "row"),
top AS (SELECT body FROM sums GROUP BY body HAVING SUM(value) > 0 ORDER BY SUM(value) DESC, body LIMIT ${Math.trunc(limit)})
SELECT body, "row", value FROM sums WHERE body IN (SELECT body FROM top) ORDER BY body, "row"`,
    params: s.params,
    summary: true,
  };
}

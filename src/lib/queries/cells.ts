import { scope, type Filters } from './filters';
import { list, type Query } from './query';

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
WHERE c."table" = '${table}' AND c."row" IN (${list(rows)}) AND c.col IN (${list(cols)})
GROUP BY s.year, c."row", c.col ORDER BY s.year, c."row", c.col`,
    params: s.params,
  };
}

import { inScope, type Filters } from './filters';
import { measureColumnSums, PROCUREMENT_REPORTS_SUM, type MeasureKey } from './measures';
import type { Query } from './query';

export type YearlyRow = { year: number; reports: number; procurement_reports: number } & Record<MeasureKey, number | null>;

/** Every measure per year for the selection: the overview's KPI cards and trend lines. */
export function yearlyTotals(filters: Filters): Query {
  const selected = inScope(filters);
  return {
    sql: `SELECT year, COUNT(*) AS reports, ${PROCUREMENT_REPORTS_SUM},
  ${measureColumnSums().join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY year ORDER BY year`,
    params: selected.params,
  };
}

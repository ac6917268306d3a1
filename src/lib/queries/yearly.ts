import { inScope, type Filters } from './filters';
import { MEASURES, type MeasureKey } from './measures';
import type { Query } from './query';

export type YearlyRow = { year: number; reports: number; procurement_reports: number } & Record<MeasureKey, number | null>;

/** Every measure per year for the selection: the overview's KPI cards and trend lines. */
export function yearlyTotals(filters: Filters): Query {
  const selected = inScope(filters);
  const sums = Object.values(MEASURES).map((m) => `SUM(${m.key}) AS ${m.key}`);
  return {
    sql: `SELECT year, COUNT(*) AS reports, CAST(COALESCE(SUM(procurement_reports), 0) AS INTEGER) AS procurement_reports,
  ${sums.join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY year ORDER BY year`,
    params: selected.params,
  };
}

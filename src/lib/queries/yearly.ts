import { scope, type Filters } from './filters';
import { MEASURES, type MeasureKey } from './measures';
import type { Query } from './query';

export type YearlyRow = { year: number; reports: number; procurement_reports: number } & Record<MeasureKey, number | null>;

/** Every measure per year for the selection: the overview's KPI cards and trend lines. */
export function yearlyTotals(filters: Filters): Query {
  const s = scope(filters);
  const sums = Object.values(MEASURES).map((m) => `SUM(m.${m.key}) AS ${m.key}`);
  return {
    sql: `WITH ${s.sql}
SELECT s.year, COUNT(*) AS reports, CAST(COALESCE(SUM(m.procurement_reports), 0) AS INTEGER) AS procurement_reports,
  ${sums.join(',\n  ')}
FROM scope s LEFT JOIN report_measures m ON m.report_id = s.report_id
GROUP BY s.year ORDER BY s.year`,
    params: s.params,
  };
}

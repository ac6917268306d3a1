import { scope, type Filters } from './filters';
import { MEASURES, type MeasureKey } from './measures';
import type { Query } from './query';

/** Every measure of one body in one year, with the template versions its reports follow. */
export type BodyYearMeasures = {
  body: string;
  year: number;
  region: string | null;
  level: string | null;
  reports: number;
  /** Template versions of the body's reports that year, e.g. ['2019'] (two when it changed mid-year or reports disagree). */
  templates: string[];
  procurement_reports: number;
} & Record<MeasureKey, number | null>;

/**
 * All measures per body and year, for the years given (every year of the
 * selection when none): the rows year comparisons and rankings are made from.
 */
export function measuresByBodyYear(filters: Filters, years?: readonly number[]): Query {
  const s = scope(filters, years);
  const sums = Object.values(MEASURES).map((m) => `SUM(m.${m.key}) AS ${m.key}`);
  return {
    sql: `WITH ${s.sql}
SELECT s.body, s.year, ANY_VALUE(r.region) AS region, ANY_VALUE(r.level) AS level, COUNT(*) AS reports,
  LIST(DISTINCT s.template ORDER BY s.template) AS templates,
  CAST(COALESCE(SUM(m.procurement_reports), 0) AS INTEGER) AS procurement_reports,
  ${sums.join(',\n  ')}
FROM scope s JOIN reports r ON r.report_id = s.report_id LEFT JOIN report_measures m ON m.report_id = s.report_id
GROUP BY s.body, s.year ORDER BY s.body, s.year`,
    params: s.params,
  };
}

import { inScope, type Filters } from './filters';
import { SUMMED_COLUMNS, type MeasureKey, type MeasureSums, type RateColumn } from '../template';
import { measureColumnSums, PROCUREMENT_REPORTS_SUM } from './measure-sums';
import type { Query } from './query';

/** The measures of one body in one year (only those asked for), with its reports and the template versions they follow. */
export type BodyYearMeasures = {
  body: string;
  year: number;
  region: string | null;
  level: string | null;
  reports: number;
  /** Template versions of the body's reports that year, e.g. ['2019'] (two when it changed mid-year or reports disagree). */
  templates: string[];
  procurement_reports: number;
} & Partial<MeasureSums>;

/**
 * Measures per body and year, for the years given (every year of the
 * selection when none): the rows year comparisons and rankings are made from.
 * `columns`: the summed columns to give (a metric's own, see Metric.columns); every one by default.
 */
export function measuresByBodyYear(filters: Filters, years?: readonly number[], columns: readonly (MeasureKey | RateColumn)[] = SUMMED_COLUMNS): Query {
  const selected = inScope(filters, years);
  return {
    sql: `SELECT body, year, ANY_VALUE(region) AS region, ANY_VALUE(level) AS level, COUNT(*) AS reports,
  LIST(DISTINCT template ORDER BY template) AS templates,
  ${PROCUREMENT_REPORTS_SUM},
  ${measureColumnSums(columns).join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY body, year ORDER BY body, year`,
    params: selected.params,
  };
}

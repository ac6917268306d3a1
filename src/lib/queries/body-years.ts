import { inScope, type Filters } from './filters';
import { SUMMED_COLUMNS, type MeasureKey, type MeasureSums, type RateColumn } from '../template';
import { measureColumnSums, PROCUREMENT_REPORTS_SUM } from './measure-sums';
import type { Query } from './query';

/** One year of a selection: its reports, the template versions they follow, and the measures they sum to (only those asked for). */
export type YearMeasures = {
  year: number;
  reports: number;
  /** Template versions of the reports, e.g. ['2019'] (two when a body changed mid-year or reports disagree). */
  templates: string[];
  procurement_reports: number;
} & Partial<MeasureSums>;

/** The measures of one body in one year. */
export type BodyYearMeasures = YearMeasures & { body: string; region: string | null; level: string | null };

const PER_GROUP = `COUNT(*) AS reports,
  LIST(DISTINCT template ORDER BY template) AS templates,
  ${PROCUREMENT_REPORTS_SUM}`;

/**
 * Measures per body and year, for the years given (every year of the
 * selection when none): the rows year comparisons and rankings are made from.
 * `columns`: the summed columns to give (a metric's own, see Metric.columns); every one by default.
 */
export function measuresByBodyYear(filters: Filters, years?: readonly number[], columns: readonly (MeasureKey | RateColumn)[] = SUMMED_COLUMNS): Query {
  const selected = inScope(filters, years);
  return {
    sql: `SELECT body, year, ANY_VALUE(region) AS region, ANY_VALUE(level) AS level, ${PER_GROUP},
  ${measureColumnSums(columns).join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY body, year ORDER BY body, year`,
    params: selected.params,
  };
}

/** Every measure of the whole selection per year, for the years given: 年度对比's totals, summed by the database rather than over every body in the page. */
export function measuresByYear(filters: Filters, years: readonly number[]): Query {
  const selected = inScope(filters, years);
  return {
    sql: `SELECT year, ${PER_GROUP},
  ${measureColumnSums().join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY year ORDER BY year`,
    params: selected.params,
  };
}

import { inScope, type Filters } from './filters';
import type { MeasureSums } from '../template';
import { measureColumnSums, PROCUREMENT_REPORTS_SUM } from './measure-sums';
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
} & MeasureSums;

/**
 * All measures per body and year, for the years given (every year of the
 * selection when none): the rows year comparisons and rankings are made from.
 */
export function measuresByBodyYear(filters: Filters, years?: readonly number[]): Query {
  const selected = inScope(filters, years);
  return {
    sql: `SELECT body, year, ANY_VALUE(region) AS region, ANY_VALUE(level) AS level, COUNT(*) AS reports,
  LIST(DISTINCT template ORDER BY template) AS templates,
  ${PROCUREMENT_REPORTS_SUM},
  ${measureColumnSums().join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY body, year ORDER BY body, year`,
    params: selected.params,
  };
}

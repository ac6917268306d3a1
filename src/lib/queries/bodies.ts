import { inScope, type Filters } from './filters';
import { measureColumnSums, type Measure } from './measures';
import type { Query } from './query';

export interface BodyYearRow {
  body: string;
  year: number;
  value: number | null;
}

/** A measure per body and year for the selection: top-bodies bars and per-body lines. */
export function measureByBody(filters: Filters, measure: Measure): Query {
  return sumsByBodyYear(filters, [`SUM(${measure.key}) AS value`]);
}

export type BodyMeasuresRow = { body: string; year: number } & Record<string, number | null>;

/** Several measures per body and year (e.g. the outcome groups, for each body's outcome mix). */
export function measuresByBody(filters: Filters, measures: readonly Measure[]): Query {
  return sumsByBodyYear(filters, measureColumnSums(measures));
}

function sumsByBodyYear(filters: Filters, sums: string[]): Query {
  const selected = inScope(filters);
  return {
    sql: `SELECT body, year, ${sums.join(', ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY body, year ORDER BY body, year`,
    params: selected.params,
  };
}

export interface FilterOptions {
  body: string;
  region: string | null;
  level: string | null;
  kind: string | null;
  years: number[];
}

/** Every body with its region, level, kind and years: the filter panel's choices. */
export function filterOptions(): Query {
  return {
    sql: `SELECT body, ANY_VALUE(region) AS region, ANY_VALUE(level) AS level, ANY_VALUE(kind) AS kind, LIST(DISTINCT year ORDER BY year) AS years
FROM reports GROUP BY body ORDER BY body`,
    params: [],
  };
}

import { scope, type Filters } from './filters';
import type { Measure } from './measures';
import type { Query } from './query';

export interface BodyYearRow {
  body: string;
  year: number;
  value: number | null;
}

/** A measure per body and year for the selection: top-bodies bars and per-body lines. */
export function measureByBody(filters: Filters, measure: Measure): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT s.body, s.year, SUM(m.${measure.key}) AS value
FROM scope s JOIN report_measures m ON m.report_id = s.report_id
GROUP BY s.body, s.year ORDER BY s.body, s.year`,
    params: s.params,
  };
}

export type BodyMeasuresRow = { body: string; year: number } & Record<string, number | null>;

/** Several measures per body and year (e.g. the outcome groups, for each body's outcome mix). */
export function measuresByBody(filters: Filters, measures: readonly Measure[]): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT s.body, s.year, ${measures.map((m) => `SUM(m.${m.key}) AS ${m.key}`).join(', ')}
FROM scope s JOIN report_measures m ON m.report_id = s.report_id
GROUP BY s.body, s.year ORDER BY s.body, s.year`,
    params: s.params,
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

import { inScope, type Filters } from './filters';
import type { Measure } from '../template';
import { measureColumnSums } from './measure-sums';
import type { Query } from './query';

export interface BodyYearRow {
  body: string;
  year: number;
  value: number | null;
}

/** How many bodies a ranking chart shows. */
export const TOP_BODIES = 15;

/**
 * Each year's first `limit` bodies by a measure, with its value: the top-bodies
 * bars. Only those are sent to the page, not every body: with the bodies tied
 * at the last place, for the page's own order (compareText) to choose among them.
 */
export function measureTopBodies(filters: Filters, measure: Measure, limit = TOP_BODIES): Query {
  return topBodiesByYear(filters, [`SUM(${measure.key}) AS value`], 'value', 'value IS NOT NULL', limit);
}

export type BodyMeasuresRow = { body: string; year: number } & Record<string, number | null>;

/** Each year's first `limit` bodies by the sum of several measures (above 0), with each: e.g. the outcome groups, each body's outcome mix. */
export function measuresTopBodies(filters: Filters, measures: readonly Measure[], limit = TOP_BODIES): Query {
  const total = measures.map((m) => `COALESCE(SUM(${m.key}), 0)`).join(' + ');
  return topBodiesByYear(filters, measureColumnSums(measures.map((m) => m.key)), total, `${total} > 0`, limit);
}

/** The bodies ranked by `rankBy` in each year, to the `limit`th place (ties included), among those `shown` (the chart would leave out the others). */
function topBodiesByYear(filters: Filters, sums: string[], rankBy: string, shown: string, limit: number): Query {
  const selected = inScope(filters);
  return {
    sql: `SELECT body, year, ${sums.join(', ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY body, year
QUALIFY ${shown} AND rank() OVER (PARTITION BY year ORDER BY ${rankBy} DESC NULLS LAST) <= ${Math.trunc(limit)}
ORDER BY body, year`,
    params: selected.params,
  };
}

export interface FilterOptions {
  body: string;
  region: string | null;
  level: string | null;
  kind: string | null;
}

/** Every body with its region, level and kind: the filter panel's choices (its years are the dataset's, from dataset.json). */
export function filterOptions(): Query {
  return {
    sql: `SELECT body, ANY_VALUE(region) AS region, ANY_VALUE(level) AS level, ANY_VALUE(kind) AS kind
FROM reports GROUP BY body ORDER BY body`,
    params: [],
  };
}

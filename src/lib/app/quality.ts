import type { Filters } from '../queries/filters';
import type { ReportsByBody } from '../queries/held-reports';
import type { QualityCube } from '../queries/quality-cube';
import { preparedQualityCube } from './data.svelte';
import { preparedAnswer } from './held';
import type { PreparedRows } from './query.svelte';

/**
 * One of 数据质量's counts (`fromCube`, `fromHeld`: the same rows as its
 * query): from the quality cube the ingest prepared for any filters but
 * bodies and the report source, so the page's charts are drawn before its
 * reports are held; else, or with a year left out of the load, from the
 * reports held in the page.
 */
export function qualityAnswer<Row>(
  filters: Filters,
  fromCube: (cube: QualityCube, filters: Filters) => Row[],
  fromHeld: (held: ReportsByBody, filters: Filters) => Row[],
): PreparedRows<Row> | Promise<PreparedRows<Row> | null> | null {
  return preparedAnswer(filters.bodies.length === 0 && filters.source === 'all', preparedQualityCube, (cube) => fromCube(cube, filters), (held) => fromHeld(held, filters));
}

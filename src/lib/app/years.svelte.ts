import { allYears, withinYears, type Filters } from '../queries/filters';
import type { Query } from '../queries/query';
import { yearlyOfBodies } from '../queries/reports-by-body';
import { yearlyFromCube, yearlyTotals, type YearlyCubeRow, type YearlyRow } from '../queries/yearly';
import { data, preparedCube, reportMeasuresByBody, yearlyCubeRows } from './data.svelte';
import { queryState, type PrepareRows, type QueryState } from './query.svelte';

/**
 * Rows of a query grouped by year (and perhaps body …): queried for all years
 * and cut to the filters' year range here, so a change of years redraws
 * without a query.
 */
export function byYearState<Row extends { year: number }>(
  build: (filters: Filters) => Query,
  filters: () => Filters,
  prepared?: PrepareRows<Row>,
): QueryState<Row> {
  const all = queryState<Row>(() => build(allYears(filters())), prepared);
  // The bounds as values: the URL changing twice on one navigation cuts the rows once.
  const from = $derived(filters().from);
  const to = $derived(filters().to);
  // Years whose summary file could not be read are left out, also of the rows the ingest prepared.
  const rows = $derived(withinYears(all.rows, { from, to }).filter((r) => !data.failed.some((f) => f.year === r.year)));
  return {
    get rows() {
      return rows;
    },
    get loading() {
      return all.loading;
    },
    get error() {
      return all.error;
    },
  };
}

/**
 * Every measure per year for the filters, answered in the page once the
 * database is up: from the yearly cube, or from the chosen bodies' reports
 * (the database answers until they are here, or if they fail to load). Before
 * it is up, the cube the ingest prepared answers any filters but bodies and
 * the report source (no report is imported at ingest).
 */
export function yearlyState(filters: () => Filters): QueryState<YearlyRow> {
  return byYearState(yearlyTotals, filters, () => {
    const all = allYears(filters());
    // Asked for whatever the filters: fetched once, for a later choice of bodies to redraw at once.
    const reports = reportMeasuresByBody();
    if (all.bodies.length > 0) return reports instanceof Promise ? null : { rows: yearlyOfBodies(reports, all), final: true };
    const cube = yearlyCubeRows();
    const fromCube = (rows: YearlyCubeRow[]) => ({ rows: yearlyFromCube(rows, all), final: true });
    if (!(cube instanceof Promise)) return fromCube(cube);
    if (all.source !== 'all') return cube.then(fromCube, () => null);
    return preparedCube().then((rows) => (rows ? fromCube(rows) : cube.then(fromCube, () => null)));
  });
}

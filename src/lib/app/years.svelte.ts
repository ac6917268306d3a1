import { allYears, withinYears, type Filters } from '../queries/filters';
import type { Query } from '../queries/query';
import { yearlyOfBodies } from '../queries/body-reports';
import { yearlyFromCube, yearlyTotals, type YearlyRow } from '../queries/yearly';
import { bodyReports, preparedOverview, yearlyCubeRows } from './data.svelte';
import { queryState, type PreparedRows, type PrepareRows, type QueryState } from './query.svelte';
import { filtersToSearch } from './url-filters';

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
  const rows = $derived(withinYears(all.rows, { from, to }));
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
 * database is up: from the yearly cube, or from the chosen bodies' reports;
 * the database is asked only when those fail to load. Before it is up, the
 * rows the ingest prepared answer the default filters.
 */
export function yearlyState(filters: () => Filters): QueryState<YearlyRow> {
  return byYearState(yearlyTotals, filters, () => {
    const all = allYears(filters());
    if (all.bodies.length > 0) return inPage(bodyReports(), (reports) => yearlyOfBodies(reports, all));
    const cube = yearlyCubeRows();
    // After the cube, every report's measures, for a later choice of bodies to redraw at once.
    Promise.resolve(cube).then(bodyReports, () => {});
    if (cube instanceof Promise && filtersToSearch(all) === '') return preparedOverview<YearlyRow>();
    return inPage(cube, (rows) => yearlyFromCube(rows, all));
  });
}

/** Rows computed from something loaded once: at once when it is here; null (ask the database) when it fails to load. */
function inPage<T>(loaded: T | Promise<T>, rows: (loaded: T) => YearlyRow[]): PreparedRows<YearlyRow> | Promise<PreparedRows<YearlyRow> | null> {
  const prepared = (value: T) => ({ rows: rows(value), final: true });
  return loaded instanceof Promise ? loaded.then(prepared, () => null) : prepared(loaded);
}

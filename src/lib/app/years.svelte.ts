import { allYears, withinYears, type Filters } from '../queries/filters';
import type { Query } from '../queries/query';
import { yearlyFromCube, yearlyTotals, type YearlyCubeRow, type YearlyRow } from '../queries/yearly';
import { preparedOverview, yearlyCubeRows } from './data.svelte';
import { queryState, type PrepareRows, type QueryState } from './query.svelte';
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
 * Every measure per year for the filters. Without bodies chosen, the yearly
 * cube answers in the page (no query); before the database is up, the rows the
 * ingest prepared answer the default filters.
 */
export function yearlyState(filters: () => Filters): QueryState<YearlyRow> {
  return byYearState(yearlyTotals, filters, () => {
    const all = allYears(filters());
    if (all.bodies.length > 0) return null;
    const cube = yearlyCubeRows();
    const fromCube = (rows: YearlyCubeRow[]) => ({ rows: yearlyFromCube(rows, all), final: true });
    if (Array.isArray(cube)) return fromCube(cube);
    return filtersToSearch(all) === '' ? preparedOverview<YearlyRow>() : cube.then(fromCube);
  });
}

import { allYears, withinYears, type Filters } from '../queries/filters';
import type { Query } from '../queries/query';
import { yearlyTotals, type YearlyRow } from '../queries/yearly';
import { preparedOverview } from './data.svelte';
import { queryState, type PreparedRows, type QueryState } from './query.svelte';
import { filtersToSearch } from './url-filters';

/**
 * Rows of a query grouped by year (and perhaps body …): queried for all years
 * and cut to the filters' year range here, so a change of years redraws
 * without a query.
 */
export function byYearState<Row extends { year: number }>(
  build: (filters: Filters) => Query,
  filters: () => Filters,
  prepared?: () => Promise<PreparedRows<Row> | null> | null,
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

/** Every measure per year for the filters; with no filter but years, the rows the ingest prepared answer it (no query either). */
export function yearlyState(filters: () => Filters): QueryState<YearlyRow> {
  return byYearState(yearlyTotals, filters, () => (filtersToSearch(allYears(filters())) === '' ? preparedOverview<YearlyRow>() : null));
}

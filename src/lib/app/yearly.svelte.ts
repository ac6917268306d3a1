import { allYears, withinYears, type Filters } from '../queries/filters';
import { yearlyTotals, type YearlyRow } from '../queries/yearly';
import { preparedOverview } from './data.svelte';
import { queryState, type QueryState } from './query.svelte';
import { filtersToSearch } from './url-filters';

/**
 * Every measure per year for the filters: queried for all years and cut to the
 * year range here, so a change of years redraws without a query; with no
 * filter but years, the rows the ingest prepared answer it (no query either).
 */
export function yearlyState(filters: () => Filters): QueryState<YearlyRow> {
  const all = queryState<YearlyRow>(
    () => yearlyTotals(allYears(filters())),
    () => (filtersToSearch(allYears(filters())) === '' ? preparedOverview<YearlyRow>() : null),
  );
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

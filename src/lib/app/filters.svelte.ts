import { goto } from '$app/navigation';
import { page } from '$app/state';
import { building } from '$app/environment';
import { NO_FILTERS, type Filters } from '../queries/filters';
import { filtersFromSearch, filtersToSearch } from './url-filters';

/** The current URL's query string; none while the page's HTML is written at build time (reading it there is an error). */
export function urlSearch(): URLSearchParams {
  return building ? new URLSearchParams() : page.url.searchParams;
}

/** The filters of the current URL: every page and chart follows them; back/forward and reload keep them. */
export function currentFilters(): Filters {
  return filtersFromSearch(urlSearch());
}

export function setFilters(filters: Filters): void {
  goto(`${page.url.pathname}${filtersToSearch(filters, page.url.searchParams)}`, { keepFocus: true, noScroll: true });
}

export function resetFilters(): void {
  setFilters(NO_FILTERS);
}

/** The current query string, to carry the filters along when moving between pages. */
export function filterSearch(): string {
  return filtersToSearch(currentFilters());
}

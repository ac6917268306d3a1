import { goto } from '$app/navigation';
import { page } from '$app/state';
import { pagePath } from './paths';
import { filtersToSearch } from './url-filters';
import { currentFilters, urlSearch } from './filters.svelte';

/** A page's own URL parameter (?a=2020, ?metric=…, ?id=…): part of the link, so a copied URL reproduces the view. */
export function pageParam(name: string): string | null {
  return urlSearch().get(name);
}

export function setPageParams(changes: Record<string, string | number | null>): void {
  const search = new URLSearchParams(page.url.searchParams);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') search.delete(k);
    else search.set(k, String(v));
  }
  const text = search.toString();
  goto(`${page.url.pathname}${text ? `?${text}` : ''}`, { keepFocus: true, noScroll: true });
}

/** Links between the analyses: the filters go along. */
export function bodyHref(body: string): string {
  return `${pagePath('/body')}${filtersToSearch({ ...currentFilters(), bodies: [] }, new URLSearchParams({ name: body }))}`;
}

export function reportHref(id: string, finding?: { rule: string; cells: string }): string {
  const own = new URLSearchParams({ id });
  if (finding) own.set('rule', finding.rule), own.set('cells', finding.cells);
  return `${pagePath('/report')}${filtersToSearch(currentFilters(), own)}`;
}

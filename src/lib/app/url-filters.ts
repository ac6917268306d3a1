import { NO_FILTERS, type Filters } from '../queries/filters';

const LISTS = { body: 'bodies', region: 'regions', level: 'levels', kind: 'kinds' } as const;

/** The filters a URL's query string holds (?from=2019&to=2023&body=…&body=…). Unknown or bad values are ignored. */
export function filtersFromSearch(search: URLSearchParams): Filters {
  const year = (name: string) => {
    const n = Number(search.get(name));
    return search.has(name) && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
  };
  const filters: Filters = { ...NO_FILTERS, from: year('from'), to: year('to') };
  for (const [param, key] of Object.entries(LISTS)) filters[key] = search.getAll(param).filter(Boolean);
  return filters;
}

/** The query string for filters: the same filters always give the same string, so a copied link reproduces the view. */
export function filtersToSearch(filters: Filters, keep: URLSearchParams = new URLSearchParams()): string {
  const search = new URLSearchParams();
  for (const [k, v] of keep) if (!['from', 'to', ...Object.keys(LISTS)].includes(k)) search.append(k, v);
  if (filters.from !== null) search.set('from', String(filters.from));
  if (filters.to !== null) search.set('to', String(filters.to));
  for (const [param, key] of Object.entries(LISTS)) for (const v of [...filters[key]].sort()) search.append(param, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

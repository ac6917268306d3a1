import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { NO_FILTERS, REPORT_SOURCES, type Filters } from '../queries/filters';

const LISTS = { body: 'bodies', region: 'regions', level: 'levels', kind: 'kinds' } as const;

/**
 * Many bodies chosen (a province's hundreds) would make a link longer than a
 * server takes (HTTP 431 past about 16 KB): past this many characters, the
 * bodies go in one parameter, `bodies`, their names deflated and base64url.
 */
const LONG_BODIES = 1500;

function packBodies(bodies: readonly string[]): string {
  let binary = '';
  for (const byte of deflateSync(strToU8(bodies.join('\n')), { level: 9 })) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function unpackBodies(packed: string): string[] {
  try {
    const binary = atob(packed.replaceAll('-', '+').replaceAll('_', '/'));
    return strFromU8(inflateSync(Uint8Array.from(binary, (c) => c.charCodeAt(0)))).split('\n').filter(Boolean);
  } catch {
    return []; // a link cut short: no bodies rather than a broken page
  }
}

/** The filters a URL's query string holds (?from=2019&to=2023&body=…&body=…). Unknown or bad values are ignored. */
export function filtersFromSearch(search: URLSearchParams): Filters {
  const year = (name: string) => {
    const n = Number(search.get(name));
    return search.has(name) && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
  };
  const source = REPORT_SOURCES.find((s) => s.key === search.get('source'))?.key ?? 'all';
  const filters: Filters = { ...NO_FILTERS, from: year('from'), to: year('to'), source };
  for (const [param, key] of Object.entries(LISTS)) filters[key] = search.getAll(param).filter(Boolean);
  const packed = search.get('bodies');
  if (packed) filters.bodies = [...new Set([...filters.bodies, ...unpackBodies(packed)])];
  return filters;
}

/** The query string for filters: the same filters always give the same string, so a copied link reproduces the view. */
export function filtersToSearch(filters: Filters, keep: URLSearchParams = new URLSearchParams()): string {
  const search = new URLSearchParams();
  for (const [k, v] of keep) if (!['from', 'to', 'bodies', 'source', ...Object.keys(LISTS)].includes(k)) search.append(k, v);
  if (filters.from !== null) search.set('from', String(filters.from));
  if (filters.to !== null) search.set('to', String(filters.to));
  const bodies = [...filters.bodies].sort();
  const plain = new URLSearchParams(bodies.map((b) => ['body', b])).toString();
  if (plain.length > LONG_BODIES) search.set('bodies', packBodies(bodies));
  for (const [param, key] of Object.entries(LISTS)) if (key !== 'bodies' || plain.length <= LONG_BODIES) for (const v of [...filters[key]].sort()) search.append(param, v);
  if (filters.source !== 'all') search.set('source', filters.source);
  const text = search.toString();
  return text ? `?${text}` : '';
}

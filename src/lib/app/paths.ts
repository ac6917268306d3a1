import { base } from '$app/paths';

/**
 * A page's address: every page but the overview is a folder with its own
 * index.html (`requests/index.html`, trailingSlash 'always'), so any static
 * server serves it with no rewrite rule; its link ends in '/'.
 */
export function pagePath(path: string): string {
  return path === '/' ? `${base}/` : `${base}${path}/`;
}

/** A link to a page with a query: pagePath(path) + search ('' or '?…'), and extra parameters after it. */
export function pageHref(path: string, search = '', extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(search);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return `${pagePath(path)}${text ? `?${text}` : ''}`;
}

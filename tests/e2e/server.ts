import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.parquet': 'application/octet-stream',
};

/**
 * A plain static server for the built site, as nginx, IIS or an object store
 * serve it with no configuration: a file by its path, a folder's index.html,
 * a folder named without its '/' redirected to it (301, query kept); no
 * rewrite rules (`/requests` is never `requests.html`). /data/ is served from
 * another folder so tests choose the dataset.
 */
export interface ServeOptions {
  /** Paths answered 404, as a proxy or a server that refuses a file type would. */
  block?: RegExp;
  /** Content types by extension that replace the right ones (a server that does not know .wasm). */
  types?: Record<string, string>;
  /** Paths answered only after this many milliseconds, as a slow link would (the engine still on its way). */
  slow?: { path: RegExp; ms: number };
}

export async function serveSite(siteDir: string, dataDir: string, options: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (options.slow?.path.test(path)) {
      await new Promise((resolve) => setTimeout(resolve, options.slow!.ms));
      if (response.destroyed) return; // the page was closed meanwhile
    }
    if (options.block?.test(path)) return void response.writeHead(404).end('not found');
    const [root, rest] = path.startsWith('/data/') ? [dataDir, path.slice('/data/'.length)] : [siteDir, path.slice(1)];
    let file = normalize(join(root, rest));
    if (!file.startsWith(normalize(root))) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return void response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      // As a server set to use the site's own 404 page (nginx: error_page 404 /404.html).
      const notFound = join(siteDir, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      return void (existsSync(notFound) ? createReadStream(notFound).pipe(response) : response.end('not found'));
    }
    response.writeHead(200, { 'content-type': options.types?.[extname(file)] ?? TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())) };
}

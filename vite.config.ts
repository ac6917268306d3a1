import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Packages that find their .wasm beside themselves by default, and where the site hands them its one copy instead. */
const WASM_HANDED_OVER = [
  { module: 'parquet-wasm/esm/parquet_wasm.js', fallback: "new URL('parquet_wasm_bg.wasm', import.meta.url)", handedBy: 'src/lib/db/parquet-wasm.ts' },
  { module: '@embedpdf/pdfium/dist/index.browser.js', fallback: "new URL('pdfium.wasm', import.meta.url)", handedBy: 'src/lib/imports/client.ts' },
];

/**
 * These packages find their .wasm beside themselves by default (new URL(…, import.meta.url)),
 * which makes every bundle that includes them, each worker's too, ship a copy (4–5 MiB each).
 * The site always hands them the page's one file: the default goes.
 */
function wasmOnce(): Plugin {
  return {
    name: 'wasm-once',
    transform(code, id) {
      const pkg = WASM_HANDED_OVER.find((p) => id.includes(p.module));
      if (!pkg) return null;
      if (!code.includes(pkg.fallback)) throw new Error(`${pkg.module} changed: see wasmOnce in vite.config.ts`);
      return { code: code.replace(pkg.fallback, `(() => { throw new Error('${pkg.module} needs its .wasm handed over (${pkg.handedBy})'); })()`), map: null };
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [sveltekit(), wasmOnce()],
  // csv-parse's Node build uses Node's Buffer; the browser has none, so the site takes the browser build, which brings its own.
  // Node (the ingest, and the unit tests: mode 'test') keeps the Node build: on a million-row manifest the browser build is
  // twice as slow and leaves 1.7 GB of garbage, the ingest's peak before a report is read.
  resolve: { alias: mode === 'test' ? [] : [{ find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' }] },
  // The import worker loads the PDF engine only for a PDF (a chunk of its own): module workers split code, classic ones cannot.
  worker: { format: 'es', plugins: () => [wasmOnce()] },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
}));

import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Where the site serves pdf.js's character maps and standard fonts (see imports/pdf-assets.ts). */
const PDFJS_ASSETS = '_app/pdfjs';
const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * pdf.js's character maps and standard fonts, which a PDF whose CJK fonts are
 * not embedded needs, served by the site itself (never fetched from elsewhere):
 * written into the build, and served by the dev server.
 */
function pdfjsAssets(): Plugin {
  const folders = ['cmaps', 'standard_fonts'];
  return {
    name: 'pdfjs-assets',
    generateBundle() {
      if (this.environment?.name !== 'client') return;
      for (const folder of folders)
        for (const file of readdirSync(join(pdfjsFolder, folder)))
          this.emitFile({ type: 'asset', fileName: `${PDFJS_ASSETS}/${folder}/${file}`, source: readFileSync(join(pdfjsFolder, folder, file)) });
    },
    configureServer(server) {
      server.middlewares.use(`/${PDFJS_ASSETS}/`, (req, res, next) => {
        const [folder, file] = (req.url ?? '').split('?')[0].split('/').filter(Boolean);
        if (!folders.includes(folder) || !file || file.includes('..')) return next();
        createReadStream(join(pdfjsFolder, folder, file)).on('error', () => next()).pipe(res);
      });
    },
  };
}

/**
 * parquet-wasm finds its .wasm beside itself by default (new URL(…, import.meta.url)),
 * which makes every bundle that includes it, each worker's too, ship a copy (4.7 MiB).
 * The site always hands it the page's one file (src/lib/db/parquet-wasm.ts): the default goes.
 */
function parquetWasmOnce(): Plugin {
  return {
    name: 'parquet-wasm-once',
    transform(code, id) {
      if (!id.includes('parquet-wasm/esm/parquet_wasm.js')) return null;
      const fallback = "new URL('parquet_wasm_bg.wasm', import.meta.url)";
      if (!code.includes(fallback)) throw new Error('parquet-wasm changed: see parquetWasmOnce in vite.config.ts');
      return { code: code.replace(fallback, "(() => { throw new Error('parquet-wasm needs its .wasm URL (src/lib/db/parquet-wasm.ts)'); })()"), map: null };
    },
  };
}

export default defineConfig({
  plugins: [sveltekit(), pdfjsAssets(), parquetWasmOnce()],
  // The import worker loads pdf.js only for a PDF (a chunk of its own): module workers split code, classic ones cannot.
  worker: { format: 'es', plugins: () => [parquetWasmOnce()] },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

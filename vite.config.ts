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

export default defineConfig({
  plugins: [sveltekit(), pdfjsAssets()],
  // The import worker loads pdf.js only for a PDF (a chunk of its own): module workers split code, classic ones cannot.
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

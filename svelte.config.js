import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // precompress: a .br and a .gz beside every file, for servers set to send them (README, Deploying): a first visit's 80 MB of wasm become about 15.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true, precompress: true }),
    prerender: {
      // The dataset is served beside the site and may not exist at build time (it is made by the ingest): its files are not pages to check.
      handleHttpError: ({ path, message }) => {
        if (path.includes('/data/')) return;
        throw new Error(message);
      },
    },
  },
};

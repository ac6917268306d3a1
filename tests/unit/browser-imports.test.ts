import { build, type BuildFailure, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Bundles the entries for the browser as Vite does (a package's "browser"
 * field honoured: cfb maps fs to nothing); a Node module one of them reaches
 * fails the bundle, named with who imports it.
 */
async function browserBundle(entries: string[]) {
  const external: Plugin = {
    name: 'site-modules',
    setup(b) {
      // Vite's own: asset URLs and SvelteKit's modules are the site's, not Node's.
      b.onResolve({ filter: /\?url$|^\$app\// }, (args) => ({ path: args.path, external: true }));
    },
  };
  try {
    const result = await build({ entryPoints: entries.map((e) => `${ROOT}${e}`), bundle: true, write: false, platform: 'browser', format: 'esm', metafile: true, logLevel: 'silent', outdir: '/tmp/browser-imports', splitting: true, plugins: [external] });
    return { nodeImports: [], inputs: Object.keys(result.metafile.inputs), metafile: result.metafile };
  } catch (e) {
    const errors = (e as BuildFailure).errors ?? [];
    if (errors.length === 0) throw e;
    return { nodeImports: errors.map((err) => `${err.location?.file ?? '?'} imports ${/"([^"]+)"/.exec(err.text)?.[1] ?? err.text}`), inputs: [], metafile: null };
  }
}

describe('the reader, checks and dataset code the browser runs', () => {
  it('import no Node module: the import worker and the page’s import code bundle for the browser', async () => {
    const { nodeImports, inputs } = await browserBundle(['src/lib/imports/worker.ts', 'src/lib/imports/client.ts', 'src/lib/imports/export.ts', 'src/lib/imports/self-check.ts', 'src/lib/imports/store.ts']);
    expect(nodeImports).toEqual([]);
    // What the check covers: every format's reader, the checks, the dataset writer.
    for (const file of ['src/lib/reader/report.ts', 'src/lib/reader/pdf/index.ts', 'src/lib/reader/docx-blocks.ts', 'src/lib/reader/doc-blocks.ts', 'src/lib/reader/manifest.ts', 'src/lib/checks/index.ts', 'src/lib/dataset/builder.ts', 'src/lib/dataset/files.ts'])
      expect(inputs, file).toContain(file);
  });

  it('the check finds a Node module when there is one (the command line’s ingest uses node:fs)', async () => {
    const { nodeImports } = await browserBundle(['src/lib/ingest/process-file.ts']);
    expect(nodeImports).toContain('src/lib/ingest/process-file.ts imports node:fs');
  });

  it('the page’s import code, which every page loads at its start, reaches no report reader until an import runs', async () => {
    const { metafile } = await browserBundle(['src/lib/imports/client.ts']);
    // The modules the entry reaches by static imports alone: what a page evaluates as it starts.
    const outputs = metafile!.outputs;
    const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint === 'src/lib/imports/client.ts')!;
    const reached = new Set<string>();
    const walk = (output: string) => {
      if (reached.has(output)) return;
      reached.add(output);
      for (const i of outputs[output].imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
    };
    walk(entry);
    const atStart = [...reached].flatMap((o) => Object.keys(outputs[o].inputs));
    expect(atStart).toContain('src/lib/reader/file-names.ts');
    expect(atStart.filter((file) => /reader\/(report|formats|manifest|decode|doc-blocks|docx-blocks)\.ts$|node_modules\/(cfb|csv-parse|fflate)\//.test(file))).toEqual([]);
    // Still in the bundle, fetched by an import with a manifest.
    expect(Object.keys(metafile!.inputs)).toContain('src/lib/reader/manifest.ts');
  });
});

/**
 * Ingest benchmark: 10,000 copies of the real seed (text) and of an HTML
 * report (and --binary-copies of a 5-page PDF and of a DOCX report, exported by
 * a word processor), each copy under its own body and year (a manifest), through
 * (1) the reader alone on one thread, (2) reading + parsing + checks on all
 * cores, and (3) the whole ingest with the Parquet write into a new dataset,
 * run --runs times, each in a process of its own as `npm run ingest` runs it,
 * with its peak memory; then (3) again for 10,000 distinct text reports, each
 * writing its own source file (this machine's speed swings by a third from
 * minute to minute: the median and the range say more than one run).
 *   npm run bench:ingest [-- --copies 10000 --binary-copies 1000 --runs 3 --only pdf,docx]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism, cpus } from 'node:os';
import { IngestPool, workOf } from '../src/lib/ingest/pool';
import { collectFiles } from '../src/lib/ingest/collect';
import { parseManifest, readReport } from '../src/lib/reader';
import { formatMiB, ingestInOwnProcess } from './ingest-run';

const { values } = parseArgs({
  options: { copies: { type: 'string', default: '10000' }, 'binary-copies': { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const runs = Math.max(1, Number(values.runs));
const root = new URL('./out/ingest/', import.meta.url).pathname;
const sources = {
  text: new URL('../data/real/000_09f4574b615ba3f1.txt', import.meta.url).pathname,
  html: new URL('../tests/fixtures/html/dept-2019.html', import.meta.url).pathname,
  pdf: new URL('../tests/fixtures/published/dept-2021.writer.pdf', import.meta.url).pathname,
  docx: new URL('../tests/fixtures/published/dept-2021.docx', import.meta.url).pathname,
};

type Corpus = 'text' | 'html' | 'text, distinct' | 'pdf' | 'docx';
const CORPORA: Corpus[] = values.only ? (values.only.split(',') as Corpus[]) : ['text', 'html', 'text, distinct', 'pdf', 'docx'];
const copiesOf = (kind: Corpus) => Number(kind === 'pdf' || kind === 'docx' ? values['binary-copies'] : values.copies);

/**
 * copies of a report under their own bodies and years. Identical copies share
 * one source text; 'text, distinct' adds a numbered line to each (no table
 * changes), so that each writes its own source file, as real reports do.
 */
function corpus(kind: Corpus): string {
  const copies = copiesOf(kind);
  const dir = join(root, kind === 'text, distinct' ? 'text-distinct' : kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const source = sources[kind === 'text, distinct' ? 'text' : kind];
  const ext = kind === 'text' || kind === 'text, distinct' ? 'txt' : kind;
  const bodies = Math.ceil(copies / 7);
  const text = kind === 'text, distinct' ? readFileSync(source, 'utf8') : '';
  const lines = ['file,body,year'];
  for (let i = 0; i < copies; i++) {
    const file = `reports/r${String(i).padStart(6, '0')}.${ext}`;
    if (kind === 'text, distinct') writeFileSync(join(dir, file), `${text}\n编号 ${i}\n`);
    else copyFileSync(source, join(dir, file));
    lines.push(`${file},基准机关${String(i % bodies).padStart(5, '0')},${2019 + Math.floor(i / bodies)}`);
  }
  writeFileSync(join(dir, 'manifest.csv'), `${lines.join('\n')}\n`);
  return dir;
}

async function seconds(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

const rows: string[][] = [];
for (const kind of CORPORA) {
  const copies = copiesOf(kind);
  const dir = corpus(kind);
  const manifest = parseManifest(readFileSync(join(dir, 'manifest.csv'), 'utf8'));
  const files = await collectFiles([], { dir, entries: manifest });
  if (kind !== 'text, distinct') {
    const bytes = readFileSync(sources[kind]);
    const parseOne = await seconds(async () => {
      for (const f of files) await readReport({ bytes, source: { file: f.name, sha256: '', bytes: bytes.length }, manifest: manifest.get(f.name) });
    });
    let parsed = 0;
    const pool = await IngestPool.start(files.reduce((n, f) => n + workOf(f.name), 0));
    const parseAll = await seconds(() => pool.processFiles(files.map((file) => ({ file, manifest: manifest.get(file.name) })), (r) => void (parsed += r.ok ? 1 : 0)));
    await pool.close();
    if (parsed !== copies) throw new Error(`expected ${copies} reports, parsed ${parsed}`);
    rows.push(
      [kind, 'parse only, 1 thread (reader, from memory)', (copies / parseOne).toFixed(0), parseOne.toFixed(2)],
      [kind, `read + parse + checks, ${availableParallelism()} threads`, (copies / parseAll).toFixed(0), parseAll.toFixed(2)],
    );
  }
  // Each run writes a new dataset, as a first ingest does (a repeat keeps the sources already there).
  const outs = Array.from({ length: runs }, (_, run) => join(dir, `dataset-${run + 1}`));
  const measured = outs.map((out) => ingestInOwnProcess(join(dir, 'manifest.csv'), out));
  const endToEnd = measured.map((r) => r.seconds).sort((a, b) => a - b);
  const median = endToEnd[Math.floor(endToEnd.length / 2)];
  const range = runs > 1 ? ` (${(copies / endToEnd[endToEnd.length - 1]).toFixed(0)}–${(copies / endToEnd[0]).toFixed(0)})` : '';
  const peakBytes = measured.some((r) => r.peakBytes === null) ? null : Math.max(...measured.map((r) => r.peakBytes!));
  const size = readdirSync(outs[0]).filter((f) => f.endsWith('.parquet')).reduce((n, f) => n + statSync(join(outs[0], f)).size, 0);
  const sourceFiles = readdirSync(join(outs[0], 'sources')).length;
  for (const out of outs) rmSync(out, { recursive: true, force: true });
  if (measured.some((r) => r.reports !== copies)) throw new Error(`expected ${copies} reports, written ${measured.map((r) => r.reports)}`);
  rows.push(
    [kind, `end to end: ingest with Parquet write, median of ${runs}${range}; ${sourceFiles.toLocaleString('en-US')} source file(s) written`, (copies / median).toFixed(0), median.toFixed(2)],
    [kind, `end to end: peak memory of the ingest's process (resident, all threads): ${formatMiB(peakBytes)}`, '', ''],
    [kind, `Parquet size: ${(size / 1024).toFixed(0)} KiB = ${(size / copies).toFixed(0)} B/report`, '', ''],
  );
}

console.log(`\ningest benchmark: ${CORPORA.map((k) => `${k} ${copiesOf(k).toLocaleString('en-US')}`).join(', ')} reports · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version}\n`);
console.log(`| format | stage | reports/s | seconds |\n|---|---|---:|---:|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

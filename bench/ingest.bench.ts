/**
 * Ingest benchmark: 10,000 copies of the real seed (text) and of an HTML
 * report, each copy under its own body and year (a manifest), through
 * (1) the reader alone on one thread, (2) reading + parsing + checks on all
 * cores, and (3) the whole ingest with the Parquet write, run --runs times,
 * each in a process of its own as `npm run ingest` runs it, with its peak memory
 * (this machine's speed swings by a third from minute to minute: the median
 * and the range say more than one run).
 *   npm run bench:ingest [-- --copies 10000 --runs 3]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism, cpus } from 'node:os';
import { IngestPool } from '../src/lib/ingest/pool';
import { collectFiles } from '../src/lib/ingest/collect';
import { parseReport } from '../src/lib/reader';
import { parseManifest } from '../src/lib/reader';
import { formatMiB, ingestInOwnProcess } from './ingest-run';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const copies = Number(values.copies);
const runs = Math.max(1, Number(values.runs));
const root = new URL('./out/ingest/', import.meta.url).pathname;
const sources = {
  text: new URL('../data/real/000_09f4574b615ba3f1.txt', import.meta.url).pathname,
  html: new URL('../tests/fixtures/html/dept-2019.html', import.meta.url).pathname,
};

function corpus(kind: keyof typeof sources): string {
  const dir = join(root, kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const ext = kind === 'text' ? 'txt' : 'html';
  const bodies = Math.ceil(copies / 7);
  const lines = ['file,body,year'];
  for (let i = 0; i < copies; i++) {
    const file = `reports/r${String(i).padStart(6, '0')}.${ext}`;
    copyFileSync(sources[kind], join(dir, file));
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
for (const kind of ['text', 'html'] as const) {
  const dir = corpus(kind);
  const manifest = parseManifest(readFileSync(join(dir, 'manifest.csv'), 'utf8'));
  const files = await collectFiles([], { dir, entries: manifest });
  const bytes = readFileSync(sources[kind]);

  const parseOne = await seconds(() => {
    for (const f of files) parseReport({ bytes, source: { file: f.name, sha256: '', bytes: bytes.length }, manifest: manifest.get(f.name) });
  });
  let parsed = 0;
  const pool = await IngestPool.start(files.length);
  const parseAll = await seconds(() => pool.processFiles(files.map((file) => ({ file, manifest: manifest.get(file.name) })), (r) => void (parsed += r.ok ? 1 : 0)));
  await pool.close();
  const out = join(dir, 'dataset');
  const runsMeasured = Array.from({ length: runs }, () => ingestInOwnProcess(join(dir, 'manifest.csv'), out));
  const written = Math.min(...runsMeasured.map((r) => r.reports));
  const endToEnd = runsMeasured.map((r) => r.seconds);
  const peakBytes = runsMeasured.some((r) => r.peakBytes === null) ? null : Math.max(...runsMeasured.map((r) => r.peakBytes!));
  endToEnd.sort((a, b) => a - b);
  const median = endToEnd[Math.floor(endToEnd.length / 2)];
  const range = runs > 1 ? ` (${(copies / endToEnd[endToEnd.length - 1]).toFixed(0)}–${(copies / endToEnd[0]).toFixed(0)})` : '';
  const size = readdirSync(out).filter((f) => f.endsWith('.parquet')).reduce((n, f) => n + statSync(join(out, f)).size, 0);
  if (parsed !== copies || written !== copies) throw new Error(`expected ${copies} reports, parsed ${parsed}, written ${written}`);
  rows.push(
    [kind, 'parse only, 1 thread (reader, from memory)', (copies / parseOne).toFixed(0), parseOne.toFixed(2)],
    [kind, `read + parse + checks, ${availableParallelism()} threads`, (copies / parseAll).toFixed(0), parseAll.toFixed(2)],
    [kind, `end to end: ingest with Parquet write, median of ${runs}${range}`, (copies / median).toFixed(0), median.toFixed(2)],
    [kind, `end to end: peak memory of the ingest's process (resident, all threads): ${formatMiB(peakBytes)}`, '', ''],
    [kind, `Parquet size: ${(size / 1024).toFixed(0)} KiB = ${(size / copies).toFixed(0)} B/report`, '', ''],
  );
}

console.log(`\ningest benchmark: ${copies.toLocaleString('en-US')} copies per format · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version}\n`);
console.log(`| format | stage | reports/s | seconds |\n|---|---|---:|---:|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

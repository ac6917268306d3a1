/**
 * Demo-corpus benchmark: generate a corpus of N bodies × 7 years, ingest it,
 * and report the time of each step, the ingest's peak memory and the Parquet
 * size per report.
 *   npm run bench:demo [-- --bodies 20000]
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { DEMO_DEFAULTS, realReport } from '../src/lib/demo/options';
import { writeDemoCorpus } from '../src/lib/demo/write';
import { formatMiB, ingestInOwnProcess } from './ingest-run';

const { values } = parseArgs({ options: { bodies: { type: 'string', default: '20000' } } });
const bodies = Number(values.bodies);
const root = new URL(`./out/demo-${bodies}/`, import.meta.url).pathname;
const corpus = join(root, 'corpus');
const out = join(root, 'dataset');

const start = performance.now();
const written = writeDemoCorpus({ ...DEMO_DEFAULTS, bodies, real: realReport(new URL('../data/real/000_09f4574b615ba3f1.txt', import.meta.url).pathname) }, corpus);
const generate = (performance.now() - start) / 1000;

// A new dataset, as a first ingest writes it (a repeat keeps the source files already there).
rmSync(out, { recursive: true, force: true });
const ingested = ingestInOwnProcess(join(corpus, 'manifest.csv'), out);

// In the partition folders too (cells/year=…/, summary/year=…/).
const parquet = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.parquet'));
const bytes = parquet.reduce((n, f) => n + statSync(join(out, f)).size, 0);
const sourceBytes = readdirSync(corpus, { recursive: true }).reduce((n: number, f) => n + statSync(join(corpus, String(f))).size, 0);

console.log(`\ndemo corpus benchmark: ${bodies.toLocaleString('en-US')} bodies × ${DEMO_DEFAULTS.years.length} years · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version}\n`);
console.log('| step | figure |\n|---|---:|');
console.log(`| reports generated | ${written.reports.toLocaleString('en-US')} (${written.defects} with defects) |`);
console.log(`| generation | ${generate.toFixed(1)} s (${(written.reports / generate).toFixed(0)} reports/s) |`);
console.log(`| source files | ${(sourceBytes / 1048576).toFixed(0)} MiB |`);
console.log(`| ingest (read, parse, check, write Parquet) | ${ingested.seconds.toFixed(1)} s (${(ingested.reports / ingested.seconds).toFixed(0)} reports/s) |`);
console.log(`| ingest peak memory (its process, resident, all threads) | ${formatMiB(ingested.peakBytes)} |`);
console.log(`| reports in the dataset | ${ingested.reports.toLocaleString('en-US')}, ${ingested.failed} failed |`);
console.log(`| Parquet, all files | ${(bytes / 1048576).toFixed(1)} MiB |`);
console.log(`| Parquet per report | ${(bytes / ingested.reports).toFixed(0)} B (target ≤ 1,536 B) |`);

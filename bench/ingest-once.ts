/**
 * One ingest in a process of its own (the benchmarks run each measured ingest
 * so, as `npm run ingest` runs it: nothing of the benchmark's own work in its
 * memory or its warmed-up code). Prints one line of JSON: IngestRun.
 *   tsx bench/ingest-once.ts --manifest <csv> --out <dir>
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ingest } from '../src/lib/ingest';

const { values } = parseArgs({ options: { manifest: { type: 'string' }, out: { type: 'string' } } });
if (!values.manifest || !values.out) throw new Error('usage: tsx bench/ingest-once.ts --manifest <csv> --out <dir>');

const start = performance.now();
const summary = await ingest({ inputs: [], manifest: values.manifest, out: values.out });
const seconds = (performance.now() - start) / 1000;
const peakKib = /VmHWM:\s+(\d+) kB/.exec(processStatus())?.[1];
console.log(JSON.stringify({ seconds, reports: summary.reports, failed: summary.failures.length, peakBytes: peakKib ? Number(peakKib) * 1024 : null }));

/** Linux's account of this process (VmHWM: its peak resident memory, all threads included); '' elsewhere. */
function processStatus(): string {
  try {
    return readFileSync('/proc/self/status', 'utf8');
  } catch {
    return '';
  }
}

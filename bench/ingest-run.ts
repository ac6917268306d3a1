import { spawnSync } from 'node:child_process';

/** What bench/ingest-once.ts measured of one ingest. */
export interface IngestRun {
  /** ingest() alone, without starting Node. */
  seconds: number;
  reports: number;
  failed: number;
  /** Peak resident memory of the process, threads included; null off Linux. */
  peakBytes: number | null;
}

/** One ingest of a manifest's files, in a process of its own. */
export function ingestInOwnProcess(manifest: string, out: string): IngestRun {
  const script = new URL('./ingest-once.ts', import.meta.url).pathname;
  const run = spawnSync('npx', ['tsx', script, '--manifest', manifest, '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`the measured ingest failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as IngestRun;
}

export function formatMiB(bytes: number | null): string {
  return bytes === null ? 'n/a (needs Linux /proc)' : `${Math.round(bytes / 1048576).toLocaleString('en-US')} MiB`;
}

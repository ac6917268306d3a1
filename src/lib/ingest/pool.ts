import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { parquetJobBuffers, writeParquetJob, type ParquetJob } from '../dataset/parquet-job';
import { spilledRuns } from './cell-spill';
import { processFiles, type FileResult, type FileTask } from './process-file';
import type { SourceFolders } from './sources';

export type WorkerRequest =
  | { kind: 'files'; tasks: FileTask[]; sources?: SourceFolders }
  | { kind: 'parquet'; job: ParquetJob }
  | { kind: 'load parquet' };

export type WorkerResponse =
  | { kind: 'files'; results: FileResult[] }
  | { kind: 'parquet'; parquet: Uint8Array }
  | { kind: 'parquet loaded' }
  | { kind: 'error'; message: string };

/** Below this much work (in text files' worth), starting worker threads costs more than it saves. */
const MIN_WORK_FOR_WORKERS = 200;
/** Work sent to a thread at a time: 50 text files, or 2 PDFs. */
const BATCH_WORK = 50;

/**
 * A file's reading cost in text files' worth, guessed from its name (only to
 * plan the threads: the format is told by the content). A PDF or Word file
 * takes 10–100 ms to read here, a text report 0.2–1 ms.
 */
export function workOf(name: string): number {
  return /\.(?:pdf|docx?|wps)$/i.test(name) ? 25 : 1;
}

/**
 * The ingest's threads: parsing and Parquet writing spread over the cores.
 * With fewer files than pay for threads, everything runs in this thread.
 */
export class IngestPool {
  private constructor(private readonly workers: Worker[]) {}

  /** Whether the work goes to worker threads. */
  get parallel(): boolean {
    return this.workers.length > 0;
  }

  /** Bundle the worker script now (in esbuild's own process), so that start() finds it ready. */
  static prepare(): void {
    workerScript().catch(() => {}); // start() meets the same error
  }

  /** `work`: the files' reading cost, in text files' worth (workOf). */
  static async start(work: number, threads = availableParallelism()): Promise<IngestPool> {
    if (work < MIN_WORK_FOR_WORKERS || threads < 2) return new IngestPool([]);
    const script = await workerScript();
    // A larger young generation: parsing allocates many short-lived strings (measured: ~15 % faster).
    return new IngestPool(Array.from({ length: threads }, () => new Worker(script, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 32 } })));
  }

  /** Results come back in any order (the dataset builder orders them). With sources, each report's text is staged there. */
  async processFiles(tasks: FileTask[], onResult: (result: FileResult) => void, sources?: SourceFolders): Promise<void> {
    const batches: FileTask[][] = [];
    let work = 0;
    for (const task of tasks) {
      if (batches.length === 0 || work >= BATCH_WORK) {
        batches.push([]);
        work = 0;
      }
      batches[batches.length - 1].push(task);
      work += workOf(task.file.name);
    }
    if (this.workers.length === 0) {
      for (const batch of batches) (await processFiles(batch, sources)).forEach(onResult);
      return;
    }
    await Promise.all(
      this.workers.map(async (worker) => {
        for (let tasks = batches.shift(); tasks; tasks = batches.shift()) {
          const response = await request(worker, { kind: 'files', tasks, sources });
          if (response.kind === 'files') response.results.forEach(onResult);
        }
      }),
    );
  }

  /**
   * Write tables as Parquet, one per worker at a time; each file handed to
   * `kept` as it is written (which may write it and let it go), what it gives
   * returned in the order given. Each job is made (its table built) while its
   * worker writes the one before, so a worker never waits for this thread; a
   * worker loads the Parquet writer while its first is built.
   */
  async writeParquet<K>(jobs: (() => ParquetJob)[], kept: (index: number, parquet: Uint8Array) => K): Promise<K[]> {
    const results: K[] = new Array(jobs.length);
    if (this.workers.length === 0) {
      for (const [i, make] of jobs.entries()) results[i] = kept(i, await writeParquetJob(make(), spilledRuns));
      return results;
    }
    let next = 0;
    await Promise.all(
      this.workers.map(async (worker) => {
        let i = next++;
        if (i >= jobs.length) return;
        const loaded = handledLater(request(worker, { kind: 'load parquet' }));
        let job = jobs[i]();
        await loaded;
        for (;;) {
          const writing = handledLater(request(worker, { kind: 'parquet', job }, parquetJobBuffers(job)));
          const following = next < jobs.length ? next++ : null;
          const prepared = following === null ? null : jobs[following]();
          const response = await writing;
          if (response.kind === 'parquet') results[i] = kept(i, response.parquet);
          if (following === null || !prepared) break;
          [i, job] = [following, prepared];
        }
      }),
    );
    return results;
  }

  private closing: Promise<void> | null = null;

  /** Stop the threads; a second call waits for the first. */
  close(): Promise<void> {
    return (this.closing ??= Promise.all(this.workers.map((w) => w.terminate())).then(() => {}));
  }
}

/** A promise awaited after other work that may throw first: its rejection is not reported as unhandled meanwhile. */
export function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function request(worker: Worker, message: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerResponse> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      worker.off('message', onMessage);
      reject(e);
    };
    const onMessage = (response: WorkerResponse) => {
      worker.off('error', onError);
      if (response.kind === 'error') reject(new Error(`ingest worker failed: ${response.message}`));
      else resolve(response);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(message, transfer);
  });
}

let script: Promise<string> | null = null;

/**
 * The worker, bundled from its TypeScript source into plain JavaScript (packages
 * left as imports) under node_modules/.cache: a thread starts in a fifth of the
 * time it takes through a TypeScript loader, and always runs the current source.
 * Split at dynamic imports, so that a worker that only parses never loads Arrow
 * or the Parquet wasm (a quarter of a second per thread).
 */
function workerScript(): Promise<string> {
  script ??= (async () => {
    const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
    const cache = fileURLToPath(new URL('../../../node_modules/.cache/ingest-worker/', import.meta.url));
    const output = await build({ entryPoints: [entry], bundle: true, splitting: true, outdir: cache, outExtension: { '.js': '.mjs' }, platform: 'node', format: 'esm', target: 'node20', write: false, external: ['parquet-wasm', '@embedpdf/pdfium'] });
    const files = output.outputFiles.map((file) => ({ name: relative(cache, file.path), contents: file.contents }));
    const hash = createHash('sha256');
    for (const file of files) hash.update(file.name).update(file.contents);
    const dir = join(cache, hash.digest('hex').slice(0, 16));
    if (!existsSync(dir)) {
      const staging = `${dir}.${process.pid}`;
      for (const file of files) {
        mkdirSync(dirname(join(staging, file.name)), { recursive: true });
        writeFileSync(join(staging, file.name), file.contents);
      }
      try {
        renameSync(staging, dir);
      } catch (e) {
        rmSync(staging, { recursive: true, force: true });
        // Another ingest may have written the same files first; anything else is an error.
        if (!existsSync(dir)) throw e;
      }
    }
    return join(dir, 'worker.mjs');
  })();
  return script;
}

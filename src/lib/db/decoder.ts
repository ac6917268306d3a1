/**
 * The worker that decodes the dataset's Parquet files (prepare-worker.ts):
 * a module of its own, without DuckDB's, so that the page starts it, and its
 * wasm compiles, before DuckDB's script has even arrived.
 */
import { parquetWasmUrl } from './parquet-wasm';
import { ENGINE_CHECK, ENGINE_FAILED, EngineError } from './engine-error';
import type { PrepareRequest, PrepareResponse } from './prepare-worker';
import type { RowWindow } from './prepare';

/** A dataset file's bytes → what DuckDB inserts (prepare), or one report's cells of a year's file (reportCells), in a worker. */
export interface Preparer {
  prepare: (name: string, parquet: Uint8Array) => Promise<Uint8Array>;
  reportCells: (name: string, parquet: Uint8Array, report: string, rows?: RowWindow) => Promise<Uint8Array>;
  /** A file decoded for the page itself (not DuckDB), before the load's next file. */
  decode: (name: string, parquet: Uint8Array) => Promise<Uint8Array>;
  close: () => void;
}

/** db/prepare.ts's filePreparer in a Web Worker (prepare-worker.ts), for loadDataset; closed when loaded (its wasm memory is the size of the largest file). */
export function workerPreparer(): Preparer {
  const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void }>();
  const wasm = parquetWasmUrl();
  let next = 0;
  // Once the worker has failed (its script or wasm blocked), every request fails at once rather than waiting forever.
  let failed: Error | null = null;
  worker.onmessage = ({ data }: MessageEvent<PrepareResponse>) => {
    const request = waiting.get(data.id)!;
    waiting.delete(data.id);
    if ('error' in data) request.reject(new Error(data.error));
    else request.resolve(data.ipc);
  };
  worker.onerror = (e) => {
    failed = new EngineError(`${ENGINE_FAILED}：数据解码线程无法运行（${e.message || '脚本无法加载'}）。${ENGINE_CHECK}`);
    for (const request of waiting.values()) request.reject(failed);
    waiting.clear();
  };
  // Its wasm compiles now, not at the first file.
  worker.postMessage({ wasm } satisfies PrepareRequest);
  const request = (name: string, parquet: Uint8Array, only: { report?: string; rows?: RowWindow; asked?: boolean } = {}) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name, parquet, wasm, ...only } satisfies PrepareRequest, [parquet.buffer]);
    });
  return {
    prepare: (name, parquet) => request(name, parquet),
    reportCells: (name, parquet, report, rows) => request(name, parquet, { report, rows }),
    decode: (name, parquet) => request(name, parquet, { asked: true }),
    close: () => worker.terminate(),
  };
}

let started: Preparer | null = null;

/**
 * Starts the decoder as the app starts (hooks.client.ts), before the page's
 * own modules have run: its wasm compiles while they load. A worker the
 * browser refuses to start (a security policy) is left for the load to try
 * again and say why: the app itself still starts.
 */
export function startDecoder(): void {
  try {
    started ??= workerPreparer();
  } catch {
    started = null;
  }
}

/** The decoder started with the app, the first time; a new one after (the data loaded again). */
export function takeDecoder(): Preparer {
  const decoder = started ?? workerPreparer();
  started = null;
  return decoder;
}

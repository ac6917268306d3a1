/**
 * duckdb-wasm in a Web Worker, and Parquet decoding with parquet-wasm: every
 * file is served from the site itself (Vite ?url imports), so nothing is
 * fetched from elsewhere. DuckDB never reads Parquet itself (its parquet
 * extension would be downloaded at run time): Parquet → Arrow IPC → DuckDB,
 * decoded in a worker of its own (prepare-worker.ts).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import initParquet, { Table, writeParquet } from 'parquet-wasm/esm';
import { parquetWasmUrl } from './parquet-wasm';
import { plainRows, type Database } from './database';
import { ENGINE_CHECK, ENGINE_FAILED, EngineError, engineError } from './engine-error';
import { inlineParams } from './inline-params';
import type { PrepareRequest, PrepareResponse } from './prepare-worker';

/**
 * Whether the server gives a file the engine needs: asked for first (its
 * headers only), so that a missing or blocked file is named at once rather
 * than waited on. Returns the MIME type it is served with.
 */
async function served(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
  } catch {
    throw engineError(url, '无法下载（连接被拦截）');
  }
  if (!response.ok) throw engineError(url, `无法下载（HTTP ${response.status}）`);
  return response.headers.get('content-type') ?? '';
}

/** The file's bytes as a blob: URL of type application/wasm. */
async function asWasm(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'application/wasm' }));
  } catch (e) {
    throw engineError(url, `无法下载（${(e as Error).message}）`);
  }
}

export async function createBrowserDatabase(): Promise<Database> {
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const [wasmType] = await Promise.all([served(bundle.mainModule), served(bundle.mainWorker!)]);
  const mimeNote = wasmType.startsWith('application/wasm') ? '' : `；服务器给出的 MIME 类型是 ${wasmType || '（无）'}，应为 application/wasm`;
  // A server that does not know .wasm (an old nginx or IIS) serves it under another type, which DuckDB's
  // streaming compile refuses and then waits forever: the bytes are given to it under the right type.
  const wasm = mimeNote ? await asWasm(bundle.mainModule) : bundle.mainModule;
  const worker = new Worker(bundle.mainWorker!);
  const workerFailed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', () => reject(engineError(bundle.mainWorker!, '无法运行（浏览器或安全软件拦截了后台线程 Web Worker）')), { once: true }),
  );
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const instantiated = db.instantiate(wasm, bundle.pthreadWorker).catch((e: Error) => {
    throw engineError(bundle.mainModule, `无法加载（${e.message}${mimeNote}）`);
  });
  await Promise.race([instantiated, workerFailed]);
  const conn = await db.connect();
  // No extension may be downloaded: the site works with no internet.
  await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return plainRows<Row>(await conn.query(inlineParams(sql, params)));
    },
    async queryTable(sql, params = []) {
      return conn.query(inlineParams(sql, params));
    },
    async insertArrowIPC(name, ipc, append) {
      await conn.insertArrowFromIPCStream(ipc, { name, create: !append });
    },
  };
}

/** A dataset file's bytes → what DuckDB inserts (prepare), or one report's cells of a year's file (reportCells), in a worker. */
export interface Preparer {
  prepare: (name: string, parquet: Uint8Array) => Promise<Uint8Array>;
  reportCells: (name: string, parquet: Uint8Array, report: string) => Promise<Uint8Array>;
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
  const request = (name: string, parquet: Uint8Array, only: { report?: string; asked?: boolean } = {}) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name, parquet, wasm, ...only } satisfies PrepareRequest, [parquet.buffer]);
    });
  return {
    prepare: (name, parquet) => request(name, parquet),
    reportCells: (name, parquet, report) => request(name, parquet, { report }),
    decode: (name, parquet) => request(name, parquet, { asked: true }),
    close: () => worker.terminate(),
  };
}

let parquetReady: Promise<unknown> | null = null;

/** Rows → Parquet bytes in the browser (for the filtered-data download). */
export async function parquetEncoder(): Promise<(ipc: Uint8Array) => Uint8Array> {
  parquetReady ??= initParquet({ module_or_path: parquetWasmUrl() });
  await parquetReady;
  return (ipc) => writeParquet(Table.fromIPCStream(ipc));
}

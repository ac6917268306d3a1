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
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { plainRows, type Database } from './database';
import { inlineParams } from './inline-params';
import type { PrepareRequest, PrepareResponse } from './prepare-worker';

export async function createBrowserDatabase(): Promise<Database> {
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
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

/** db/prepare.ts's filePreparer in a Web Worker (prepare-worker.ts), for loadDataset; closed when loaded (its wasm memory is the size of the largest file). */
export function workerPreparer(): { prepare: (name: string, parquet: Uint8Array) => Promise<Uint8Array>; close: () => void } {
  const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = ({ data }: MessageEvent<PrepareResponse>) => {
    const request = waiting.get(data.id)!;
    waiting.delete(data.id);
    if ('error' in data) request.reject(new Error(data.error));
    else request.resolve(data.ipc);
  };
  worker.onerror = (e) => {
    for (const request of waiting.values()) request.reject(new Error(`数据解码出错（decoder worker failed: ${e.message}）`));
    waiting.clear();
  };
  const prepare = (name: string, parquet: Uint8Array) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name, parquet } satisfies PrepareRequest, [parquet.buffer]);
    });
  return { prepare, close: () => worker.terminate() };
}

let parquetReady: Promise<unknown> | null = null;

/** Rows → Parquet bytes in the browser (for the filtered-data download). */
export async function parquetEncoder(): Promise<(ipc: Uint8Array) => Uint8Array> {
  parquetReady ??= initParquet({ module_or_path: parquetWasm });
  await parquetReady;
  return (ipc) => writeParquet(Table.fromIPCStream(ipc));
}

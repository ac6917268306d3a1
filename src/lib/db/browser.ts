/**
 * duckdb-wasm in a Web Worker: every file is served from the site itself
 * (Vite ?url imports), so nothing is fetched from elsewhere. DuckDB never
 * reads Parquet itself (its parquet extension would be downloaded at run
 * time): Parquet → Arrow IPC → DuckDB, decoded in a worker of its own
 * (db/decoder.ts).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import initParquet, { Table, writeParquet } from 'parquet-wasm/esm';
import { parquetWasmUrl } from './parquet-wasm';
import { plainRows, type Database } from './database';
import { engineError } from './engine-error';
import { inlineParams } from './inline-params';

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

let parquetReady: Promise<unknown> | null = null;

/** Rows → Parquet bytes in the browser (for the filtered-data download). */
export async function parquetEncoder(): Promise<(ipc: Uint8Array) => Uint8Array> {
  parquetReady ??= initParquet({ module_or_path: parquetWasmUrl() });
  await parquetReady;
  return (ipc) => writeParquet(Table.fromIPCStream(ipc));
}

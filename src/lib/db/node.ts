import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { plainRows, type Database } from './database';
import { inlineParams } from './inline-params';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

/**
 * duckdb-wasm in Node through its blocking bindings: the same engine and SQL as
 * the browser's, for tests and tools.
 */
export async function createNodeDatabase(): Promise<Database> {
  const require = createRequire(import.meta.url);
  const duckdb: Blocking = require('@duckdb/duckdb-wasm/blocking');
  const dist = fileURLToPath(new URL('.', import.meta.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs')));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs` },
      eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return plainRows<Row>(conn.query(inlineParams(sql, params)));
    },
    async queryTable(sql, params = []) {
      return conn.query(inlineParams(sql, params));
    },
    async insertArrowIPC(name, ipc, append) {
      conn.insertArrowFromIPCStream(ipc, { name, create: !append });
    },
  };
}

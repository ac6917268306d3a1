import { base } from '$app/paths';
import { createBrowserDatabase, parquetDecoder } from '../db/browser';
import type { Database } from '../db/database';
import { loadDataset, type DatasetDescription, type LoadProgress } from '../db/load';

/** The page-wide state of the data: loading (with progress), ready, or failed with a reason. */
export const data = $state<{
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress: LoadProgress | null;
  description: DatasetDescription | null;
  error: string | null;
}>({ status: 'idle', progress: null, description: null, error: null });

let database: Promise<Database> | null = null;

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(`${base}/data/${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The database, loaded once for the whole site. */
export function getDatabase(): Promise<Database> {
  database ??= (async () => {
    data.status = 'loading';
    data.progress = { loaded: 0, total: 1, step: 'engine' };
    try {
      const [db, parquetToIPC] = await Promise.all([createBrowserDatabase(), parquetDecoder()]);
      data.description = await loadDataset(db, { fetch: fetchBytes, parquetToIPC }, (p) => (data.progress = p));
      data.status = 'ready';
      return db;
    } catch (e) {
      data.status = 'error';
      data.error = (e as Error).message;
      throw e;
    }
  })();
  return database;
}

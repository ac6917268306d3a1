/**
 * The dataset's files prepared for DuckDB (db/prepare.ts) off the page's own
 * thread: at 100,000 reports, decoding the cells takes seconds. Requests are
 * answered in the order they come, reports first.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import { engineError } from './engine-error';
import { filePreparer, type PrepareFile } from './prepare';

export interface PrepareRequest {
  id: number;
  name: string;
  parquet: Uint8Array;
  /** The decoder's .wasm (db/parquet-wasm.ts), loaded at the first request. */
  wasm: string;
}

export type PrepareResponse = { id: number; ipc: Uint8Array } | { id: number; error: string };

let prepare: Promise<PrepareFile> | null = null;

self.onmessage = async ({ data: { id, name, parquet, wasm } }: MessageEvent<PrepareRequest>) => {
  prepare ??= initParquet({ module_or_path: wasm }).then(
    () => filePreparer((bytes) => readParquet(bytes).intoIPCStream()),
    (e: Error) => {
      throw engineError(wasm, `无法加载（${e.message}）`);
    },
  );
  try {
    const ipc = (await prepare)(name, parquet);
    self.postMessage({ id, ipc } satisfies PrepareResponse, { transfer: [ipc.buffer] });
  } catch (e) {
    self.postMessage({ id, error: (e as Error).message } satisfies PrepareResponse);
  }
};

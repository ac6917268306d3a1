/**
 * The dataset's files prepared for DuckDB (db/prepare.ts) off the page's own
 * thread: at 100,000 reports, decoding the cells takes seconds. Requests are
 * answered in the order they come, reports first.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { engineError } from './engine-error';
import { filePreparer } from './prepare';

export interface PrepareRequest {
  id: number;
  name: string;
  parquet: Uint8Array;
}

export type PrepareResponse = { id: number; ipc: Uint8Array } | { id: number; error: string };

const prepare = initParquet({ module_or_path: parquetWasm }).then(
  () => filePreparer((bytes) => readParquet(bytes).intoIPCStream()),
  (e: Error) => {
    throw engineError(parquetWasm, `无法加载（${e.message}）`);
  },
);

self.onmessage = async ({ data: { id, name, parquet } }: MessageEvent<PrepareRequest>) => {
  try {
    const ipc = (await prepare)(name, parquet);
    self.postMessage({ id, ipc } satisfies PrepareResponse, { transfer: [ipc.buffer] });
  } catch (e) {
    self.postMessage({ id, error: (e as Error).message } satisfies PrepareResponse);
  }
};

import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

/**
 * The Parquet decoder's .wasm (4.7 MiB), one file for the page and its
 * workers: a worker that imported it itself would ship a second copy in the
 * build. Workers are given this absolute URL in their messages.
 */
export function parquetWasmUrl(): string {
  return new URL(parquetWasm, location.href).href;
}

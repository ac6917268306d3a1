import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import * as parquet from 'parquet-wasm';

/**
 * Arrow ↔ Parquet through parquet-wasm, which works offline in Node and the
 * browser (DESIGN.md). ZSTD, dictionary encoding; no timestamps are written,
 * so the same table always gives the same bytes.
 */
export function toParquet(table: Table): Uint8Array {
  const wasmTable = parquet.Table.fromIPCStream(tableToIPC(table, 'stream'));
  const properties = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setDictionaryEnabled(true)
    .setCreatedBy('gov-disclosure-dashboard')
    .build();
  return parquet.writeParquet(wasmTable, properties);
}

export function fromParquet(bytes: Uint8Array): Table {
  return tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
}

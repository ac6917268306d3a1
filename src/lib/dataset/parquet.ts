import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import * as parquet from 'parquet-wasm';

/**
 * Arrow ↔ Parquet through parquet-wasm, which works offline in Node and the
 * browser (DESIGN.md). ZSTD, chunk statistics; no timestamps are written,
 * so the same table always gives the same bytes.
 */
export function toParquet(table: Table, dictionaryColumns: readonly string[] = []): Uint8Array {
  return ipcToParquet(tableToIPC(table, 'stream'), dictionaryColumns);
}

/** The same, from an Arrow IPC stream (as passed to a worker thread). */
export function ipcToParquet(ipc: Uint8Array, dictionaryColumns: readonly string[] = []): Uint8Array {
  // Dictionary pages pay off only for columns with few distinct values and little order;
  // zstd alone packs the repeating key columns smaller, and faster.
  let builder = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setDictionaryEnabled(false)
    .setStatisticsEnabled(parquet.EnabledStatistics.Chunk)
    .setCreatedBy('gov-disclosure-dashboard');
  for (const column of dictionaryColumns) builder = builder.setColumnDictionaryEnabled(column, true);
  return parquet.writeParquet(parquet.Table.fromIPCStream(ipc), builder.build());
}

export function fromParquet(bytes: Uint8Array): Table {
  return tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
}

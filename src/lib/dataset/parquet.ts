import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import type { ParquetLayout } from './schema';

const NO_LAYOUT: ParquetLayout = { dictionary: [], statistics: [] };

/**
 * Arrow ↔ Parquet through parquet-wasm, which works offline in Node and the
 * browser (DESIGN.md). ZSTD, chunk statistics as the layout says; no timestamps are written,
 * so the same table always gives the same bytes.
 */
export function toParquet(table: Table, layout: ParquetLayout = NO_LAYOUT): Uint8Array {
  return ipcToParquet(tableToIPC(table, 'stream'), layout);
}

/** The same, from an Arrow IPC stream (as passed to a worker thread). */
export function ipcToParquet(ipc: Uint8Array, layout: ParquetLayout = NO_LAYOUT): Uint8Array {
  // Dictionary pages only where the layout says (values that repeat): a column of distinct ids gains nothing from them.
  let builder = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setDictionaryEnabled(false)
    .setStatisticsEnabled(parquet.EnabledStatistics.None)
    .setCreatedBy('gov-disclosure-dashboard');
  for (const column of layout.dictionary) builder = builder.setColumnDictionaryEnabled(column, true);
  for (const column of layout.statistics) builder = builder.setColumnStatisticsEnabled(column, parquet.EnabledStatistics.Chunk);
  return parquet.writeParquet(parquet.Table.fromIPCStream(ipc), builder.build());
}

export function fromParquet(bytes: Uint8Array): Table {
  return tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
}

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
  return parquet.writeParquet(parquet.Table.fromIPCStream(ipc), writerProperties(layout));
}

/**
 * One Parquet file from tables of the same schema, made one at a time: only
 * one of them is in memory (and in the wasm's) at once, so a year of a
 * million reports' cells is written in tens of megabytes.
 */
export async function tablesToParquet(tables: Iterable<Table>, layout: ParquetLayout = NO_LAYOUT): Promise<Uint8Array> {
  const next = tables[Symbol.iterator]();
  const batches = new ReadableStream({
    pull(controller) {
      const { done, value } = next.next();
      if (done) return controller.close();
      const table = parquet.Table.fromIPCStream(tableToIPC(value, 'stream'));
      for (const batch of table.recordBatches()) controller.enqueue(batch);
      // Its batches are copies: freed now, not when a garbage collection gets to it (the wasm's memory would hold every table).
      table.free();
    },
  });
  const reader = (await parquet.transformParquetStream(batches, writerProperties(layout))).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function writerProperties(layout: ParquetLayout): parquet.WriterProperties {
  // Dictionary pages only where the layout says (values that repeat): a column of distinct ids gains nothing from them.
  let builder = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setDictionaryEnabled(false)
    .setStatisticsEnabled(parquet.EnabledStatistics.None)
    .setCreatedBy('gov-disclosure-dashboard');
  for (const column of layout.dictionary) builder = builder.setColumnDictionaryEnabled(column, true);
  for (const column of layout.statistics) builder = builder.setColumnStatisticsEnabled(column, parquet.EnabledStatistics.Chunk);
  return builder.build();
}

export function fromParquet(bytes: Uint8Array): Table {
  return tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
}

import { tableToIPC } from 'apache-arrow';
import { cellsTable, gatheredBuffers, summaryBuffers, summaryTable, type GatheredCells, type SummaryCells } from './cells-table';
import { ipcToParquet } from './parquet';
import type { ParquetLayout } from './schema';

/**
 * A table to write as Parquet, as handed to a writing thread: an Arrow IPC
 * stream, or a file's cells, which that thread makes a table (the larger part
 * of the work, kept off the thread that gathers the next file's cells).
 */
export type ParquetJob = { layout: ParquetLayout } & ({ ipc: Uint8Array } | { cells: GatheredCells } | { summary: SummaryCells });

export function writeParquetJob(job: ParquetJob): Uint8Array {
  const ipc = 'ipc' in job ? job.ipc : tableToIPC('cells' in job ? cellsTable(job.cells) : summaryTable(job.summary), 'stream');
  return ipcToParquet(ipc, job.layout);
}

/** The buffers a job's message can transfer rather than copy. */
export function parquetJobBuffers(job: ParquetJob): ArrayBuffer[] {
  return 'ipc' in job ? [job.ipc.buffer as ArrayBuffer] : 'cells' in job ? gatheredBuffers(job.cells) : summaryBuffers(job.summary);
}

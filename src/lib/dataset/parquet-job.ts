import { tableFromIPC, type Table } from 'apache-arrow';
import { cellsTable, summaryTable } from './cells-table';
import { tablesToParquet } from './parquet';
import { cubeCellsTable, measuresTable, type CubeCellFileColumns, type MeasureFileColumns } from './report-measures';
import type { ParquetLayout } from './schema';
import { gatherReports, gatherSummary, isSpilled, reportRuns, summarySlice, type RunReader, type SpilledCells, type SummaryCells, type YearCells } from './year-cells';

/**
 * A table to write as Parquet, as handed to a writing thread: an Arrow IPC
 * stream, or a year's cells for its cells file or its summary file, which
 * that thread gathers into tables (the larger part of the work).
 */
export type ParquetJob = { layout: ParquetLayout } & (
  | { ipc: Uint8Array }
  | { cells: YearCells }
  | { summary: YearCells; only: Uint8Array }
  | { measures: MeasureFileColumns }
  | { cubeCells: CubeCellFileColumns }
);

/** Reads a spilled year's cells back, a run of reports at a time (the ingest's; the browser's import never spills). */
export type SpillReader = (year: YearCells, spilled: SpilledCells) => RunReader;

/**
 * Tables go to Parquet this many rows (cells: this many cells, whole reports)
 * at a time, so that a file of any size is written in bounded memory (the
 * measures' 50 columns: 26 MB a table). Row groups stay the writer's own
 * (a million rows); the files come within 1 % of the size of one table's.
 */
const ROWS_PER_TABLE = 1 << 16;

export async function writeParquetJob(job: ParquetJob, readSpill?: SpillReader, rowsPerTable = ROWS_PER_TABLE): Promise<Uint8Array> {
  if ('ipc' in job) return tablesToParquet(rowSlices(tableFromIPC(job.ipc), rowsPerTable), job.layout);
  if ('measures' in job) return tablesToParquet(rowSlices(measuresTable(job.measures), rowsPerTable), job.layout);
  if ('cubeCells' in job) return tablesToParquet(rowSlices(cubeCellsTable(job.cubeCells), rowsPerTable), job.layout);
  const year = 'cells' in job ? job.cells : job.summary;
  const read = runReader(year, readSpill);
  const runs = reportRuns(year, rowsPerTable);
  if ('cells' in job) return tablesToParquet(cellsTables(read, runs), job.layout);
  return tablesToParquet(summaryTables(gatherSummary(read, runs, year.reportNos, job.only), rowsPerTable), job.layout);
}

function runReader(year: YearCells, readSpill?: SpillReader): RunReader {
  const { cells } = year;
  if (!isSpilled(cells)) return (from, to) => gatherReports(cells, year, from, to);
  if (!readSpill) throw new Error(`cells spilled to ${cells.path} and no way to read them here`);
  return readSpill(year, cells);
}

function* rowSlices(table: Table, rows: number) {
  let from = 0;
  do yield table.slice(from, (from += rows));
  while (from < table.numRows);
}

function* cellsTables(read: RunReader, runs: [number, number][]) {
  if (runs.length === 0) yield cellsTable(read(0, 0));
  for (const [from, to] of runs) yield cellsTable(read(from, to));
}

function* summaryTables(summary: SummaryCells, rows: number) {
  let from = 0;
  do yield summaryTable(summarySlice(summary, from, (from += rows)));
  while (from < summary.cell.length);
}

/**
 * The buffers a job's message can transfer rather than copy: the measures'
 * are then gone from this thread (the prepared first view is summed from
 * them before). A year's cells are shared by its two jobs: copied.
 */
export function parquetJobBuffers(job: ParquetJob): ArrayBuffer[] {
  if ('ipc' in job) return [job.ipc.buffer as ArrayBuffer];
  if ('measures' in job) return [...job.measures.sums, job.measures.procurement, ...job.measures.states].map((a) => a.buffer as ArrayBuffer);
  if ('cubeCells' in job) return [...job.cubeCells.values, job.cubeCells.undetermined].map((a) => a.buffer as ArrayBuffer);
  return [];
}

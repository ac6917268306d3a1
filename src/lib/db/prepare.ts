import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { DATASET_FILES } from '../dataset/schema';
import { cellValuesTable, numberReports } from './cell-values';

/** A dataset file's Parquet bytes → the Arrow IPC stream DuckDB inserts. */
export type PrepareFile = (name: string, parquet: Uint8Array) => Uint8Array;

/**
 * Prepares a dataset's files for DuckDB, reports first: the reports numbered,
 * each cells file's cells as numbers (db/cell-values.ts), the others as decoded.
 * `parquetToIPC` is parquet-wasm's reader (in the browser, in a worker: see prepare-worker.ts).
 */
export function filePreparer(parquetToIPC: ParquetToIPC): PrepareFile {
  let reportNumbers: (() => Map<string, number>) | null = null;
  return (name, parquet) => {
    const ipc = decode(name, parquet, parquetToIPC);
    if (DATASET_FILES.logical(name) === DATASET_FILES.reports) {
      const numbered = numberReports(tableFromIPC(ipc));
      reportNumbers = numbered.numbers;
      return tableToIPC(numbered.table, 'stream');
    }
    if (!DATASET_FILES.cellsPattern.test(name)) return ipc;
    if (!reportNumbers) throw new Error(`${DATASET_FILES.reports} 缺失，请重新运行导入（the dataset has no reports file）`);
    try {
      return tableToIPC(cellValuesTable(tableFromIPC(ipc), reportNumbers()), 'stream');
    } catch (e) {
      throw new Error(`${name} 与 ${DATASET_FILES.reports} 不是同一次导入的结果，请重新运行导入（${(e as Error).message}）`);
    }
  };
}

function decode(name: string, bytes: Uint8Array, parquetToIPC: (parquet: Uint8Array) => Uint8Array): Uint8Array {
  try {
    return parquetToIPC(bytes);
  } catch (e) {
    throw new Error(`${name} 无法读取，请重新运行导入（not a readable Parquet file: ${(e as Error).message}）`);
  }
}

/** reportCells's columns, as the cells files have them. */
const REPORT_CELL_COLUMNS = ['table', 'item', 'row', 'col', 'value', 'state', 'raw', 'page'];

/**
 * One report's rows of a year's cells file as decoded, with reportCells's
 * columns: its rows lie together (the file is in the reports' order), found
 * by the report's key in each chunk's dictionary of ids, nothing else decoded.
 */
export function reportCellsTable(cells: Table, id: string): Table {
  const rows = reportRows(cells, id);
  return (rows ? cells.slice(rows.first, rows.last + 1) : cells.slice(0, 0)).select(REPORT_CELL_COLUMNS);
}

/** The first and last row of a report in a cells table (its report_id dictionary-encoded, as the ingest writes it); null when it has none. */
function reportRows(cells: Table, id: string): { first: number; last: number } | null {
  let [first, last, base] = [-1, -1, 0];
  for (const data of cells.getChild('report_id')!.data) {
    const dictionary = data.dictionary;
    if (!dictionary) throw new Error('cells: report_id is not dictionary-encoded (expected as the ingest writes it)');
    let key = -1;
    for (let k = 0; k < dictionary.length && key < 0; k++) if (dictionary.get(k) === id) key = k;
    const keys = data.values as Int32Array;
    if (key >= 0) for (let r = 0; r < data.length; r++) if (keys[r] === key) [first, last] = [first < 0 ? base + r : first, base + r];
    base += data.length;
  }
  return first < 0 ? null : { first, last };
}

/** Rows of a Parquet file to decode: `count` rows from row `offset` (the pages before are skipped, not decoded). */
export interface RowWindow {
  offset: number;
  count: number;
}

/** parquet-wasm's reader: Parquet bytes → Arrow IPC, the whole file or only a window of its rows. */
export type ParquetToIPC = (parquet: Uint8Array, rows?: RowWindow) => Uint8Array;

/** What ParquetToIPC needs of parquet-wasm (its browser and Node builds alike). */
type ReadParquet = (parquet: Uint8Array, options: { batchSize: number; offset?: number; limit?: number }) => { intoIPCStream(): Uint8Array };

/**
 * parquet-wasm's readParquet as a ParquetToIPC. In batches of 65,536 rows:
 * measured on a year's cells at 100,009 reports, 0.3 s to decode, where the
 * reader's own batches (1,024 rows) took 0.9 s and batches of a million rows
 * 2.2 s (the ids are dictionary-encoded). A window of 226 rows: 4–6 ms.
 */
export function parquetReader(readParquet: ReadParquet): ParquetToIPC {
  return (parquet, rows) => readParquet(parquet, { batchSize: 65_536, ...(rows && { offset: rows.offset, limit: rows.count }) }).intoIPCStream();
}

/**
 * A year's cells file's Parquet bytes → one report's rows (reportCellsTable)
 * as Arrow IPC. `rows`: where the report's rows should be (held-report.ts
 * cellRowsOfHeld): read alone with a row either side (a few ms, where the
 * whole year takes a third of a second at 100,000 reports), and used if the
 * report's rows lie inside, another report's row or the file's edge on
 * each side; otherwise the whole file is searched.
 */
export function reportCellsOf(parquetToIPC: ParquetToIPC): (name: string, parquet: Uint8Array, id: string, rows?: RowWindow) => Uint8Array {
  return (name, parquet, id, rows) => {
    const cells = (rows && reportInWindow(name, parquet, id, rows, parquetToIPC)) ?? tableFromIPC(decode(name, parquet, parquetToIPC));
    return tableToIPC(reportCellsTable(cells, id), 'stream');
  };
}

/** The rows around `rows` decoded, if the report's rows are all inside them. */
function reportInWindow(name: string, parquet: Uint8Array, id: string, rows: RowWindow, parquetToIPC: ParquetToIPC): Table | null {
  const around = { offset: Math.max(0, rows.offset - 1), count: rows.count + (rows.offset > 0 ? 2 : 1) };
  const window = tableFromIPC(decode(name, parquet, (bytes) => parquetToIPC(bytes, around)));
  const found = reportRows(window, id);
  const closedBefore = found && (found.first > 0 || around.offset === 0);
  const closedAfter = found && (found.last < window.numRows - 1 || window.numRows < around.count);
  return closedBefore && closedAfter ? window : null;
}

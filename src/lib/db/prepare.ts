import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { DATASET_FILES } from '../dataset/schema';
import { cellValuesTable, numberReports } from './cell-values';

/** A dataset file's Parquet bytes → the Arrow IPC stream DuckDB inserts. */
export type PrepareFile = (name: string, parquet: Uint8Array) => Uint8Array;

/**
 * Prepares a dataset's files for DuckDB, reports first: the reports numbered,
 * each cells file's cells as numbers (db/cell-values.ts), the others as decoded.
 * `parquetToIPC` is parquet-wasm's reader (in the browser, in a worker: see prepare-worker.ts).
 */
export function filePreparer(parquetToIPC: (parquet: Uint8Array) => Uint8Array): PrepareFile {
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

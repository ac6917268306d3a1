export * from './schema';
export { DatasetBuilder, type DatasetTables } from './builder';
export { CellPacker, packedBuffers, type CellRange, type PackedReport, type PackedCells, type ReportRecord } from './packed';
export { toParquet, ipcToParquet, fromParquet } from './parquet';

export * from './schema';
export { DatasetBuilder, type DatasetTables } from './builder';
export { packReport, packedBuffers, type PackedReport, type PackedCells, type ReportRecord } from './packed';
export { toParquet, ipcToParquet, fromParquet } from './parquet';

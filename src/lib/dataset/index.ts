export * from './schema';
export { datasetTables, severityCounts } from './to-arrow';
export { toParquet, fromParquet } from './parquet';

import { datasetJobs, describedDataset, hashedFile, type DatasetFile, type HashedFile } from '../dataset/files';
import { writeParquetJob } from '../dataset/parquet-job';
import { DATASET_FILES } from '../dataset/schema';
import { mergedReports, type CheckedReport } from './merge';

/** An imported report's text as read, and the file itself for PDF and Word: its sources/ files. */
export interface ImportedSource {
  sha256: string;
  format: string;
  text: string;
  original: Uint8Array | null;
}

/**
 * The dataset folder's files (Parquet, prepared first view, dataset.json, and
 * the imported reports' sources) for a written dataset's reports plus the
 * imported ones: the files `npm run ingest` writes for the same files.
 * parquet-wasm must be loaded (in the browser: its init).
 */
export async function buildDataset(existing: readonly CheckedReport[], imported: readonly CheckedReport[], replaced: ReadonlySet<string>, sources: readonly ImportedSource[] | null, builtAt = new Date()): Promise<DatasetFile[]> {
  const { builder, carry } = mergedReports(existing, imported, replaced);
  // Every file kept in memory: the caller stores them.
  const dataset = datasetJobs(builder, carry, (file) => file);
  const parquet: HashedFile[] = [];
  for (const { name, job } of dataset.jobs) parquet.push(hashedFile(name, await writeParquetJob(job())));
  const { files } = describedDataset(builder, dataset, parquet, sources !== null, builtAt);
  const sourceFiles = (sources ?? []).flatMap(({ sha256, format, text, original }) => [
    { name: DATASET_FILES.source(sha256), bytes: new TextEncoder().encode(`\uFEFF${text}`) },
    ...(original ? [{ name: DATASET_FILES.original(sha256, format), bytes: original }] : []),
  ]);
  return [...sourceFiles, ...files];
}

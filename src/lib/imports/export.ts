import { zipSync, type Zippable } from 'fflate';
import { PREPARED_OVERVIEW } from '../dataset/overview';
import { DATASET_FILES } from '../dataset/schema';
import { BINARY_FORMATS, type SourceFormat } from '../reader/types';

/**
 * The dataset shown, as one .zip of the files `npm run ingest` writes for the
 * same reports (dataset.json, the prepared first view, the Parquet files and
 * each report's sources), to publish as the site's data folder. Parquet is
 * compressed already: stored as is.
 */
export async function datasetZip(read: (name: string) => Promise<Uint8Array>, sources: readonly { source_sha256: string; source_format: string }[]): Promise<Uint8Array> {
  const description = JSON.parse(new TextDecoder().decode(await read(DATASET_FILES.description))) as { files: { name: string }[]; sources?: boolean };
  const names = [DATASET_FILES.description, PREPARED_OVERVIEW, ...description.files.map((f) => f.name)];
  if (description.sources)
    for (const { source_sha256: sha, source_format: format } of sources) {
      names.push(DATASET_FILES.source(sha));
      if (BINARY_FORMATS.has(format as SourceFormat)) names.push(DATASET_FILES.original(sha, format));
    }
  const files: Zippable = {};
  for (const name of [...new Set(names)]) files[`data/${name}`] = [await read(name), { level: name.endsWith('.parquet') ? 0 : 6 }];
  return zipSync(files, { mtime: new Date('2020-01-01T00:00:00Z') });
}

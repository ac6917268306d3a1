import { mkdir, mkdtemp, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_FILES } from '../dataset';

const STAGING_PREFIX = '.staging-';

/**
 * Write a dataset into dir so that no reader ever sees a half-written file:
 * each file is written and flushed in a staging folder inside dir, then
 * renamed into place, dataset.json (which lists the others) last. An ingest
 * that fails or is killed before the renames leaves dir as it was. Cell files
 * of years the new dataset does not have are removed after the renames.
 */
export async function writeDatasetAtomically(dir: string, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(STAGING_PREFIX)) await rm(join(dir, entry), { recursive: true, force: true });
  }
  const staging = await mkdtemp(join(dir, STAGING_PREFIX));
  const ordered = [...files.filter((f) => f.name !== DATASET_FILES.description), ...files.filter((f) => f.name === DATASET_FILES.description)];
  try {
    for (const { name, bytes } of ordered) {
      const handle = await open(join(staging, name), 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const { name } of ordered) await rename(join(staging, name), join(dir, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const names = new Set(files.map((f) => f.name));
  for (const entry of await readdir(dir)) {
    if (DATASET_FILES.cellsPattern.test(entry) && !names.has(entry)) await rm(join(dir, entry), { force: true });
  }
}

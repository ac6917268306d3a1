import { mkdir, mkdtemp, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const STAGING_PREFIX = '.staging-';

/**
 * Write files into dir so that no reader ever sees a half-written file: each is
 * written and flushed in a staging folder inside dir, then renamed into place.
 * An ingest that fails or is killed before the renames leaves dir as it was.
 */
export async function writeFilesAtomically(dir: string, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(STAGING_PREFIX)) await rm(join(dir, entry), { recursive: true, force: true });
  }
  const staging = await mkdtemp(join(dir, STAGING_PREFIX));
  try {
    for (const { name, bytes } of files) {
      const handle = await open(join(staging, name), 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const { name } of files) await rename(join(staging, name), join(dir, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

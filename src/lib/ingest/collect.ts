import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DATASET_FILES } from '../dataset/schema';
import { appendAll } from '../reader/arrays';
import type { ManifestEntry } from '../reader';

import { REPORT_EXTENSIONS, reportInFolder } from '../reader/file-names';

export { REPORT_EXTENSIONS };

export interface InputFile {
  /** Absolute path on disk. */
  path: string;
  /** The name the dataset records: relative to the manifest's folder, or to the folder given. */
  name: string;
}

/**
 * The files to ingest: those named, those under the folders named (report
 * extensions only, hidden entries and a dataset's sources/ skipped), and those the manifest lists.
 */
export async function collectFiles(inputs: string[], manifest: { dir: string; entries: Map<string, ManifestEntry> } | null): Promise<InputFile[]> {
  const files = new Map<string, InputFile>();
  const add = (path: string, root: string) => {
    const absolute = resolve(path);
    const base = manifest && !pathWithin(manifest.dir, absolute).startsWith('..') ? manifest.dir : root;
    if (!files.has(absolute)) files.set(absolute, { path: absolute, name: pathWithin(base, absolute).split('\\').join('/') });
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) for (const file of await walk(input)) add(file, resolve(input));
    else add(input, dirname(resolve(input)));
  }
  if (manifest) for (const entry of manifest.entries.values()) add(resolve(manifest.dir, entry.file), manifest.dir);
  return [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** relative(folder, path), without path.relative's work for the usual case of a path inside the folder. */
function pathWithin(folder: string, path: string): string {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : relative(folder, path);
}

/**
 * A folder's report files, sub-folders included. Links are followed (to a
 * file, or to a folder — each real folder walked once, so a link back up does
 * not loop); a link to nothing is passed over.
 */
async function walk(dir: string, visited = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  // A dataset written into the folder keeps copies of its reports in sources/: they are not new reports.
  const dataset = entries.some((entry) => entry.isFile() && entry.name === DATASET_FILES.description);
  for (const entry of entries) {
    if (entry.name.startsWith('.') || (dataset && entry.name === DATASET_FILES.sources)) continue;
    const path = join(dir, entry.name);
    const target = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
    if (target?.isDirectory()) appendAll(out, await walk(path, visited));
    else if (target?.isFile() && reportInFolder(entry.name)) out.push(path);
  }
  return out;
}

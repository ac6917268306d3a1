import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DATASET_FILES } from '../dataset';

const STAGING_PREFIX = '.staging-';

/** Run fn with a fresh staging folder inside dir (left-overs of killed ingests removed first); removed after. */
export async function withStaging<T>(dir: string, fn: (staging: string) => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(STAGING_PREFIX)) await rm(join(dir, entry), { recursive: true, force: true });
  }
  const staging = await mkdtemp(join(dir, STAGING_PREFIX));
  try {
    return await fn(staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A file already written in staging (stageFile): named, its bytes let go. */
export interface StagedFile {
  name: string;
}

/** Write a file of the dataset into staging and flush it (synchronously: the ingest writes its files as they are made and lets their bytes go). */
export function stageFile(staging: string, name: string, bytes: Uint8Array): void {
  mkdirSync(dirname(join(staging, name)), { recursive: true });
  const handle = openSync(join(staging, name), 'w');
  try {
    writeFileSync(handle, bytes);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * Write a dataset into dir so that a reader sees the old dataset or the new
 * one, never a mix. Every file is written and flushed in staging (a folder
 * inside dir; those given without their bytes are there already:
 * stageFile). Then the new files go beside the old ones: sources are named by
 * their content, and so are the Parquet files (DATASET_FILES.versioned), so no
 * file of the old dataset is replaced (a file of the same name has the same
 * bytes). Then dataset.json, which names the dataset's files, is renamed over
 * the old one: that one rename is the switch (if it fails, the files moved in
 * are taken out again). Only after it are the prepared first view replaced and
 * the files the new dataset does not name removed. An ingest that fails or is
 * killed at any point leaves dir's dataset.json naming a complete dataset, old
 * or new.
 */
export async function writeDatasetAtomically(dir: string, staging: string, files: ({ name: string; bytes: Uint8Array } | StagedFile)[], sources: ReadonlySet<string>): Promise<void> {
  for (const file of files) if ('bytes' in file) stageFile(staging, file.name, file.bytes);
  // What the switch adds to dir, taken out again if the switch itself fails (dataset.json locked by another program).
  const added: string[] = [];
  const moveIn = async (name: string) => {
    // A partition folder made here (cells/, cells/year=2026/) is taken out whole; else the file alone.
    const made = await mkdir(dirname(join(dir, name)), { recursive: true });
    if (made) added.push(relative(dir, made).split(sep).join('/'));
    else if (!existsSync(join(dir, name))) added.push(name);
    await rename(join(staging, name), join(dir, name));
  };
  const sourcesDir = join(dir, DATASET_FILES.sources);
  if (sources.size > 0 && !existsSync(sourcesDir)) {
    renameSync(join(staging, DATASET_FILES.sources), sourcesDir);
    added.push(DATASET_FILES.sources);
  } else {
    if (sources.size > 0) await mkdir(sourcesDir, { recursive: true });
    // Sources come by the hundred thousand: a synchronous rename takes a third of the time of an awaited one.
    for (const name of await sourcesIn(staging)) {
      if (!sources.has(name)) continue;
      if (!existsSync(join(dir, name))) added.push(name);
      renameSync(join(staging, name), join(dir, name));
    }
  }
  const description = files.find((f) => f.name === DATASET_FILES.description);
  try {
    for (const { name } of files) if (DATASET_FILES.versionedPattern.test(name)) await moveIn(name);
    if (description) await rename(join(staging, description.name), join(dir, description.name));
  } catch (e) {
    for (const name of added) await rm(join(dir, name), { recursive: true, force: true }).catch(() => {});
    throw e;
  }
  // Files of fixed names (the prepared first view) after the switch: each says which dataset it belongs to, and the site checks.
  for (const { name } of files) if (name !== DATASET_FILES.description && !DATASET_FILES.versionedPattern.test(name)) await rename(join(staging, name), join(dir, name));

  const names = new Set(files.map((f) => f.name));
  for (const entry of await versionedFilesIn(dir)) {
    if (!names.has(entry)) await rm(join(dir, entry), { force: true });
  }
  for (const folder of DATASET_FILES.partitioned) {
    for (const partition of await entriesOf(join(dir, folder))) {
      if ((await entriesOf(join(dir, folder, partition))).length === 0) await rm(join(dir, folder, partition), { recursive: true, force: true });
    }
  }
  if (sources.size === 0) await rm(sourcesDir, { recursive: true, force: true });
  for (const name of await sourcesIn(dir)) {
    if (DATASET_FILES.sourcePattern.test(name) && !sources.has(name)) rmSync(join(dir, name), { force: true });
  }
}

/** A folder's entries; none when it does not exist. */
async function entriesOf(folder: string): Promise<string[]> {
  return readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
}

/** The source files in a folder's sources/, as dataset-relative names. */
async function sourcesIn(folder: string): Promise<string[]> {
  return (await entriesOf(join(folder, DATASET_FILES.sources))).map((entry) => `${DATASET_FILES.sources}/${entry}`);
}

/** The files of a dataset folder written under their hash (DATASET_FILES.versionedPattern), in it and in its partition folders, as dataset-relative names. */
async function versionedFilesIn(dir: string): Promise<string[]> {
  const names = await entriesOf(dir);
  for (const folder of DATASET_FILES.partitioned) {
    for (const partition of await entriesOf(join(dir, folder))) names.push(...(await entriesOf(join(dir, folder, partition))).map((file) => `${folder}/${partition}/${file}`));
  }
  return names.filter((name) => DATASET_FILES.versionedPattern.test(name));
}

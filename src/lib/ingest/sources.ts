import { closeSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES } from '../dataset/schema';
import type { SourceFormat } from '../reader';

/** Where report texts go: the dataset folder, and the ingest's staging folder inside it. */
export interface SourceFolders {
  dataset: string;
  staging: string;
}

// Staging paths this thread has written or found kept: a file read twice (copies of one report) is not looked up again.
const handled = new Set<string>();

/**
 * Stage a report's decoded text as sources/<sha256>.txt, UTF-8 with a BOM (so
 * that a browser opening the .txt shows Chinese right); for a PDF or Word
 * file, the text as read and the original file beside it. The name is the hash of
 * the file's bytes, so a file of that name and size in the dataset, or one
 * another thread has staged, holds this text: it is not written again.
 * Not flushed one by one (0.6 ms a file here, more than parsing it): a power
 * cut may leave a short file, which the next ingest finds by its size and rewrites.
 */
export function stageSource(folders: SourceFolders, source: { sha256: string; format: SourceFormat }, text: string, original: Uint8Array | null): void {
  stageFile(folders, DATASET_FILES.source(source.sha256), `\uFEFF${text}`);
  if (original) stageFile(folders, DATASET_FILES.original(source.sha256, source.format), original);
}

function stageFile(folders: SourceFolders, name: string, content: string | Uint8Array): void {
  const staging = join(folders.staging, name);
  if (handled.has(staging)) return;
  handled.add(staging);
  const kept = statSync(join(folders.dataset, name), { throwIfNoEntry: false });
  if (kept && kept.size === (typeof content === 'string' ? Buffer.byteLength(content) : content.length)) return;
  let fd: number;
  try {
    fd = openSync(staging, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw e;
  }
  try {
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

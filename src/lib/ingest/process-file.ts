import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { carryFacts, checkReport, type CarryFacts } from '../checks';
import { CellPacker, type PackedReport } from '../dataset/packed';
import { BINARY_FORMATS, MAX_REPORT_BYTES, readReport, ReportError, tooLarge, type ManifestEntry, type ParsedReport, type ReadResult } from '../reader';
import type { InputFile } from './collect';
import { stageSource, type SourceFolders } from './sources';
import { nodeUtf8 } from './utf8';

/** Read one file from disk into a report (any format); the size is checked before reading. */
export async function readReportFile(file: InputFile, manifest?: ManifestEntry): Promise<ParsedReport> {
  return (await readFromDisk(file, manifest)).report;
}

async function readFromDisk(file: InputFile, manifest?: ManifestEntry): Promise<ReadResult & { bytes: Uint8Array }> {
  // Read synchronously: report files are small, and awaiting each read leaves the core idle.
  const bytes = readSmallFile(file.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const read = await readReport({ bytes, source: { file: file.name, sha256, bytes: bytes.length }, manifest, utf8: nodeUtf8 });
  return { ...read, bytes };
}

/** A file's bytes, refused unread when larger than a report can be; one open file, no lookups by path but the open. */
function readSmallFile(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_REPORT_BYTES) throw tooLarge(size);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n) n = readSync(fd, bytes, read, size - read, read);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export interface FileTask {
  file: InputFile;
  manifest?: ManifestEntry;
}

export type FileResult =
  | { ok: true; file: string; packed: PackedReport; carry: CarryFacts }
  | { ok: false; file: string; reason: string };

/**
 * Files through reading, parsing and each report's own checks, packed for the
 * dataset (their cells in one PackedCells); with sources, each text is staged
 * (and a PDF or Word file itself). A file that cannot be read is a failed
 * result; a source that cannot be written (disk full) throws: that is no fault of the file.
 */
export async function processFiles(tasks: readonly FileTask[], sources?: SourceFolders): Promise<FileResult[]> {
  const packer = new CellPacker(tasks.length);
  const results: FileResult[] = [];
  for (const { file, manifest } of tasks) results.push(await processFile(packer, file, manifest, sources));
  packer.finish();
  return results;
}

async function processFile(packer: CellPacker, file: InputFile, manifest: ManifestEntry | undefined, sources?: SourceFolders): Promise<FileResult> {
  let read: ReadResult & { bytes: Uint8Array };
  let result: FileResult;
  try {
    read = await readFromDisk(file, manifest);
    const { report } = read;
    const findings = checkReport(report);
    result = { ok: true, file: file.name, carry: carryFacts(report), packed: packer.pack(report, findings) };
  } catch (e) {
    return { ok: false, file: file.name, reason: failureReason(e) };
  }
  const { source } = read.report;
  if (sources) stageSource(sources, source, read.text, BINARY_FORMATS.has(source.format) ? read.bytes : null);
  return result;
}

function failureReason(e: unknown): string {
  if (e instanceof ReportError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return '文件不存在（file not found）';
  if (err?.code === 'EACCES') return '没有读取权限（permission denied）';
  if (err?.code === 'EISDIR') return '是文件夹而不是文件（is a directory）';
  return `读取时出错（internal error）：${err?.message ?? String(e)}`;
}

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { carryFacts, checkReport, type CarryFacts } from '../checks';
import { packReport, type PackedReport } from '../dataset/packed';
import { decodeReport, MAX_REPORT_BYTES, parseDecoded, ReportError, tooLarge, type ManifestEntry, type ParsedReport } from '../reader';
import type { InputFile } from './collect';
import { stageSource, type SourceFolders } from './sources';
import { nodeUtf8 } from './utf8';

/**
 * Read one file from disk into a report; the size is checked before reading.
 * Synchronous: report files are small, and awaiting each read leaves the core idle.
 */
export function readReportFile(file: InputFile, manifest?: ManifestEntry): ParsedReport {
  return readReport(file, manifest).report;
}

function readReport(file: InputFile, manifest?: ManifestEntry): { report: ParsedReport; text: string } {
  const { size } = statSync(file.path);
  if (size > MAX_REPORT_BYTES) throw tooLarge(size);
  const bytes = readFileSync(file.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodeReport(bytes, nodeUtf8);
  return { report: parseDecoded({ decoded, source: { file: file.name, sha256, bytes: bytes.length }, manifest }), text: decoded.text };
}

export interface FileTask {
  file: InputFile;
  manifest?: ManifestEntry;
}

export type FileResult =
  | { ok: true; file: string; packed: PackedReport; carry: CarryFacts }
  | { ok: false; file: string; reason: string };

/**
 * One file through reading, parsing and the report's own checks, packed for the
 * dataset; with sources, its text is staged. A file that cannot be read is a
 * failed result; a source that cannot be written (disk full) throws: that is no fault of the file.
 */
export function processFile(task: FileTask, sources?: SourceFolders): FileResult {
  const { result, text } = readAndCheck(task);
  if (sources && result.ok) stageSource(sources, result.packed.report.source.sha256, text);
  return result;
}

function readAndCheck({ file, manifest }: FileTask): { result: FileResult; text: string } {
  try {
    const { report, text } = readReport(file, manifest);
    return { result: { ok: true, file: file.name, packed: packReport(report, checkReport(report)), carry: carryFacts(report) }, text };
  } catch (e) {
    return { result: { ok: false, file: file.name, reason: failureReason(e) }, text: '' };
  }
}

function failureReason(e: unknown): string {
  if (e instanceof ReportError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return '文件不存在（file not found）';
  if (err?.code === 'EACCES') return '没有读取权限（permission denied）';
  if (err?.code === 'EISDIR') return '是文件夹而不是文件（is a directory）';
  return `读取时出错（internal error）：${err?.message ?? String(e)}`;
}

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { carryFacts, checkReport, type CarryFacts } from '../checks';
import { packReport, type PackedReport } from '../dataset/packed';
import { MAX_REPORT_BYTES, parseReport, ReportError, tooLarge, type ManifestEntry, type ParsedReport } from '../reader';
import type { InputFile } from './collect';

/**
 * Read one file from disk into a report; the size is checked before reading.
 * Synchronous: report files are small, and awaiting each read leaves the core idle.
 */
export function readReportFile(file: InputFile, manifest?: ManifestEntry): ParsedReport {
  const { size } = statSync(file.path);
  if (size > MAX_REPORT_BYTES) throw tooLarge(size);
  const bytes = readFileSync(file.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return parseReport({ bytes, source: { file: file.name, sha256, bytes: bytes.length }, manifest });
}

export interface FileTask {
  file: InputFile;
  manifest?: ManifestEntry;
}

export type FileResult =
  | { ok: true; file: string; packed: PackedReport; carry: CarryFacts }
  | { ok: false; file: string; reason: string };

/** One file through reading, parsing and the report's own checks, packed for the dataset. Never throws. */
export function processFile({ file, manifest }: FileTask): FileResult {
  try {
    const report = readReportFile(file, manifest);
    return { ok: true, file: file.name, packed: packReport(report, checkReport(report)), carry: carryFacts(report) };
  } catch (e) {
    return { ok: false, file: file.name, reason: failureReason(e) };
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

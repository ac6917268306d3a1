import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkAll } from '../checks';
import { DATASET_FILES, datasetTables, toParquet } from '../dataset';
import { MAX_REPORT_BYTES, parseManifest, parseReport, ReportError, type ManifestEntry, type ParsedReport } from '../reader';
import { CELL_STATES, type CellState, type Finding, type RuleId } from '../template';
import { writeFilesAtomically } from './atomic';
import { collectFiles, type InputFile } from './collect';

export interface IngestOptions {
  inputs: string[];
  manifest?: string;
  out: string;
  onProgress?: (done: number, total: number) => void;
  onFailure?: (failure: FileFailure) => void;
}

export interface FileFailure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  files: number;
  reports: number;
  failures: FileFailure[];
  cellsByState: Record<CellState, number>;
  findingsByRule: Partial<Record<RuleId, number>>;
  out: string;
  written: boolean;
}

/** Read one file from disk into a report; the size is checked before reading. */
export async function readReportFile(file: InputFile, manifest?: ManifestEntry): Promise<ParsedReport> {
  const { size } = await stat(file.path);
  if (size > MAX_REPORT_BYTES)
    throw new ReportError('too_large', `文件过大：${(size / 1048576).toFixed(1)} MB，超过 ${MAX_REPORT_BYTES / 1048576} MB 上限（file too large for an annual report）`);
  const bytes = await readFile(file.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return parseReport({ bytes, source: { file: file.name, sha256, bytes: bytes.length }, manifest });
}

/** Reports sorted so that the same inputs always give the same dataset bytes. */
export function sortReports(reports: ParsedReport[]): ParsedReport[] {
  const key = (r: ParsedReport) => [r.body, String(r.year).padStart(4, '0'), r.source.file];
  return reports.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
}

/** Ingest report files into the Parquet dataset. A failing file is recorded and the others go on. */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const manifestPath = options.manifest ? resolve(options.manifest) : null;
  const manifest = manifestPath
    ? { dir: dirname(manifestPath), entries: parseManifest(await readFile(manifestPath, 'utf8'), options.manifest) }
    : null;
  const files = await collectFiles(options.inputs, manifest);
  const reports: ParsedReport[] = [];
  const failures: FileFailure[] = [];
  for (const [i, file] of files.entries()) {
    try {
      reports.push(await readReportFile(file, manifest?.entries.get(file.name)));
    } catch (e) {
      const failure = { file: file.name, reason: failureReason(e) };
      failures.push(failure);
      options.onFailure?.(failure);
    }
    options.onProgress?.(i + 1, files.length);
  }
  sortReports(reports);
  const findings = sortFindings(checkAll(reports), reports);
  const summary: IngestSummary = {
    files: files.length,
    reports: reports.length,
    failures,
    cellsByState: countCells(reports),
    findingsByRule: countBy(findings, (f) => f.rule),
    out: resolve(options.out),
    written: false,
  };
  if (reports.length === 0) return summary;
  const tables = datasetTables(reports, findings);
  const parquet = Object.entries(DATASET_FILES).map(([table, name]) => ({ name, bytes: toParquet(tables[table as keyof typeof DATASET_FILES]) }));
  const description = {
    schema_version: 1,
    reports: reports.length,
    files: Object.fromEntries(parquet.map(({ name, bytes }) => [name, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }])),
  };
  const json = new TextEncoder().encode(`${JSON.stringify(description, null, 2)}\n`);
  await writeFilesAtomically(summary.out, [...parquet, { name: 'dataset.json', bytes: json }]);
  summary.written = true;
  return summary;
}

function failureReason(e: unknown): string {
  if (e instanceof ReportError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return '文件不存在（file not found）';
  if (err?.code === 'EACCES') return '没有读取权限（permission denied）';
  if (err?.code === 'EISDIR') return '是文件夹而不是文件（is a directory）';
  return `读取时出错（internal error）：${err?.message ?? String(e)}`;
}

function sortFindings(findings: Finding[], reports: ParsedReport[]): Finding[] {
  const order = new Map(reports.map((r, i) => [r.id, i]));
  return findings.sort(
    (a, b) => order.get(a.reportId)! - order.get(b.reportId)! || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.cells.join() < b.cells.join() ? -1 : a.cells.join() > b.cells.join() ? 1 : 0),
  );
}

function countCells(reports: ParsedReport[]): Record<CellState, number> {
  const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  for (const r of reports) for (const c of r.cells) counts[c.state]++;
  return counts;
}

function countBy<T, K extends string>(items: T[], key: (t: T) => K): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

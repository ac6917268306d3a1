import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport, type ManifestEntry, type ParsedReport } from '../src/lib/reader';
import { cellRef, type Cell } from '../src/lib/template';
import { readReportFile } from '../src/lib/ingest';
import { DATASET_FILES } from '../src/lib/dataset/schema';

export const SEED = fileURLToPath(new URL('../data/real/000_09f4574b615ba3f1.txt', import.meta.url));
export const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

export function parseBytes(bytes: Uint8Array, file = 'report.txt', manifest?: ManifestEntry): ParsedReport {
  return parseReport({ bytes, source: { file, sha256: 'test', bytes: bytes.length }, manifest });
}

export function parseFile(path: string, manifest?: ManifestEntry): ParsedReport {
  return parseBytes(readFileSync(path), path.split('/').pop(), manifest);
}

export function parseText(text: string, file = 'report.txt', manifest?: ManifestEntry): ParsedReport {
  return parseBytes(new TextEncoder().encode(text), file, manifest);
}

/**
 * A cell as the expectations write it: the number, or '/' '—' '' for slash,
 * dash and blank, '?<raw>' for ambiguous, '×' for not_in_template.
 */
export function shown(cell: Cell | undefined): number | string | undefined {
  if (!cell) return undefined;
  switch (cell.state) {
    case 'value':
      return cell.value!;
    case 'slash':
      return '/';
    case 'dash':
      return '—';
    case 'blank':
      return '';
    case 'ambiguous':
      return `?${cell.raw}`;
    case 'not_in_template':
      return '×';
    case 'missing':
      return undefined;
  }
}

export function cellsByRef(report: ParsedReport): Map<string, Cell> {
  return new Map(report.cells.map((c) => [cellRef(c), c]));
}

/** Every cell of the report as shown(), keyed by reference, for whole-table comparisons. */
export function shownCells(report: ParsedReport, keep: (c: Cell) => boolean = (c) => c.state !== 'not_in_template' && c.state !== 'missing') {
  return Object.fromEntries(report.cells.filter(keep).map((c) => [cellRef(c), shown(c)]));
}

export function manifestEntry(file: string, body: string, year: number, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  return { file, body, year, region: null, level: null, kind: null, origin: 'real', ...extra };
}

/** Any report file (text, HTML, PDF, Word) read as the ingest reads it. */
export function readFile(path: string, manifest?: ManifestEntry): Promise<ParsedReport> {
  return readReportFile({ path, name: path.split('/').pop()! }, manifest);
}

/** The path of a dataset's file by its logical name (reports.parquet, cells/year=2019/cells.parquet): dataset.json names the file written. */
export function datasetPath(dir: string, logical: string): string {
  const { files } = JSON.parse(readFileSync(`${dir}/${DATASET_FILES.description}`, 'utf8')) as { files: { name: string }[] };
  const file = files.find((f) => DATASET_FILES.logical(f.name) === logical);
  if (!file) throw new Error(`${dir}: dataset.json names no ${logical}`);
  return `${dir}/${file.name}`;
}

/** A dataset folder's files by their logical names, the partitioned ones (cells/year=2019/cells.parquet) included; sorted. */
export function datasetListing(dir: string): string[] {
  const partitioned = new Set<string>(DATASET_FILES.partitioned);
  return readdirSync(dir)
    .flatMap((entry) => (partitioned.has(entry) ? readdirSync(`${dir}/${entry}`).flatMap((partition) => readdirSync(`${dir}/${entry}/${partition}`).map((file) => `${entry}/${partition}/${file}`)) : [entry]))
    .map(DATASET_FILES.logical)
    .sort();
}

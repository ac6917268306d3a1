import { tableFromIPC, type Data, type Table, type Vector } from 'apache-arrow';
import { combinationNumbers, hasValue, numberColumn, validityColumn } from '../db/database';
import type { DecodedSink } from '../db/load';
import { DATASET_FILES } from '../dataset/schema';
import { deferred, type Deferred } from '../deferred';
import { ReportCubeCells, SUMMED_COLUMNS, type ScopeColumns } from '../template';

export type Scope = Omit<ScopeColumns, 'year'>;
const SCOPE_COLUMNS = ['region', 'level', 'kind'] as const;
/** The columns summed per report: every measure (the measures file's), and whether its template has procurement. */
const REPORT_COLUMNS = ['procurement_reports', ...SUMMED_COLUMNS] as const;

/**
 * Every report of the dataset held in the page, taken from the reports,
 * measures and findings files as they are decoded (before DuckDB has
 * started), with each report's cells of the cell cube from the summary files:
 * in the dataset's order (by body, then year), typed columns and no object
 * per report (~0.7 KB a report). Pages answer from it with no query
 * (queries/reports-by-body.ts over many reports, queries/held-report.ts for a
 * body's or a report's page).
 */
export interface ReportsByBody {
  /** Reports held (those of a year left out at load are not). */
  length: number;
  year: Float64Array;
  /** 1 where the report counts in sums (COUNTED: no other report of its body and year replaces it). */
  counted: Uint8Array;
  /** REPORT_COLUMNS, each report's value (NaN: null). */
  columns: Map<string, Float64Array>;
  /** Each body's reports: rows start .. end, in year order. */
  ranges: Map<string, { start: number; end: number }>;
  /** Each report's region, level, kind and source, as a number into `scopes` (a few hundred of them: a filter is one test per number). */
  scopeOf: Int32Array;
  scopes: Scope[];
  /** Each report's template version, as a number into `templates`. */
  templateOf: Int32Array;
  templates: string[];
  /** Each report's position in the reports file (null: the same: no year left out). */
  positions: Int32Array | null;
  /** The reports file as decoded (every report, numbered: report_no), and the years left out of what is held. */
  file: Table;
  leftOut: readonly number[];
  /** The findings file as decoded. */
  findings: Table;
  /**
   * Each report's cells of the cell cube (template/cube-cells.ts): per
   * CUBE_CELL_REFS column its value (NaN: none), and its undetermined new
   * requests (NaN: none); null until every file is read (completed).
   */
  cubeCells: { values: Float64Array[]; undetermined: Float64Array } | null;
}

export interface HeldReportsOptions {
  /** The findings file (none by default). */
  findings?: Table;
  /** report_id of the reports imported in this browser (导入). */
  imported?: ReadonlySet<string>;
  /** Years left out at load (their summary file could not be read): their reports are not held. */
  leftOut?: readonly number[];
}

/**
 * The reports file (its report_id, body, year, region, level, kind and
 * superseded_by) and the measures file (row for row the same reports, as the
 * ingest wrote them) → the reports held in the page.
 */
export function holdReports(reports: Table, measures: Table, { imported = new Set(), leftOut = [], findings = reports.slice(0, 0) }: HeldReportsOptions = {}): ReportsByBody {
  if (measures.numRows !== reports.numRows) throw new Error(`the measures file has ${measures.numRows} reports, the reports file ${reports.numRows}`);
  const allYears = numberColumn(reports.getChild('year')!);
  const keep: number[] = [];
  for (let i = 0; i < allYears.length; i++) if (!leftOut.includes(allYears[i])) keep.push(i);
  const rows = keep.length === allYears.length ? null : Int32Array.from(keep);
  const take = (values: Float64Array) => (rows ? Float64Array.from(rows, (i) => values[i]) : values);
  const columns = new Map(REPORT_COLUMNS.map((name) => [name, take(numberColumn(measures.getChild(name)!))]));
  const { numbers, newRows } = combinationNumbers(reports, SCOPE_COLUMNS);
  const baseScopes = newRows.map((i) => {
    const row = reports.get(i)!;
    return { region: row.region as string | null, level: row.level as string | null, kind: row.kind as string | null };
  });
  const versions = combinationNumbers(reports, ['template']);
  const ids = imported.size > 0 ? reports.getChild('report_id')! : null;
  const superseded = validityColumn(reports.getChild('superseded_by')!);
  const length = keep.length;
  const scopeOf = new Int32Array(length);
  const counted = new Uint8Array(length);
  const templateOf = new Int32Array(length);
  keep.forEach((i, r) => {
    templateOf[r] = versions.numbers[i];
    scopeOf[r] = numbers[i] * 2 + (ids && imported.has(ids.get(i)) ? 1 : 0);
    counted[r] = 1 - superseded[i];
  });
  const ranges = new Map<string, { start: number; end: number }>();
  const bodies = textRuns(reports.getChild('body')!);
  let r = 0;
  for (const { text, end } of bodies) {
    const from = r;
    while (r < length && keep[r] < end) r++;
    if (r > from) ranges.set(text, { start: from, end: r });
  }
  const scopes = baseScopes.flatMap((s) => [{ ...s, imported: false }, { ...s, imported: true }]);
  const templates = versions.newRows.map((i) => reports.get(i)!.template as string);
  return { length, year: take(allYears), counted, columns, ranges, scopeOf, scopes, templateOf, templates, positions: rows, file: reports, leftOut, findings, cubeCells: null };
}

/** The held reports completed once every file is read: their cells of the cell cube (`cells`: by position in the reports file). */
export function completed(held: ReportsByBody, cells: ReportCubeCells): ReportsByBody {
  const at = held.positions ?? Int32Array.from({ length: held.length }, (_, r) => r);
  if (cells.reports < held.length) throw new Error(`dataset.json counts ${cells.reports} reports, the reports file has more`);
  const undetermined = Float64Array.from(at, (i) => cells.undetermined(i) ?? Number.NaN);
  held.cubeCells = { values: cells.values.map((column) => (held.positions ? Float64Array.from(at, (i) => column[i]) : column)), undetermined };
  return held;
}

/** The files held whole (copied), the first loadDataset decodes. */
const HELD_FILES: string[] = [DATASET_FILES.reports, DATASET_FILES.measures, DATASET_FILES.findings];

/**
 * Holds the reports from the dataset's files as loadDataset decodes them (a
 * DecodedSink): `held` once the reports, measures and findings files are
 * (copied), `complete` once every file is, with their cells of the cell cube
 * taken from each summary file as it comes (not kept), and without the years
 * whose summary file could not be read. `reports`: how many the dataset has
 * (dataset.json); `imported`: the ids of those imported in this browser.
 */
export class ReportsHolder implements DecodedSink {
  readonly held: Promise<ReportsByBody>;
  readonly complete: Promise<ReportsByBody>;
  private readonly files = new Map<string, Table>();
  private readonly cubeCells: ReportCubeCells;
  private value: ReportsByBody | null = null;
  private readonly settled = { held: deferred<ReportsByBody>(), complete: deferred<ReportsByBody>() };

  constructor(reports: number, private readonly imported: readonly string[]) {
    this.cubeCells = new ReportCubeCells(reports);
    this.held = this.settled.held.promise;
    this.complete = this.settled.complete.promise;
  }

  file(name: string, ipc: Uint8Array): void {
    performance.mark(`decoded ${name}`);
    if (HELD_FILES.includes(name)) {
      this.files.set(name, tableFromIPC(ipc.slice()));
      if (this.files.size === HELD_FILES.length) this.value = this.attempt(this.settled.held, () => this.hold([]));
    } else if (DATASET_FILES.summaryPattern.test(name)) addSummaryCells(this.cubeCells, tableFromIPC(ipc));
  }

  done(leftOut: number[]): void {
    const held = this.value;
    if (!held) this.fail(new Error('the reports, measures or findings file could not be read'));
    // A year left out: its reports are held no more (rare: held again without them).
    else this.attempt(this.settled.complete, () => completed(leftOut.length > 0 ? this.hold(leftOut) : held, this.cubeCells));
    this.files.clear();
  }

  /** The load failed: nothing is held. */
  fail(e: Error): void {
    this.settled.held.reject(e);
    this.settled.complete.reject(e);
  }

  private hold(leftOut: number[]): ReportsByBody {
    const [reports, measures, findings] = HELD_FILES.map((name) => this.files.get(name)!);
    return holdReports(reports, measures, { imported: new Set(this.imported), leftOut, findings });
  }

  private attempt(into: Deferred<ReportsByBody>, make: () => ReportsByBody): ReportsByBody | null {
    try {
      const value = make();
      into.resolve(value);
      return value;
    } catch (e) {
      into.reject(e as Error);
      return null;
    }
  }
}

/** A summary file's cells (SUMMARY_CELL_COLUMNS) added to the reports' cells of the cube, read from the Arrow buffers (millions of cells: no copy, no object). */
function addSummaryCells(cells: ReportCubeCells, summary: Table): void {
  for (const batch of summary.batches) {
    const [reportNo, cell, state, value] = ['report_no', 'cell', 'state', 'value'].map((name) => batch.getChild(name)!.data[0]);
    const [numbers, positions, states, values] = [reportNo, cell, state, value].map((d) => d.values as ArrayLike<number>);
    for (let j = 0; j < batch.numRows; j++) {
      cells.add(numbers[j] - 1, positions[j], states[j], hasValue(value, j) ? values[j] : Number.NaN);
    }
  }
}

/** A text column's runs of equal values (a body's reports are together): decoded once per run, not per row. */
function textRuns(vector: Vector): { text: string; start: number; end: number }[] {
  const runs: { text: string; start: number; end: number }[] = [];
  let row = 0;
  let last: Uint8Array | null = null;
  for (const data of vector.data as Data[]) {
    for (let j = 0; j < data.length; j++, row++) {
      const bytes = (data.values as Uint8Array).subarray(data.valueOffsets[data.offset + j], data.valueOffsets[data.offset + j + 1]);
      if (last && sameBytes(last, bytes)) runs[runs.length - 1].end = row + 1;
      else runs.push({ text: DECODER.decode(bytes), start: row, end: row + 1 });
      last = bytes;
    }
  }
  return runs;
}

const DECODER = new TextDecoder();
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Texts in the SQL's order of them (code units, as DuckDB's default collation over UTF-8 for the texts met here), not the reader's. */
export const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

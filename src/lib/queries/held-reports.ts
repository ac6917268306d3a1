import { tableFromIPC, type Table } from 'apache-arrow';
import { combinationNumbers, numberColumn, validityColumn } from '../db/database';
import type { DecodedSink } from '../db/load';
import { DATASET_FILES } from '../dataset/schema';
import { deferred, type Deferred } from '../deferred';
import { textRuns } from './text-columns';
import { CUBE_CELL_COLUMNS, SHOWN_STATES, stateCountColumn, SUMMED_COLUMNS, UNDETERMINED_COLUMN, type ScopeColumns } from '../template';

export type Scope = Omit<ScopeColumns, 'year'>;
const SCOPE_COLUMNS = ['region', 'level', 'kind'] as const;
/** The measures file's columns held per report: every measure, whether its template has procurement, and its cells counted by state. */
const REPORT_COLUMNS = ['procurement_reports', ...SUMMED_COLUMNS, ...SHOWN_STATES.map(stateCountColumn)] as const;

/**
 * Every report of the dataset held in the page, taken from the reports,
 * measures and findings files as they are decoded (before DuckDB has
 * started), and each report's cells of the cell cube when a view first
 * needs them (their own file): in the dataset's order (by body, then year),
 * typed columns and no object per report (~0.7 KB a report). Pages answer from it with no query
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
  columns: HeldColumns;
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
   * Each report's cells of the cell cube (template/cube-cells.ts): the cube
   * cells file's CUBE_CELL_COLUMNS (NaN: none) and UNDETERMINED_COLUMN;
   * null until a view needs them (withCubeCells).
   */
  cubeCells: HeldColumns | null;
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
  const columns = new HeldColumns(measures, REPORT_COLUMNS, rows);
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

/**
 * Numeric columns of the held reports, read from a decoded file (every
 * report of the reports file, in its order; `positions`: the held ones'):
 * a column is copied out (NaN: null) at its first use, or one report's value
 * read in place. A page reads a few columns, a body's page a few reports:
 * copying every column at load took a tenth of a second at 100,000 reports.
 */
export class HeldColumns {
  private readonly made = new Map<string, Float64Array>();

  constructor(
    private readonly table: Table,
    private readonly names: readonly string[],
    private readonly positions: Int32Array | null,
  ) {}

  /** Every held report's value of a column (undefined: not one of these). */
  get(name: string): Float64Array | undefined {
    let column = this.made.get(name);
    const vector = column || !this.names.includes(name) ? null : this.table.getChild(name);
    if (vector) {
      const values = numberColumn(vector);
      this.made.set(name, (column = this.positions ? Float64Array.from(this.positions, (i) => values[i]) : values));
    }
    return column;
  }

  /** Held report i's value of a column (NaN: null). */
  at(name: string, i: number): number {
    const column = this.made.get(name);
    if (column) return column[i];
    const value = this.table.getChild(name)!.get(this.positions ? this.positions[i] : i);
    return value === null ? Number.NaN : Number(value);
  }
}

/**
 * The held reports with their cells of the cell cube: `cube`, the cube cells
 * file (CUBE_CELL_FILE_COLUMNS: every report of the reports file, in its order).
 */
export function withCubeCells(held: ReportsByBody, cube: Table): ReportsByBody {
  if (cube.numRows !== held.file.numRows) throw new Error(`the cube cells file has ${cube.numRows} reports, the reports file ${held.file.numRows}`);
  held.cubeCells = new HeldColumns(cube, [...CUBE_CELL_COLUMNS, UNDETERMINED_COLUMN], held.positions);
  return held;
}

/**
 * Holds the reports from the dataset's files as loadDataset decodes them (a
 * DecodedSink): `held` once the reports, measures and findings files are
 * (copied); `complete` once every file is, without the years whose summary
 * file could not be read (the same value when none is left out).
 * `imported`: the ids of the reports imported in this browser.
 */
export class ReportsHolder implements DecodedSink {
  readonly held: Promise<ReportsByBody>;
  readonly complete: Promise<ReportsByBody>;
  private readonly files = new Map<string, Table>();
  private value: ReportsByBody | null = null;
  private readonly settled = { held: deferred<ReportsByBody>(), complete: deferred<ReportsByBody>() };

  constructor(private readonly imported: readonly string[]) {
    this.held = this.settled.held.promise;
    this.complete = this.settled.complete.promise;
  }

  file(name: string, ipc: Uint8Array): void {
    performance.mark(`decoded ${name}`);
    if (!DATASET_FILES.held.includes(name)) return;
    this.files.set(name, tableFromIPC(ipc));
    if (this.files.size === DATASET_FILES.held.length) this.value = this.attempt(this.settled.held, () => this.hold([]));
  }

  done(leftOut: number[]): void {
    const held = this.value;
    if (!held) this.fail(new Error('the reports, measures or findings file could not be read'));
    // A year left out: its reports are held no more (rare: held again without them).
    else this.attempt(this.settled.complete, () => (leftOut.length > 0 ? this.hold(leftOut) : held));
    this.files.clear();
  }

  /** The load failed: nothing is held. */
  fail(e: Error): void {
    this.settled.held.reject(e);
    this.settled.complete.reject(e);
  }

  private hold(leftOut: number[]): ReportsByBody {
    const [reports, measures, findings] = DATASET_FILES.held.map((name) => this.files.get(name)!);
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

/** Texts in the SQL's order of them (code units, as DuckDB's default collation over UTF-8 for the texts met here), not the reader's. */
export const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

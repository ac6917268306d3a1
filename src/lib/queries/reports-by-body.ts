import { tableFromIPC, type Data, type Table, type Vector } from 'apache-arrow';
import { combinationNumbers, hasValue, numberColumn, plainRows, validityColumn } from '../db/database';
import type { FindingRow, ReportRow } from './report';
import type { DecodedSink } from '../db/load';
import { DATASET_FILES } from '../dataset/schema';
import { deferred, type Deferred } from '../deferred';
import { TOP_BODIES, type BodyMeasuresRow, type BodyYearRow, type FilterOptions } from './bodies';
import { CONSOLIDATED_KIND, inScopeRow, type Filters, type ScopeColumns } from './filters';
import type { LeftOutRow } from './left-out';
import { CUBE_CELL_REFS, ReportCubeCells, SUMMED_COLUMNS, type CellCubeRow, type Measure, type MeasureKey, type RateColumn, type TableId } from '../template';
import { cubeColumns, type CellCube } from './cell-cube';
import type { BodyCellSumRow } from './cells';
import type { BodyYearMeasures } from './body-years';
import { yearlyFromCube, type YearlyCubeRow, type YearlyRow } from './yearly';

type Scope = Omit<ScopeColumns, 'year'>;
const SCOPE_COLUMNS = ['region', 'level', 'kind'] as const;
/** The columns summed per report: every measure (the measures file's), and whether its template has procurement. */
const REPORT_COLUMNS = ['procurement_reports', ...SUMMED_COLUMNS] as const;

/**
 * Every report of the dataset held in the page, taken from the reports and
 * measures files as they are decoded (before DuckDB has started): in the
 * dataset's order (by body, then year), typed columns and no object per
 * report (~0.4 KB a report). It answers a choice of bodies, the top bodies,
 * the filter panel's choices and what the sums leave out, for any filters and
 * with no query, the same rows as the SQL (tests compare them).
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

/** The filters' test of a held report, but for bodies (see inScopeRow): counted reports only, unless `all`. */
function selection(reports: ReportsByBody, filters: Filters, all = false): (i: number) => boolean {
  const inScope = inScopeRow({ ...filters, bodies: [], from: null, to: null });
  const scopeSelected = reports.scopes.map((scope) => inScope({ ...scope, year: 0 }));
  const { year, counted, scopeOf } = reports;
  return (i) => (all || counted[i] === 1) && scopeSelected[scopeOf[i]] && (filters.from === null || year[i] >= filters.from) && (filters.to === null || year[i] <= filters.to);
}

/** yearlyTotals(filters) for a choice of bodies, summed from their reports. */
export function yearlyOfBodies(reports: ReportsByBody, filters: Filters): YearlyRow[] {
  const rows: YearlyCubeRow[] = [];
  const columns = [...reports.columns];
  for (const body of new Set(filters.bodies)) {
    const range = reports.ranges.get(body);
    if (!range) continue;
    for (let i = range.start; i < range.end; i++) {
      if (!reports.counted[i]) continue;
      const row = { ...reports.scopes[reports.scopeOf[i]], year: reports.year[i], reports: 1 } as YearlyCubeRow;
      for (const [name, values] of columns) (row as unknown as Record<string, number | null>)[name] = Number.isNaN(values[i]) ? null : values[i];
      rows.push(row);
    }
  }
  // The rows are the bodies' own: the other filters select among them as among the cube's.
  return yearlyFromCube(rows, { ...filters, bodies: [] });
}

/** filterOptions(): every body with a region, level and kind of its reports, in the dataset's order of bodies. */
export function optionsOfReports(reports: ReportsByBody): FilterOptions[] {
  return [...reports.ranges].map(([body, { start }]) => ({ body, ...pick(reports.scopes[reports.scopeOf[start]]) }));
}

const pick = ({ region, level, kind }: Scope) => ({ region, level, kind });

/** leftOut(filters), counted over the reports held in the page. */
export function leftOutOfReports(reports: ReportsByBody, filters: Filters): LeftOutRow {
  const inBodies = bodiesTest(reports, filters);
  const selected = selection(reports, { ...filters, bodies: [] }, true);
  const consolidated = filters.kinds.length === 0 ? selection(reports, { ...filters, bodies: [], kinds: [CONSOLIDATED_KIND] }, true) : null;
  const row: LeftOutRow = { duplicates: 0, consolidated: 0 };
  for (let i = 0; i < reports.length; i++) {
    if (!inBodies(i)) continue;
    if (!reports.counted[i] && selected(i)) row.duplicates++;
    if (consolidated?.(i)) row.consolidated++;
  }
  return row;
}

/** The chosen bodies' ranges, or every body's, in the dataset's order. */
function bodiesOf(reports: ReportsByBody, filters: Filters): [string, { start: number; end: number }][] {
  return filters.bodies.length > 0 ? [...reports.ranges].filter(([body]) => filters.bodies.includes(body)) : [...reports.ranges];
}

/** Whether a held report is of the chosen bodies (any, when none is chosen). */
function bodiesTest(reports: ReportsByBody, filters: Filters): (i: number) => boolean {
  if (filters.bodies.length === 0) return () => true;
  const chosen = new Uint8Array(reports.length);
  for (const body of filters.bodies) {
    const range = reports.ranges.get(body);
    if (range) chosen.fill(1, range.start, range.end);
  }
  return (i) => chosen[i] === 1;
}

/**
 * The bodies' sums of some measures per year over their reports the filters
 * select, the first `limit` of each year (ties included): queries/bodies.ts
 * topBodiesByYear over the reports held in the page, in the SQL's order (by
 * body, then year). Ranked by the measure's sum (`single`: shown when not
 * null) or by the sum of the measures' sums (shown when above 0). Typed
 * arrays, no object per body and year: at 100,000 reports a change takes
 * milliseconds.
 */
function topOfReports(reports: ReportsByBody, filters: Filters, measures: readonly Measure[], single: boolean, limit: number): { body: string; year: number; sums: (number | null)[] }[] {
  const { length, year: years } = reports;
  const selected = selection(reports, filters);
  const values = measures.map((m) => reports.columns.get(m.key)!);
  const bodies = bodiesOf(reports, filters);
  // Each body and year shown: its body, year, rows start .. end (a body's reports are in year order) and the value it is ranked by.
  const shown = { body: new Int32Array(length), year: new Int32Array(length), start: new Int32Array(length), end: new Int32Array(length), rank: new Float64Array(length) };
  let n = 0;
  bodies.forEach(([, { start, end }], body) => {
    for (let i = start; i < end; ) {
      const year = years[i];
      let rank = 0;
      let any = false;
      let j = i;
      // Same-named bodies of two regions add up in one year, as in the SQL.
      for (; j < end && years[j] === year; j++) {
        if (!selected(j)) continue;
        for (const column of values) {
          const value = column[j];
          if (!Number.isNaN(value)) (rank += value), (any = true);
        }
      }
      if (single ? any : rank > 0) {
        shown.body[n] = body;
        shown.year[n] = year;
        shown.start[n] = i;
        shown.end[n] = j;
        shown.rank[n++] = rank;
      }
      i = j;
    }
  });
  // rank() <= limit: at or above the limit-th largest value of its year.
  const ranks = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const ofYear = ranks.get(shown.year[k]);
    if (ofYear) ofYear.push(shown.rank[k]);
    else ranks.set(shown.year[k], [shown.rank[k]]);
  }
  const cuts = new Map([...ranks].map(([year, values]) => [year, Float64Array.from(values).sort()[Math.max(0, values.length - limit)]]));
  const rows: { body: string; year: number; sums: (number | null)[] }[] = [];
  for (let k = 0; k < n; k++) {
    if (shown.rank[k] < cuts.get(shown.year[k])!) continue;
    const sums = values.map((column) => {
      let sum: number | null = null;
      for (let i = shown.start[k]; i < shown.end[k]; i++) if (selected(i) && !Number.isNaN(column[i])) sum = (sum ?? 0) + column[i];
      return sum;
    });
    rows.push({ body: bodies[shown.body[k]][0], year: shown.year[k], sums });
  }
  return rows;
}

/** measureTopBodies(filters, measure), answered from every report's measures held in the page. */
export function measureTopBodiesOfReports(reports: ReportsByBody, filters: Filters, measure: Measure, limit = TOP_BODIES): BodyYearRow[] {
  return topOfReports(reports, filters, [measure], true, limit).map(({ body, year, sums }) => ({ body, year, value: sums[0] }));
}

/** measuresTopBodies(filters, measures), answered from every report's measures held in the page. */
export function measuresTopBodiesOfReports(reports: ReportsByBody, filters: Filters, measures: readonly Measure[], limit = TOP_BODIES): BodyMeasuresRow[] {
  return topOfReports(reports, filters, measures, false, limit).map(
    ({ body, year, sums }) => ({ body, year, ...Object.fromEntries(measures.map((m, i) => [m.key, sums[i]])) }) as BodyMeasuresRow,
  );
}

/**
 * measuresByBodyYear(filters, years, columns) over the reports held in the
 * page: each body's sums per year (of `years`, else the filters' range), with
 * its reports, region and level (the first of its reports that has one) and
 * template versions; in the SQL's order (by body, then year).
 */
export function bodyYearsOfReports(reports: ReportsByBody, filters: Filters, years?: readonly number[], columns: readonly (MeasureKey | RateColumn)[] = SUMMED_COLUMNS): BodyYearMeasures[] {
  const selected = selection(reports, years ? { ...filters, from: null, to: null } : filters);
  const inYears = years ? (i: number) => years.includes(reports.year[i]) : () => true;
  const values = columns.map((key) => reports.columns.get(key)!);
  const procurement = reports.columns.get('procurement_reports')!;
  const rows: BodyYearMeasures[] = [];
  for (const [body, { start, end }] of bodiesOf(reports, filters)) {
    let row: BodyYearMeasures | null = null;
    for (let i = start; i < end; i++) {
      if (!selected(i) || !inYears(i)) continue;
      const year = reports.year[i];
      const scope = reports.scopes[reports.scopeOf[i]];
      if (row?.year !== year) {
        row = { body, year, region: null, level: null, reports: 0, templates: [], procurement_reports: 0, ...Object.fromEntries(columns.map((key) => [key, null])) } as BodyYearMeasures;
        rows.push(row);
      }
      row.region ??= scope.region;
      row.level ??= scope.level;
      row.reports++;
      row.procurement_reports += procurement[i];
      const template = reports.templates[reports.templateOf[i]];
      if (!row.templates.includes(template)) row.templates = [...row.templates, template].sort();
      const sums = row as unknown as Record<string, number | null>;
      values.forEach((column, k) => {
        if (!Number.isNaN(column[i])) sums[columns[k]] = (sums[columns[k]] ?? 0) + column[i];
      });
    }
  }
  return rows;
}

/**
 * The chosen bodies' counted reports as a cell cube of a row each (their
 * cells of the cell cube held in the page), for queries/cell-cube.ts to sum
 * as it sums the cube the ingest prepared; null when the cells are not held.
 */
export function cellCubeOfBodies(reports: ReportsByBody, filters: Filters): CellCube | null {
  if (!reports.cubeCells) return null;
  const { values, undetermined } = reports.cubeCells;
  const rows: CellCubeRow[] = [];
  for (const [, { start, end }] of bodiesOf(reports, filters)) {
    for (let i = start; i < end; i++) {
      if (!reports.counted[i]) continue;
      const value = (v: number) => (Number.isNaN(v) ? null : v);
      rows.push({ ...reports.scopes[reports.scopeOf[i]], year: reports.year[i], cells: values.map((column) => value(column[i])), undetermined: value(undetermined[i]) });
    }
  }
  return { refs: CUBE_CELL_REFS, rows };
}

/**
 * cellSumsByBody(filters, year, table, rows, cols, limit) over the reports
 * held in the page: each body's sums of the chosen cells per row in that
 * year, for the `limit` bodies of the largest sum above 0 (ties by name), by
 * body and row; null when the cells are not held.
 */
export function cellSumsByBodyOfReports(reports: ReportsByBody, filters: Filters, year: number, table: TableId, rows: readonly string[], cols: readonly string[], limit = TOP_BODIES): BodyCellSumRow[] | null {
  if (!reports.cubeCells) return null;
  const { values } = reports.cubeCells;
  const cells = cubeColumns(table, rows, cols);
  const selected = selection(reports, { ...filters, from: year, to: year });
  const sums: { body: string; total: number; rows: BodyCellSumRow[] }[] = [];
  for (const [body, { start, end }] of bodiesOf(reports, filters)) {
    const byRow = new Map<string, number | null>();
    for (let i = start; i < end; i++) {
      if (!selected(i)) continue;
      for (const { row, column } of cells) {
        const value = values[column][i];
        const sum = byRow.get(row) ?? null;
        byRow.set(row, Number.isNaN(value) ? sum : (sum ?? 0) + value);
      }
    }
    if (byRow.size === 0) continue;
    const total = [...byRow.values()].reduce<number>((n, v) => n + (v ?? 0), 0);
    if (total > 0) sums.push({ body, total, rows: [...byRow].map(([row, value]) => ({ body, row, value })) });
  }
  const top = sums.sort((a, b) => b.total - a.total || compareText(a.body, b.body)).slice(0, Math.trunc(limit));
  return top.sort((a, b) => compareText(a.body, b.body)).flatMap((b) => b.rows.sort((x, y) => compareText(x.row, y.row)));
}

/** Row positions in the reports file by report_id, made once per held dataset. */
const rowsById = new WeakMap<Table, Map<string, number>>();
function rowOf(held: ReportsByBody, id: string): number | undefined {
  let rows = rowsById.get(held.file);
  if (!rows) rowsById.set(held.file, (rows = new Map(Array.from(held.file.getChild('report_id')!, (value, i) => [value as string, i]))));
  return rows.get(id);
}

/** Rows of the reports file as the reports table holds them (with `imported`), those of a year left out skipped. */
function reportRows(held: ReportsByBody, positions: readonly number[]): ReportRow[] {
  const imported = new Set<number>();
  held.scopeOf.forEach((scope, r) => held.scopes[scope].imported && imported.add(held.positions ? held.positions[r] : r));
  return positions.flatMap((i) => {
    const row = plainRows<ReportRow>(held.file.slice(i, i + 1))[0];
    return held.leftOut.includes(row.year) ? [] : [{ ...row, imported: imported.has(i) }];
  });
}

/** reportById(id) from the reports held in the page. */
export function reportOfHeld(held: ReportsByBody, id: string): ReportRow[] {
  const row = rowOf(held, id);
  return row === undefined ? [] : reportRows(held, [row]);
}

/** bodyReports(body) from the reports held in the page: every report of the body, by year, then id. */
export function bodyReportsOfHeld(held: ReportsByBody, body: string): ReportRow[] {
  const range = held.ranges.get(body);
  if (!range) return [];
  const positions = Array.from({ length: range.end - range.start }, (_, k) => (held.positions ? held.positions[range.start + k] : range.start + k));
  return reportRows(held, positions).sort((a, b) => a.year - b.year || compareText(a.report_id, b.report_id));
}

/** reportFindings(id) (`ids`: one report) or bodyFindings (every report of a body) from the findings held in the page. */
export function findingsOfHeld(held: ReportsByBody, ids: readonly string[]): FindingRow[] {
  const wanted = new Set(ids);
  const reports = new Map(reportRows(held, ids.flatMap((id) => rowOf(held, id) ?? [])).map((r) => [r.report_id, r]));
  const column = held.findings.getChild('report_id')!;
  const rows: FindingRow[] = [];
  for (let i = 0; i < held.findings.numRows; i++) {
    const id = column.get(i) as string;
    if (!wanted.has(id) || !reports.has(id)) continue;
    const f = plainRows<Record<string, unknown>>(held.findings.slice(i, i + 1))[0];
    const { body, year } = reports.get(id)!;
    rows.push({ report_id: id, body, year, rule: f.rule, severity: f.severity, cells: f.cells, expected: f.expected, actual: f.actual, message: f.message, related_report_id: f.related_report_id } as FindingRow);
  }
  const severity = (s: string) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
  return rows.sort((a, b) => a.year - b.year || severity(a.severity) - severity(b.severity) || compareText(a.rule, b.rule) || compareText(a.cells, b.cells));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

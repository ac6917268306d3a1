import { TOP_BODIES, type BodyMeasuresRow, type BodyYearRow, type FilterOptions } from './bodies';
import type { BodyYearMeasures } from './body-years';
import { cubeColumns, type CellCube } from './cell-cube';
import type { BodyCellSumRow } from './cells';
import { CONSOLIDATED_KIND, inScopeRow, type Filters } from './filters';
import { compareCodes, type ReportsByBody, type Scope } from './held-reports';
import type { LeftOutRow } from './left-out';
import { CUBE_CELL_COLUMNS, CUBE_CELL_REFS, SUMMED_COLUMNS, UNDETERMINED_COLUMN, type CellCubeRow, type Measure, type MeasureKey, type RateColumn, type TableId } from '../template';
import { yearlyFromCube, type YearlyCubeRow, type YearlyRow } from './yearly';
import { topBySize } from './top';

/**
 * Answers over many reports from the reports held in the page
 * (queries/held-reports.ts), each the same rows as its query (tests compare
 * them): a choice of bodies, the top bodies, the sums per body and year, the
 * reasons per body, the filter panel's bodies and what the sums leave out.
 */

/**
 * The filters' choice of held reports, but for bodies (see inScopeRow): 1
 * where a report is chosen; counted reports only, unless `all`. A mask made
 * in one pass, not a test per report: the loops that read it run at 100,000
 * reports a change.
 */
function selection(reports: ReportsByBody, filters: Filters, all = false): Uint8Array {
  const inScope = inScopeRow({ ...filters, bodies: [], from: null, to: null });
  const scopeSelected = Uint8Array.from(reports.scopes, (scope) => (inScope({ ...scope, year: 0 }) ? 1 : 0));
  const { length, year, counted, scopeOf } = reports;
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const selected = new Uint8Array(length);
  for (let i = 0; i < length; i++) selected[i] = (all || counted[i] === 1) && scopeSelected[scopeOf[i]] === 1 && year[i] >= from && year[i] <= to ? 1 : 0;
  return selected;
}

/** scope(filters)'s reports among the held ones, 1 where chosen: every report the filters select, counted or not (lists of reports and findings). */
export function scopeOfReports(reports: ReportsByBody, filters: Filters): Uint8Array {
  const selected = selection(reports, { ...filters, bodies: [] }, true);
  if (filters.bodies.length === 0) return selected;
  const ofBodies = new Uint8Array(reports.length);
  for (const body of filters.bodies) {
    const range = reports.ranges.get(body);
    if (range) ofBodies.set(selected.subarray(range.start, range.end), range.start);
  }
  return ofBodies;
}

const YEARLY_COLUMNS = ['procurement_reports', ...SUMMED_COLUMNS];

/** yearlyTotals(filters) for a choice of bodies, summed from their reports (their values read in place). */
export function yearlyOfBodies(reports: ReportsByBody, filters: Filters): YearlyRow[] {
  const rows: YearlyCubeRow[] = [];
  for (const body of new Set(filters.bodies)) {
    const range = reports.ranges.get(body);
    if (!range) continue;
    for (let i = range.start; i < range.end; i++) {
      if (!reports.counted[i]) continue;
      const row = { ...reports.scopes[reports.scopeOf[i]], year: reports.year[i], reports: 1 } as YearlyCubeRow;
      for (const name of YEARLY_COLUMNS) {
        const value = reports.columns.at(name, i);
        (row as unknown as Record<string, number | null>)[name] = Number.isNaN(value) ? null : value;
      }
      rows.push(row);
    }
  }
  // The rows are the bodies' own: the other filters select among them as among the cube's.
  return yearlyFromCube(rows, { ...filters, bodies: [] });
}

/** bodyKinds(body), from its reports held in the page. */
export function kindsOfBody(reports: ReportsByBody, body: string): { kind: string }[] {
  const range = reports.ranges.get(body);
  const kinds = new Set<string>();
  for (let i = range?.start ?? 0; i < (range?.end ?? 0); i++) {
    const kind = reports.scopes[reports.scopeOf[i]].kind;
    if (reports.counted[i] && kind !== null) kinds.add(kind);
  }
  return [...kinds].sort().map((kind) => ({ kind }));
}

/** filterOptions(): every body with a region, level and kind of its reports, in the dataset's order of bodies. */
export function optionsOfReports(reports: ReportsByBody): FilterOptions[] {
  return [...reports.ranges].map(([body, { start }]) => ({ body, ...pick(reports.scopes[reports.scopeOf[start]]) }));
}

const pick = ({ region, level, kind }: Scope) => ({ region, level, kind });

/** leftOut(filters), counted over the reports held in the page. */
export function leftOutOfReports(reports: ReportsByBody, filters: Filters): LeftOutRow {
  const inScope = scopeOfReports(reports, filters);
  const consolidated = filters.kinds.length === 0 ? scopeOfReports(reports, { ...filters, kinds: [CONSOLIDATED_KIND] }) : null;
  const row: LeftOutRow = { duplicates: 0, consolidated: 0 };
  for (let i = 0; i < reports.length; i++) {
    if (inScope[i] && !reports.counted[i]) row.duplicates++;
    if (consolidated?.[i]) row.consolidated++;
  }
  return row;
}

/** The chosen bodies' ranges, or every body's, in the dataset's order. */
function bodiesOf(reports: ReportsByBody, filters: Filters): [string, { start: number; end: number }][] {
  return filters.bodies.length > 0 ? [...reports.ranges].filter(([body]) => filters.bodies.includes(body)) : [...reports.ranges];
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
  for (let body = 0; body < bodies.length; body++) {
    const { start, end } = bodies[body][1];
    for (let i = start; i < end; ) {
      const year = years[i];
      let rank = 0;
      let any = false;
      let j = i;
      // Same-named bodies of two regions add up in one year, as in the SQL.
      for (; j < end && years[j] === year; j++) {
        if (!selected[j]) continue;
        for (let m = 0; m < values.length; m++) {
          const value = values[m][j];
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
  }
  // rank() <= limit: at or above the limit-th largest value of its year.
  const cut = yearlyCuts(shown.year, shown.rank, n, limit);
  const rows: { body: string; year: number; sums: (number | null)[] }[] = [];
  for (let k = 0; k < n; k++) {
    if (shown.rank[k] < cut(shown.year[k])) continue;
    const sums = values.map((column) => {
      let sum: number | null = null;
      for (let i = shown.start[k]; i < shown.end[k]; i++) if (selected[i] && !Number.isNaN(column[i])) sum = (sum ?? 0) + column[i];
      return sum;
    });
    rows.push({ body: bodies[shown.body[k]][0], year: shown.year[k], sums });
  }
  return rows;
}

/** The `limit`-th largest of the first `n` ranks of each year (the smallest, when fewer): the year's cut. */
function yearlyCuts(years: Int32Array, ranks: Float64Array, n: number, limit: number): (year: number) => number {
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < n; k++) (first = Math.min(first, years[k])), (last = Math.max(last, years[k]));
  // Each year's `limit` largest so far, ascending (a few dozen years at most: a slot each); the first is the cut.
  const kept = new Float64Array(Math.max(0, last - first + 1) * limit);
  const filled = new Int32Array(Math.max(0, last - first + 1));
  for (let k = 0; k < n; k++) {
    const slot = years[k] - first;
    const base = slot * limit;
    const rank = ranks[k];
    let at: number;
    if (filled[slot] < limit) at = base + filled[slot]++;
    else if (rank > kept[base]) at = base;
    else continue;
    // Into place: the smaller ones move down (dropping the smallest, when full).
    if (at === base) for (; at + 1 < base + limit && at + 1 < base + filled[slot] && kept[at + 1] < rank; at++) kept[at] = kept[at + 1];
    else for (; at > base && kept[at - 1] > rank; at--) kept[at] = kept[at - 1];
    kept[at] = rank;
  }
  return (year) => (filled[year - first] > 0 ? kept[(year - first) * limit] : Infinity);
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
  // Every row made from the same object: rows of one shape, which the comparisons after read fast.
  const noSums = Object.fromEntries(columns.map((key) => [key, null]));
  const rows: BodyYearMeasures[] = [];
  for (const [body, { start, end }] of bodiesOf(reports, filters)) {
    let row: BodyYearMeasures | null = null;
    for (let i = start; i < end; i++) {
      if (!selected[i] || !inYears(i)) continue;
      const year = reports.year[i];
      const scope = reports.scopes[reports.scopeOf[i]];
      if (row?.year !== year) {
        row = { body, year, region: null, level: null, reports: 0, templates: [], procurement_reports: 0, ...noSums } as BodyYearMeasures;
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
  const cube = reports.cubeCells;
  if (!cube) return null;
  const rows: CellCubeRow[] = [];
  for (const [, { start, end }] of bodiesOf(reports, filters)) {
    for (let i = start; i < end; i++) {
      if (!reports.counted[i]) continue;
      const value = (v: number) => (Number.isNaN(v) ? null : v);
      rows.push({ ...reports.scopes[reports.scopeOf[i]], year: reports.year[i], cells: CUBE_CELL_COLUMNS.map((name) => value(cube.at(name, i))), undetermined: value(cube.at(UNDETERMINED_COLUMN, i)) });
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
  const cube = reports.cubeCells;
  if (!cube) return null;
  const cells = cubeColumns(table, rows, cols);
  const values = cells.map(({ column }) => cube.get(CUBE_CELL_COLUMNS[column])!);
  const selected = selection(reports, { ...filters, from: year, to: year });
  const bodies = bodiesOf(reports, filters);
  // Each body with a report chosen and a sum above 0.
  const summed: { body: string; total: number; start: number; end: number }[] = [];
  for (const [body, { start, end }] of bodies) {
    let total = 0;
    for (let i = start; i < end; i++) {
      if (!selected[i]) continue;
      for (let c = 0; c < values.length; c++) if (!Number.isNaN(values[c][i])) total += values[c][i];
    }
    if (total > 0) summed.push({ body, total, start, end });
  }
  const top = topBySize(summed, (b) => b.total, (a, b) => b.total - a.total || compareCodes(a.body, b.body), Math.trunc(limit));
  const rowNames = [...new Set(cells.map((c) => c.row))].sort(compareCodes);
  return top
    .sort((a, b) => compareCodes(a.body, b.body))
    .flatMap(({ body, start, end }) =>
      rowNames.map((row) => {
        let value: number | null = null;
        cells.forEach((cell, c) => {
          if (cell.row !== row) return;
          for (let i = start; i < end; i++) if (selected[i] && !Number.isNaN(values[c][i])) value = (value ?? 0) + values[c][i];
        });
        return { body, row, value };
      }),
    );
}

import type { Table } from 'apache-arrow';
import { combinationNumbers, numberColumn, plainRows } from '../db/database';
import { TOP_BODIES, type BodyMeasuresRow, type BodyYearRow } from './bodies';
import { COUNTED, inScopeRow, type Filters, type ScopeColumns } from './filters';
import { SUMMED_COLUMNS, type Measure } from '../template';
import type { Query } from './query';
import { yearlyFromCube, type YearlyCubeRow, type YearlyRow } from './yearly';

/**
 * Every report's measures (of the reports that count: COUNTED), ordered by
 * body: each report is a cube row of its own (see yearlyCube). Held in the
 * page as Arrow columns (~0.3 KB a report, no object per report), it answers
 * a choice of bodies, and the top bodies, with no query. `bodies`: only the
 * bodies from .. to (to excluded; null: to the last), so that the page asks
 * for it in parts (bodyParts) and a query of the page never waits long behind it.
 */
export function reportsByBody(bodies?: BodyPart): Query {
  const part = bodies ? ` AND body >= ?${bodies.to === null ? '' : ' AND body < ?'}` : '';
  return {
    sql: `SELECT year, region, level, kind, imported, 1 AS reports, CAST(COALESCE(procurement_reports, 0) AS INTEGER) AS procurement_reports,
  ${SUMMED_COLUMNS.join(', ')}
FROM report_measures WHERE ${COUNTED}${part} ORDER BY body, year`,
    params: bodies ? [bodies.from, ...(bodies.to === null ? [] : [bodies.to])] : [],
  };
}

/** A run of bodies in reportsByBody's order: from .. to (excluded; null: to the last). */
export interface BodyPart {
  from: string;
  to: string | null;
}

/** The bodies (reportCountsByBody's answer, in its order) cut into runs of about `reports` reports each. */
export function bodyParts(counts: readonly { body: string; reports: number }[], reports: number): BodyPart[] {
  const parts: BodyPart[] = [];
  let size = 0;
  for (const { body, reports: n } of counts) {
    if (parts.length === 0 || size >= reports) {
      if (parts.length > 0) parts[parts.length - 1].to = body;
      parts.push({ from: body, to: null });
      size = 0;
    }
    size += n;
  }
  return parts;
}

/** How many reports each body has, in reportsByBody's order of bodies. */
export function reportCountsByBody(): Query {
  return { sql: `SELECT body, COUNT(*) AS reports FROM report_measures WHERE ${COUNTED} GROUP BY body ORDER BY body`, params: [] };
}

type Scope = Omit<ScopeColumns, 'year'>;
const SCOPE_COLUMNS = ['region', 'level', 'kind', 'imported'] as const;

/**
 * reportsByBody's answer, with where each body's reports lie in it, and each
 * report's region, level, kind and source as a number (`scopeOf`, into
 * `scopes`: a few hundred of them, so a filter is one test per number).
 */
export interface ReportsByBody {
  table: Table;
  ranges: Map<string, { start: number; end: number }>;
  scopeOf: Int32Array;
  scopes: Scope[];
}

/** reportsByBody's answer as it arrives in parts (bodyParts), each part's scopes numbered as it comes: a few milliseconds a part. */
export class ReportsByBodyParts {
  private tables: Table[] = [];
  private numbers: Int32Array[] = [];
  private keys = new Map<string, number>();
  private scopes: Scope[] = [];

  add(table: Table): void {
    const { numbers, newRows } = combinationNumbers(table, SCOPE_COLUMNS, this.keys);
    for (const i of newRows) {
      const row = table.get(i)!;
      this.scopes.push({ region: row.region, level: row.level, kind: row.kind, imported: row.imported });
    }
    this.tables.push(table);
    this.numbers.push(numbers);
  }

  /** The parts as one answer, indexed by reportCountsByBody's counts (in the same order of bodies). */
  done(counts: readonly { body: string; reports: number }[]): ReportsByBody {
    const [first] = this.tables;
    const table = this.tables.length === 1 ? first : new (first.constructor as typeof Table)(this.tables.flatMap((t) => t.batches));
    const scopeOf = new Int32Array(table.numRows);
    let at = 0;
    for (const numbers of this.numbers) {
      scopeOf.set(numbers, at);
      at += numbers.length;
    }
    const ranges = new Map<string, { start: number; end: number }>();
    let start = 0;
    for (const { body, reports } of counts) {
      ranges.set(body, { start, end: start + reports });
      start += reports;
    }
    if (start !== table.numRows) throw new Error(`reportCountsByBody counts ${start} reports, reportsByBody gave ${table.numRows}`);
    return { table, ranges, scopeOf, scopes: this.scopes };
  }
}

/** reportsByBody's answer in one part, indexed (see ReportsByBodyParts). */
export function indexReportsByBody(table: Table, counts: readonly { body: string; reports: number }[]): ReportsByBody {
  const parts = new ReportsByBodyParts();
  parts.add(table);
  return parts.done(counts);
}

/** yearlyTotals(filters) for a choice of bodies, summed from their reports. */
export function yearlyOfBodies(reports: ReportsByBody, filters: Filters): YearlyRow[] {
  const rows: YearlyCubeRow[] = [];
  for (const body of new Set(filters.bodies)) {
    const range = reports.ranges.get(body);
    if (range) rows.push(...plainRows<YearlyCubeRow>(reports.table.slice(range.start, range.end)));
  }
  // The rows are the bodies' own: the other filters select among them as among the cube's.
  return yearlyFromCube(rows, { ...filters, bodies: [] });
}

/** A numeric column of reportsByBody's answer (NaN for null), read from its buffers once. */
const columnCache = new WeakMap<Table, Map<string, Float64Array>>();
function column(table: Table, name: string): Float64Array {
  let columns = columnCache.get(table);
  if (!columns) columnCache.set(table, (columns = new Map()));
  if (!columns.has(name)) columns.set(name, numberColumn(table.getChild(name)!));
  return columns.get(name)!;
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
  const { table, ranges, scopeOf, scopes } = reports;
  const years = column(table, 'year');
  const inScope = inScopeRow({ ...filters, bodies: [], from: null, to: null });
  const scopeSelected = scopes.map((scope) => inScope({ ...scope, year: 0 }));
  const selected = (i: number) => scopeSelected[scopeOf[i]] && (filters.from === null || years[i] >= filters.from) && (filters.to === null || years[i] <= filters.to);
  const values = measures.map((m) => column(table, m.key));
  const bodies = filters.bodies.length > 0 ? [...ranges].filter(([body]) => filters.bodies.includes(body)) : [...ranges];
  // Each body and year shown: its body, year, rows start .. end (a body's reports are in year order) and the value it is ranked by.
  const shown = { body: new Int32Array(table.numRows), year: new Int32Array(table.numRows), start: new Int32Array(table.numRows), end: new Int32Array(table.numRows), rank: new Float64Array(table.numRows) };
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

import type { Table } from 'apache-arrow';
import { columnValues, plainRows } from '../db/database';
import { TOP_BODIES, type BodyMeasuresRow, type BodyYearRow } from './bodies';
import { COUNTED, inScopeRow, type Filters, type ScopeColumns } from './filters';
import { SUMMED_COLUMNS, type Measure } from '../template';
import type { Query } from './query';
import { yearlyFromCube, type YearlyCubeRow, type YearlyRow } from './yearly';

/**
 * Every report's measures (of the reports that count: COUNTED), ordered by body: each report is a cube row of its
 * own (see yearlyCube). Held in the page as Arrow columns (~0.3 KB a report,
 * no object per report), it answers a choice of bodies with no query.
 */
export function reportsByBody(): Query {
  return {
    sql: `SELECT year, region, level, kind, imported, 1 AS reports, CAST(COALESCE(procurement_reports, 0) AS INTEGER) AS procurement_reports,
  ${SUMMED_COLUMNS.join(', ')}
FROM report_measures WHERE ${COUNTED} ORDER BY body, year`,
    params: [],
  };
}

/** How many reports each body has, in reportsByBody's order of bodies. */
export function reportCountsByBody(): Query {
  return { sql: `SELECT body, COUNT(*) AS reports FROM report_measures WHERE ${COUNTED} GROUP BY body ORDER BY body`, params: [] };
}

/** reportsByBody's answer, with where each body's reports lie in it. */
export interface ReportsByBody {
  table: Table;
  ranges: Map<string, { start: number; end: number }>;
}

export function indexReportsByBody(table: Table, counts: readonly { body: string; reports: number }[]): ReportsByBody {
  const ranges = new Map<string, { start: number; end: number }>();
  let start = 0;
  for (const { body, reports } of counts) {
    ranges.set(body, { start, end: start + reports });
    start += reports;
  }
  if (start !== table.numRows) throw new Error(`reportCountsByBody counts ${start} reports, reportsByBody gave ${table.numRows}`);
  return { table, ranges };
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

/** A column of reportsByBody's answer as plain values, read from its buffers once. */
const columnCache = new WeakMap<Table, Map<string, unknown[]>>();
function column<T>(table: Table, name: string): T[] {
  let columns = columnCache.get(table);
  if (!columns) columnCache.set(table, (columns = new Map()));
  if (!columns.has(name)) columns.set(name, columnValues(table.getChild(name)!, table.numRows));
  return columns.get(name) as T[];
}

interface BodyYearSums {
  body: string;
  year: number;
  sums: (number | null)[];
  rankedBy: number | null;
}

/**
 * The bodies' sums of some measures per year over their reports the filters
 * select, the first `limit` of each year by `rankBy` (ties included) among
 * those `shown`: queries/bodies.ts topBodiesByYear, over the reports held in
 * the page. In the SQL's order: by body, then year.
 */
function topOfReports(
  reports: ReportsByBody,
  filters: Filters,
  measures: readonly Measure[],
  rankBy: (sums: (number | null)[]) => number | null,
  shown: (rankedBy: number | null) => boolean,
  limit: number,
): BodyYearSums[] {
  const { table, ranges } = reports;
  const selected = inScopeRow({ ...filters, bodies: [] });
  const scope = { year: column<number>(table, 'year'), region: column<string | null>(table, 'region'), level: column<string | null>(table, 'level'), kind: column<string | null>(table, 'kind'), imported: column<boolean>(table, 'imported') };
  const values = measures.map((m) => column<number | null>(table, m.key));
  const bodies = filters.bodies.length > 0 ? [...ranges].filter(([body]) => filters.bodies.includes(body)) : [...ranges];
  const row: ScopeColumns = { year: 0, region: null, level: null, kind: null, imported: false };
  const byYear = new Map<number, BodyYearSums[]>();
  const all: BodyYearSums[] = [];
  for (const [body, { start, end }] of bodies) {
    let last = null as BodyYearSums | null;
    for (let i = start; i < end; i++) {
      Object.assign(row, { year: scope.year[i], region: scope.region[i], level: scope.level[i], kind: scope.kind[i], imported: scope.imported[i] });
      if (!selected(row)) continue;
      // A body's reports are in year order: the same year (same-named bodies of two regions) adds to the last.
      if (last?.year !== row.year) all.push((last = { body, year: row.year, sums: measures.map(() => null), rankedBy: null }));
      values.forEach((column, m) => {
        const value = column[i];
        if (value !== null) last!.sums[m] = (last!.sums[m] ?? 0) + value;
      });
    }
  }
  for (const sums of all) {
    sums.rankedBy = rankBy(sums.sums);
    if (!shown(sums.rankedBy)) continue;
    if (!byYear.has(sums.year)) byYear.set(sums.year, []);
    byYear.get(sums.year)!.push(sums);
  }
  const kept = new Set<BodyYearSums>();
  for (const ofYear of byYear.values()) {
    const ranked = ofYear.map((s) => s.rankedBy ?? Number.NEGATIVE_INFINITY).sort((a, b) => b - a);
    // rank(): one more than the bodies ranked strictly above.
    const cut = ranked[Math.min(limit, ranked.length) - 1];
    for (const s of ofYear) if ((s.rankedBy ?? Number.NEGATIVE_INFINITY) >= cut) kept.add(s);
  }
  return all.filter((s) => kept.has(s));
}

/** measureTopBodies(filters, measure), answered from every report's measures held in the page. */
export function measureTopBodiesOfReports(reports: ReportsByBody, filters: Filters, measure: Measure, limit = TOP_BODIES): BodyYearRow[] {
  return topOfReports(reports, filters, [measure], ([value]) => value, (value) => value !== null, limit).map(({ body, year, sums }) => ({ body, year, value: sums[0] }));
}

/** measuresTopBodies(filters, measures), answered from every report's measures held in the page. */
export function measuresTopBodiesOfReports(reports: ReportsByBody, filters: Filters, measures: readonly Measure[], limit = TOP_BODIES): BodyMeasuresRow[] {
  const total = (sums: (number | null)[]) => sums.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return topOfReports(reports, filters, measures, total, (value) => value !== null && value > 0, limit).map(
    ({ body, year, sums }) => ({ body, year, ...Object.fromEntries(measures.map((m, i) => [m.key, sums[i]])) }) as BodyMeasuresRow,
  );
}

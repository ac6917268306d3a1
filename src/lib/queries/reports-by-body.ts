import type { Table } from 'apache-arrow';
import { plainRows } from '../db/database';
import { COUNTED, type Filters } from './filters';
import { SUMMED_COLUMNS } from '../template';
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

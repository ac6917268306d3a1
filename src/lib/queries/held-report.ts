import type { Table } from 'apache-arrow';
import { numberColumn, plainRows } from '../db/database';
import type { RowWindow } from '../db/prepare';
import { TEMPLATE_CELLS } from '../template';
import { compareCodes, type ReportsByBody } from './held-reports';
import { findingIndex, findingOrder, findingRows } from './held-findings';
import { findText } from './text-columns';
import type { FindingRow, ReportRow } from './report';

/** A report's page and a body's page (their reports and findings) from what the page holds (queries/held-reports.ts), the same rows as queries/report.ts's queries. */

/** A report's row in the reports file, found by its id's bytes (no id decoded: a few ms over 100,000 reports). */
function rowOf(held: ReportsByBody, id: string): number | undefined {
  const row = findText(held.file.getChild('report_id')!, id);
  return row < 0 ? undefined : row;
}

/** Rows of the reports file as the reports table holds them (with `imported`), those of a year left out skipped. */
function reportRows(held: ReportsByBody, positions: readonly number[]): ReportRow[] {
  const imported = importedAt(held);
  return positions.flatMap((i) => {
    const row = plainRows<ReportRow>(held.file.slice(i, i + 1))[0];
    return held.leftOut.includes(row.year) ? [] : [{ ...row, imported: imported[i] === 1 }];
  });
}

/** 1 by position in the reports file for a report imported in this browser, made once per held dataset (not at each page's ask). */
const importedByFile = new WeakMap<Table, Uint8Array>();
function importedAt(held: ReportsByBody): Uint8Array {
  let imported = importedByFile.get(held.file);
  if (!imported) {
    importedByFile.set(held.file, (imported = new Uint8Array(held.file.numRows)));
    held.scopeOf.forEach((scope, r) => (imported![held.positions ? held.positions[r] : r] = held.scopes[scope].imported ? 1 : 0));
  }
  return imported;
}

/** reportById(id) from the reports held in the page. */
export function reportOfHeld(held: ReportsByBody, id: string): ReportRow[] {
  const row = rowOf(held, id);
  return row === undefined ? [] : reportRows(held, [row]);
}

/**
 * Where report `id`'s cells lie in its year's cells file: that file holds
 * every report of the year in the reports file's order, each with one row per
 * template cell (reader/report.ts assembleCells). Null: not a report held.
 */
export function cellRowsOfHeld(held: ReportsByBody, id: string): RowWindow | null {
  const row = rowOf(held, id);
  if (row === undefined) return null;
  const years = numberColumn(held.file.getChild('year')!);
  let before = 0;
  for (let i = 0; i < row; i++) if (years[i] === years[row]) before++;
  return { offset: before * TEMPLATE_CELLS.length, count: TEMPLATE_CELLS.length };
}

/** bodyReports(body) from the reports held in the page: every report of the body, by year, then id. */
export function bodyReportsOfHeld(held: ReportsByBody, body: string): ReportRow[] {
  const range = held.ranges.get(body);
  if (!range) return [];
  const positions = Array.from({ length: range.end - range.start }, (_, k) => (held.positions ? held.positions[range.start + k] : range.start + k));
  return reportRows(held, positions).sort((a, b) => a.year - b.year || compareCodes(a.report_id, b.report_id));
}

/** reportFindings(id) (`ids`: one report) or bodyFindings (every report of a body) from the findings held in the page. */
export function findingsOfHeld(held: ReportsByBody, ids: readonly string[]): FindingRow[] {
  const index = findingIndex(held);
  // The reports held (not of a year left out).
  const wanted = new Set(ids.map((id) => index.heldAt[rowOf(held, id) ?? -1] ?? -1).filter((r) => r >= 0));
  const found: number[] = [];
  for (let f = 0; f < index.report.length; f++) if (wanted.has(index.report[f])) found.push(f);
  return findingRows(held, index, found.sort(findingOrder(held, index)));
}

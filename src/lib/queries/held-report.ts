import type { Table } from 'apache-arrow';
import { plainRows } from '../db/database';
import { compareCodes, type ReportsByBody } from './held-reports';
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

/** bodyReports(body) from the reports held in the page: every report of the body, by year, then id. */
export function bodyReportsOfHeld(held: ReportsByBody, body: string): ReportRow[] {
  const range = held.ranges.get(body);
  if (!range) return [];
  const positions = Array.from({ length: range.end - range.start }, (_, k) => (held.positions ? held.positions[range.start + k] : range.start + k));
  return reportRows(held, positions).sort((a, b) => a.year - b.year || compareCodes(a.report_id, b.report_id));
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
  return rows.sort((a, b) => a.year - b.year || severity(a.severity) - severity(b.severity) || compareCodes(a.rule, b.rule) || compareCodes(a.cells, b.cells));
}

import { compareCodes, type ReportsByBody } from './held-reports';
import type { FindingRow } from './report';
import { findText } from './text-columns';

/**
 * The findings held in the page (queries/held-reports.ts), indexed once per
 * held dataset, and their rows in the SQL's order: what 数据质量
 * (held-quality.ts) and a body's or a report's page (held-report.ts) list.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** The findings held, finding by finding, made once per held dataset: what the answers group and sort by. */
export interface FindingIndex {
  /** Its report's position among the held reports (-1: of a year left out). */
  report: Int32Array;
  /** Its severity, as a position in SEVERITIES. */
  severity: Uint8Array;
  rule: string[];
  cells: string[];
  unchecked: (string | null)[];
  /** Each held report's body and report_id. */
  body: string[];
  reportId: (r: number) => string;
  /** By row of the reports file, the report's position among the held ones (-1: not held). */
  heldAt: Int32Array;
}

const indexes = new WeakMap<ReportsByBody, FindingIndex>();

export function findingIndex(held: ReportsByBody): FindingIndex {
  const known = indexes.get(held);
  if (known) return known;
  const ids = held.file.getChild('report_id')!;
  const fileRow = (r: number) => (held.positions ? held.positions[r] : r);
  const body: string[] = new Array(held.length);
  for (const [name, { start, end }] of held.ranges) body.fill(name, start, end);
  const { findings } = held;
  const column = (name: string) => Array.from(findings.getChild(name)!) as (string | null)[];
  const heldAt = new Int32Array(held.file.numRows).fill(-1);
  for (let r = 0; r < held.length; r++) heldAt[fileRow(r)] = r;
  const index: FindingIndex = {
    report: heldReportOf(held, heldAt, column('report_id') as string[]),
    severity: Uint8Array.from(findings.getChild('severity')!, (s) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number])),
    rule: column('rule') as string[],
    cells: column('cells') as string[],
    unchecked: column('unchecked_rule'),
    body,
    reportId: (r) => ids.get(fileRow(r)) as string,
    heldAt,
  };
  indexes.set(held, index);
  return index;
}

/**
 * Each finding's report (`ids`) as a position among the held reports (-1:
 * not held). The findings file is in the reports file's order: one walk
 * forward over the reports' ids finds them all, reading their bytes in place.
 */
function heldReportOf(held: ReportsByBody, heldAt: Int32Array, ids: readonly string[]): Int32Array {
  const fileIds = held.file.getChild('report_id')!;
  const report = new Int32Array(ids.length);
  let row = 0;
  ids.forEach((id, f) => {
    if (f === 0 || id !== ids[f - 1]) {
      const ahead = findText(fileIds, id, row);
      row = ahead >= 0 ? ahead : findText(fileIds, id); // out of order: sought from the start
    }
    report[f] = row < 0 ? -1 : heldAt[row];
    if (row < 0) row = 0;
  });
  return report;
}

/**
 * The order of findings lists (queries/report.ts FINDING_ORDER after body
 * and year): by body, year, severity, rule, cells, then the findings file's
 * order (the SQL's rowid).
 */
export function findingOrder(held: ReportsByBody, index: FindingIndex): (f: number, g: number) => number {
  const { report, severity, rule, cells, body } = index;
  return (f, g) =>
    compareCodes(body[report[f]], body[report[g]]) ||
    held.year[report[f]] - held.year[report[g]] ||
    severity[f] - severity[g] ||
    compareCodes(rule[f], rule[g]) ||
    compareCodes(cells[f], cells[g]) ||
    f - g;
}

/** The findings at these positions as rows (FindingRow), with their report's body and year. */
export function findingRows(held: ReportsByBody, index: FindingIndex, found: readonly number[]): FindingRow[] {
  const [expected, actual, message, related] = ['expected', 'actual', 'message', 'related_report_id'].map((name) => held.findings.getChild(name)!);
  return found.map((f) => {
    const r = index.report[f];
    return {
      report_id: index.reportId(r),
      body: index.body[r],
      year: held.year[r],
      rule: index.rule[f],
      severity: SEVERITIES[index.severity[f]],
      cells: index.cells[f],
      expected: expected.get(f),
      actual: actual.get(f),
      message: message.get(f),
      related_report_id: related.get(f),
    };
  });
}

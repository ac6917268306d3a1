import { SHOWN_STATES, stateCountColumn } from '../template';
import type { Filters } from './filters';
import { compareCodes, type ReportsByBody } from './held-reports';
import type { BodyFindingCountRow, BodyYearsRow, CellStateRow, IncompleteReportRow, RuleCountRow, UncheckedRuleRow } from './quality';
import type { FindingRow } from './report';
import { scopeOfReports } from './reports-by-body';
import { stateRows, uncheckedRows } from './quality-cube';
import { findingIndex, findingOrder, findingRows, SEVERITIES, type FindingIndex } from './held-findings';

/**
 * 数据质量's queries (queries/quality.ts) answered from the reports and
 * findings held in the page (queries/held-reports.ts), the same rows in the
 * same order (tests compare them): the page needs no query, and no DuckDB.
 */

/** The findings (their positions) of the reports the filters select. */
function findingsInScope(held: ReportsByBody, filters: Filters): { index: FindingIndex; found: number[] } {
  const index = findingIndex(held);
  const inScope = scopeOfReports(held, filters);
  const found: number[] = [];
  for (let f = 0; f < index.report.length; f++) if (index.report[f] >= 0 && inScope[index.report[f]]) found.push(f);
  return { index, found };
}

/** findingsByRule(filters): findings and their reports per rule and year, by rule, then year. */
export function findingsByRuleOfHeld(held: ReportsByBody, filters: Filters): RuleCountRow[] {
  const { index, found } = findingsInScope(held, filters);
  const groups = new Map<string, { row: RuleCountRow; reports: Set<number> }>();
  for (const f of found) {
    const r = index.report[f];
    const year = held.year[r];
    const key = `${index.rule[f]}\u0000${year}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { row: { rule: index.rule[f], severity: SEVERITIES[index.severity[f]], year, findings: 0, reports: 0 }, reports: new Set() }));
    group.row.findings++;
    group.reports.add(r);
  }
  return [...groups.values()].map(({ row, reports }) => ({ ...row, reports: reports.size })).sort((a, b) => compareCodes(a.rule, b.rule) || a.year - b.year);
}

/** findingsByReport(filters, limit): each report's findings by severity, the most errors (then warnings) first. */
export function findingsByReportOfHeld(held: ReportsByBody, filters: Filters, limit: number): BodyFindingCountRow[] {
  const { index, found } = findingsInScope(held, filters);
  const counts = new Map<number, [number, number, number]>();
  for (const f of found) {
    const r = index.report[f];
    let count = counts.get(r);
    if (!count) counts.set(r, (count = [0, 0, 0]));
    count[index.severity[f]]++;
  }
  const rows = [...counts].map(([r, [errors, warnings, infos]]) => ({ body: index.body[r], year: held.year[r], report_id: index.reportId(r), errors, warnings, infos, total: counts.size }));
  return rows.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || compareCodes(a.body, b.body) || a.year - b.year || compareCodes(a.report_id, b.report_id)).slice(0, Math.trunc(limit));
}

/** findingList(filters, rule, limit): the findings (of one rule, or all), in findingOrder. */
export function findingListOfHeld(held: ReportsByBody, filters: Filters, rule: string | null, limit: number): (FindingRow & { total: number })[] {
  const { index, found } = findingsInScope(held, filters);
  const listed = rule ? found.filter((f) => index.rule[f] === rule) : found;
  listed.sort(findingOrder(held, index));
  return findingRows(held, index, listed.slice(0, Math.trunc(limit))).map((row) => ({ ...row, total: listed.length }));
}

/** incompleteReports(filters, limit): reports with ambiguous, blank or missing cells, the most first. */
export function incompleteReportsOfHeld(held: ReportsByBody, filters: Filters, limit: number): IncompleteReportRow[] {
  const inScope = scopeOfReports(held, filters);
  const [ambiguous, blank, missing] = (['ambiguous', 'blank', 'missing'] as const).map((state) => held.columns.get(stateCountColumn(state))!);
  const incomplete: number[] = [];
  for (let r = 0; r < held.length; r++) if (ambiguous[r] + blank[r] + missing[r] > 0 && inScope[r]) incomplete.push(r);
  const { body, reportId } = findingIndex(held);
  const sum = (r: number) => ambiguous[r] + blank[r] + missing[r];
  incomplete.sort((r, s) => sum(s) - sum(r) || compareCodes(body[r], body[s]) || held.year[r] - held.year[s] || compareCodes(reportId(r), reportId(s)));
  return incomplete
    .slice(0, Math.trunc(limit))
    .map((r) => ({ report_id: reportId(r), body: body[r], year: held.year[r], ambiguous: ambiguous[r], blank: blank[r], missing: missing[r], total: incomplete.length }));
}

/** bodyYears(filters): the years each body of the selection has a report for, by body. */
export function bodyYearsOfHeld(held: ReportsByBody, filters: Filters): BodyYearsRow[] {
  const inScope = scopeOfReports(held, filters);
  const rows: BodyYearsRow[] = [];
  for (const [body, { start, end }] of held.ranges) {
    let years: number[] | null = null;
    for (let r = start; r < end; r++) {
      if (!inScope[r]) continue;
      if (!years) years = [held.year[r]];
      else if (!years.includes(held.year[r])) years.push(held.year[r]);
    }
    if (years) rows.push({ body, years: years.sort((a, b) => a - b) });
  }
  return rows.sort((a, b) => compareCodes(a.body, b.body));
}

/** cellStates(filters): the selection's cells by state (those it has), by state. */
export function cellStatesOfHeld(held: ReportsByBody, filters: Filters): CellStateRow[] {
  const inScope = scopeOfReports(held, filters);
  return stateRows(
    SHOWN_STATES.map((state) => {
      const counts = held.columns.get(stateCountColumn(state))!;
      let cells = 0;
      for (let r = 0; r < held.length; r++) if (inScope[r]) cells += counts[r];
      return cells;
    }),
  );
}

/** uncheckedRules(filters): the rules that could not be evaluated on some reports (NOT_EVALUATED), with how many, the most first. */
export function uncheckedRulesOfHeld(held: ReportsByBody, filters: Filters): UncheckedRuleRow[] {
  const { index, found } = findingsInScope(held, filters);
  const reports = new Map<string | null, Set<number>>();
  for (const f of found) {
    if (index.rule[f] !== 'NOT_EVALUATED') continue;
    const rule = index.unchecked[f];
    if (!reports.has(rule)) reports.set(rule, new Set());
    reports.get(rule)!.add(index.report[f]);
  }
  return uncheckedRows(new Map([...reports].map(([rule, of]) => [rule, of.size])));
}

import type { Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { checkAcrossYears } from './cross-year';
import { checkNarrative } from './narrative';
import { checkReportRules } from './report-rules';

export { checkAcrossYears, bodyKey } from './cross-year';
export { checkNarrative } from './narrative';
export { checkReportRules } from './report-rules';

/** Every rule on one report: its tables' own sums and its prose. */
export function checkReport(report: ParsedReport): Finding[] {
  return [...checkReportRules(report), ...checkNarrative(report)];
}

/** Every finding for a set of reports: what the reader met, each report's rules, and the rules across years. */
export function checkAll(reports: readonly ParsedReport[]): Finding[] {
  return [...reports.flatMap((r) => [...r.findings, ...checkReport(r)]), ...checkAcrossYears(reports)];
}

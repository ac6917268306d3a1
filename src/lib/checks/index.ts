import type { Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { checkNarrative } from './narrative';
import { checkPlausibility } from './plausibility';
import { checkReportRules } from './report-rules';

export { checkAcrossYears, carryFacts, bodyKey, type CarryFacts } from './cross-year';
export { checkNarrative } from './narrative';
export { checkReportRules } from './report-rules';

/** Every finding on one report alone: what the reader met, its tables' own sums, its prose. */
export function checkReport(report: ParsedReport): Finding[] {
  return [...report.findings, ...checkReportRules(report), ...checkPlausibility(report), ...checkNarrative(report)];
}


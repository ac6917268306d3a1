import {
  RULE_BY_ID,
  T3_APPLICANT_COLUMNS,
  T3_COLUMNS,
  T3_OUTCOME_ROWS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  type Finding,
  type RuleId,
} from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';

/** One report's own consistency rules: T3_BALANCE, T3_HANDLED_SUM, T3_ROW_SUM, T4_GROUP_SUM. */
export function checkReportRules(report: ParsedReport): Finding[] {
  const cells = new CellValues(report.cells);
  const findings: Finding[] = [];
  const compare = (rule: RuleId, refs: string[], expected: number | undefined, actual: number | undefined, message: string) => {
    if (expected === undefined || actual === undefined || !differ(expected, actual)) return;
    findings.push({ rule, severity: RULE_BY_ID[rule].severity, reportId: report.id, cells: refs, expected, actual, message, relatedReportId: null });
  };

  for (const col of T3_COLUMNS) {
    const ref = (row: string) => `t3.${row}.${col.key}`;
    const [received, handled] = [[ref('new'), ref('carried_over')], [ref('handled'), ref('carried_forward')]];
    const expected = cells.sum(received);
    const actual = cells.sum(handled);
    compare('T3_BALANCE', [...received, ...handled], expected, actual,
      `“${col.label}”列：本年新收 + 上年结转 = ${expected}，办理结果总计 + 结转下年度 = ${actual}`);

    const outcomes = T3_OUTCOME_ROWS.map((r) => ref(r.key)).filter((r) => cells.has(r));
    const outcomeSum = cells.sum(outcomes);
    const handledTotal = cells.number(ref('handled'));
    compare('T3_HANDLED_SUM', [ref('handled'), ...outcomes], outcomeSum, handledTotal,
      `“${col.label}”列：各项办理结果之和 = ${outcomeSum}，（七）总计 = ${handledTotal}`);
  }

  for (const row of T3_ROWS) {
    const applicants = T3_APPLICANT_COLUMNS.map((c) => `t3.${row.key}.${c.key}`);
    const totalRef = `t3.${row.key}.total`;
    if (!cells.has(totalRef)) continue;
    const expected = cells.sum(applicants);
    const actual = cells.number(totalRef);
    compare('T3_ROW_SUM', [totalRef, ...applicants], expected, actual, `“${row.label}”行：申请人各列之和 = ${expected}，总计 = ${actual}`);
  }

  for (const group of T4_GROUPS) {
    const parts = T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => `t4.${group.key}.${c.key}`);
    const totalRef = `t4.${group.key}.total`;
    const expected = cells.sum(parts);
    const actual = cells.number(totalRef);
    compare('T4_GROUP_SUM', [totalRef, ...parts], expected, actual, `${group.label}：各结果之和 = ${expected}，总计 = ${actual}`);
  }
  return findings;
}

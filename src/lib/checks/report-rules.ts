import {
  RULE_BY_ID,
  T3_APPLICANT_COLUMNS,
  T3_COLUMNS,
  T3_OUTCOME_ROWS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  templateIndex,
  type Finding,
  type RuleId,
} from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';
import { notEvaluated } from './not-evaluated';

/** One rule instance: the sum of `expected` cells must equal the sum of `actual` cells. */
interface SumRule {
  rule: RuleId;
  expected: string[];
  actual: string[];
  /** The message, given each side's sum as shown (see shownSum). */
  describe: (expected: string, actual: string) => string;
}

const t3 = (row: string, col: string) => `t3.${row}.${col}`;

// Built once: the same instances apply to every report (cells a version lacks drop out).
const T3_SUM_RULES: SumRule[] = T3_COLUMNS.flatMap((col): SumRule[] => [
  {
    rule: 'T3_BALANCE',
    expected: [t3('new', col.key), t3('carried_over', col.key)],
    actual: [t3('handled', col.key), t3('carried_forward', col.key)],
    describe: (e, a) => `“${col.label}”列：本年新收 + 上年结转 = ${e}，办理结果总计 + 结转下年度 = ${a}`,
  },
  {
    rule: 'T3_HANDLED_SUM',
    expected: T3_OUTCOME_ROWS.map((r) => t3(r.key, col.key)),
    actual: [t3('handled', col.key)],
    describe: (e, a) => `“${col.label}”列：各项办理结果之和 = ${e}，（七）总计 = ${a}`,
  },
]);

const ROW_SUM_RULES: SumRule[] = T3_ROWS.map((row) => ({
  rule: 'T3_ROW_SUM',
  expected: T3_APPLICANT_COLUMNS.map((c) => t3(row.key, c.key)),
  actual: [t3(row.key, 'total')],
  describe: (e, a) => `“${row.label}”行：申请人各列之和 = ${e}，总计 = ${a}`,
}));

const T4_RULES: SumRule[] = T4_GROUPS.map((group) => ({
  rule: 'T4_GROUP_SUM',
  expected: T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => `t4.${group.key}.${c.key}`),
  actual: [`t4.${group.key}.total`],
  describe: (e, a) => `${group.label}：各结果之和 = ${e}，总计 = ${a}`,
}));

/** The rules with their cells as TEMPLATE_CELLS positions, resolved once. */
const SUM_RULES = [...T3_SUM_RULES, ...ROW_SUM_RULES, ...T4_RULES].map((r) => ({
  ...r,
  expectedAt: r.expected.map((ref) => templateIndex(ref)!),
  actualAt: r.actual.map((ref) => templateIndex(ref)!),
}));

/** The sum over the cells that apply to this report's version (none: undefined), and the applying cells with no number. */
function sumApplying(cells: CellValues, indices: number[], unusable: number[]): number | undefined {
  let total = 0;
  let applying = 0;
  for (const i of indices) {
    if (!cells.appliesAt(i)) continue;
    applying++;
    const n = cells.numberAt(i);
    if (n === undefined) unusable.push(i);
    else total += n;
  }
  return applying === 0 ? undefined : total;
}

/**
 * A side's sum as a message shows it. Rules count a cell left blank, “/” or “—”
 * as 0; a side with no figure written at all says so, so that the reviewer
 * does not look for a 0 the report never printed.
 */
function shownSum(cells: CellValues, indices: number[], sum: number): string {
  const states = indices.filter((i) => cells.appliesAt(i)).map((i) => cells.stateAt(i));
  if (states.length === 0 || states.some((state) => state === 'value')) return String(sum);
  return states.every((state) => state === 'blank') ? `${sum}（空白）` : `${sum}（未填数字）`;
}

/**
 * One report's own consistency rules: T3_BALANCE, T3_HANDLED_SUM, T3_ROW_SUM,
 * T4_GROUP_SUM. An instance whose cells are missing or ambiguous is not
 * evaluated, and one NOT_EVALUATED finding per rule says so.
 */
export function checkReportRules(report: ParsedReport): Finding[] {
  const cells = new CellValues(report.cells);
  const findings: Finding[] = [];
  const unchecked = new Map<RuleId, { instances: number; cells: Set<number> }>();
  for (const { rule, expected, actual, expectedAt, actualAt, describe } of SUM_RULES) {
    const unusable: number[] = [];
    const e = sumApplying(cells, expectedAt, unusable);
    const a = sumApplying(cells, actualAt, unusable);
    if (e === undefined || a === undefined) continue;
    if (unusable.length > 0) {
      const skipped = unchecked.get(rule) ?? { instances: 0, cells: new Set<number>() };
      skipped.instances++;
      for (const i of unusable) skipped.cells.add(i);
      unchecked.set(rule, skipped);
      continue;
    }
    if (!differ(e, a)) continue;
    const applying = (refs: string[]) => refs.filter((r) => cells.applies(r));
    findings.push({
      rule,
      severity: RULE_BY_ID[rule].severity,
      reportId: report.id,
      cells: [...applying(actual), ...applying(expected)],
      expected: e,
      actual: a,
      message: describe(shownSum(cells, expectedAt, e), shownSum(cells, actualAt, a)),
      relatedReportId: null,
    });
  }
  for (const [rule, { instances, cells: at }] of unchecked)
    findings.push(notEvaluated(rule, report.id, instances, [...at].sort((x, y) => x - y).map((index) => ({ index, state: cells.stateAt(index) }))));
  return findings;
}

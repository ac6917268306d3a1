import { cellRef, RULE_BY_ID, T2_ITEMS, type Finding } from '../template';
import type { ParsedReport } from '../reader/types';

/** The template's money cells (t2 fees and procurement), in 万元. */
const MONEY = new Set(T2_ITEMS.flatMap((it) => it.rows.flatMap((r) => it.cols.filter((c) => c.money).map((c) => cellRef({ table: 't2', item: it.item, row: r.key, col: c.key })))));

/**
 * Beyond any one body's year: 10 million licensing or penalty decisions, a
 * million disclosure requests or reviews, 10 million 万元 (1,000 亿元) of fees
 * or procurement. Past these a figure was misread or mistyped (元 written as 万元).
 */
const LIMIT = { t2: 1e7, t3: 1e6, t4: 1e6, money: 1e7 } as const;

/** IMPLAUSIBLE_VALUE: figures no report can mean — fractions or negatives of counts, magnitudes beyond any body. */
export function checkPlausibility(report: ParsedReport): Finding[] {
  const findings: Finding[] = [];
  for (const cell of report.cells) {
    if (cell.state !== 'value' || cell.value === null) continue;
    const ref = cellRef(cell);
    const value = cell.value;
    const money = MONEY.has(ref);
    let why: string | null = null;
    if (money && value > LIMIT.money) why = `金额 ${value.toLocaleString('zh-CN')} 万元（${(value / 1e4).toLocaleString('zh-CN')} 亿元）超出一个机关一年的合理范围：可能把“元”写成了“万元”`;
    else if (money && value < 0) why = `金额为负数（${value}）`;
    else if (!money && !Number.isInteger(value)) why = `数量不是整数（${value}）`;
    else if (!money && value < 0 && cell.col !== 'change') why = `数量为负数（${value}）`;
    else if (!money && Math.abs(value) > LIMIT[cell.table]) why = `数量 ${value.toLocaleString('zh-CN')} 超出一个机关一年的合理范围`;
    if (why)
      findings.push({ rule: 'IMPLAUSIBLE_VALUE', severity: RULE_BY_ID.IMPLAUSIBLE_VALUE.severity, reportId: report.id, cells: [ref], expected: null, actual: value, message: `${ref}：${why}（原文“${cell.raw}”）`, relatedReportId: null });
  }
  return findings;
}

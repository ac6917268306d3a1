import { cellName, cellRef, CONSOLIDATED_KIND, RULE_BY_ID, T2_ITEMS, templateIndex, type Cell, type Finding, type RuleId } from '../template';
import type { ParsedReport } from '../reader/types';

/** The template's money cells (t2 fees and procurement), in 万元, by reference. */
export const MONEY_CELLS: ReadonlySet<string> = new Set(T2_ITEMS.flatMap((it) => it.rows.flatMap((r) => it.cols.filter((c) => c.money).map((c) => cellRef({ table: 't2', item: it.item, row: r.key, col: c.key })))));

/** The same by TEMPLATE_CELLS position. */
export const MONEY_AT: ReadonlySet<number> = new Set([...MONEY_CELLS].map((ref) => templateIndex(ref)!));

/**
 * Beyond any one body's year: 10 million licensing or penalty decisions, a
 * million disclosure requests or reviews. Past these a figure was misread or mistyped.
 */
const COUNT_LIMIT = { t2: 1e7, t3: 1e6, t4: 1e6 } as const;

/**
 * Money beyond one body's year anywhere in the country: 100 亿元 of fees or
 * centralised procurement (1,000 亿元 for a region-wide report), or 10 亿元
 * per procurement project on average. Past these, 元 were most likely written
 * under a 万元 header: the figure is 10,000 times too large.
 */
export const MONEY_LIMIT = { body: 1e6, consolidated: 1e7, perProject: 1e5 } as const;

const PROCUREMENT_AMOUNT = templateIndex('t2.art20_9.procurement.amount')!;
const PROCUREMENT_PROJECTS = templateIndex('t2.art20_9.procurement.projects')!;

const wan = (n: number) => `${n.toLocaleString('zh-CN')} 万元（${(n / 1e4).toLocaleString('zh-CN')} 亿元）`;

/**
 * IMPLAUSIBLE_VALUE: figures no report can mean (fractions or negatives of
 * counts, counts beyond any body, negative money); MONEY_UNIT_SUSPECT: money
 * too large for its unit (see MONEY_LIMIT; the body's other years are
 * compared in cross-year.ts).
 */
export function checkPlausibility(report: ParsedReport): Finding[] {
  const findings: Finding[] = [];
  const flag = (rule: RuleId, cell: Cell, why: string, expected: number | null = null) =>
    findings.push({ rule, severity: RULE_BY_ID[rule].severity, reportId: report.id, cells: [cellRef(cell)], expected, actual: cell.value, message: `${cellName(cellRef(cell))}：${why}（原文“${cell.raw}”）`, relatedReportId: null });
  const projects = report.cells.find((c) => c.state === 'value' && c.templateIndex === PROCUREMENT_PROJECTS)?.value ?? null;
  const moneyLimit = report.kind === CONSOLIDATED_KIND ? MONEY_LIMIT.consolidated : MONEY_LIMIT.body;
  for (const cell of report.cells) {
    if (cell.state !== 'value' || cell.value === null) continue;
    const value = cell.value;
    if (MONEY_AT.has(cell.templateIndex)) {
      const perProject = cell.templateIndex === PROCUREMENT_AMOUNT && projects ? value / projects : null;
      if (value < 0) flag('IMPLAUSIBLE_VALUE', cell, `金额为负数（${value}）`);
      else if (value > moneyLimit)
        flag('MONEY_UNIT_SUSPECT', cell, `金额 ${wan(value)}超出一个机关一年的合理范围：可能把“元”写成了“万元”，按元计为 ${(value / 1e4).toLocaleString('zh-CN')} 万元`, value / 1e4);
      else if (perProject !== null && perProject > MONEY_LIMIT.perProject)
        flag('MONEY_UNIT_SUSPECT', cell, `${projects} 个采购项目共 ${wan(value)}，平均每个 ${wan(perProject)}：可能把“元”写成了“万元”，按元计为 ${(value / 1e4).toLocaleString('zh-CN')} 万元`, value / 1e4);
    } else if (!Number.isInteger(value)) flag('IMPLAUSIBLE_VALUE', cell, `数量不是整数（${value}）`);
    else if (value < 0 && cell.col !== 'change') flag('IMPLAUSIBLE_VALUE', cell, `数量为负数（${value}）`);
    else if (Math.abs(value) > COUNT_LIMIT[cell.table]) flag('IMPLAUSIBLE_VALUE', cell, `数量 ${value.toLocaleString('zh-CN')} 超出一个机关一年的合理范围`);
  }
  return findings;
}

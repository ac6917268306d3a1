import { cellName, CONSOLIDATED_KIND, RULE_BY_ID, T2_ITEMS, TEMPLATE_CELLS, templateIndex, type CellState, type Finding, type RuleId } from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';
import { notEvaluated, type UnusableCell } from './not-evaluated';
import { MONEY_AT, MONEY_CELLS, MONEY_LIMIT } from './plausibility';

/** Reports of one body: same region and body name. */
export function bodyKey(report: { region: string | null; body: string }): string {
  return `${report.region ?? ''}\u0000${report.body}`;
}

const IN_FORCE_ROWS = T2_ITEMS.find((i) => i.item === 'art20_1' && i.version === '2021')!.rows;
const CARRIED_OVER = 't3.carried_over.total';
const CARRIED_FORWARD = 't3.carried_forward.total';
const inForceRefs = (row: string) => ({ inForce: `t2.art20_1.${row}.in_force`, issued: `t2.art20_1.${row}.issued`, repealed: `t2.art20_1.${row}.repealed` });

/** A figure a rule across years uses: its number, or the state that leaves it without one. */
interface Figure {
  value?: number;
  state?: CellState;
}

/** What the rules across years need of one report: a few numbers, so that all reports' cells need not be kept. */
export interface CarryFacts {
  reportId: string;
  body: string;
  region: string | null;
  kind: string | null;
  year: number;
  template: ParsedReport['template'];
  file: string;
  /** Cells read (a number, '/', '—' or blank): of two reports for one year, the more complete one counts. */
  readable: number;
  /**
   * FIGURES' numbers (NaN: none) and states, in FIGURES' order: two small
   * arrays rather than an object per figure (a million reports' facts are held).
   */
  figureValues: number[];
  figureStates: (CellState | undefined)[];
  /** Money cells with a value, by reference (万元). */
  money: Record<string, number>;
}

const READABLE: ReadonlySet<CellState> = new Set(['value', 'slash', 'dash', 'blank']);
const FIGURES = [CARRIED_OVER, CARRIED_FORWARD, ...IN_FORCE_ROWS.flatMap((r) => Object.values(inForceRefs(r.key)))];
const FIGURE_AT = new Map(FIGURES.map((ref, i) => [ref, i]));

function figure(facts: CarryFacts, ref: string): Figure {
  const at = FIGURE_AT.get(ref)!;
  const value = facts.figureValues[at];
  return { value: Number.isNaN(value) ? undefined : value, state: facts.figureStates[at] };
}

export function carryFacts(report: ParsedReport): CarryFacts {
  const cells = new CellValues(report.cells);
  const figureValues = FIGURES.map((ref) => cells.number(ref) ?? Number.NaN);
  const figureStates = FIGURES.map((ref) => cells.state(ref));
  const money: Record<string, number> = {};
  let readable = 0;
  for (const cell of report.cells) {
    if (READABLE.has(cell.state)) readable++;
    if (cell.state === 'value' && cell.value !== null && MONEY_AT.has(cell.templateIndex)) money[TEMPLATE_CELLS[cell.templateIndex].ref] = cell.value;
  }
  return { reportId: report.id, body: report.body, region: report.region, kind: report.kind, year: report.year, template: report.template, file: report.source.file, readable, figureValues, figureStates, money };
}

/**
 * Of a body's reports for one year, the one that counts in sums: the most
 * complete (most cells read), then the one whose file name sorts last (a
 * corrected edition, 更正版 or v2, is usually named after the first).
 */
function countedFirst(a: CarryFacts, b: CarryFacts): number {
  return b.readable - a.readable || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0);
}

/** A money figure this many times the median of the body's other years is 元 written as 万元. */
const MONEY_JUMP = 1000;

/**
 * Rules across the reports of one body: DUPLICATE_REPORT where a body has two
 * reports for one year (on each report that does not count, naming the one
 * that does: see countedFirst), then over the counted reports YEAR_CARRY,
 * IN_FORCE_CARRY (NOT_EVALUATED where their cells are missing or ambiguous)
 * and MONEY_UNIT_SUSPECT against the body's other years.
 */
export function checkAcrossYears(reports: readonly CarryFacts[]): Finding[] {
  const findings: Finding[] = [];
  const byBody = new Map<string, CarryFacts[]>();
  for (const r of reports) {
    const list = byBody.get(bodyKey(r));
    if (list) list.push(r);
    else byBody.set(bodyKey(r), [r]);
  }
  for (const group of byBody.values()) {
    const byYear = new Map<number, CarryFacts>();
    const years = [...new Set(group.map((r) => r.year))].sort((a, b) => a - b);
    for (const year of years) {
      const [counted, ...others] = group.filter((r) => r.year === year).sort(countedFirst);
      byYear.set(year, counted);
      for (const r of others)
        findings.push(finding('DUPLICATE_REPORT', r, counted, [], null, null,
          `${r.body} ${year} 年有 ${others.length + 1} 份报告：计入合计的是 ${counted.file}（读出的单元格最多；一样多时取文件名排在后面的），本报告 ${r.file} 不计入合计`));
    }
    for (const [year, now] of byYear) {
      const before = byYear.get(year - 1);
      if (before) findings.push(...carryRules(now, before));
    }
    findings.push(...moneyAgainstOtherYears([...byYear.values()]));
  }
  return findings;
}

function carryRules(now: CarryFacts, before: CarryFacts): Finding[] {
  const findings: Finding[] = [];
  const year = now.year;
  const forward = figure(before, CARRIED_FORWARD);
  const over = figure(now, CARRIED_OVER);
  if (forward.value === undefined || over.value === undefined) {
    if (forward.state !== 'not_in_template' && over.state !== 'not_in_template')
      findings.push(notEvaluated('YEAR_CARRY', now.reportId, 1, [...(forward.value === undefined ? [{ index: templateIndex(CARRIED_FORWARD)!, state: forward.state, related: true }] : []), ...(over.value === undefined ? [{ index: templateIndex(CARRIED_OVER)!, state: over.state }] : [])], before.reportId));
  } else if (differ(forward.value, over.value))
    findings.push(finding('YEAR_CARRY', now, before, [CARRIED_OVER], forward.value, over.value, `${year} 年上年结转 ${over.value} 件，而 ${year - 1} 年报告结转下年度 ${forward.value} 件`));
  if (now.template !== '2021' || before.template !== '2021') return findings;
  const unusable: UnusableCell[] = [];
  let unchecked = 0;
  for (const { key: row, label } of IN_FORCE_ROWS) {
    const refs = inForceRefs(row);
    const prior = figure(before, refs.inForce);
    const [inForce, issued, repealed] = [figure(now, refs.inForce), figure(now, refs.issued), figure(now, refs.repealed)];
    const lacking: UnusableCell[] = [
      ...(prior.value === undefined ? [{ index: templateIndex(refs.inForce)!, state: prior.state, related: true }] : []),
      ...[inForce, issued, repealed].flatMap((f, i) => (f.value === undefined ? [{ index: templateIndex([refs.inForce, refs.issued, refs.repealed][i])!, state: f.state }] : [])),
    ];
    if (lacking.some((c) => c.state === 'not_in_template')) continue;
    if (lacking.length > 0) {
      unchecked++;
      unusable.push(...lacking);
      continue;
    }
    const expected = prior.value! + issued.value! - repealed.value!;
    if (differ(expected, inForce.value!))
      findings.push(finding('IN_FORCE_CARRY', now, before, [refs.inForce, refs.issued, refs.repealed], expected, inForce.value!,
        `${label}：上年现行有效 ${prior.value} + 本年制发 ${issued.value} − 本年废止 ${repealed.value} = ${expected}，报告现行有效 ${inForce.value}`));
  }
  if (unchecked > 0) findings.push(notEvaluated('IN_FORCE_CARRY', now.reportId, unchecked, unusable, before.reportId));
  return findings;
}

/** MONEY_UNIT_SUSPECT: a money figure MONEY_JUMP times the median of the same figure in the body's other years. */
function moneyAgainstOtherYears(reports: CarryFacts[]): Finding[] {
  const findings: Finding[] = [];
  for (const ref of MONEY_CELLS) {
    const withValue = reports.filter((r) => (r.money[ref] ?? 0) > 0);
    for (const r of withValue) {
      const value = r.money[ref];
      // Beyond the national range it is flagged already (plausibility.ts).
      if (value > (r.kind === CONSOLIDATED_KIND ? MONEY_LIMIT.consolidated : MONEY_LIMIT.body)) continue;
      const others = withValue.filter((o) => o !== r).map((o) => o.money[ref]).sort((a, b) => a - b);
      if (others.length === 0) continue;
      const median = others.length % 2 ? others[(others.length - 1) / 2] : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
      if (value >= MONEY_JUMP * median)
        findings.push({ rule: 'MONEY_UNIT_SUSPECT', severity: RULE_BY_ID.MONEY_UNIT_SUSPECT.severity, reportId: r.reportId, cells: [ref], expected: median, actual: value, relatedReportId: null,
          message: `${cellName(ref)}：${r.year} 年 ${value.toLocaleString('zh-CN')} 万元，是本机关其他年度中位数 ${median.toLocaleString('zh-CN')} 万元的 ${Math.round(value / median).toLocaleString('zh-CN')} 倍：可能把“元”写成了“万元”` });
    }
  }
  return findings;
}

function finding(rule: RuleId, report: CarryFacts, related: CarryFacts, cells: string[], expected: number | null, actual: number | null, message: string): Finding {
  return { rule, severity: RULE_BY_ID[rule].severity, reportId: report.reportId, cells, expected, actual, message, relatedReportId: related.reportId };
}

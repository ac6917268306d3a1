import { SMALL_BASE, SMALL_BASE_NOTE } from '../format/numbers';
import type { BodyYearMeasures } from '../queries/body-years';
import type { YearlyRow } from '../template';
import { compareText } from '../format/collation';
import { topBySize } from '../queries/top';
import { inTemplate, meaningsOf, metricValue, rateLeftOut, type MeasureRow, type Metric } from './metrics';

/** One year of a comparison: the summed measures (null: no report that year), the template versions they follow, the reports summed. */
export interface Side {
  year: number;
  sums: MeasureRow | null;
  templates: string[];
  reports: number;
}

export interface Comparison {
  a: number | null;
  b: number | null;
  unitA: Metric['unit'];
  unitB: Metric['unit'];
  /** Rates: the base n of each side. */
  baseA: number | null;
  baseB: number | null;
  /** b − a (rates: percentage points), in unitB; null when the two cannot be compared. */
  change: number | null;
  /** (b − a) / |a| in %; null when a is 0 or the two cannot be compared. */
  percent: number | null;
  /** Why there is no change, or what to know about it. */
  note: string | null;
}

/** One metric, year A against year B (pure). `single`: each side should be one report (a body's year). */
export function compareMetric(metric: Metric, a: Side, b: Side, single = false): Comparison {
  const side = (s: Side) => (s.sums ? metricValue(metric, s.sums, s.templates) : { value: null, unit: metric.unit });
  const [va, vb] = [side(a), side(b)];
  const result: Comparison = {
    a: va.value,
    b: vb.value,
    unitA: va.unit,
    unitB: vb.unit,
    baseA: a.sums && metric.base ? metric.base(a.sums) : null,
    baseB: b.sums && metric.base ? metric.base(b.sums) : null,
    change: null,
    percent: null,
    note: null,
  };
  const missing = [a, b].find((s) => !s.sums);
  if (missing) return { ...result, note: `无 ${missing.year} 年报告` };
  const doubled = single && [a, b].find((s) => s.reports > 1);
  if (doubled) return { ...result, note: `${doubled.year} 年有 ${doubled.reports} 份报告（见数据质量“重复报告”），不作比较` };
  const absent = [a, b].find((s) => !inTemplate(metric, s.templates));
  if (absent) return { ...result, note: `${absent.year} 年的模板无此项` };
  const versions = new Set([...a.templates, ...b.templates]);
  if (metric.perVersion && versions.size > 1) return { ...result, note: `含义不同，不作比较：${meaningsOf(metric, versions).join('；')}` };
  // A rate is taken over the reports that have both its parts: say which reports it left out.
  const leftOut = [a, b].map((s) => ({ year: s.year, n: rateLeftOut(metric, { ...s.sums!, reports: s.reports }) })).filter((s) => s.n > 0);
  const leftOutNote = leftOut.length > 0 ? `${leftOut.map((s) => `${s.year} 年 ${s.n} 份`).join('、')}报告缺少所需单元格，未计入` : null;
  if (va.value === null || vb.value === null) return { ...result, note: leftOutNote };
  const change = vb.value - va.value;
  const small = metric.base && Math.min(result.baseA ?? 0, result.baseB ?? 0) < SMALL_BASE;
  const notes = [small ? `${SMALL_BASE_NOTE}，变化仅供参考` : null, leftOutNote].filter(Boolean);
  return { ...result, change, percent: va.value === 0 ? null : (change / Math.abs(va.value)) * 100, note: notes.length > 0 ? notes.join('；') : null };
}

/** One year: its row (a body's, or a whole selection's; none: no report that year) and the template versions of its reports. */
function sideOf(year: number, row: (MeasureRow & { reports: number }) | undefined, templates: string[]): Side {
  return { year, sums: row ?? null, templates: row ? templates : [], reports: row?.reports ?? 0 };
}

export interface MetricComparison extends Comparison {
  metric: Metric;
}

/**
 * The whole selection, every metric: A against B (`yearly`: the selection's
 * sums per year, as every page's trends have them), and how many bodies
 * reported in each year; `bodyRows` (any columns) give each year's bodies and
 * template versions.
 */
export function compareTotals(yearly: readonly YearlyRow[], bodyRows: readonly BodyYearMeasures[], metrics: readonly Metric[], a: number, b: number): { metrics: MetricComparison[]; bodiesA: number; bodiesB: number; onlyA: number; onlyB: number } {
  // One pass over the rows (a row per body and year: thousands at each change of filters).
  const bodies = new Map([a, b].map((year) => [year, new Set<string>()]));
  const templates = new Map([a, b].map((year) => [year, new Set<string>()]));
  for (const row of bodyRows) {
    bodies.get(row.year)?.add(row.body);
    for (const template of row.templates) templates.get(row.year)?.add(template);
  }
  const side = (year: number) => sideOf(year, yearly.find((r) => r.year === year), [...templates.get(year)!].sort());
  const [sa, sb] = [side(a), side(b)];
  const [ba, bb] = [bodies.get(a)!, bodies.get(b)!];
  return {
    metrics: metrics.map((metric) => ({ metric, ...compareMetric(metric, sa, sb) })),
    bodiesA: ba.size,
    bodiesB: bb.size,
    onlyA: [...ba].filter((x) => !bb.has(x)).length,
    onlyB: [...bb].filter((x) => !ba.has(x)).length,
  };
}

export interface BodyComparison extends Comparison {
  body: string;
}

/** Each body of the selection, one metric: A against B (a body missing a year says so). */
export function compareBodies(rows: readonly BodyYearMeasures[], metric: Metric, a: number, b: number): BodyComparison[] {
  // Each body's first row of A and of B (a body with neither still compared: it says so).
  const sides = new Map<string, { a?: BodyYearMeasures; b?: BodyYearMeasures }>();
  for (const row of rows) {
    let own = sides.get(row.body);
    if (!own) sides.set(row.body, (own = {}));
    if (row.year === a) own.a ??= row;
    if (row.year === b) own.b ??= row;
  }
  const side = (year: number, row: BodyYearMeasures | undefined) => sideOf(year, row, row?.templates ?? []);
  return Array.from(sides, ([body, own]) => ({ body, ...compareMetric(metric, side(a, own.a), side(b, own.b), true) }));
}

/** The bodies that moved most, up and down (by absolute change); rates over a small base are left out. */
export function movers(rows: readonly BodyComparison[], metric: Metric, limit = 10): { up: BodyComparison[]; down: BodyComparison[] } {
  const moved = rows.filter((r) => r.change !== null && r.change !== 0 && !(metric.base && Math.min(r.baseA ?? 0, r.baseB ?? 0) < SMALL_BASE));
  const order = (x: BodyComparison, y: BodyComparison) => Math.abs(y.change!) - Math.abs(x.change!) || compareText(x.body, y.body);
  const top = (side: BodyComparison[]) => topBySize(side, (r) => Math.abs(r.change!), order, limit);
  return { up: top(moved.filter((r) => r.change! > 0)), down: top(moved.filter((r) => r.change! < 0)) };
}

/**
 * 年度对比's two years from the link (?a=…&b=…) and the data's years: a year
 * the link does not give is the data's last but one (A) or last (B); one the
 * link gives wrongly (not a year, a year without reports) is replaced the same
 * way, and `notes` says so; A = B is kept, and said to compare nothing.
 */
export function compareYears(a: string | null, b: string | null, years: readonly number[]): { a: number | null; b: number | null; notes: string[]; same: boolean } {
  const notes: string[] = [];
  const pick = (name: string, given: string | null, fallback: number | undefined) => {
    if (given === null || given === '') return fallback ?? null;
    const year = Number(given);
    if (years.length > 0 && !years.includes(year)) {
      const instead = fallback === undefined ? '' : `，已改用 ${fallback} 年`;
      notes.push(Number.isInteger(year) ? `数据中没有 ${year} 年的报告（有 ${years[0]}–${years.at(-1)} 年）${instead}。` : `链接中的年度 ${name}“${given}”不是年份${instead}。`);
      return fallback ?? null;
    }
    return Number.isInteger(year) ? year : (fallback ?? null);
  };
  const first = pick('A', a, years.at(-2));
  const second = pick('B', b, years.at(-1));
  const same = first !== null && first === second;
  if (same) notes.push(`年度 A 和年度 B 都是 ${first} 年：请选择两个不同的年度。`);
  return { a: first, b: second, notes, same };
}

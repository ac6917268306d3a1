import { columnName, FIRST_2021_YEAR, type Measure, MEASURES, RULES, SHOWN_STATES, stateLabel, T3_APPLICANT_COLUMNS, T3_ROWS, T4_COLUMNS } from '../template';
import type { CellStateRow, RuleCountRow } from '../queries/quality';
import { APPLICANT_ORDER, UNDETERMINED, type ApplicantRow } from '../queries/requests';
import { TOP_BODIES, type BodyMeasuresRow, type BodyYearRow } from '../queries/bodies';
import type { BodyCellSumRow, CellSumRow } from '../queries/cells';
import type { YearlyRow } from '../queries/yearly';
import { YEAR_CATEGORY, type ChartData } from './chart-data';
import { SMALL_BASE } from '../format/numbers';
import { compareText } from '../format/collation';
import type { BodyComparison } from '../analysis/compare';
import { METRIC_BY_KEY, rateLeftOut, type Metric } from '../analysis/metrics';
import type { RankedBody } from '../analysis/ranking';

/** Rows of the queries → chart data (pure). Labels come from the template and the measures. */

const years = (rows: { year: number }[]) => [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);

export function measuresByYear(rows: YearlyRow[], measures: Measure[], title: string): ChartData {
  const ys = years(rows);
  return {
    title,
    unit: measures[0]?.money ? '万元' : '件',
    categoryLabel: YEAR_CATEGORY,
    categories: ys.map(String),
    series: measures.map((m) => ({ key: m.key, name: m.label, values: ys.map((y) => (rows.find((r) => r.year === y)?.[m.key as keyof YearlyRow] as number | null) ?? null) })),
  };
}

/** The mark a trend gets from the year the 2021 template changed what it shows. */
const TEMPLATE_2021: ChartData['templateChange'] = { year: String(FIRST_2021_YEAR), label: `${FIRST_2021_YEAR} 版模板` };

/**
 * Measures only 2019-version templates have (procurement, item counts): years in
 * which no report's template has them (procurement_reports = 0: the same
 * reports) are marked, not drawn as zero.
 */
export function version2019ByYear(rows: YearlyRow[], measures: Measure[], title: string, what: string): ChartData {
  return {
    ...measuresByYear(rows, measures, title),
    notInTemplate: rows.filter((r) => r.procurement_reports === 0).map((r) => String(r.year)),
    note: `2021 版模板起不再报告${what}（“模板无此项”，不是 0）。`,
  };
}

export const APPLICANT_LABELS: Record<string, string> = {
  ...Object.fromEntries(T3_APPLICANT_COLUMNS.map((c) => [c.key, columnName(c)])),
  [UNDETERMINED]: '未区分',
};

export function applicantsByYear(rows: ApplicantRow[]): ChartData {
  const ys = years(rows);
  const present = APPLICANT_ORDER.filter((a) => rows.some((r) => r.applicant === a && (r.requests ?? 0) !== 0) || a !== UNDETERMINED);
  return {
    title: '本年新收申请：按申请人类型',
    unit: '件',
    categoryLabel: YEAR_CATEGORY,
    categories: ys.map(String),
    series: present.map((a) => ({ key: a, name: APPLICANT_LABELS[a], values: ys.map((y) => rows.find((r) => r.year === y && r.applicant === a)?.requests ?? null) })),
    note: rows.some((r) => r.applicant === UNDETERMINED && (r.requests ?? 0) > 0) ? '“未区分”：原文丢失了空单元格，无法确定属于哪类申请人的申请（只知道总计）。' : undefined,
  };
}

export const OUTCOME_MEASURES: Measure[] = [MEASURES.granted, MEASURES.partial, MEASURES.denied, MEASURES.unavailable, MEASURES.rejected, MEASURES.other];

export function outcomeShares(rows: YearlyRow[]): ChartData {
  return { ...measuresByYear(rows, OUTCOME_MEASURES, '办理结果构成'), unit: '件' };
}

/** The rows of an outcome group (不予公开 …): for 其他处理, 2019's single row and 2021's three. */
export function reasonRows(group: string): string[] {
  return T3_ROWS.filter((r) => r.group === group || (group === 'other' && r.key === 'other')).map((r) => r.key);
}

const reasonLabel = (key: string) =>
  key === 'other' ? '其他处理（2019 版，不分项）' : `${T3_ROWS.find((r) => r.key === key)!.label.replace(/^\d+\./, '')}${key.startsWith('other.') ? '（2021 版）' : ''}`;

/** The reasons inside one outcome group (不予公开 …), by year. 2019's single 其他处理 row and 2021's three rows are shown as they are. */
export function reasonsByYear(rows: CellSumRow[], group: string, title: string): ChartData {
  const ys = years(rows);
  const keys = reasonRows(group);
  return {
    title,
    unit: '件',
    categoryLabel: YEAR_CATEGORY,
    categories: ys.map(String),
    series: keys.filter((k) => rows.some((r) => r.row === k)).map((k) => ({ key: k, name: reasonLabel(k), values: ys.map((y) => rows.find((r) => r.year === y && r.row === k)?.value ?? null) })),
    // 其他处理 is one row in the 2019 template and three in the 2021 one.
    ...(group === 'other' ? { templateChange: TEMPLATE_2021, note: `${FIRST_2021_YEAR} 版模板起“其他处理”分为三项（浅色底）；此前只有一项，不分项。` } : {}),
  };
}

/** Reviews or suits by result, per year. */
export function resultsByYear(rows: CellSumRow[], groups: string[], title: string): ChartData {
  const ys = years(rows);
  const results = T4_COLUMNS.filter((c) => c.key !== 'total');
  const sum = (y: number, col: string) => {
    const values = rows.filter((r) => r.year === y && r.col === col && groups.includes(r.row)).map((r) => r.value);
    return values.every((v) => v === null) ? null : values.reduce((n: number, v) => n + (v ?? 0), 0);
  };
  return { title, unit: '件', categoryLabel: YEAR_CATEGORY, categories: ys.map(String), series: results.map((c) => ({ key: c.key, name: c.label, values: ys.map((y) => sum(y, c.key)) })) };
}

/** The bodies with the largest value in a year (default: the last year with data). */
export function topBodies(rows: BodyYearRow[], measure: Measure, limit = TOP_BODIES, year?: number): ChartData {
  const y = year ?? Math.max(...rows.filter((r) => r.value !== null).map((r) => r.year));
  const ranked = rows.filter((r) => r.year === y && r.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || compareText(a.body, b.body)).slice(0, limit);
  return {
    title: `${measure.label}：前 ${limit} 个机关（${Number.isFinite(y) ? y : '—'} 年）`,
    unit: measure.money ? '万元' : '件',
    categoryLabel: '机关',
    categories: ranked.map((r) => r.body),
    series: [{ key: measure.key, name: measure.label, values: ranked.map((r) => r.value) }],
  };
}

/** 复议纠错率 and 诉讼纠错率 per year, in %; each year's base (n) is in the note, and a small base is said so. */
export function correctionRates(rows: YearlyRow[]): ChartData {
  const ys = years(rows);
  const row = (y: number) => rows.find((r) => r.year === y)!;
  const rateOf = (key: string, y: number) => {
    const v = METRIC_BY_KEY[key].value(row(y));
    return v === null ? null : Math.round(v * 10) / 10;
  };
  // Each rate over the reports that have both its parts: its n, and the reports it leaves out.
  const base = (key: string, y: number) => METRIC_BY_KEY[key].base!(row(y)) ?? 0;
  const leftOut = (key: string, y: number) => rateLeftOut(METRIC_BY_KEY[key], row(y));
  const bases = ys.map((y) => {
    const skipped = leftOut('review_correction_rate', y) + leftOut('suit_correction_rate', y) > 0 ? `（复议 ${leftOut('review_correction_rate', y)} 份、诉讼 ${leftOut('suit_correction_rate', y)} 份报告缺少所需单元格，未计入）` : '';
    return `${y}：复议 n=${base('review_correction_rate', y)}，诉讼 n=${base('suit_correction_rate', y)}${skipped}`;
  });
  const small = ys.filter((y) => base('review_correction_rate', y) < SMALL_BASE || base('suit_correction_rate', y) < SMALL_BASE);
  return {
    title: '纠错率',
    unit: '%',
    categoryLabel: YEAR_CATEGORY,
    categories: ys.map(String),
    series: [
      ...['review_correction_rate', 'suit_correction_rate'].map((key) => ({ key, name: METRIC_BY_KEY[key].label, values: ys.map((y) => rateOf(key, y)) })),
    ],
    note: `基数：${bases.join('；')}。${small.length > 0 ? `基数小于 ${SMALL_BASE} 的年度（${small.join('、')}）比率仅供参考。` : ''}`,
  };
}

/** Each body's outcome mix in one year (default: the last with data), the bodies that handled most first. */
export function outcomesByBody(rows: BodyMeasuresRow[], limit = TOP_BODIES, year?: number): ChartData {
  const y = year ?? Math.max(...rows.map((r) => r.year));
  const handled = (r: BodyMeasuresRow) => OUTCOME_MEASURES.reduce((n, m) => n + ((r[m.key] as number | null) ?? 0), 0);
  const ranked = rows.filter((r) => r.year === y && handled(r) > 0).sort((a, b) => handled(b) - handled(a) || compareText(a.body, b.body)).slice(0, limit);
  return {
    title: `各机关办理结果构成（${Number.isFinite(y) ? y : '—'} 年，办理量前 ${limit}）`,
    unit: '件',
    categoryLabel: '机关',
    categories: ranked.map((r) => r.body),
    series: OUTCOME_MEASURES.map((m) => ({ key: m.key, name: m.label, values: ranked.map((r) => (r[m.key] as number | null) ?? null) })),
  };
}

/** The bodies that moved most between two years (change of the metric). */
export function moversChart(rows: BodyComparison[], metric: Metric, title: string): ChartData {
  const unit = rows[0]?.unitB ?? metric.unit;
  return {
    title,
    unit: unit === '%' ? '个百分点' : unit,
    categoryLabel: '机关',
    categories: rows.map((r) => r.body),
    series: [{ key: 'change', name: `变化（${metric.label}）`, values: rows.map((r) => r.change) }],
  };
}

/** The first bodies of a ranking (ranked ones only). */
export function rankingChart(rows: RankedBody[], metric: Metric, title: string, limit = TOP_BODIES): ChartData {
  const ranked = rows.filter((r) => r.rank !== null).slice(0, limit);
  return {
    title,
    unit: ranked[0]?.unit ?? metric.unit,
    categoryLabel: '机关',
    categories: ranked.map((r) => r.body),
    series: [{ key: metric.key, name: metric.label, values: ranked.map((r) => r.value) }],
  };
}

/** Findings per year, one series per rule (stacked); every year of `allYears` on the axis, one with no finding as 0. */
export function findingsByYear(rows: RuleCountRow[], allYears: readonly number[] = []): ChartData {
  const ys = [...new Set([...allYears, ...years(rows)])].sort((a, b) => a - b);
  const rules = RULES.filter((r) => rows.some((x) => x.rule === r.id));
  return {
    title: '各年度发现的问题：按规则',
    unit: '项',
    categoryLabel: YEAR_CATEGORY,
    categories: ys.map(String),
    series: rules.map((r) => ({ key: r.id, name: r.label, values: ys.map((y) => rows.find((x) => x.year === y && x.rule === r.id)?.findings ?? 0) })),
  };
}

/** How the selection's cells read: numbers, '/', '—', blank, ambiguous. */
export function cellStateChart(rows: CellStateRow[]): ChartData {
  const states = SHOWN_STATES.filter((s) => rows.some((r) => r.state === s));
  return {
    title: '单元格状态',
    unit: '个',
    categoryLabel: '状态',
    categories: states.map(stateLabel),
    series: [{ key: 'cells', name: '单元格数', values: states.map((s) => rows.find((r) => r.state === s)!.cells) }],
    note: '不含报告所用模板版本中没有的单元格；“缺失”是模板有而原文没有的单元格（表格缺失或不完整）。',
  };
}

/** The reasons inside one outcome group per body (the bodies with most first), stacked. */
export function reasonsByBody(rows: BodyCellSumRow[], group: string, title: string): ChartData {
  const total = (body: string) => rows.filter((r) => r.body === body).reduce((n, r) => n + (r.value ?? 0), 0);
  const bodies = [...new Set(rows.map((r) => r.body))].sort((a, b) => total(b) - total(a) || compareText(a, b));
  const keys = reasonRows(group).filter((k) => rows.some((r) => r.row === k && r.value !== null));
  return {
    title,
    unit: '件',
    categoryLabel: '机关',
    categories: bodies,
    series: keys.map((k) => ({ key: k, name: reasonLabel(k), values: bodies.map((b) => rows.find((r) => r.body === b && r.row === k)?.value ?? null) })),
  };
}

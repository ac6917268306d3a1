import { rate, type Rate } from '../format/numbers';
import { type Measure, type MeasureKey, MEASURES, type RateColumn, rateColumns, type RateDef, RATES, TEMPLATE_CELLS, TEMPLATE_VERSIONS, type TemplateVersion } from '../template';

/** A row of summed measures: a body's year, or a whole selection's year. */
export type MeasureRow = Partial<Record<SummedColumn, number | null>>;

type SummedColumn = MeasureKey | RateColumn;

/**
 * What users compare and rank: the measures, and the rates of TEMPLATE.md
 * ("Derived measures") with their base. Labels come from the measures.
 */
export interface Metric {
  key: string;
  label: string;
  unit: '件' | '万元' | '%' | '项';
  /** The summed columns of report_measures its value, part, base and meanings read: all a query for this metric alone must give. */
  columns: readonly SummedColumn[];
  value(row: MeasureRow): number | null;
  /** Rates: what is counted, over the n the rate is taken over, and how many reports both come from. */
  part?(row: MeasureRow): number | null;
  base?(row: MeasureRow): number | null;
  rateReports?(row: MeasureRow): number;
  /** Only this version's template has it (procurement, item counts): other versions say 模板无此项. */
  only?: TemplateVersion;
  /** Same name, different thing in each version (2019 fees count items, 2021 fees are money): never compared across versions. */
  perVersion?: Record<TemplateVersion, { measure: MeasureKey; meaning: string; unit: Metric['unit'] }>;
}

/** The one version whose template has a measure's cells, when only one has them (procurement: 2019). */
function onlyVersion(m: Measure): TemplateVersion | undefined {
  const versions = new Set(TEMPLATE_CELLS.filter((c) => c.table === m.table && m.rows.includes(c.row) && c.col === m.col).flatMap((c) => c.versions));
  return versions.size === 1 ? [...versions][0] : undefined;
}

const count = (key: MeasureKey): Metric => {
  const only = onlyVersion(MEASURES[key]);
  return { key, label: MEASURES[key].label, unit: 'money' in MEASURES[key] ? '万元' : '件', columns: [key], value: (row) => row[key] ?? null, ...(only ? { only } : {}) };
};

/** A rate of RATES: part over base, both summed over the reports that have every cell of both (see RateDef). */
const share = (def: RateDef, label: string): Metric => {
  const columns = rateColumns(def);
  return {
    key: def.key,
    label,
    unit: '%',
    columns: [columns.part, columns.base, columns.reports],
    value: (row) => {
      const r = rate(row[columns.part], row[columns.base]);
      return r.value === null ? null : r.value * 100;
    },
    part: (row) => row[columns.part] ?? null,
    base: (row) => row[columns.base] ?? null,
    rateReports: (row) => row[columns.reports] ?? 0,
  };
};

/** How many of a row's reports a rate leaves out (they lack a cell of its part or base); 0 for a count. */
export function rateLeftOut(metric: Metric, row: MeasureRow & { reports: number }): number {
  return metric.rateReports ? row.reports - metric.rateReports(row) : 0;
}

/** A rate metric as a Rate (value 0–1 with its base n), for the formats that show the base. */
export function metricRate(metric: Metric, row: MeasureRow): Rate {
  return rate(metric.part?.(row), metric.base?.(row));
}

/** A metric that names a different figure in each version (never compared across them). */
const changedMeaning = (key: string, label: string, byVersion: Record<TemplateVersion, { measure: MeasureKey; what: string; unit: Metric['unit'] }>): Metric => ({
  key,
  label,
  unit: byVersion['2019'].unit,
  columns: Object.values(byVersion).map((m) => m.measure),
  value: () => null,
  perVersion: Object.fromEntries(
    Object.entries(byVersion).map(([v, m]) => [v, { measure: m.measure, meaning: `${v} 版：${m.what}`, unit: m.unit }]),
  ) as Metric['perVersion'] & {},
});

export const METRICS: readonly Metric[] = [
  count('new_requests'),
  count('carried_over'),
  count('handled'),
  count('carried_forward'),
  count('granted'),
  count('partial'),
  count('denied'),
  count('unavailable'),
  count('rejected'),
  count('other'),
  share(RATES.disclosure_rate, '实质公开率'),
  share(RATES.refusal_rate, '不予公开率'),
  share(RATES.unavailable_rate, '无法提供率'),
  count('review_total'),
  share(RATES.review_correction_rate, '复议纠错率'),
  count('suit_total'),
  share(RATES.suit_correction_rate, '诉讼纠错率'),
  count('licensing'),
  count('penalty'),
  count('coercion'),
  count('procurement_projects'),
  count('procurement_amount'),
  changedMeaning('fees', '行政事业性收费', {
    '2019': { measure: 'fees_items', what: '收费项目数（上一年项目数量）', unit: '项' },
    '2021': { measure: 'fees_amount', what: '本年收费金额', unit: '万元' },
  }),
  changedMeaning('normative_docs', '规章和规范性文件（存量）', {
    '2019': { measure: 'docs_public_total', what: '对外公开总数量', unit: '件' },
    '2021': { measure: 'docs_in_force', what: '现行有效件数', unit: '件' },
  }),
];

export const METRIC_BY_KEY: Record<string, Metric> = Object.fromEntries(METRICS.map((m) => [m.key, m]));

/**
 * A metric's value and unit for rows that follow the given template versions,
 * and what it means (`meaning`: the version's measure, for metrics whose meaning
 * changed; null when the versions give no one meaning).
 */
export function metricValue(metric: Metric, row: MeasureRow, versions: readonly string[]): { value: number | null; unit: Metric['unit']; meaning: string | null } {
  if (!metric.perVersion) return { value: metric.value(row), unit: metric.unit, meaning: metric.key };
  const meanings = versions.map((v) => metric.perVersion![v as TemplateVersion]).filter(Boolean);
  if (meanings.length !== 1) return { value: null, unit: metric.unit, meaning: null };
  return { value: row[meanings[0].measure] ?? null, unit: meanings[0].unit, meaning: meanings[0].measure };
}

/** For metrics whose meaning changed: what each version's figure is, in version order. */
export function meaningsOf(metric: Metric, versions: Iterable<string>): string[] {
  const of = new Set(versions);
  return TEMPLATE_VERSIONS.filter((v) => of.has(v.version)).map((v) => metric.perVersion?.[v.version]?.meaning).filter((m): m is string => !!m);
}

/** Whether rows of these versions have the metric at all (procurement is not in the 2021 template). */
export function inTemplate(metric: Metric, versions: readonly string[]): boolean {
  return !metric.only || versions.includes(metric.only);
}

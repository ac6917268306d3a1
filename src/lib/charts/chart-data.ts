/** The category label of a trend: its categories are years. */
export const YEAR_CATEGORY = '年度';

/** What a chart shows, independent of how: the chart, its accessible table and its downloads all read this. */
export interface ChartData {
  title: string;
  /** 件, 万元, %, … */
  unit: string;
  /** What the categories are: 年度, 机关 … */
  categoryLabel: string;
  categories: string[];
  series: { key: string; name: string; values: (number | null)[] }[];
  /** Categories where the measure is not in the report template: marked, never drawn as zero. */
  notInTemplate?: string[];
  /** The first year of a template version that changed what the chart's measures mean: the years from it are marked. */
  templateChange?: { year: string; label: string };
  note?: string;
}

export type ChartKind = 'bar' | 'stacked' | 'percent' | 'line' | 'ranking' | 'ranking-stacked' | 'ranking-percent';

/** A 100 % stack: each series drawn as its share of the category's total. */
export const isPercent = (kind: ChartKind) => kind === 'percent' || kind === 'ranking-percent';

/** The unit the chart is drawn in, as its caption says it: a 100 % stack is in %, its data (and downloads) in data.unit. */
export function shownUnit(data: ChartData, kind: ChartKind): string {
  return isPercent(kind) ? `%（各项占合计；下载数据为${data.unit}）` : data.unit;
}

/** Rows for CSV/JSON: one per category, one column per series. */
export function chartRows(data: ChartData): Record<string, string | number | null>[] {
  return data.categories.map((category, i) => ({
    [data.categoryLabel]: category,
    ...Object.fromEntries(data.series.map((s) => [`${s.name}（${data.unit}）`, data.notInTemplate?.includes(category) ? null : s.values[i]])),
  }));
}

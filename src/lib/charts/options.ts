import { escapeHtml } from '../format/html';
import { SMALL_BASE } from '../format/numbers';
import { isPercent, YEAR_CATEGORY, type ChartData, type ChartKind } from './chart-data';

const PALETTE = ['#1f6feb', '#f0883e', '#2da44e', '#a371f7', '#d4a72c', '#e5534b', '#768390', '#0ea5a4', '#bf8700', '#57606a'];
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
/** A ranking's category labels at most this wide (px, about nine characters): a phone's chart keeps room for its bars. */
export const RANKING_LABEL_WIDTH = 130;
/** A category band at least this wide (px) shows a year (“2019”, about 30 px at 12 px) with a gap to the next. */
const YEAR_LABEL_ROOM = 42;

// The legend as ECharts lays it out (12 px text): a 25 px symbol, 5 px to the text, 10 px between items and between lines.
const LEGEND = { padding: 5, symbol: 30, gap: 10, line: 14 };
// Chinese, and the quotes and dashes CJK fonts set full width (“”—), 12 px; other characters at most 7.5.
const textWidth = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2000 ? 12 : 7.5), 0);

/**
 * How many lines the legend takes at this chart width: every series is shown
 * (a paged legend hides some, such as 未区分), wrapped as ECharts wraps it, and
 * the plot starts below it.
 */
export function legendLines(names: readonly string[], width: number): number {
  const room = width - 2 * LEGEND.padding;
  let lines = 1;
  let used = 0;
  for (const name of names) {
    const item = LEGEND.symbol + textWidth(name);
    if (used > 0 && used + LEGEND.gap + item > room) lines++, (used = 0);
    used += (used > 0 ? LEGEND.gap : 0) + item;
  }
  return lines;
}

/**
 * ECharts option for chart data at a chart width in px (pure: the same data and width give the same option).
 * No animation: charts are read, compared and screenshotted, not watched.
 */
export function chartOption(data: ChartData, kind: ChartKind, width: number): Record<string, unknown> {
  const horizontal = kind.startsWith('ranking');
  const legend = data.series.length > 1;
  const percent = isPercent(kind);
  const totals = data.categories.map((_, i) => data.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const marked = new Set(data.notInTemplate ?? []);
  // A trend's years from a template change that changed its measures' meaning: marked when the chart's years reach across it.
  const changedFrom = data.templateChange && !horizontal ? data.categories.findIndex((c) => Number(c) >= Number(data.templateChange!.year)) : -1;
  const change = changedFrom > 0 ? { ...data.templateChange!, from: data.categories[changedFrom] } : null;
  const series = data.series.map((s, k) => ({
    name: s.name,
    type: kind === 'line' ? 'line' : 'bar',
    stack: kind === 'stacked' || kind === 'ranking-stacked' || percent ? 'total' : undefined,
    emphasis: { focus: 'series' },
    data: s.values.map((v, i) => {
      if (marked.has(data.categories[i])) return null;
      if (!percent) return v;
      const share = totals[i] > 0 ? Math.round(((v ?? 0) / totals[i]) * 10000) / 100 : null;
      // A share of a small base is drawn faint: one request is not a 100 % to compare.
      return totals[i] < SMALL_BASE ? { value: share, itemStyle: { opacity: 0.4 } } : share;
    }),
    ...(k === 0 && (marked.size > 0 || change)
      ? {
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(118,131,144,0.12)' },
            label: { show: true, position: 'inside', color: '#57606a', formatter: '模板无此项' },
            data: [
              ...data.categories.filter((c) => marked.has(c)).map((c) => [{ xAxis: c }, { xAxis: c }]),
              // From the year of the change on, faintly: its left edge falls between that year and the one before.
              ...(change ? [[{ xAxis: change.from, itemStyle: { color: 'rgba(31,111,235,0.06)' }, label: { position: 'insideTopLeft', formatter: `${change.label}起` } }, { xAxis: data.categories.at(-1) }]] : []),
            ],
          },
        }
      : {}),
  }));
  const unit = percent ? '%' : data.unit;
  const valueAxis = { type: 'value', name: unit, axisLabel: { formatter: (v: number) => number.format(v), hideOverlap: true }, max: percent ? 100 : undefined };
  const baseOf = new Map(data.categories.map((c, i) => [c, totals[i]]));
  const baseText = (category: string) => `n=${number.format(baseOf.get(category) ?? 0)}${(baseOf.get(category) ?? 0) < SMALL_BASE ? '，基数小' : ''}`;
  // A 100 % stack shows each category's base beside it (n=…, 基数小 under 30), as the KPI cards do.
  const categoryLabel = percent ? { formatter: (c: string) => `${c}${horizontal ? ' ' : '\n'}(${baseText(c)})` } : {};
  // A ranking's long body names are cut (…) to leave the bars their room; the tooltip gives the whole name.
  const rankingLabel = horizontal ? { width: RANKING_LABEL_WIDTH, overflow: 'truncate' } : {};
  // A category's band below the bars: about the plot's width over the categories.
  const band = (width - 80) / Math.max(1, data.categories.length);
  // Below the bars, a name (not a year) wraps within its band rather than being hidden on a phone.
  const bandLabel = !horizontal && data.categoryLabel !== YEAR_CATEGORY ? { width: Math.max(24, Math.floor(band)), overflow: 'break' } : {};
  // Years below the bars are all shown however narrow the chart (a phone): set smaller where a band has no room for “2019” at 12 px, and turned where it has none at 10 px.
  const yearLabel = !horizontal && !percent && data.categoryLabel === YEAR_CATEGORY && band < YEAR_LABEL_ROOM ? { fontSize: 10, ...(band < YEAR_LABEL_ROOM * 0.7 ? { rotate: 45 } : {}) } : {};
  const categoryAxis = { type: 'category', data: horizontal ? [...data.categories].reverse() : data.categories, axisLabel: { interval: 0, hideOverlap: true, ...bandLabel, ...rankingLabel, ...categoryLabel, ...yearLabel } };
  const percentTooltip = (params: { axisValue: string; seriesName: string; marker: string; value: number | null; dataIndex: number }[]) => {
    const category = params[0]?.axisValue ?? '';
    const i = data.categories.indexOf(category);
    const lines = params.map((p) => {
      const count = data.series.find((s) => s.name === p.seriesName)?.values[i] ?? null;
      return `${p.marker}${escapeHtml(p.seriesName)}：${p.value === null || p.value === undefined ? '—' : `${number.format(p.value)}%`}（${count === null ? '—' : number.format(count)} ${data.unit}）`;
    });
    return [`${escapeHtml(category)}（${baseText(category)}）`, ...lines].join('<br>');
  };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    tooltip: percent
      ? { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: percentTooltip }
      : { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${number.format(v)} ${unit}`) },
    legend: { show: legend, top: 0, type: 'plain', padding: LEGEND.padding, itemGap: LEGEND.gap },
    // Room above the plot for the legend's lines and, below them, the value axis's name (件, %).
    grid: { left: 8, right: 24, top: 28 + (legend ? legendLines(data.series.map((s) => s.name), width) * (LEGEND.line + LEGEND.gap) : 0), bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: horizontal ? series.map((s) => ({ ...s, data: [...s.data].reverse() })) : series,
  };
}

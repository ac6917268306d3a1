import { isPercent, type ChartData, type ChartKind } from './chart-data';

const PALETTE = ['#1f6feb', '#f0883e', '#2da44e', '#a371f7', '#d4a72c', '#e5534b', '#768390', '#0ea5a4', '#bf8700', '#57606a'];
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/**
 * ECharts option for chart data (pure: the same data gives the same option).
 * No animation: charts are read, compared and screenshotted, not watched.
 */
export function chartOption(data: ChartData, kind: ChartKind): Record<string, unknown> {
  const horizontal = kind.startsWith('ranking');
  const percent = isPercent(kind);
  const totals = data.categories.map((_, i) => data.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const marked = new Set(data.notInTemplate ?? []);
  const series = data.series.map((s, k) => ({
    name: s.name,
    type: kind === 'line' ? 'line' : 'bar',
    stack: kind === 'stacked' || kind === 'ranking-stacked' || percent ? 'total' : undefined,
    emphasis: { focus: 'series' },
    data: s.values.map((v, i) => {
      if (marked.has(data.categories[i])) return null;
      return percent ? (totals[i] > 0 ? Math.round(((v ?? 0) / totals[i]) * 10000) / 100 : null) : v;
    }),
    ...(k === 0 && marked.size > 0
      ? {
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(118,131,144,0.12)' },
            label: { show: true, position: 'inside', color: '#57606a', formatter: '模板无此项' },
            data: data.categories.filter((c) => marked.has(c)).map((c) => [{ xAxis: c }, { xAxis: c }]),
          },
        }
      : {}),
  }));
  const unit = percent ? '%' : data.unit;
  const valueAxis = { type: 'value', name: unit, axisLabel: { formatter: (v: number) => number.format(v) }, max: percent ? 100 : undefined };
  const categoryAxis = { type: 'category', data: horizontal ? [...data.categories].reverse() : data.categories, axisLabel: { interval: 0, hideOverlap: true } };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${number.format(v)} ${unit}`) },
    legend: { show: data.series.length > 1, top: 0, type: data.series.length > 3 ? 'scroll' : 'plain' },
    // Room above the plot for the legend and, below it, the value axis's name (件, %).
    grid: { left: 8, right: 24, top: data.series.length > 1 ? 52 : 28, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: horizontal ? series.map((s) => ({ ...s, data: [...s.data].reverse() })) : series,
  };
}

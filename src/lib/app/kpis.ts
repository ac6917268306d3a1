import { METRIC_BY_KEY, metricRate } from '../analysis/metrics';
import { formatChange, formatCount, formatRate, formatRateParts, formatWan } from '../format/numbers';
import type { YearlyRow } from '../queries/yearly';

export interface Kpi {
  label: string;
  value: string;
  /** What the value is taken of, shown smaller beside it: a rate's base (（n=162）). */
  base?: string;
  /** Change from the previous year, or a note. */
  detail: string;
}

/** The overview's cards for the last year of the selection, each with its change from the year before (pure). */
export function kpis(rows: YearlyRow[]): { year: number | null; cards: Kpi[] } {
  const now = rows.at(-1);
  if (!now) return { year: null, cards: [] };
  const before = rows.find((r) => r.year === now.year - 1);
  const vs = (key: keyof YearlyRow) => (before ? `比上年 ${formatChange(now[key] as number | null, before[key] as number | null)}` : '无上年数据');
  // A rate is taken over the reports that have both its parts: say how many of the year's reports it leaves out.
  const leftOut = (key: string) => {
    const n = now.reports - (METRIC_BY_KEY[key].rateReports?.(now) ?? now.reports);
    return n > 0 ? `；${formatCount(n)} 份报告缺少所需单元格，未计入` : '';
  };
  const rateOf = (key: string) => `${formatRate(metricRate(METRIC_BY_KEY[key], now))}${leftOut(key)}`;
  const rateCard = (label: string, key: string, detail: string): Kpi => {
    const { share, base } = formatRateParts(metricRate(METRIC_BY_KEY[key], now));
    return { label, value: share, base, detail: `${detail}${leftOut(key)}` };
  };
  const procurementYear = [...rows].reverse().find((r) => r.procurement_reports > 0);
  return {
    year: now.year,
    cards: [
      { label: '新收申请', value: formatCount(now.new_requests), detail: vs('new_requests') },
      { label: '办理总计', value: formatCount(now.handled), detail: vs('handled') },
      rateCard('实质公开率', 'disclosure_rate', '（予以公开 + 部分公开）÷ 办理总计'),
      rateCard('不予公开率', 'refusal_rate', '不予公开 ÷ 办理总计'),
      { label: '行政复议', value: formatCount(now.review_total ?? 0), detail: `纠错率 ${rateOf('review_correction_rate')}` },
      { label: '行政诉讼', value: formatCount(now.suit_total ?? 0), detail: `纠错率 ${rateOf('suit_correction_rate')}` },
      { label: '行政许可决定', value: formatCount(now.licensing), detail: vs('licensing') },
      {
        label: '政府集中采购',
        value: now.procurement_reports > 0 ? formatWan(now.procurement_amount) : '模板无此项',
        detail: now.procurement_reports > 0 ? vs('procurement_amount') : procurementYear ? `最近有数据：${procurementYear.year} 年 ${formatWan(procurementYear.procurement_amount)}` : '2021 版模板不含此项',
      },
    ],
  };
}

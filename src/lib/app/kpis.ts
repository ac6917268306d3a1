import { METRIC_BY_KEY, metricRate, rateLeftOut } from '../analysis/metrics';
import { formatChange, formatCount, formatRate, formatRateParts, formatWan } from '../format/numbers';
import type { YearlyRow } from '../queries/yearly';

export interface Kpi {
  label: string;
  value: string;
  /** What the value is taken of, shown smaller beside it: a rate's base (（n=162）). */
  base?: string;
  /** Change from the previous year, or a note. */
  detail: string;
  /** The figure as a number, in `unit` (rates in %, one decimal), for the CSV; null when there is none. */
  amount: number | null;
  unit: string;
  /** A rate's base n. */
  n?: number;
}

/** The overview's cards for the last year of the selection, each with its change from the year before (pure). */
export function kpis(rows: YearlyRow[]): { year: number | null; cards: Kpi[] } {
  const now = rows.at(-1);
  if (!now) return { year: null, cards: [] };
  const before = rows.find((r) => r.year === now.year - 1);
  const vs = (key: keyof YearlyRow) => (before ? `比上年 ${formatChange(now[key] as number | null, before[key] as number | null)}` : '无上年数据');
  // A rate is taken over the reports that have both its parts: say how many of the year's reports it leaves out.
  const leftOut = (key: string) => {
    const n = rateLeftOut(METRIC_BY_KEY[key], now);
    return n > 0 ? `；${formatCount(n)} 份报告缺少所需单元格，未计入` : '';
  };
  const rateOf = (key: string) => `${formatRate(metricRate(METRIC_BY_KEY[key], now))}${leftOut(key)}`;
  const rateCard = (label: string, key: string, detail: string): Kpi => {
    const r = metricRate(METRIC_BY_KEY[key], now);
    const { share, base } = formatRateParts(r);
    return { label, value: share, base, detail: `${detail}${leftOut(key)}`, amount: r.value === null ? null : Math.round(r.value * 1000) / 10, unit: '%', n: r.base };
  };
  const count = (label: string, amount: number | null, detail: string): Kpi => ({ label, value: formatCount(amount), detail, amount, unit: '件' });
  const procurementYear = [...rows].reverse().find((r) => r.procurement_reports > 0);
  return {
    year: now.year,
    cards: [
      count('新收申请', now.new_requests, vs('new_requests')),
      count('办理总计', now.handled, vs('handled')),
      rateCard('实质公开率', 'disclosure_rate', '（予以公开 + 部分公开）÷ 办理总计'),
      rateCard('不予公开率', 'refusal_rate', '不予公开 ÷ 办理总计'),
      count('行政复议', now.review_total ?? 0, `纠错率 ${rateOf('review_correction_rate')}`),
      count('行政诉讼', now.suit_total ?? 0, `纠错率 ${rateOf('suit_correction_rate')}`),
      count('行政许可决定', now.licensing, vs('licensing')),
      {
        label: '政府集中采购',
        amount: now.procurement_reports > 0 ? now.procurement_amount : null,
        unit: '万元',
        value: now.procurement_reports > 0 ? formatWan(now.procurement_amount) : '模板无此项',
        detail: now.procurement_reports > 0 ? vs('procurement_amount') : procurementYear ? `最近有数据：${procurementYear.year} 年 ${formatWan(procurementYear.procurement_amount)}` : '2021 版模板不含此项',
      },
    ],
  };
}

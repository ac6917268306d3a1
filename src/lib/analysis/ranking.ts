import { compareText } from '../format/collation';
import { SMALL_BASE, SMALL_BASE_NOTE } from '../format/numbers';
import type { BodyYearMeasures } from '../queries/body-years';
import { inTemplate, metricValue, type Metric } from './metrics';

export interface RankedBody {
  /** 1 for the largest; equal values share a rank; null when not ranked (no value, a rate over a small base …: see note). */
  rank: number | null;
  body: string;
  region: string | null;
  level: string | null;
  value: number | null;
  unit: Metric['unit'];
  base: number | null;
  note: string | null;
}

/**
 * The bodies of one year ranked by a metric, largest first (pure). Listed but
 * not ranked: a rate over fewer than SMALL_BASE cases (one request granted is
 * not a 100 % disclosure rate to put first), a name with two counted reports
 * that year (same-named bodies of two regions: a body's own second report never counts),
 * and, for a metric whose meaning changed, bodies on the less common version.
 */
export function rankBodies(rows: readonly BodyYearMeasures[], metric: Metric): RankedBody[] {
  const listed = rows.map((r) => {
    const { value, unit, meaning } = metricValue(metric, r, r.templates);
    const base = metric.base ? metric.base(r) : null;
    const note = !inTemplate(metric, r.templates)
      ? '模板无此项'
      : r.reports > 1
        ? `同一年度有 ${r.reports} 份报告，不参与排名`
        : meaning === null
          ? '报告模板版本不一，含义不同'
          : metric.base && value !== null && (base ?? 0) < SMALL_BASE
            ? `${SMALL_BASE_NOTE}，不参与排名`
            : null;
    return { ranked: { rank: null as number | null, body: r.body, region: r.region, level: r.level, value, unit, base, note }, meaning };
  });
  // A year whose bodies follow different versions: rank only the commonest meaning, never item counts against money.
  const counts = new Map<string, number>();
  for (const { ranked, meaning } of listed) if (ranked.value !== null && meaning) counts.set(meaning, (counts.get(meaning) ?? 0) + 1);
  const common = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
  for (const { ranked, meaning } of listed) if (ranked.value !== null && !ranked.note && meaning !== common) ranked.note = '模板版本不同，含义不同，不参与排名';

  const all = listed.map((l) => l.ranked);
  const ranked = all.filter((r) => r.value !== null && r.note === null).sort((x, y) => y.value! - x.value! || compareText(x.body, y.body));
  ranked.forEach((r, i) => (r.rank = i > 0 && ranked[i - 1].value === r.value ? ranked[i - 1].rank : i + 1));
  const rest = all.filter((r) => r.rank === null).sort((x, y) => (y.value ?? -Infinity) - (x.value ?? -Infinity) || compareText(x.body, y.body));
  return [...ranked, ...rest];
}

import type { BodyYearMeasures } from '../queries/body-years';
import { SMALL_BASE } from '../format/numbers';
import { inTemplate, metricValue, type Metric } from './metrics';

export interface RankedBody {
  /** 1 for the largest; equal values share a rank; null when not ranked (no value, or a rate over a small base). */
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
 * The bodies of one year ranked by a metric, largest first (pure). A rate over
 * fewer than SMALL_BASE cases is listed with its base but not ranked: one
 * request granted is not a 100 % disclosure rate to rank first.
 */
export function rankBodies(rows: readonly BodyYearMeasures[], metric: Metric): RankedBody[] {
  const listed = rows.map((r) => {
    const { value, unit } = metricValue(metric, r, r.templates);
    const base = metric.base ? metric.base(r) : null;
    const note = !inTemplate(metric, r.templates)
      ? '模板无此项'
      : metric.perVersion && r.templates.length > 1
        ? '报告模板版本不一，含义不同'
        : metric.base && value !== null && (base ?? 0) < SMALL_BASE
          ? `基数小（n<${SMALL_BASE}），不参与排名`
          : null;
    return { rank: null as number | null, body: r.body, region: r.region, level: r.level, value, unit, base, note };
  });
  // A year whose bodies follow different versions: rank only the commonest meaning, never items against money.
  const unitCounts = new Map<string, number>();
  for (const r of listed) if (r.value !== null) unitCounts.set(r.unit, (unitCounts.get(r.unit) ?? 0) + 1);
  const common = [...unitCounts].sort((x, y) => y[1] - x[1])[0]?.[0];
  for (const r of listed) if (metric.perVersion && r.value !== null && r.unit !== common && !r.note) r.note = '模板版本不同，含义不同';
  const ranked = listed.filter((r) => r.value !== null && r.note === null).sort((x, y) => y.value! - x.value! || x.body.localeCompare(y.body, 'zh-CN'));
  ranked.forEach((r, i) => (r.rank = i > 0 && ranked[i - 1].value === r.value ? ranked[i - 1].rank : i + 1));
  const rest = listed.filter((r) => !ranked.includes(r)).sort((x, y) => (y.value ?? -Infinity) - (x.value ?? -Infinity) || x.body.localeCompare(y.body, 'zh-CN'));
  return [...ranked, ...rest];
}

/** Numbers as zh-CN readers expect them: thousands separators, money in 万元, rates with their base. */
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

export function formatWan(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${decimal.format(n)} 万元`;
}

/** Below this base a rate says little: shown, but marked. */
export const SMALL_BASE = 30;

export interface Rate {
  value: number | null;
  base: number;
  small: boolean;
}

/** part ÷ base; no value when the base is 0 or unknown, or the part unknown (unknown is not zero). */
export function rate(part: number | null | undefined, base: number | null | undefined): Rate {
  const n = base ?? 0;
  return { value: n > 0 && part !== null && part !== undefined ? part / n : null, base: n, small: n < SMALL_BASE };
}

export function formatRate(r: Rate): string {
  const { share, base } = formatRateParts(r);
  return share + base;
}

/** A rate as its share (56.3%) and its base (（n=162）), for a layout that sets them apart. */
export function formatRateParts(r: Rate): { share: string; base: string } {
  if (r.value === null) return { share: '—', base: '' };
  return { share: `${(r.value * 100).toFixed(1)}%`, base: `（n=${integer.format(r.base)}${r.small ? '，基数小' : ''}）` };
}

/** Change from the previous value, as +12.5% / −3.0%, or — when there is none. */
export function formatChange(now: number | null | undefined, before: number | null | undefined): string {
  if (now === null || now === undefined || before === null || before === undefined || before === 0) return '—';
  const change = (now - before) / Math.abs(before);
  return `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)}%`;
}

/** A metric's value in its unit: 1,234 件, 25.10 万元, 56.9%. */
export function formatValue(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined) return '—';
  if (unit === '万元') return formatWan(n);
  if (unit === '%') return `${n.toFixed(1)}%`;
  return `${formatCount(n)} ${unit}`;
}

/** A difference with its sign: +103 件, −1.3 个百分点 (rates), −0.50 万元. */
export function formatDifference(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined) return '—';
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  const size = Math.abs(n);
  if (unit === '%') return `${sign}${size.toFixed(1)} 个百分点`;
  if (unit === '万元') return `${sign}${decimal.format(size)} 万元`;
  return `${sign}${formatCount(size)} ${unit}`;
}

/** A relative change already in %: +180.7%. */
export function formatPercentChange(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(1)}%`;
}

/** What a rate over fewer than SMALL_BASE cases is called beside its figure. */
export const SMALL_BASE_NOTE = `基数小（n<${SMALL_BASE}）`;

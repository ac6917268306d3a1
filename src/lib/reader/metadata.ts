/** Issuing body and year read off a report's own text, when no manifest names them. */
export interface DetectedMeta {
  body: string | null;
  year: number | null;
}

const BODY_SUFFIX = '(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|厅|局|委|办|署|院|会|中心|管委会|街道办事处|镇|乡|街道)';
const TITLE = new RegExp(`^\\s*(\\S{2,40}?${BODY_SUFFIX})\\s*(?:关于)?(20\\d{2})\\s*年\\s*度?\\s*政府信息公开(?:工作)?年度报告`);
const TITLE_YEAR_FIRST = new RegExp(`^\\s*(20\\d{2})\\s*年\\s*度?\\s*(\\S{2,40}?${BODY_SUFFIX})\\s*政府信息公开(?:工作)?年度报告`);
const OWN_RULES = new RegExp(`《([^\\s《》]{2,40}?${BODY_SUFFIX})政府信息(?:公开|主动公开)`);

/**
 * Title line first (浙江省经济和信息化厅2019年政府信息公开工作年度报告); else the
 * year most often written as 20xx年度, and the body from its own rules
 * (《…厅政府信息公开实施办法》).
 */
export function detectMeta(lines: string[]): DetectedMeta {
  for (const line of lines.slice(0, 40)) {
    if (line.length > 120) continue;
    const text = line.normalize('NFKC');
    const title = TITLE.exec(text);
    if (title) return { body: title[1], year: Number(title[2]) };
    const yearFirst = TITLE_YEAR_FIRST.exec(text);
    if (yearFirst) return { body: yearFirst[2], year: Number(yearFirst[1]) };
  }
  const prose = lines.join('\n');
  return { body: OWN_RULES.exec(prose)?.[1] ?? null, year: mostFrequentYear(prose) };
}

function mostFrequentYear(prose: string): number | null {
  for (const pattern of [/(20\d{2})\s*年度/g, /(20\d{2})\s*年(?!\d)/g]) {
    const counts = new Map<number, number>();
    for (const m of prose.matchAll(pattern)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    if (counts.size > 0) return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  }
  return null;
}

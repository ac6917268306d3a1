import { readFileSync } from 'node:fs';
import type { RealReport } from './corpus';

/** The built-in demo: a province's government and 40 departments, 2019–2025, with a few realistic defects. */
export const DEMO_DEFAULTS = { seed: 20191, bodies: 41, years: [2019, 2020, 2021, 2022, 2023, 2024, 2025], defectRate: 0.04 };

export function yearRange(text: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  if (!m) throw new Error(`--years 应为 2019-2025 这样的范围（got ${text}）`);
  const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The real reports in data/real (see its README), by file name there; each goes into the corpus as `<year>/<name>`. */
export const REAL_REPORTS: (Omit<RealReport, 'file' | 'content'> & { name: string })[] = [
  // The seed stands in for 浙江省经济和信息化厅's 2019 report; it carries nothing forward (结转下年度继续办理 “/”).
  { name: '000_09f4574b615ba3f1.txt', body: '浙江省经济和信息化厅', year: 2019, carriedForward: [0, 0, 0, 0, 0, 0] },
  // A body of its own: a provincial-level city's government office, as its site publishes the report (HTML).
  { name: 'shanghai-szfbgt-2019.html', body: '上海市人民政府办公厅', year: 2019, own: { region: '上海市', level: '省级', kind: 'department' } },
];

/** The seed report alone, read from its path (for callers that pass one real report). */
export function realReport(path: string): RealReport {
  const { name, ...seed } = REAL_REPORTS[0];
  return { ...seed, file: `${seed.year}/${name}`, content: readFileSync(path) };
}

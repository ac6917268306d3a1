import { readFileSync } from 'node:fs';
import type { CorpusOptions } from './corpus';

/** The built-in demo: a province's government and 40 departments, 2019–2025, with a few realistic defects. */
export const DEMO_DEFAULTS = { seed: 20191, bodies: 41, years: [2019, 2020, 2021, 2022, 2023, 2024, 2025], defectRate: 0.04 };

export function yearRange(text: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  if (!m) throw new Error(`--years 应为 2019-2025 这样的范围（got ${text}）`);
  const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The real seed report stands in for 浙江省经济和信息化厅's 2019 report. */
export function realReport(path: string): NonNullable<CorpusOptions['real']> {
  return {
    body: '浙江省经济和信息化厅',
    year: 2019,
    file: '2019/000_09f4574b615ba3f1.txt',
    text: readFileSync(path, 'utf8'),
    // It carries nothing forward (结转下年度继续办理 “/”).
    carriedForward: [0, 0, 0, 0, 0, 0],
  };
}

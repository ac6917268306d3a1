import type { BodyYearsRow } from '../queries/quality';

export interface YearGap {
  body: string;
  years: number[];
  missing: number[];
}

/** Bodies without a report in some year of the range the selection covers (pure). */
export function yearGaps(rows: readonly BodyYearsRow[], from: number, to: number): YearGap[] {
  const range = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  return rows
    .map((r) => ({ body: r.body, years: [...r.years], missing: range.filter((y) => !r.years.includes(y)) }))
    .filter((r) => r.missing.length > 0);
}

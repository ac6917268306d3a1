import { SUMMED_COLUMNS, type BodyYears } from '../template';
import type { KeptReport } from './builder';
import type { MeasureColumns } from './report-measures';

/**
 * A year's body-year file (template BodyYears): each body's reports of `year`
 * that count summed per region, level and kind, as queries/body-years.ts
 * measuresByBodyYear sums report_measures (the same measures: `measures`,
 * whose rows are `reports`', in the dataset's order). Rows in the dataset's
 * order of bodies (a body's reports lie together), then of their first
 * report. tests check the answers made from it against the SQL's.
 */
export function bodyYears(reports: readonly KeptReport[], supersededBy: ReadonlyMap<string, string>, measures: MeasureColumns, year: number): BodyYears {
  const file = { year, body: [] as string[], scope: [] as number[], scopes: [] as BodyYears['scopes'], reports: [] as number[], templates: [] as number[], templateSets: [] as string[][], procurement_reports: [] as number[] };
  const scopeNumbers = new Map<string, number>();
  const templateNumbers = new Map<string, number>();
  const number = (numbers: Map<string, number>, list: unknown[], key: string, value: unknown) => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = list.push(value) - 1));
    return n;
  };
  const sums = SUMMED_COLUMNS.map((): (number | null)[] => []);
  // The current body's rows, by scope.
  let rows = new Map<number, number>();
  let body: string | null = null;
  reports.forEach(({ report }, r) => {
    if (report.year !== year || supersededBy.has(report.id)) return;
    if (report.body !== body) [body, rows] = [report.body, new Map()];
    const scopeOf = [report.region, report.level, report.kind] as BodyYears['scopes'][number];
    const scope = number(scopeNumbers, file.scopes, JSON.stringify(scopeOf), scopeOf);
    let row = rows.get(scope);
    if (row === undefined) {
      rows.set(scope, (row = file.body.length));
      file.body.push(report.body);
      file.scope.push(scope);
      file.reports.push(0);
      file.templates.push(-1);
      file.procurement_reports.push(0);
      for (const column of sums) column.push(null);
    }
    file.reports[row]++;
    file.procurement_reports[row] += measures.procurement[r];
    const templates = file.templateSets[file.templates[row]] ?? [];
    if (!templates.includes(report.template)) {
      const set = [...templates, report.template].sort();
      file.templates[row] = number(templateNumbers, file.templateSets, set.join(), set);
    }
    measures.sums.forEach((values, k) => {
      if (!Number.isNaN(values[r])) sums[k][row] = (sums[k][row] ?? 0) + values[r];
    });
  });
  return { ...file, sums: Object.fromEntries(SUMMED_COLUMNS.map((key, k) => [key, sums[k].some((v) => v !== null) ? sums[k] : null])) as BodyYears['sums'] };
}

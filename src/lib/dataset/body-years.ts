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
  const file: BodyYears = { year, body: [], scope: [], scopes: [], reports: [], templates: [], procurement_reports: [], sums: Object.fromEntries(SUMMED_COLUMNS.map((key) => [key, []])) as unknown as BodyYears['sums'] };
  const scopeNumbers = new Map<string, number>();
  const sums = SUMMED_COLUMNS.map((key) => file.sums[key]);
  // The current body's rows, by scope.
  let rows = new Map<number, number>();
  let body: string | null = null;
  reports.forEach(({ report }, r) => {
    if (report.year !== year || supersededBy.has(report.id)) return;
    if (report.body !== body) [body, rows] = [report.body, new Map()];
    const key = JSON.stringify([report.region, report.level, report.kind]);
    let scope = scopeNumbers.get(key);
    if (scope === undefined) {
      scopeNumbers.set(key, (scope = file.scopes.length));
      file.scopes.push([report.region, report.level, report.kind]);
    }
    let row = rows.get(scope);
    if (row === undefined) {
      rows.set(scope, (row = file.body.length));
      file.body.push(report.body);
      file.scope.push(scope);
      file.reports.push(0);
      file.templates.push('');
      file.procurement_reports.push(0);
      for (const column of sums) column.push(null);
    }
    file.reports[row]++;
    file.procurement_reports[row] += measures.procurement[r];
    const templates = file.templates[row] ? file.templates[row].split(',') : [];
    if (!templates.includes(report.template)) file.templates[row] = [...templates, report.template].sort().join(',');
    measures.sums.forEach((values, k) => {
      if (!Number.isNaN(values[r])) sums[k][row] = (sums[k][row] ?? 0) + values[r];
    });
  });
  return file;
}

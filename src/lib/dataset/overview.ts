import { SUMMED_COLUMNS, type MeasureSums, type YearlyRow } from '../template';
import type { PackedReport } from './packed';
import type { MeasureColumns } from './report-measures';

/** The file holding the yearly cube, computed when the dataset is written: the trends' first view. */
export const PREPARED_OVERVIEW = 'prepared-overview.json';

/** A row of the yearly cube (queries/yearly.ts YearlyCubeRow). */
export type PreparedCubeRow = YearlyRow & { region: string | null; level: string | null; kind: string | null; imported: boolean };

/**
 * The yearly cube (queries/yearly.ts yearlyCube: every measure per year,
 * region, level and kind, over the reports that count) summed here when the
 * dataset is written, so the site draws a page's trends for any filters but
 * bodies before DuckDB has started there (yearlyFromCube). The same reports
 * (no second report of a body and year), the same measures (the measures
 * file's, `measures`, whose rows are `reports`') and the same order of rows;
 * no report is imported here. tests/integration checks these rows against
 * the SQL's. Reports come in the dataset's order, so the money sums are the
 * same to the last bit on any number of threads.
 */
export function overviewCube(reports: readonly PackedReport[], supersededBy: ReadonlyMap<string, string>, measures: MeasureColumns): PreparedCubeRow[] {
  const cells = new Map<string, PreparedCubeRow>();
  reports.forEach(({ report }, r) => {
    if (supersededBy.has(report.id)) return;
    const { year, region, level, kind } = report;
    const key = JSON.stringify([year, region, level, kind]);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { year, region, level, kind, imported: false, reports: 0, procurement_reports: 0, ...(Object.fromEntries(SUMMED_COLUMNS.map((k) => [k, null])) as MeasureSums) }));
    cell.reports++;
    cell.procurement_reports += measures.procurement[r];
    SUMMED_COLUMNS.forEach((column, k) => {
      const value = measures.sums[k][r];
      if (!Number.isNaN(value)) cell[column] = (cell[column] ?? 0) + value;
    });
  });
  // As the SQL orders them: by year, then region, level and kind, nulls last.
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return [...cells.values()].sort((a, b) => a.year - b.year || text(a.region, b.region) || text(a.level, b.level) || text(a.kind, b.kind));
}

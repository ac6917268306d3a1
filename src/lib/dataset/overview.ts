import { CONSOLIDATED_KIND, SUMMED_COLUMNS, type MeasureSums, type YearlyRow } from '../template';
import type { PackedReport } from './packed';
import type { MeasureColumns } from './report-measures';

/** The file holding the overview's rows for the default filters, computed when the dataset is written. */
export const PREPARED_OVERVIEW = 'prepared-overview.json';

/**
 * The overview's first view: the rows yearlyTotals(NO_FILTERS) gives in the
 * browser (queries/yearly.ts over report_measures), summed here when the
 * dataset is written, so the site can draw it before DuckDB has started there.
 * The same reports (those that count: no consolidated report, no second
 * report of a body and year) and the same measures (the measures file's,
 * `measures`, whose rows are `reports`'). tests/integration checks these rows
 * against the SQL's. Reports come in the dataset's order, so the money sums
 * are the same to the last bit on any number of threads.
 */
export function overviewRows(reports: readonly PackedReport[], supersededBy: ReadonlyMap<string, string>, measures: MeasureColumns): YearlyRow[] {
  const years = new Map<number, YearlyRow>();
  reports.forEach(({ report }, r) => {
    if (report.kind === CONSOLIDATED_KIND || supersededBy.has(report.id)) return;
    let year = years.get(report.year);
    if (!year) years.set(report.year, (year = { year: report.year, reports: 0, procurement_reports: 0, ...(Object.fromEntries(SUMMED_COLUMNS.map((key) => [key, null])) as MeasureSums) }));
    year.reports++;
    year.procurement_reports += measures.procurement[r];
    SUMMED_COLUMNS.forEach((key, k) => {
      const value = measures.sums[k][r];
      if (!Number.isNaN(value)) year[key] = (year[key] ?? 0) + value;
    });
  });
  return [...years.values()].sort((a, b) => a.year - b.year);
}

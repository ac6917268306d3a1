import { SUMMED_COLUMNS } from '../template';

/** Sums of report_measures columns, each under its own name (every summed column by default). */
export function measureColumnSums(columns: readonly string[] = SUMMED_COLUMNS): string[] {
  return columns.map((key) => `SUM(${key}) AS ${key}`);
}

/** How many reports of a group have procurement in their template (report_measures.procurement_reports summed). */
export const PROCUREMENT_REPORTS_SUM = 'CAST(COALESCE(SUM(procurement_reports), 0) AS INTEGER) AS procurement_reports';

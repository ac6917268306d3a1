import type { PackedReport } from './packed';
import { CONSOLIDATED_KIND } from '../queries/filters';
import { MEASURE_LIST, measureHasCell, MEASURES, type MeasureKey } from '../queries/measures';
import type { YearlyRow } from '../queries/yearly';
import { CELL_STATES, TEMPLATE_CELLS } from '../template';

/** The file holding the overview's rows for the default filters, computed when the dataset is written. */
export const PREPARED_OVERVIEW = 'prepared-overview.json';

/**
 * What the prepared rows were summed by (the measures and the default view),
 * written beside them: rows summed by other definitions (an older ingest) are
 * drawn only until DuckDB answers.
 */
export const OVERVIEW_DEFINITIONS = fingerprint(JSON.stringify({ measures: MEASURE_LIST, leftOut: CONSOLIDATED_KIND }));

/** For each template cell, the measures it counts in. */
const MEASURES_OF_CELL: number[][] = TEMPLATE_CELLS.map((cell) => MEASURE_LIST.flatMap((m, i) => (measureHasCell(m, cell) ? [i] : [])));
const NOT_IN_TEMPLATE = CELL_STATES.indexOf('not_in_template');
const PROCUREMENT = MEASURE_LIST.indexOf(MEASURES.procurement_amount);

interface YearTotals {
  reports: number;
  procurementReports: number;
  sums: (number | null)[];
}

/**
 * The overview's first view: the rows yearlyTotals(NO_FILTERS) gives in the
 * browser (queries/yearly.ts over report_measures), summed here when the
 * dataset is written, so the site can draw it before DuckDB has started there,
 * and the ingest need not start DuckDB. The same sums, by the same rules: a
 * measure's cells with no value (ambiguous) add nothing, a report or year with
 * none is null; consolidated reports are out of the default view.
 * tests/integration checks these rows against the SQL's. Reports come in the
 * dataset's order, so the money sums are the same to the last bit on any
 * number of threads.
 */
export function overviewRows(reports: Iterable<PackedReport>): YearlyRow[] {
  const years = new Map<number, YearTotals>();
  for (const { report, cells: { packed, start, count } } of reports) {
    if (report.kind === CONSOLIDATED_KIND) continue;
    let year = years.get(report.year);
    if (!year) years.set(report.year, (year = { reports: 0, procurementReports: 0, sums: MEASURE_LIST.map(() => null) }));
    year.reports++;
    let procurement = false;
    for (let i = start; i < start + count; i++) {
      const value = packed.value[i];
      for (const m of MEASURES_OF_CELL[packed.templateIndex[i]]) {
        if (!Number.isNaN(value)) year.sums[m] = (year.sums[m] ?? 0) + value;
        if (m === PROCUREMENT && packed.state[i] !== NOT_IN_TEMPLATE) procurement = true;
      }
    }
    if (procurement) year.procurementReports++;
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, totals]) => ({
      year,
      reports: totals.reports,
      procurement_reports: totals.procurementReports,
      ...(Object.fromEntries(MEASURE_LIST.map((m, i) => [m.key, totals.sums[i]])) as Record<MeasureKey, number | null>),
    }));
}

/** FNV-1a, 32 bits, as hex: a short, stable name for a text. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

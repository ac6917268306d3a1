import type { PackedReport } from './packed';
import { CONSOLIDATED_KIND } from '../queries/filters';
import { MEASURE_LIST, measureHasCell, MEASURES, RATE_LIST, rateColumns, SUMMED_COLUMNS } from '../queries/measures';
import type { YearlyRow } from '../queries/yearly';
import { CELL_STATES, TEMPLATE_CELLS, UNKNOWN_STATES } from '../template';

/** The file holding the overview's rows for the default filters, computed when the dataset is written. */
export const PREPARED_OVERVIEW = 'prepared-overview.json';

/**
 * What the prepared rows were summed by (the measures and the default view),
 * written beside them: rows summed by other definitions (an older ingest) are
 * drawn only until DuckDB answers.
 */
export const OVERVIEW_DEFINITIONS = fingerprint(JSON.stringify({ measures: MEASURE_LIST, rates: RATE_LIST, leftOut: [CONSOLIDATED_KIND, 'superseded_by'] }));

/** For each template cell, the measures it counts in, and the rates it is part (0) or base (1) of. */
const MEASURES_OF_CELL: number[][] = TEMPLATE_CELLS.map((cell) => MEASURE_LIST.flatMap((m, i) => (measureHasCell(m, cell) ? [i] : [])));
const RATES_OF_CELL: [number, 0 | 1][][] = TEMPLATE_CELLS.map((cell) =>
  RATE_LIST.flatMap((r, i): [number, 0 | 1][] => {
    const has = (keys: readonly string[]) => MEASURE_LIST.some((m) => keys.includes(m.key) && measureHasCell(m, cell));
    return has(r.part) ? [[i, 0]] : has(r.base) ? [[i, 1]] : [];
  }),
);
const NOT_IN_TEMPLATE = CELL_STATES.indexOf('not_in_template');
const UNKNOWN = new Set(UNKNOWN_STATES.map((s) => CELL_STATES.indexOf(s)));
const PROCUREMENT = MEASURE_LIST.indexOf(MEASURES.procurement_amount);

type SummedKey = (typeof SUMMED_COLUMNS)[number];

/**
 * One report's row of report_measures (queries/summary-cells.ts), summed here
 * by the same rules: a measure's cells with no value add nothing (none at all:
 * null); a rate's part and base only when every cell of both is in the
 * report's template and none is missing or ambiguous.
 */
function reportSums({ packed, start, count }: PackedReport['cells']): { sums: Map<SummedKey, number | null>; procurement: boolean } {
  const measures: (number | null)[] = MEASURE_LIST.map(() => null);
  const rates = RATE_LIST.map(() => ({ part: 0, base: 0, unknown: false, inTemplate: false }));
  let procurement = false;
  for (let i = start; i < start + count; i++) {
    const value = packed.value[i];
    const cell = packed.templateIndex[i];
    for (const m of MEASURES_OF_CELL[cell]) {
      if (!Number.isNaN(value)) measures[m] = (measures[m] ?? 0) + value;
      if (m === PROCUREMENT && packed.state[i] !== NOT_IN_TEMPLATE) procurement = true;
    }
    for (const [r, role] of RATES_OF_CELL[cell]) {
      const rate = rates[r];
      if (UNKNOWN.has(packed.state[i])) rate.unknown = true;
      if (packed.state[i] !== NOT_IN_TEMPLATE) rate.inTemplate = true;
      if (!Number.isNaN(value)) rate[role === 0 ? 'part' : 'base'] += value;
    }
  }
  const sums = new Map<SummedKey, number | null>(MEASURE_LIST.map((m, i) => [m.key as SummedKey, measures[i]]));
  RATE_LIST.forEach((r, i) => {
    const known = rates[i].inTemplate && !rates[i].unknown;
    const columns = rateColumns(r);
    sums.set(columns.part, known ? rates[i].part : null);
    sums.set(columns.base, known ? rates[i].base : null);
    sums.set(columns.reports, known ? 1 : 0);
  });
  return { sums, procurement };
}

interface YearTotals {
  reports: number;
  procurementReports: number;
  sums: Map<SummedKey, number | null>;
}

/**
 * The overview's first view: the rows yearlyTotals(NO_FILTERS) gives in the
 * browser (queries/yearly.ts over report_measures), summed here when the
 * dataset is written, so the site can draw it before DuckDB has started there,
 * and the ingest need not start DuckDB. The same reports (those that count:
 * no consolidated report, no second report of a body and year) and the same
 * sums (reportSums). tests/integration checks these rows against the SQL's.
 * Reports come in the dataset's order, so the money sums are the same to the
 * last bit on any number of threads.
 */
export function overviewRows(reports: Iterable<PackedReport>, supersededBy: ReadonlyMap<string, string>): YearlyRow[] {
  const years = new Map<number, YearTotals>();
  for (const { report, cells } of reports) {
    if (report.kind === CONSOLIDATED_KIND || supersededBy.has(report.id)) continue;
    let year = years.get(report.year);
    if (!year) years.set(report.year, (year = { reports: 0, procurementReports: 0, sums: new Map(SUMMED_COLUMNS.map((key) => [key, null])) }));
    year.reports++;
    const { sums, procurement } = reportSums(cells);
    for (const [key, value] of sums) if (value !== null) year.sums.set(key, (year.sums.get(key) ?? 0) + value);
    if (procurement) year.procurementReports++;
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, totals]) => ({ year, reports: totals.reports, procurement_reports: totals.procurementReports, ...(Object.fromEntries(totals.sums) as Record<SummedKey, number | null>) }));
}

/** FNV-1a, 32 bits, as hex: a short, stable name for a text. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

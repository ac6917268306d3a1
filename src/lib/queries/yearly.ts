import { inScope, inScopeRow, type Filters } from './filters';
import { COUNTED } from './filters';
import { SUMMED_COLUMNS, type YearlyCubeRow, type YearlyRow } from '../template';
import { measureColumnSums, PROCUREMENT_REPORTS_SUM } from './measure-sums';
import type { Query } from './query';

export type { YearlyCubeRow, YearlyRow };

/** Every measure per year for the selection: the overview's KPI cards and trend lines. */
export function yearlyTotals(filters: Filters): Query {
  const selected = inScope(filters);
  return {
    sql: `SELECT year, COUNT(*) AS reports, ${PROCUREMENT_REPORTS_SUM},
  ${measureColumnSums().join(',\n  ')}
FROM report_measures WHERE ${selected.sql}
GROUP BY year ORDER BY year`,
    params: selected.params,
  };
}

/**
 * Every measure per year, region, level and kind, over the reports that count
 * (COUNTED): a few hundred rows, queried once. The yearly rows of any filters but bodies are sums of its rows
 * (yearlyFromCube), so the page answers a change of region, level or kind
 * without a query.
 */
export function yearlyCube(): Query {
  return {
    sql: `SELECT year, region, level, kind, imported, COUNT(*) AS reports, ${PROCUREMENT_REPORTS_SUM},
  ${measureColumnSums().join(',\n  ')}
FROM report_measures WHERE ${COUNTED}
GROUP BY year, region, level, kind, imported ORDER BY year, region, level, kind, imported`,
    params: [],
  };
}


/** yearlyTotals(filters), summed from the cube's rows (filters without bodies); a sum of no values stays null, as SQL's SUM. */
export function yearlyFromCube(cube: readonly YearlyCubeRow[], filters: Filters): YearlyRow[] {
  const selected = inScopeRow(filters);
  const years = new Map<number, YearlyRow>();
  for (const row of cube) {
    if (!selected(row)) continue;
    const sum = years.get(row.year);
    if (!sum) {
      const { region: _region, level: _level, kind: _kind, imported: _imported, ...totals } = row;
      years.set(row.year, totals);
      continue;
    }
    sum.reports += row.reports;
    sum.procurement_reports += row.procurement_reports;
    for (const key of SUMMED_COLUMNS) {
      const value = row[key];
      if (value !== null) sum[key] = (sum[key] ?? 0) + value;
    }
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

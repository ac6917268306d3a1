import { T3_APPLICANT_COLUMNS, T3_COLUMNS } from '../template';
import type { Filters } from './filters';
import type { Query } from './query';
import { SCOPED_SUMMARY_CELLS, stateCode, summaryCellsOf, summaryScope } from './summary-cells';

/** The series for requests whose applicant split the source cannot give (flattened rows). */
export const UNDETERMINED = 'undetermined';

export interface ApplicantRow {
  year: number;
  /** An applicant column key, or UNDETERMINED. */
  applicant: string;
  requests: number | null;
}

/**
 * New requests per year by applicant type. A report whose applicant cells are
 * ambiguous contributes its 总计 less what is known to 未区分, never spread over types.
 */
export function requestsByApplicant(filters: Filters): Query {
  const s = summaryScope(filters);
  return {
    sql: `WITH ${s.sql},
new_cells AS (
  SELECT s.year, s.report_no, k.col, c.value, c.state = ${stateCode('ambiguous')} AS ambiguous FROM ${SCOPED_SUMMARY_CELLS}
  WHERE ${summaryCellsOf('t3', ['new'], T3_COLUMNS.map((c) => c.key))}),
per_report AS (
  SELECT year, report_no, MAX(value) FILTER (WHERE col = 'total') AS total,
    SUM(value) FILTER (WHERE col <> 'total') AS known, BOOL_OR(ambiguous AND col <> 'total') AS ambiguous
  FROM new_cells GROUP BY year, report_no)
SELECT year, col AS applicant, SUM(value) AS requests FROM new_cells WHERE col <> 'total' GROUP BY year, col
UNION ALL
SELECT year, '${UNDETERMINED}' AS applicant, SUM(COALESCE(total, 0) - COALESCE(known, 0)) AS requests
FROM per_report WHERE ambiguous GROUP BY year
ORDER BY year, applicant`,
    params: s.params,
  };
}

export const APPLICANT_ORDER = [...T3_APPLICANT_COLUMNS.map((c) => c.key), UNDETERMINED];

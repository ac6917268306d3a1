import { T3_APPLICANT_COLUMNS, T3_COLUMNS } from '../template';
import type { Filters } from './filters';
import type { Query } from './query';
import { stateCode, summaryCellsOf, summaryScope, summedCells } from './summary-cells';

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
  const applicants = T3_APPLICANT_COLUMNS.map((c) => c.key);
  return {
    sql: `WITH ${s.sql},
ambiguous AS (SELECT DISTINCT c.report_no FROM summary_cells c WHERE c.state = ${stateCode('ambiguous')} AND ${summaryCellsOf('t3', ['new'], applicants)})
SELECT year, col AS applicant, value AS requests FROM (${summedCells(['year'], summaryCellsOf('t3', ['new'], applicants))})
UNION ALL
SELECT s.year, '${UNDETERMINED}' AS applicant, SUM(COALESCE(a.total, 0) - COALESCE(a.known, 0)) AS requests
FROM scope s JOIN (
  SELECT c.report_no, MAX(c.value) FILTER (WHERE ${summaryCellsOf('t3', ['new'], ['total'])}) AS total,
    SUM(c.value) FILTER (WHERE ${summaryCellsOf('t3', ['new'], applicants)}) AS known
  FROM summary_cells c WHERE c.report_no IN (SELECT report_no FROM ambiguous) AND ${summaryCellsOf('t3', ['new'], T3_COLUMNS.map((c) => c.key))}
  GROUP BY c.report_no) a ON a.report_no = s.report_no
GROUP BY s.year
ORDER BY year, applicant`,
    params: s.params,
    summary: true,
  };
}

export const APPLICANT_ORDER = [...T3_APPLICANT_COLUMNS.map((c) => c.key), UNDETERMINED];

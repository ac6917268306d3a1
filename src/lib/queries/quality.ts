import { SHOWN_STATES } from '../template';
import { scope, type Filters } from './filters';
import { FINDING_COLUMNS, FINDING_ORDER } from './report';
import type { Query } from './query';

export interface RuleCountRow {
  rule: string;
  severity: string;
  year: number;
  findings: number;
  reports: number;
}

/** Findings per rule and year for the selection. */
export function findingsByRule(filters: Filters): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT f.rule, ANY_VALUE(f.severity) AS severity, s.year, COUNT(*) AS findings, COUNT(DISTINCT f.report_id) AS reports
FROM scope s JOIN findings f ON f.report_id = s.report_id
GROUP BY f.rule, s.year ORDER BY f.rule, s.year`,
    params: s.params,
  };
}

export interface BodyFindingCountRow {
  body: string;
  year: number;
  report_id: string;
  errors: number;
  warnings: number;
  infos: number;
  /** How many reports of the selection have findings (the list stops at its limit). */
  total: number;
}

/** Findings per report (body and year), the reports with most errors first. */
export function findingsByReport(filters: Filters, limit = 500): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT s.body, s.year, s.report_id,
  COUNT(*) FILTER (WHERE f.severity = 'error') AS errors,
  COUNT(*) FILTER (WHERE f.severity = 'warning') AS warnings,
  COUNT(*) FILTER (WHERE f.severity = 'info') AS infos,
  COUNT(*) OVER () AS total
FROM scope s JOIN findings f ON f.report_id = s.report_id
GROUP BY s.body, s.year, s.report_id ORDER BY errors DESC, warnings DESC, s.body, s.year, s.report_id LIMIT ${Math.trunc(limit)}`,
    params: s.params,
  };
}

/** The findings themselves, optionally of one rule; at most `limit`, with the total count alongside. */
export function findingList(filters: Filters, rule: string | null, limit = 200): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT ${FINDING_COLUMNS}, COUNT(*) OVER () AS total
FROM scope s JOIN findings f ON f.report_id = s.report_id JOIN reports r ON r.report_id = f.report_id
${rule ? 'WHERE f.rule = ?' : ''}
ORDER BY r.body, r.year, ${FINDING_ORDER}, f.rowid LIMIT ${Math.trunc(limit)}`,
    params: rule ? [...s.params, rule] : s.params,
  };
}

export interface IncompleteReportRow {
  report_id: string;
  body: string;
  year: number;
  ambiguous: number;
  blank: number;
  missing: number;
  /** How many reports the selection has like this (the list stops at its limit). */
  total: number;
}

/** Reports with ambiguous, blank or missing cells, most first. */
export function incompleteReports(filters: Filters, limit = 500): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql},
per_report AS (
  SELECT s.report_id, s.body, s.year, n.ambiguous, n.blank, n.missing
  FROM scope s JOIN report_cell_states n ON n.report_id = s.report_id)
SELECT *, COUNT(*) OVER () AS total FROM per_report WHERE ambiguous + blank + missing > 0
ORDER BY ambiguous + blank + missing DESC, body, year, report_id LIMIT ${Math.trunc(limit)}`,
    params: s.params,
  };
}

export interface BodyYearsRow {
  body: string;
  years: number[];
}

/** The years each body has a report for. */
export function bodyYears(filters: Filters): Query {
  const s = scope(filters);
  return { sql: `WITH ${s.sql}\nSELECT body, LIST(DISTINCT year ORDER BY year) AS years FROM scope GROUP BY body ORDER BY body`, params: s.params };
}

export interface CellStateRow {
  state: string;
  cells: number;
}

/**
 * How many cells of the selection were numbers, '/', '—', blank, ambiguous or
 * missing (cells the report's template version does not have are left out).
 */
export function cellStates(filters: Filters): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql},
totals AS (SELECT ${SHOWN_STATES.map((state) => `CAST(SUM(n."${state}") AS BIGINT) AS "${state}"`).join(', ')} FROM scope s JOIN report_cell_states n ON n.report_id = s.report_id)
SELECT state, cells FROM (UNPIVOT totals ON ${SHOWN_STATES.map((state) => `"${state}"`).join(', ')} INTO NAME state VALUE cells)
WHERE cells > 0 ORDER BY state`,
    params: s.params,
  };
}

export interface UncheckedRuleRow {
  rule: string;
  /** Reports the rule could not be evaluated on (each has one NOT_EVALUATED finding for it, saying why). */
  reports: number;
}

/** The rules that could not be evaluated on some reports of the selection (NOT_EVALUATED), with how many reports. */
export function uncheckedRules(filters: Filters): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT f.unchecked_rule AS rule, COUNT(DISTINCT f.report_id) AS reports
FROM scope s JOIN findings f ON f.report_id = s.report_id
WHERE f.rule = 'NOT_EVALUATED'
GROUP BY f.unchecked_rule ORDER BY reports DESC, rule`,
    params: s.params,
  };
}

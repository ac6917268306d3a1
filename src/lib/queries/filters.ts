import { CONSOLIDATED_KIND, KIND_LABELS, type ScopeColumns } from '../template';
import type { Query } from './query';

/** Where reports come from: the site's data, or imported in this browser (导入), or both ('all'). */
export type ReportSource = 'all' | 'site' | 'imported';
export const REPORT_SOURCES: readonly { key: ReportSource; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'site', label: '只看本站数据' },
  { key: 'imported', label: '只看导入的报告' },
];

/** What the user selected. Empty lists mean "all"; kinds empty means the bodies' own reports (no consolidated ones). */
export interface Filters {
  from: number | null;
  to: number | null;
  bodies: string[];
  regions: string[];
  levels: string[];
  kinds: string[];
  source: ReportSource;
}

export const NO_FILTERS: Filters = { from: null, to: null, bodies: [], regions: [], levels: [], kinds: [], source: 'all' };

/** Report kinds are the template's (a consolidated report sums other bodies' reports: counting it with them would count twice). */
export { CONSOLIDATED_KIND, KIND_LABELS } from '../template';
export type { ScopeColumns } from '../template';

/**
 * The filters without their year range. Rows per year do not depend on the
 * range, so the rows of every year can be queried once and cut to a range in
 * the page (withinYears): changing the years then needs no query.
 */
export function allYears(filters: Filters): Filters {
  return { ...filters, from: null, to: null };
}

const inYears = (filters: Pick<Filters, 'from' | 'to'>, year: number) => (filters.from === null || year >= filters.from) && (filters.to === null || year <= filters.to);

/** The rows of the filters' year range. */
export function withinYears<Row extends { year: number }>(rows: readonly Row[], filters: Pick<Filters, 'from' | 'to'>): Row[] {
  return rows.filter((r) => inYears(filters, r.year));
}

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/**
 * Which reports a sum adds: one per body and year (a second report of the
 * same body and year, DUPLICATE_REPORT, has reports.superseded_by set and
 * never counts), and never a consolidated report with the reports it sums.
 */
export const COUNTED = 'superseded_by IS NULL';

/**
 * The condition selecting the reports the filters select, over any table with
 * the reports' year, body, region, level, kind, imported and superseded_by (reports,
 * report_measures). `years` overrides the year range (e.g. two years to
 * compare). 'counted' (for sums) leaves out the reports that do not count
 * (COUNTED); 'all' (for lists of reports and findings) keeps them.
 */
export function inScope(filters: Filters, years?: readonly number[], reports: 'counted' | 'all' = 'counted'): Query {
  const where: string[] = [];
  const params: unknown[] = [];
  if (years) where.push(`year IN (${placeholders(years.length) || 'NULL'})`) && params.push(...years);
  else {
    if (filters.from !== null) where.push('year >= ?') && params.push(filters.from);
    if (filters.to !== null) where.push('year <= ?') && params.push(filters.to);
  }
  for (const [column, values] of [['body', filters.bodies], ['region', filters.regions], ['level', filters.levels]] as const) {
    if (values.length > 0) where.push(`${column} IN (${placeholders(values.length)})`) && params.push(...values);
  }
  if (filters.kinds.length > 0) where.push(`kind IN (${placeholders(filters.kinds.length)})`) && params.push(...filters.kinds);
  else where.push(`kind IS DISTINCT FROM '${CONSOLIDATED_KIND}'`);
  if (filters.source !== 'all') where.push(filters.source === 'imported' ? 'imported' : 'NOT imported');
  if (reports === 'counted') where.push(COUNTED);
  return { sql: where.join(' AND '), params };
}

/**
 * inScope's selection, over rows held in the page: the same rules (a NULL
 * region or level is in no list; with no kinds chosen, everything but the
 * consolidated reports). Rows without a body cannot answer a choice of bodies.
 */
export function inScopeRow(filters: Filters): (row: ScopeColumns) => boolean {
  if (filters.bodies.length > 0) throw new Error('rows without a body cannot be selected by body');
  const within = (values: readonly string[], value: string | null) => values.length === 0 || (value !== null && values.includes(value));
  return (row) =>
    inYears(filters, row.year) &&
    within(filters.regions, row.region) &&
    within(filters.levels, row.level) &&
    (filters.kinds.length > 0 ? within(filters.kinds, row.kind) : row.kind !== CONSOLIDATED_KIND) &&
    (filters.source === 'all' || row.imported === (filters.source === 'imported'));
}

/** `scope`: every report the filters select, counted or not (see inScope), as a CTE to start a list of reports, cells or findings with. */
export function scope(filters: Filters, years?: readonly number[]): Query {
  const condition = inScope(filters, years, 'all');
  return { sql: `scope AS (SELECT report_id, body, year, template, origin FROM reports WHERE ${condition.sql})`, params: condition.params };
}

/** The selection in words, as a printed page says it at its top (机关 named, at most three). */
export function describeFilters(filters: Filters): string {
  const years = filters.from === null && filters.to === null ? '全部年度' : filters.from === filters.to ? `${filters.from} 年` : `${filters.from ?? '最早'}–${filters.to ?? '最近'} 年`;
  const bodies = filters.bodies.length === 0 ? '全部机关' : filters.bodies.length <= 3 ? filters.bodies.join('、') : `${filters.bodies.slice(0, 3).join('、')} 等 ${filters.bodies.length} 个机关`;
  const kinds = filters.kinds.length === 0 ? '各机关本级报告（不含汇总）' : filters.kinds.map((k) => KIND_LABELS[k] ?? k).join('、');
  const source = filters.source === 'all' ? [] : [REPORT_SOURCES.find((s) => s.key === filters.source)!.label];
  return [years, bodies, ...filters.regions, ...filters.levels, kinds, ...source].join(' · ');
}

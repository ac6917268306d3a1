import { SHOWN_STATES, type QualityCubeRow } from '../template';
import { inScopeRow, type Filters } from './filters';
import { compareCodes } from './held-reports';
import type { CellStateRow, RuleCountRow, UncheckedRuleRow } from './quality';

/**
 * 数据质量's counts (queries/quality.ts findingsByRule, cellStates,
 * uncheckedRules) summed from the quality cube the ingest prepared
 * (dataset/overview.ts qualityCube): the same rows in the same order (tests
 * compare them), for any filters but bodies and the report source.
 */

/** The quality cube as prepared-overview.json holds it: its rows' states in this order. */
export interface QualityCube {
  states: readonly string[];
  rows: readonly QualityCubeRow[];
}

/** Whether a cube read from a file is one: rows of its shape, counting the states the page shows in its order (an older ingest's may not). */
export function isQualityCube(cube: { states?: unknown; rows?: unknown } | undefined): cube is QualityCube {
  const isRow = (row: Partial<QualityCubeRow> | null) =>
    typeof row?.year === 'number' && typeof row.rules === 'object' && row.rules !== null && Array.isArray(row.unchecked) && Array.isArray(row.states) && row.states.length === SHOWN_STATES.length;
  return Array.isArray(cube?.rows) && JSON.stringify(cube.states) === JSON.stringify(SHOWN_STATES) && cube.rows.every(isRow);
}

/** findingsByRule(filters): findings and their reports per rule and year, by rule, then year. */
export function findingsByRuleFromCube(cube: QualityCube, filters: Filters): RuleCountRow[] {
  const selected = inScopeRow(filters);
  const groups = new Map<string, RuleCountRow>();
  for (const row of cube.rows) {
    if (!selected(row)) continue;
    for (const [rule, { severity, findings, reports }] of Object.entries(row.rules)) {
      const key = `${rule}\u0000${row.year}`;
      const group = groups.get(key);
      if (group) (group.findings += findings), (group.reports += reports);
      else groups.set(key, { rule, severity, year: row.year, findings, reports });
    }
  }
  return [...groups.values()].sort((a, b) => compareCodes(a.rule, b.rule) || a.year - b.year);
}

/** cellStates(filters): the selection's cells by state (those it has), by state. */
export function cellStatesFromCube(cube: QualityCube, filters: Filters): CellStateRow[] {
  const selected = inScopeRow(filters);
  const cells = SHOWN_STATES.map(() => 0);
  for (const row of cube.rows) if (selected(row)) row.states.forEach((count, s) => (cells[s] += count));
  return stateRows(cells);
}

/** Cells per state (SHOWN_STATES' order) as cellStates' rows: the states there are, by state. */
export function stateRows(cells: readonly number[]): CellStateRow[] {
  return SHOWN_STATES.map((state, s) => ({ state: state as string, cells: cells[s] }))
    .filter((row) => row.cells > 0)
    .sort((a, b) => compareCodes(a.state, b.state));
}

/** uncheckedRules(filters): the rules not evaluated on some reports, with how many. */
export function uncheckedRulesFromCube(cube: QualityCube, filters: Filters): UncheckedRuleRow[] {
  const selected = inScopeRow(filters);
  const reports = new Map<string | null, number>();
  for (const row of cube.rows) if (selected(row)) for (const [rule, count] of row.unchecked) reports.set(rule, (reports.get(rule) ?? 0) + count);
  return uncheckedRows(reports);
}

/** Reports per rule not evaluated as uncheckedRules' rows: the most first, nulls last (as the SQL orders them). */
export function uncheckedRows(reports: ReadonlyMap<string | null, number>): UncheckedRuleRow[] {
  return [...reports]
    .map(([rule, count]) => ({ rule: rule as string, reports: count }))
    .sort((a, b) => b.reports - a.reports || (a.rule === null ? 1 : b.rule === null ? -1 : compareCodes(a.rule, b.rule)));
}

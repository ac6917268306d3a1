import type { ScopeColumns } from './measures';

/**
 * A row of the quality cube: what 数据质量's charts and rule tables count,
 * over the reports of one year, region, level and kind, every one of them
 * (counted or not, as the page lists them): the findings of each rule and the
 * reports that have them, the reports each rule could not be checked on
 * (NOT_EVALUATED, by the rule not checked; null: not said) and the cells in
 * each state (SHOWN_STATES' order). The ingest prepares it
 * (dataset/overview.ts qualityCube); queries/quality-cube.ts answers from it.
 */
export interface QualityCubeRow extends ScopeColumns {
  rules: Record<string, { severity: string; findings: number; reports: number }>;
  unchecked: [rule: string | null, reports: number][];
  states: number[];
}

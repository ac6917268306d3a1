import type { MeasureKey, RateColumn } from './measures';

/**
 * A year's body-year file: each body's reports of the year that count (no
 * superseded one), summed per region, level and kind, a row per body and
 * scope (a body's reports of a year mostly share one), in the dataset's order
 * of bodies; column by column. The ingest writes it (dataset/body-years.ts);
 * queries/body-year-files.ts answers 部门排名's and 年度对比's sums from it.
 */
export interface BodyYears {
  year: number;
  body: string[];
  /** Each row's region, level and kind, as a number into `scopes`. */
  scope: number[];
  scopes: [region: string | null, level: string | null, kind: string | null][];
  reports: number[];
  /** Each row's template versions, as a number into `templateSets` (each in order: ['2019'], ['2019', '2021']). */
  templates: number[];
  templateSets: string[][];
  procurement_reports: number[];
  /** Every summed column of the measures file (SUMMED_COLUMNS), summed over the row's reports (null: none had a value); a column without any value is null whole. */
  sums: Record<MeasureKey | RateColumn, (number | null)[] | null>;
}

/**
 * A body-group file: the body-year rows of the bodies of one group
 * (dataset/schema.ts bodyGroupOf) for every year, in the order of years. A
 * body's page reads its group's file alone, before the page holds the reports.
 */
export interface BodyGroup {
  group: number;
  /** How many groups the dataset's bodies are in (the group of a body depends on it). */
  groups: number;
  years: BodyYears[];
}

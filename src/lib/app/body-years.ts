import { bodyYearsOfFiles } from '../queries/body-year-files';
import type { BodyYearMeasures } from '../queries/body-years';
import type { Filters } from '../queries/filters';
import { bodyYearsOfReports } from '../queries/reports-by-body';
import type { MeasureKey, RateColumn } from '../template';
import { preparedBodyYears } from './data.svelte';
import { preparedAnswer } from './held';
import type { PreparedRows } from './query.svelte';

/**
 * measuresByBodyYear(filters, years, columns)'s rows without a query: from
 * the years' body-year files the ingest wrote, so 部门排名 and 年度对比 draw
 * before the page holds every report; else (the report source chosen, a year
 * left out of the load, an older dataset) from the reports held in the page.
 */
export function bodyYearsAnswer(filters: Filters, years: readonly number[], columns: readonly (MeasureKey | RateColumn)[]): PreparedRows<BodyYearMeasures> | Promise<PreparedRows<BodyYearMeasures> | null> | null {
  return preparedAnswer(
    filters.source === 'all',
    () => preparedBodyYears(years),
    (files) => bodyYearsOfFiles(files, filters, columns),
    (reports) => bodyYearsOfReports(reports, filters, years, columns),
  );
}

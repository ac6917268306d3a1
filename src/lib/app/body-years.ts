import { bodyYearsOfFiles, kindsOfBodyGroup } from '../queries/body-year-files';
import type { BodyYearMeasures } from '../queries/body-years';
import type { Filters } from '../queries/filters';
import { bodyYearsOfReports, kindsOfBody } from '../queries/reports-by-body';
import type { ReportsByBody } from '../queries/held-reports';
import type { BodyGroup, MeasureKey, RateColumn } from '../template';
import { data, preparedBodyGroups, preparedBodyYears } from './data.svelte';
import { heldAnswer, preparedAnswer } from './held';
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

/**
 * A query's rows for a choice of bodies without a query: from the reports
 * held in the page once they are, before from the bodies' group files
 * (`fromGroups`, the same rows; a body's page draws before the page holds
 * the reports), else from the held reports when they come.
 */
export function bodyGroupsAnswer<Row>(
  usable: boolean,
  bodies: readonly string[],
  fromGroups: (files: BodyGroup[]) => Row[],
  fromHeld: (reports: ReportsByBody) => Row[] | null,
): PreparedRows<Row> | Promise<PreparedRows<Row> | null> | null {
  if (data.held) return heldAnswer(fromHeld);
  return preparedAnswer(usable, () => preparedBodyGroups(bodies), fromGroups, fromHeld);
}

/** bodyKinds(body)'s rows without a query (bodyGroupsAnswer). */
export function bodyKindsAnswer(body: string): PreparedRows<{ kind: string }> | Promise<PreparedRows<{ kind: string }> | null> | null {
  return bodyGroupsAnswer(
    true,
    [body],
    ([file]) => kindsOfBodyGroup(file, body),
    (reports) => kindsOfBody(reports, body),
  );
}

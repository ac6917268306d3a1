import { allYears, withinYears, type Filters } from '../queries/filters';
import type { Query } from '../queries/query';
import { measuresTopBodies, measureTopBodies, type BodyMeasuresRow, type BodyYearRow } from '../queries/bodies';
import type { ReportsByBody } from '../queries/held-reports';
import { cellCubeOfBodies, measuresTopBodiesOfReports, measureTopBodiesOfReports, yearlyOfBodies } from '../queries/reports-by-body';
import { yearlyFromCube, yearlyTotals, type YearlyCubeRow, type YearlyRow } from '../queries/yearly';
import { applicantsFromCube, cellSumsFromCube, type CellCube } from '../queries/cell-cube';
import { cellSumsByYear, type CellSumRow } from '../queries/cells';
import { requestsByApplicant, type ApplicantRow } from '../queries/requests';
import { T4_COLUMNS, T4_GROUPS, type Measure, type TableId } from '../template';
import { bodyGroupsAnswer } from './body-years';
import { data, preparedCellCube, preparedCube, yearlyCubeRows } from './data.svelte';
import { heldAnswer } from './held';
import { yearlyOfBodyGroups } from '../queries/body-year-files';
import { queryState, type PrepareRows, type QueryState } from './query.svelte';

/**
 * Rows of a query grouped by year (and perhaps body …): queried for all years
 * and cut to the filters' year range here, so a change of years redraws
 * without a query.
 */
export function byYearState<Row extends { year: number }>(
  build: (filters: Filters) => Query,
  filters: () => Filters,
  prepared?: PrepareRows<Row>,
): QueryState<Row> {
  const all = queryState<Row>(() => build(allYears(filters())), prepared);
  // The bounds as values: the URL changing twice on one navigation cuts the rows once.
  const from = $derived(filters().from);
  const to = $derived(filters().to);
  // Years whose summary file could not be read are left out, also of the rows the ingest prepared.
  const rows = $derived(withinYears(all.rows, { from, to }).filter((r) => !data.failed.some((f) => f.year === r.year)));
  return {
    get rows() {
      return rows;
    },
    get loading() {
      return all.loading;
    },
    get error() {
      return all.error;
    },
  };
}

/**
 * Every measure per year for the filters, answered in the page: a choice of
 * bodies from their reports held in the page (before, from their groups'
 * files: bodyGroupsAnswer); other filters from the yearly
 * cube once the database is up and, before, from the cube the ingest
 * prepared (any filters but the report source: no report is imported at ingest).
 */
export function yearlyState(filters: () => Filters): QueryState<YearlyRow> {
  return byYearState(yearlyTotals, filters, () => {
    const all = allYears(filters());
    if (all.bodies.length > 0)
      return bodyGroupsAnswer(
        all.source === 'all',
        all.bodies,
        (files) => yearlyOfBodyGroups(files, all),
        (reports) => yearlyOfBodies(reports, all),
      );
    const cube = yearlyCubeRows();
    const fromCube = (rows: YearlyCubeRow[]) => ({ rows: yearlyFromCube(rows, all), final: true });
    if (!(cube instanceof Promise)) return fromCube(cube);
    if (all.source !== 'all') return cube.then(fromCube, () => null);
    return preparedCube().then((rows) => (rows ? fromCube(rows) : cube.then(fromCube, () => null)));
  });
}

/**
 * Rows of a query of the summary cells per year, answered from the cell cube
 * the ingest prepared (`fromCube`, the same rows) for any filters but bodies
 * and the report source, and for chosen bodies from their reports' cells held
 * in the page: a change of region, level, kind or bodies asks no query. The
 * database answers a choice of report source, and a dataset without the cube.
 */
function cellCubeState<Row extends { year: number }>(build: (filters: Filters) => Query, fromCube: (cube: CellCube, filters: Filters) => Row[], filters: () => Filters): QueryState<Row> {
  return byYearState(build, filters, () => {
    const all = allYears(filters());
    if (all.source !== 'all') return null;
    // Chosen bodies: a cube of their reports' own cells, held in the page.
    if (all.bodies.length > 0)
      return heldAnswer((reports) => {
        const cube = cellCubeOfBodies(reports, all);
        return cube && fromCube(cube, { ...all, bodies: [] });
      }, true);
    const answer = (cube: CellCube | null) => (cube ? { rows: fromCube(cube, all), final: true } : null);
    const cube = preparedCellCube();
    return cube instanceof Promise ? cube.then(answer) : answer(cube);
  });
}

/** New requests per year by applicant type (queries/requests.ts requestsByApplicant). */
export function applicantsState(filters: () => Filters): QueryState<ApplicantRow> {
  return cellCubeState(requestsByApplicant, applicantsFromCube, filters);
}

/** Sums of t3's or t4's cells per year, row and column (queries/cells.ts cellSumsByYear). */
export function cellSumsState(filters: () => Filters, table: TableId, rows: () => readonly string[], cols: readonly string[]): QueryState<CellSumRow> {
  return cellCubeState(
    (f) => cellSumsByYear(f, table, rows(), cols),
    (cube, f) => cellSumsFromCube(cube, f, table, rows(), cols),
    filters,
  );
}

/** t4 by group and result, per year: the review and suit results. */
export function t4ResultsState(filters: () => Filters): QueryState<CellSumRow> {
  const groups = T4_GROUPS.map((g) => g.key);
  return cellSumsState(filters, 't4', () => groups, T4_COLUMNS.map((c) => c.key));
}

/** Rows answered from every report held in the page (`fromReports`, the same rows as the query): any filters, no query (app/held.ts). */
function reportsAnswerState<Row extends { year: number }>(build: (filters: Filters) => Query, fromReports: (reports: ReportsByBody, filters: Filters) => Row[], filters: () => Filters): QueryState<Row> {
  return byYearState(build, filters, () => {
    const all = allYears(filters());
    return heldAnswer((reports) => fromReports(reports, all));
  });
}

/** Each year's first bodies by a measure (queries/bodies.ts measureTopBodies). */
export function topBodiesState(filters: () => Filters, measure: Measure): QueryState<BodyYearRow> {
  return reportsAnswerState(
    (f) => measureTopBodies(f, measure),
    (reports, f) => measureTopBodiesOfReports(reports, f, measure),
    filters,
  );
}

/** Each year's first bodies by the sum of several measures, with each (queries/bodies.ts measuresTopBodies). */
export function topBodiesOfSumState(filters: () => Filters, measures: readonly Measure[]): QueryState<BodyMeasuresRow> {
  return reportsAnswerState(
    (f) => measuresTopBodies(f, measures),
    (reports, f) => measuresTopBodiesOfReports(reports, f, measures),
    filters,
  );
}

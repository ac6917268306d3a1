import { CUBE_CELL_REFS, SUMMED_COLUMNS, type CellCubeRow, type Finding, type MeasureSums, type QualityCubeRow, type ScopeColumns, type YearlyCubeRow } from '../template';
import type { KeptReport } from './builder';
import type { MeasureColumns } from './report-measures';

/**
 * The file holding the yearly cube, the cell cube and the quality cube,
 * computed when the dataset is written: `{ dataset, cube, cells: { refs,
 * rows }, quality: { states, rows } }` (dataset: dataset.json's files, whose
 * rows these are). The trend pages and 数据质量's charts answer from it.
 */
export const PREPARED_OVERVIEW = 'prepared-overview.json';

/**
 * The yearly cube (queries/yearly.ts yearlyCube: every measure per year,
 * region, level and kind, over the reports that count) summed here when the
 * dataset is written, so the site draws a page's trends for any filters but
 * bodies before DuckDB has started there (yearlyFromCube). The same reports
 * (no second report of a body and year), the same measures (the measures
 * file's, `measures`, whose rows are `reports`') and the same order of rows;
 * no report is imported here. tests/integration checks these rows against
 * the SQL's. Reports come in the dataset's order, so the money sums are the
 * same to the last bit on any number of threads.
 */
export function overviewCube(reports: readonly KeptReport[], supersededBy: ReadonlyMap<string, string>, measures: MeasureColumns): YearlyCubeRow[] {
  return cubeOf(
    reports,
    supersededBy,
    (scope): YearlyCubeRow => ({ ...scope, reports: 0, procurement_reports: 0, ...(Object.fromEntries(SUMMED_COLUMNS.map((k) => [k, null])) as MeasureSums) }),
    (row, _, r) => {
      row.reports++;
      row.procurement_reports += measures.procurement[r];
      SUMMED_COLUMNS.forEach((column, k) => {
        const value = measures.sums[k][r];
        if (!Number.isNaN(value)) row[column] = (row[column] ?? 0) + value;
      });
    },
  );
}

/**
 * A cube's rows: one per year, region, level and kind (`create`d empty), to
 * which each report not in `supersededBy` is added (`add`, with its
 * position in the dataset). In the SQL's order: by year, then region, level
 * and kind, nulls last. No report is imported at ingest.
 */
function cubeOf<Row extends ScopeColumns>(
  reports: readonly KeptReport[],
  supersededBy: ReadonlyMap<string, string>,
  create: (scope: ScopeColumns) => Row,
  add: (row: Row, report: KeptReport, r: number) => void,
): Row[] {
  const rows = new Map<string, Row>();
  reports.forEach((packed, r) => {
    const { id, year, region, level, kind } = packed.report;
    if (supersededBy.has(id)) return;
    const key = JSON.stringify([year, region, level, kind]);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = create({ year, region, level, kind, imported: false })));
    add(row, packed, r);
  });
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return [...rows.values()].sort((a, b) => a.year - b.year || text(a.region, b.region) || text(a.level, b.level) || text(a.kind, b.kind));
}

/**
 * The cell cube (template CellCubeRow): the t3 and t4 cells the trend pages
 * sum per year, summed per year, region, level and kind over the reports that
 * count, as queries/cells.ts cellSumsByYear and queries/requests.ts
 * requestsByApplicant sum them from the summary cells; the site answers
 * those queries from it for any filters but bodies and the report source
 * (queries/cell-cube.ts). A report whose applicant cells are ambiguous adds
 * its 总计 less what is known (each null as 0) to `undetermined`, as
 * requestsByApplicant does. tests/integration checks the answers against
 * the SQL's. What each report adds is template/cube-cells.ts's (the
 * measures file's CUBE_CELL_COLUMNS).
 */
export function cellCube(reports: readonly KeptReport[], supersededBy: ReadonlyMap<string, string>, { cube: cells }: MeasureColumns): CellCubeRow[] {
  return cubeOf(
    reports,
    supersededBy,
    (scope): CellCubeRow => ({ ...scope, cells: CUBE_CELL_REFS.map(() => null), undetermined: null }),
    (row, _, r) => {
      cells.values.forEach((values, column) => {
        if (!Number.isNaN(values[r])) row.cells[column] = (row.cells[column] ?? 0) + values[r];
      });
      const undetermined = cells.undetermined(r);
      if (undetermined !== null) row.undetermined = (row.undetermined ?? 0) + undetermined;
    },
  );
}

/**
 * The quality cube (template QualityCubeRow): 数据质量's findings by rule,
 * unchecked rules and cell states, counted per year, region, level and kind
 * over every report (superseded ones too: the page lists them all), as
 * queries/quality.ts findingsByRule, uncheckedRules and cellStates count them
 * from the findings and the cells' states; the site answers those queries
 * from it for any filters but bodies and the report source
 * (queries/quality-cube.ts). `findings`: the findings file's, in its order
 * (by report). tests/integration checks the answers against the SQL's.
 */
export function qualityCube(reports: readonly KeptReport[], findings: readonly Finding[], { states }: MeasureColumns): QualityCubeRow[] {
  const ofReport = new Map<string, Finding[]>();
  for (const finding of findings) {
    const own = ofReport.get(finding.reportId);
    if (own) own.push(finding);
    else ofReport.set(finding.reportId, [finding]);
  }
  return cubeOf(
    reports,
    new Map(), // none left out: 数据质量 lists superseded reports too
    (scope): QualityCubeRow => ({ ...scope, rules: {}, unchecked: [], states: states.map(() => 0) }),
    (row, packed, r) => {
      states.forEach((counts, s) => (row.states[s] += counts[r]));
      const own = ofReport.get(packed.report.id);
      if (!own) return; // most reports: nothing more to count, nothing made
      for (const finding of own) {
        const rule = (row.rules[finding.rule] ??= { severity: finding.severity, findings: 0, reports: 0 });
        rule.findings++;
      }
      for (const rule of new Set(own.map((f) => f.rule))) row.rules[rule].reports++;
      for (const unchecked of new Set(own.filter((f) => f.rule === 'NOT_EVALUATED').map((f) => f.uncheckedRule ?? null))) {
        const counted = row.unchecked.find(([rule]) => rule === unchecked);
        if (counted) counted[1]++;
        else row.unchecked.push([unchecked, 1]);
      }
    },
  );
}

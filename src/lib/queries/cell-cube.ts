import { CUBE_CELL_REFS, T3_APPLICANT_COLUMNS, TEMPLATE_CELLS, type CellCubeRow, type TableId } from '../template';
import type { CellSumRow } from './cells';
import { inScopeRow, type Filters } from './filters';
import { UNDETERMINED, type ApplicantRow } from './requests';

/** The cell cube as prepared-overview.json holds it: the cells it sums, by reference, and its rows (dataset/overview.ts cellCube). */
export interface CellCube {
  refs: readonly string[];
  rows: readonly CellCubeRow[];
}

interface YearSums {
  cells: (number | null)[];
  undetermined: number | null;
}

const add = (sum: number | null, value: number | null) => (value === null ? sum : (sum ?? 0) + value);

/** The cube's rows the filters select (filters without bodies), summed per year: a sum of no values stays null, as SQL's SUM. */
function sumsByYear(cube: CellCube, filters: Filters): Map<number, YearSums> {
  const selected = inScopeRow(filters);
  const years = new Map<number, YearSums>();
  for (const row of cube.rows) {
    if (!selected(row)) continue;
    const sums = years.get(row.year) ?? { cells: cube.refs.map(() => null), undetermined: null };
    years.set(row.year, sums);
    row.cells.forEach((value, i) => (sums.cells[i] = add(sums.cells[i], value)));
    sums.undetermined = add(sums.undetermined, row.undetermined);
  }
  return new Map([...years].sort(([a], [b]) => a - b));
}

/** The cube's column (CUBE_CELL_REFS) of each of the template's cells of a table at rows × cols (the pairs the template has), in the SQL's order: by row, then column. */
export function cubeColumns(table: TableId, rows: readonly string[], cols: readonly string[]): { row: string; col: string; column: number }[] {
  const cells = TEMPLATE_CELLS.filter((c) => c.table === table && c.item === null && rows.includes(c.row) && cols.includes(c.col));
  return cells
    .map((cell) => {
      const column = CUBE_CELL_REFS.indexOf(cell.ref);
      if (column < 0) throw new Error(`${cell.ref} is not in the cell cube (template CUBE_CELL_REFS)`);
      return { row: cell.row, col: cell.col, column };
    })
    .sort((a, b) => (a.row < b.row ? -1 : a.row > b.row ? 1 : a.col < b.col ? -1 : a.col > b.col ? 1 : 0));
}

/** cubeColumns, as columns of a cube file (whose refs may be ordered otherwise). */
function columnsOf(cube: CellCube, table: TableId, rows: readonly string[], cols: readonly string[]) {
  return cubeColumns(table, rows, cols).map((c) => ({ ...c, column: cube.refs.indexOf(CUBE_CELL_REFS[c.column]) }));
}

/** cellSumsByYear(filters, table, rows, cols), summed from the cell cube: the same rows, for filters without bodies. */
export function cellSumsFromCube(cube: CellCube, filters: Filters, table: TableId, rows: readonly string[], cols: readonly string[]): CellSumRow[] {
  const columns = columnsOf(cube, table, rows, cols);
  return [...sumsByYear(cube, filters)].flatMap(([year, sums]) => columns.map(({ row, col, column }) => ({ year, row, col, value: sums.cells[column] })));
}

/** requestsByApplicant(filters), summed from the cell cube: the same rows, for filters without bodies. */
export function applicantsFromCube(cube: CellCube, filters: Filters): ApplicantRow[] {
  const columns = columnsOf(
    cube,
    't3',
    ['new'],
    T3_APPLICANT_COLUMNS.map((c) => c.key),
  );
  return [...sumsByYear(cube, filters)].flatMap(([year, sums]) => {
    const rows: ApplicantRow[] = columns.map(({ col, column }) => ({ year, applicant: col, requests: sums.cells[column] }));
    if (sums.undetermined !== null) rows.push({ year, applicant: UNDETERMINED, requests: sums.undetermined });
    return rows.sort((a, b) => (a.applicant < b.applicant ? -1 : a.applicant > b.applicant ? 1 : 0));
  });
}

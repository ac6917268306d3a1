import type { SourceCell } from './blocks';
import { ReportError } from './types';

/** A table cell as laid out on the table's grid (HTML, Word and PDF tables alike). */
export interface GridCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Grids larger than any annual report's tables are not tables of a report. */
export const MAX_GRID_CELLS = 20_000;

/** The error for a table over MAX_GRID_CELLS, found before its grid is built. */
export function gridTooLarge(): ReportError {
  return new ReportError('too_large', `文件中的表格过大（超过 ${MAX_GRID_CELLS} 个单元格），不像年度报告的表格（table grid too large）`);
}

/**
 * Rows of distinct cells, left to right, from cells placed on a grid: a cell
 * spanning columns appears once; one spanning rows appears again in each row
 * below, marked carried. A slot two cells claim keeps the first.
 */
export function gridRows(cells: readonly GridCell[], rowCount: number): SourceCell[][] {
  const grid: (GridCell | undefined)[][] = Array.from({ length: rowCount }, () => []);
  for (const cell of cells) {
    for (let r = cell.row; r < Math.min(cell.row + cell.rowSpan, rowCount); r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) grid[r][c] ??= cell;
    }
  }
  return grid.map((slots, r) => {
    const rowCells: SourceCell[] = [];
    let last: GridCell | undefined;
    for (const slot of slots) {
      if (!slot || slot === last) continue;
      last = slot;
      rowCells.push({ text: slot.text, carried: slot.row < r });
    }
    return rowCells;
  });
}

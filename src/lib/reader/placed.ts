import type { CellKey } from '../template';
import type { MoneyUnit } from './cell-value';

/** A cell the reader has located: its key, the source text, and how to read it. */
export interface PlacedCell {
  key: CellKey;
  raw: string;
  /** The source cannot say which column this text belongs to. */
  ambiguous?: boolean;
  /** Set for money columns: the unit the column header states, if any. */
  money?: { headerUnit: MoneyUnit | null };
  /** The PDF page of its row (1-based). */
  page?: number;
}

/** Cells of one source row, with the row's page if it has one. */
export function onPage(cells: PlacedCell[], page: number | undefined): PlacedCell[] {
  if (page) for (const cell of cells) cell.page = page;
  return cells;
}

/**
 * Cells of one row whose texts were flattened: place what is certain and mark
 * the rest ambiguous with the unplaced text, never a guessed value.
 */
export function unplacedRow(keys: CellKey[], present: string[], certain: Map<string, string> = new Map()): PlacedCell[] {
  if (present.length === 0) return keys.map((key) => ({ key, raw: '' }));
  const leftover = present.join(' | ');
  return keys.map((key) =>
    certain.has(key.col) ? { key, raw: certain.get(key.col)! } : { key, raw: leftover, ambiguous: true },
  );
}

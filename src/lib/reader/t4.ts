import { labelMatches, normalizeLabel, T4_COLUMNS, T4_GROUPS } from '../template';
import { rowPage, type SourceCell } from './blocks';
import { onPage, unplacedRow, type PlacedCell } from './placed';
import { fitValues, splitRow, unpaddedWidths, valuesWithBlanks } from './rows';

const KEYS = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => ({ table: 't4' as const, item: null, row: g.key, col: c.key })));

/** Read t4 (复议诉讼): its one data row of 3 groups × 5 results, in template order. */
export function readT4(rows: SourceCell[][]): { cells: PlacedCell[]; ambiguous: boolean } {
  const split = rows.map(splitRow);
  const unpadded = unpaddedWidths(split, KEYS.length);
  // t4's header rows name its 15 columns (5 under 行政复议, 10 under 行政诉讼): when they have no
  // trailing cell, the table is not padded, and a data row of 15 cells holds its own blank ones.
  const headers = rows.filter((_, r) => split[r].values.length === 0);
  const named = headers.reduce((n, cells) => n + cells.filter((c) => T4_COLUMNS.some((col) => labelMatches(normalizeLabel(c.text), col.match))).length, 0);
  if (named === KEYS.length && !headers.some((cells) => cells.some((c) => c.trailing))) unpadded.add(KEYS.length);
  for (const [r, cells] of rows.entries()) {
    const values = valuesWithBlanks(split[r], KEYS.length, unpadded);
    if (values.length === 0 || (values.length < KEYS.length && values.every((v) => v === ''))) continue;
    const fitted = fitValues(values, KEYS.length);
    if (fitted.kind === 'placed') return { cells: onPage(KEYS.map((key, i) => ({ key, raw: fitted.values[i] })), rowPage(cells)), ambiguous: false };
    return { cells: onPage(unplacedRow(KEYS, fitted.present), rowPage(cells)), ambiguous: true };
  }
  return { cells: [], ambiguous: false };
}

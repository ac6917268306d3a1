import { T4_COLUMNS, T4_GROUPS } from '../template';
import { rowPage, type SourceCell } from './blocks';
import { onPage, unplacedRow, type PlacedCell } from './placed';
import { fitValues, splitRow } from './rows';

const KEYS = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => ({ table: 't4' as const, item: null, row: g.key, col: c.key })));

/** Read t4 (复议诉讼): its one data row of 3 groups × 5 results, in template order. */
export function readT4(rows: SourceCell[][]): { cells: PlacedCell[]; ambiguous: boolean } {
  for (const cells of rows) {
    const { values } = splitRow(cells);
    if (values.length === 0 || (values.length < KEYS.length && values.every((v) => v === ''))) continue;
    const fitted = fitValues(values, KEYS.length);
    if (fitted.kind === 'placed') return { cells: onPage(KEYS.map((key, i) => ({ key, raw: fitted.values[i] })), rowPage(cells)), ambiguous: false };
    return { cells: onPage(unplacedRow(KEYS, fitted.present), rowPage(cells)), ambiguous: true };
  }
  return { cells: [], ambiguous: false };
}

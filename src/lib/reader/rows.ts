import type { SourceCell } from './blocks';
import { readCell } from './cell-value';

export interface SplitRow {
  /** Label cells, left to right (rowspan-carried group labels included). */
  labels: string[];
  /** The cells after the labels, as written. */
  values: string[];
}

/**
 * Whether a cell holds a value rather than a label: a number, '/', '—' or blank,
 * or text with a digit that is not a label's ordinal or footnote (约1500 is an
 * unreadable value; 1.属于国家秘密 and 总计[1] are labels).
 */
export function isValueText(text: string): boolean {
  let isValue = valueTexts.get(text);
  if (isValue === undefined) {
    isValue =
      readCell(text, { headerUnit: null }).state !== 'ambiguous' ||
      /\d/.test(text.normalize('NFKC').replace(/^\s*\d+\s*[.、．]|\[\s*\d+\s*\]/g, ''));
    if (valueTexts.size > 10_000) valueTexts.clear();
    valueTexts.set(text, isValue);
  }
  return isValue;
}

// The same label and number texts recur in every report.
const valueTexts = new Map<string, boolean>();

/** A row's leading label cells and the value cells after them. */
export function splitRow(cells: SourceCell[]): SplitRow {
  let i = 0;
  while (i < cells.length && (cells[i].carried || !isValueText(cells[i].text))) i++;
  return {
    labels: cells.slice(0, i).map((c) => c.text).filter((t) => t !== ''),
    values: cells.slice(i).map((c) => c.text),
  };
}

export type FittedValues =
  | { kind: 'placed'; values: string[] }
  /** Fewer cells than columns (flattening dropped empty cells): only the non-empty texts survive, their columns unknown. */
  | { kind: 'unplaced'; present: string[] };

/**
 * Fit a row's value cells to n columns, mapping by the template's column order.
 * Surplus empty cells at either end (spacer cells, trailing separators) are dropped.
 */
export function fitValues(values: string[], n: number): FittedValues {
  let start = 0;
  let end = values.length;
  while (end - start > n && values[end - 1] === '') end--;
  while (end - start > n && values[start] === '') start++;
  const kept = values.slice(start, end);
  return kept.length === n ? { kind: 'placed', values: kept } : { kind: 'unplaced', present: kept.filter((v) => v !== '') };
}

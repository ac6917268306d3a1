import type { SourceCell } from './blocks';
import { readCell } from './cell-value';

export interface SplitRow {
  /** Label cells, left to right (rowspan-carried group labels included). */
  labels: string[];
  /** The cells after the labels, as written, without a text row's trailing empty cells. */
  values: string[];
  /** The cells after the labels with the trailing empty ones: blank cells when the table's full rows are as wide. */
  padded: string[];
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
  const padded = cells.slice(i).map((c) => c.text);
  let end = cells.length;
  while (end > i && cells[end - 1].trailing) end--;
  return {
    labels: cells.slice(0, i).map((c) => c.text).filter((t) => t !== ''),
    values: end === cells.length ? padded : padded.slice(0, end - i),
    padded,
  };
}

/**
 * The width (values with trailing cells) of a text table's rows when they are
 * not padded, as a set of none or one. Flattening pads every row to one total
 * width, labels included, so rows with more labels have fewer trailing cells:
 * there a short row's trailing cells are padding, not blank cells. A table is
 * unpadded when its full rows (as many values as columns) all have exactly as
 * many cells as columns, or all one more (a separator ending each row) while
 * their label counts differ (so it cannot be padding).
 */
export function unpaddedWidths(rows: readonly SplitRow[], columns: number): Set<number> {
  const widths = new Set<number>();
  const labelCounts = new Set<number>();
  for (const { labels, values, padded } of rows) {
    if (values.length !== columns) continue;
    widths.add(padded.length);
    labelCounts.add(labels.length);
  }
  const [width] = widths;
  const unpadded = widths.size === 1 && (width === columns || (width === columns + 1 && labelCounts.size > 1));
  return new Set(unpadded ? [width] : []);
}

/**
 * A text row's values, its trailing empty cells kept when they are its own
 * blank cells: the row is as wide as the table's unpadded full rows.
 */
export function valuesWithBlanks({ values, padded }: SplitRow, columns: number, unpadded: ReadonlySet<number>): string[] {
  return values.length < columns && padded.length >= columns && unpadded.has(padded.length) ? padded : values;
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

/** The last of a row's labels that names a row of the template, and where it stands. */
export function lastNaming<T>(names: readonly string[], match: (name: string) => T | undefined): { found: T; at: number } | null {
  for (let at = names.length - 1; at >= 0; at--) {
    const found = match(names[at]);
    if (found) return { found, at };
  }
  return null;
}

/**
 * A row whose first value cells hold text with no figure (=HYPERLINK("x"),
 * 见附件) reads those cells as labels. When the labels after the one that
 * names the row fill exactly the columns its values leave, they are values
 * (unreadable ones, kept in their columns), not labels.
 */
export function textValuesAfter(split: SplitRow, at: number, columns: number): SplitRow {
  const moved = split.labels.slice(at + 1);
  if (moved.length === 0 || moved.length + split.values.length !== columns) return split;
  return { labels: split.labels.slice(0, at + 1), values: [...moved, ...split.values], padded: [...moved, ...split.padded] };
}

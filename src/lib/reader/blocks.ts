import { isValueText } from './rows';

/**
 * The shape both source forms are read into: prose lines and tables, in
 * document order. A table row lists its distinct cells left to right; a cell
 * that a rowspan carries down from a row above appears again, marked carried.
 */
export interface SourceCell {
  text: string;
  carried: boolean;
  /** The PDF page the cell is on (1-based); absent for other formats. */
  page?: number;
  /** Text forms: an empty cell after the row's last text, a blank cell or the padding flattening adds (see rowCells). */
  trailing?: boolean;
}

/** The page a row's cells are on, if the format has pages. */
export function rowPage(row: readonly SourceCell[]): number | undefined {
  for (const cell of row) if (cell.page) return cell.page;
  return undefined;
}

export type Block = { kind: 'text'; text: string } | { kind: 'table'; rows: SourceCell[][] };

/**
 * The text forms: lines with `|` are table rows (HTML flattened to text, as in
 * seeds/); so are runs of tab-separated lines (a table copied from a browser or
 * Excel into a .txt).
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: SourceCell[][] | null = null;
  // CRLF (a file saved on Windows) is one line break: a blank line between rows would end the table.
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  const tabRows = tabTableRows(lines);
  lines.forEach((line, i) => {
    const separator = line.includes('|') ? '|' : tabRows[i] ? '\t' : null;
    if (separator) {
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      const cells = rowCells(line, separator);
      table.push(separator === '\t' ? withoutMergeGaps(carryMergedLabels(cells, table.at(-1))) : cells);
    } else {
      table = null;
      const prose = line.trim();
      if (prose) blocks.push({ kind: 'text', text: prose });
    }
  });
  return blocks;
}

/**
 * Which lines are rows of a tab-separated table: runs of lines with a tab after
 * their text begins, holding at least two with a tab between non-empty parts. A
 * lone line with a tab is prose, and so is a paragraph indented by a tab.
 */
function tabTableRows(lines: string[]): boolean[] {
  const rows = lines.map(() => false);
  // Index scans, not /\S.*\t/: that pattern backtracks over every long line of prose (quadratic in its length).
  const tabAfterText = (line: string) => {
    const first = line.search(/\S/);
    return first === -1 ? -1 : line.indexOf('\t', first + 1);
  };
  const inRun = (line: string) => line.includes('\t') && tabAfterText(line) !== -1 && !line.includes('|');
  const separates = (line: string) => {
    const tab = tabAfterText(line);
    return tab !== -1 && /\S/.test(line.slice(tab));
  };
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && inRun(lines[end])) end++;
    if (lines.slice(start, end).filter(separates).length >= 2) rows.fill(true, start, end);
    start = Math.max(end, start + 1);
  }
  return rows;
}

/**
 * A row's cells, empty ones kept where they stand. Empty cells after the last
 * text are marked trailing: flattening pads rows to the grid width with
 * separators (and Excel writes empty trailing cells), but they may as well be
 * blank cells at the row's end; the table readers decide (see splitRow).
 */
function rowCells(line: string, separator: '|' | '\t'): SourceCell[] {
  const cells: SourceCell[] = line.split(separator).map((text) => ({ text: text.trim(), carried: false }));
  for (let i = cells.length - 1; i >= 0 && cells[i].text === ''; i--) cells[i].trailing = true;
  return cells;
}

/**
 * Excel writes a vertically merged cell once and empty cells below it. Empty
 * cells before a row's label are such a merged label: carried down from the row
 * above, as HTML rowspans are. Empty cells before values stay blank values.
 */
function carryMergedLabels(cells: SourceCell[], above: SourceCell[] | undefined): SourceCell[] {
  const first = cells.findIndex((c) => c.text !== '');
  if (first <= 0 || !above || isValueText(cells[first].text)) return cells;
  return cells.map((cell, i) => (i < first ? { text: above[i]?.text ?? '', carried: true } : cell));
}

/** Excel writes a merged header cell then empty cells to its right: between two labels they are no cells. */
function withoutMergeGaps(cells: SourceCell[]): SourceCell[] {
  const isLabel = (cell: SourceCell | undefined) => cell !== undefined && !isValueText(cell.text);
  return cells.filter((cell, i) => {
    if (cell.text !== '' || cell.carried) return true;
    const before = cells.slice(0, i).findLast((c) => c.text !== '');
    const after = cells.slice(i + 1).find((c) => c.text !== '');
    return !(isLabel(before) && isLabel(after));
  });
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|body|table|p|div)[\s>]/i.test(text.slice(0, 65536));
}

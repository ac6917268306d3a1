/**
 * The shape both source forms are read into: prose lines and tables, in
 * document order. A table row lists its distinct cells left to right; a cell
 * that a rowspan carries down from a row above appears again, marked carried.
 */
export interface SourceCell {
  text: string;
  carried: boolean;
}

export type Block = { kind: 'text'; text: string } | { kind: 'table'; rows: SourceCell[][] };

/** The pipe-table text form (HTML flattened to text, as in seeds/): lines with `|` are table rows. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: SourceCell[][] | null = null;
  // CRLF (a file saved on Windows) is one line break: a blank line between rows would end the table.
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  for (const line of lines) {
    if (line.includes('|')) {
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      table.push(rowCells(line));
    } else {
      table = null;
      const prose = line.trim();
      if (prose) blocks.push({ kind: 'text', text: prose });
    }
  }
  return blocks;
}

/** A row's cells; flattening pads rows to the grid width with trailing separators: padding, not cells. */
function rowCells(line: string): SourceCell[] {
  const cells: SourceCell[] = [];
  let kept = 0;
  for (let start = 0; ; ) {
    const bar = line.indexOf('|', start);
    const text = (bar === -1 ? line.slice(start) : line.slice(start, bar)).trim();
    cells.push({ text, carried: false });
    if (text !== '') kept = cells.length;
    if (bar === -1) break;
    start = bar + 1;
  }
  cells.length = kept;
  return cells;
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|body|table|p|div)[\s>]/i.test(text.slice(0, 65536));
}

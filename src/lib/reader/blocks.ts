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
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.includes('|')) {
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      const cells = line.split('|').map((t) => ({ text: t.trim(), carried: false }));
      // Flattening pads rows to the grid width with trailing separators: padding, not cells.
      while (cells.length > 0 && cells[cells.length - 1].text === '') cells.pop();
      table.push(cells);
    } else {
      table = null;
      if (line.trim()) blocks.push({ kind: 'text', text: line.trim() });
    }
  }
  return blocks;
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|body|table|p|div)[\s>]/i.test(text.slice(0, 65536));
}

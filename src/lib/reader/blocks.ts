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
  for (const line of text.replaceAll('\r', '\n').split('\n')) {
    if (line.includes('|')) {
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      const texts = line.split('|');
      // Flattening pads rows to the grid width with trailing separators: padding, not cells.
      let end = texts.length;
      while (end > 0 && texts[end - 1].trim() === '') end--;
      const cells: SourceCell[] = new Array(end);
      for (let i = 0; i < end; i++) cells[i] = { text: texts[i].trim(), carried: false };
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

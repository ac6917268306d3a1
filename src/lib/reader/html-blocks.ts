import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, SourceCell } from './blocks';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'select', 'button']);
const BREAKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th',
  'section', 'article', 'header', 'footer', 'nav', 'title', 'table', 'caption', 'dd', 'dt', 'blockquote', 'center',
]);

/**
 * An HTML page as government sites publish it → prose lines and data tables.
 * Tables that contain tables are page layout, not data: their content is read
 * as blocks in order. Data tables are expanded through rowspan/colspan.
 */
export function htmlBlocks(html: string): Block[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const blocks: Block[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (text) blocks.push({ kind: 'text', text });
    line = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') line += (node as unknown as { data: string }).data;
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const el = node as Element;
        if (SKIPPED.has(el.name)) continue;
        if (el.name === 'table' && !DomUtils.findOne((e) => e.name === 'table', el.children, true)) {
          flush();
          blocks.push({ kind: 'table', rows: tableGrid(el) });
          continue;
        }
        const breaks = BREAKS.has(el.name);
        if (breaks) flush();
        walk(el.children);
        if (breaks) flush();
      }
    }
  };
  walk(doc.children);
  flush();
  return blocks;
}

interface PlacedCell {
  text: string;
  startRow: number;
}

function span(el: Element, name: string): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Rows of distinct cells, with rowspan/colspan laid onto a grid first. */
function tableGrid(table: Element): SourceCell[][] {
  const trs = DomUtils.findAll((e) => e.name === 'tr', table.children);
  const grid: (PlacedCell | undefined)[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    let c = 0;
    for (const td of tr.children) {
      if (td.type !== 'tag' || (td.name !== 'td' && td.name !== 'th')) continue;
      while (grid[r][c]) c++;
      const cell: PlacedCell = { text: DomUtils.textContent(td).replace(/[\s\u00a0\u3000]+/g, ' ').trim(), startRow: r };
      const rows = Math.min(span(td, 'rowspan'), trs.length - r);
      const cols = span(td, 'colspan');
      for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < cols; dc++) grid[r + dr][c + dc] = cell;
      c += cols;
    }
  });
  return grid.map((slots, r) => {
    const seen = new Set<PlacedCell>();
    const cells: SourceCell[] = [];
    for (const slot of slots) {
      if (!slot || seen.has(slot)) continue;
      seen.add(slot);
      cells.push({ text: slot.text, carried: slot.startRow < r });
    }
    return cells;
  });
}

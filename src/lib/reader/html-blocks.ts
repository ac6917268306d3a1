import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, SourceCell } from './blocks';
import { gridRows, gridTooLarge, MAX_GRID_CELLS, type GridCell } from './grid';
import { ReportError } from './types';

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
  try {
    walk(doc.children);
  } catch (e) {
    // Markup nested thousands deep (no page is) overflows the walk: refused, not a crash.
    if (e instanceof RangeError) throw new ReportError('unsupported', 'HTML 嵌套层级过深，不像年度报告的网页（HTML nested too deep）');
    throw e;
  }
  flush();
  return blocks;
}

/**
 * A cell's text, its paragraphs and line breaks kept apart by a space, and a
 * superscript set apart: <p>2</p><p>3</p> is two figures, not 23, and
 * 2<sup>1</sup> a figure and its footnote, not 21 (readCell refuses both).
 */
function cellText(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.data;
    else if (child.type === 'tag') {
      const apart = BREAKS.has(child.name) || child.name === 'sup' || child.name === 'sub';
      text += apart ? ` ${cellText(child)} ` : cellText(child);
    }
  }
  return text;
}

function span(el: Element, name: string): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Rows of distinct cells, each <td> placed on the grid at the first slot its row has free (rowspans above take slots). */
function tableGrid(table: Element): SourceCell[][] {
  const trs = DomUtils.findAll((e) => e.name === 'tr', table.children);
  const taken: boolean[][] = trs.map(() => []);
  const cells: GridCell[] = [];
  let slots = 0;
  trs.forEach((tr, row) => {
    let col = 0;
    for (const td of tr.children) {
      if (td.type !== 'tag' || (td.name !== 'td' && td.name !== 'th')) continue;
      while (taken[row][col]) col++;
      const rowSpan = Math.min(span(td, 'rowspan'), trs.length - row);
      const colSpan = span(td, 'colspan');
      // rowspan=1000 colspan=1000 a few times over is a grid no report has: refused before it is laid out.
      if ((slots += rowSpan * colSpan) > MAX_GRID_CELLS) throw gridTooLarge();
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken[r][c] = true;
      cells.push({ text: cellText(td).replace(/[\s\u00a0\u3000]+/g, ' ').trim(), row, col, rowSpan, colSpan });
      col += colSpan;
    }
  });
  return gridRows(cells, trs.length);
}

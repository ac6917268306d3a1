import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { Block, SourceCell } from './blocks';
import { CJK } from './cjk';
import { decodeUtf8, MAX_REPORT_BYTES, tooLarge, type Utf8Decoder } from './decode';
import { docBlocks, isOle } from './doc-blocks';
import { gridRows, gridTooLarge, MAX_GRID_CELLS, type GridCell } from './grid';
import { ReportError } from './types';

/** document.xml of any real report is a few MB; a zip that claims more is a zip bomb. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

/** Properties, deleted or moved-away text, field codes, phonetic guides: not the document's text (a row's and a cell's properties are read for their grid only). */
const SKIPPED = new Set([
  'w:pPr', 'w:rPr', 'w:tblPr', 'w:tblPrEx', 'w:trPr', 'w:tcPr', 'w:tblGrid', 'w:sectPr', 'w:sdtPr', 'w:sdtEndPr',
  'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'w:rt',
]);
/** The elements the reader reads; any other's content belongs to the element around it (runs, hyperlinks, content controls…). */
const READ = new Set([
  'w:body', 'w:p', 'w:tbl', 'w:tr', 'w:tc', 'w:t', 'w:tab', 'w:ptab', 'w:noBreakHyphen', 'w:br', 'w:cr', 'w:txbxContent',
  'mc:AlternateContent', 'mc:Choice', 'mc:Fallback', 'w:trPr', 'w:tcPr', 'w:gridBefore', 'w:gridSpan', 'w:vMerge',
]);
/** Inside a row's or cell's properties, what tableRows reads. */
const GRID = new Set(['w:gridBefore', 'w:gridSpan', 'w:vMerge']);

/** An element of word/document.xml that the reader reads: its w:val, and its children (text only in w:t). */
interface Element {
  name: string;
  val?: string;
  children: (Element | string)[];
}
/** Elements that end a line: paragraphs, table parts, text boxes and line breaks. */
const BREAKS = new Set(['w:p', 'w:tbl', 'w:tr', 'w:tc', 'w:txbxContent', 'w:br', 'w:cr']);

/** Other formats that are zips too, by a part each has; the message names what the file is. */
const OTHER_ZIPS: [part: string, what: string, english: string][] = [
  ['xl/workbook.xml', 'Excel 电子表格（XLSX）', 'an XLSX workbook'],
  ['ppt/presentation.xml', 'PowerPoint 演示文稿（PPTX）', 'a PPTX presentation'],
  ['content.xml', 'OpenDocument 文件（ODT/ODS/ODP）', 'an OpenDocument file'],
];

export const unsupportedFormat = (what: string, english: string) =>
  new ReportError('unsupported', `这是${what}，不是 Word 文档：请提供 DOCX、PDF 或 HTML 格式的年度报告（${english}, not a Word document）`);

/** A Word (DOCX) file → prose lines and data tables in document order, as htmlBlocks reads a page. `utf8`: a faster decoder where there is one (Node). */
export function docxBlocks(bytes: Uint8Array, utf8: Utf8Decoder = decodeUtf8): Block[] {
  if (bytes.length > MAX_REPORT_BYTES) throw tooLarge(bytes.length);
  // Word 97–2003 files saved as .docx, and password-protected DOCX (an OLE file), are told apart there.
  if (isOle(bytes)) return docBlocks(bytes);
  const doc = documentTree(documentXml(bytes, utf8));
  try {
    const body = child(doc, 'w:body');
    if (!body) throw corrupt('no w:body in word/document.xml');
    return readBlocks(body.children);
  } catch (e) {
    // Damaged XML with its end tags lost nests deeper than the walk can recurse; Word's XML is shallow.
    if (e instanceof RangeError) throw corrupt('XML nested too deep');
    throw e;
  }
}

function corrupt(english: string): ReportError {
  return new ReportError('corrupt', `Word 文件已损坏或不完整：请重新导出或另存为 DOCX 后再试（damaged DOCX: ${english}）`);
}

function documentXml(bytes: Uint8Array, utf8: Utf8Decoder): string {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw corrupt('not a zip file');
  const names = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        if (file.name !== 'word/document.xml') return false;
        if (file.originalSize > MAX_XML_BYTES)
          throw new ReportError('too_large', `Word 文件正文解压后达 ${(file.originalSize / 1048576).toFixed(0)} MB，不像年度报告：请检查文件或改交 PDF（DOCX content too large: a zip bomb?）`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ReportError) throw e;
    throw corrupt(`cannot unzip: ${e instanceof Error ? e.message : String(e)}`);
  }
  const xml = files['word/document.xml'];
  if (!xml) {
    const other = OTHER_ZIPS.find(([part]) => names.has(part));
    if (other) throw unsupportedFormat(other[1], other[2]);
    throw corrupt('no word/document.xml in the zip');
  }
  if (xml[0] === 0xff && xml[1] === 0xfe) return new TextDecoder('utf-16le').decode(xml);
  if (xml[0] === 0xfe && xml[1] === 0xff) return new TextDecoder('utf-16be').decode(xml);
  return utf8(xml) ?? new TextDecoder('utf-8').decode(xml);
}

/**
 * word/document.xml as the elements the reader reads (READ): properties and
 * dropped text left out (SKIPPED), other elements' content lifted into the
 * element around them. Word's XML is mostly run properties and revision ids:
 * a tree of all of it took twice as long to build as to tokenize.
 */
function documentTree(xml: string): Element {
  const root: Element = { name: '', children: [] };
  // The element each open tag's content goes to, and whether it was skipped.
  const open: { into: Element; skipped: boolean }[] = [];
  let into = root;
  let skipping = 0;
  // The element whose tag is being read, for its w:val (attributes are taken one by one: collecting every tag's attributes cost a fifth of the reading).
  let opened: Element | null = null;
  const parser = new Parser(
    {
      onopentagname(name) {
        opened = null;
        const props = into.name === 'w:trPr' || into.name === 'w:tcPr';
        const skip = skipping > 0 || (props ? !GRID.has(name) : SKIPPED.has(name) && !READ.has(name));
        open.push({ into, skipped: skip });
        if (skip) {
          skipping++;
          return;
        }
        if (!READ.has(name)) return;
        const el: Element = { name, children: [] };
        into.children.push(el);
        into = opened = el;
      },
      onattribute(name, value) {
        if (opened && name === 'w:val' && GRID.has(opened.name)) opened.val = value;
      },
      ontext(text) {
        if (!skipping && into.name === 'w:t') into.children.push(text);
      },
      onclosetag() {
        const closed = open.pop();
        if (!closed) return;
        if (closed.skipped) skipping--;
        into = closed.into;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return root;
}

/** Every element of this name among the nodes and their descendants. */
function findAll(nodes: readonly (Element | string)[], name: string, found: Element[] = []): Element[] {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node.name === name) found.push(node);
    findAll(node.children, name, found);
  }
  return found;
}

function contains(nodes: readonly (Element | string)[], name: string): boolean {
  return nodes.some((node) => typeof node !== 'string' && (node.name === name || contains(node.children, name)));
}

/** The content of a run of body elements → blocks; tables that contain tables are layout, read through. */
function readBlocks(nodes: (Element | string)[]): Block[] {
  const blocks: Block[] = [];
  let line = '';
  const flush = () => {
    const text = squash(line);
    if (text) blocks.push({ kind: 'text', text });
    line = '';
  };
  const walk = (nodes: (Element | string)[]) => {
    for (const el of nodes) {
      if (typeof el === 'string') continue;
      switch (el.name) {
        case 'w:t':
          for (const c of el.children) if (typeof c === 'string') line += c;
          continue;
        case 'w:tab':
        case 'w:ptab':
          line += ' ';
          continue;
        case 'w:noBreakHyphen':
          line += '-';
          continue;
        case 'mc:AlternateContent': {
          // Choice and Fallback hold the same content twice (e.g. a text box as DrawingML and as VML).
          const alternative = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
          if (alternative) walk(alternative.children);
          continue;
        }
        case 'w:tbl':
          if (!contains(el.children, 'w:tbl')) {
            flush();
            blocks.push({ kind: 'table', rows: tableRows(el) });
            continue;
          }
      }
      if (SKIPPED.has(el.name)) continue;
      const breaks = BREAKS.has(el.name);
      if (breaks) flush();
      walk(el.children);
      if (breaks) flush();
    }
  };
  walk(nodes);
  flush();
  return blocks;
}

/** Whitespace as htmlBlocks flattens it: runs of spaces (also NBSP, ideographic space) to one, trimmed. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** A cell's lines as one text: a line break inside Chinese text is no space (labels are matched without whitespace anyway). */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (!line) continue;
    text += text && !CJK.test(text.at(-1)!) && !CJK.test(line[0]) ? ` ${line}` : line;
  }
  return text;
}


function child(el: Element | undefined, name: string): Element | undefined {
  return el?.children.find((c): c is Element => typeof c !== 'string' && c.name === name);
}

function gridVal(props: Element | undefined, name: string, fallback: number): number {
  const n = Number.parseInt(child(props, name)?.val ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/**
 * Rows of distinct cells. Columns come from w:gridBefore and w:gridSpan; a
 * w:vMerge cell that continues a merge lengthens the cell above in its column.
 */
function tableRows(tbl: Element): SourceCell[][] {
  const trs = findAll(tbl.children, 'w:tr');
  const cells: GridCell[] = [];
  const above: GridCell[] = [];
  trs.forEach((tr, row) => {
    let col = gridVal(child(tr, 'w:trPr'), 'w:gridBefore', 0);
    for (const tc of findAll(tr.children, 'w:tc')) {
      const props = child(tc, 'w:tcPr');
      const colSpan = Math.max(1, gridVal(props, 'w:gridSpan', 1));
      if (col + colSpan > MAX_GRID_CELLS || trs.length * (col + colSpan) > MAX_GRID_CELLS) throw gridTooLarge();
      const merge = child(props, 'w:vMerge');
      const up = above[col];
      if (merge && merge.val !== 'restart' && up && up.col === col && up.row + up.rowSpan === row) {
        up.rowSpan++;
      } else {
        const lines = readBlocks(tc.children).map((b) => (b.kind === 'text' ? b.text : ''));
        const cell: GridCell = { text: joinLines(lines), row, col, rowSpan: 1, colSpan };
        cells.push(cell);
        for (let c = col; c < col + colSpan; c++) above[c] = cell;
      }
      col += colSpan;
    }
  });
  return gridRows(cells, trs.length);
}

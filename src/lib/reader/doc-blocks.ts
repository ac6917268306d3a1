import CFB from 'cfb';
import type { Block, SourceCell } from './blocks';
import { MAX_REPORT_BYTES, tooLarge } from './decode';
import { docxBlocks, joinLines, squash, unsupportedFormat } from './docx-blocks';
import { gridRows, gridTooLarge, MAX_GRID_CELLS, type GridCell } from './grid';
import { ReportError } from './types';

/** Word nests tables at most 63 deep; a deeper one is garbage. */
const MAX_NESTING = 63;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: Word 97–2003, XLS, PPT, and password-protected DOCX alike. */
export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

function corrupt(english: string): ReportError {
  return new ReportError('corrupt', `Word 97–2003（DOC）文件已损坏或不完整：请用 Word 重新打开并另存为 DOCX 或 PDF 后再试（damaged DOC: ${english}）`);
}

const encrypted = () =>
  new ReportError('encrypted', 'Word 文件设有打开密码：请去掉密码后重新保存为 DOCX 或 PDF 再试（password-protected Word file）');

/**
 * A Word 97–2003 (DOC) file → prose lines and tables in document order.
 * The text is read through the piece table; table structure from each
 * paragraph's properties (in table, nesting depth, cell end, row end), since
 * in the text alone an empty cell and a row end are the same character.
 * Columns and merged cells come from each row's cell edges and merge flags
 * (sprmTDefTable), as DOCX has them in w:gridSpan and w:vMerge.
 */
export function docBlocks(bytes: Uint8Array): Block[] {
  if (bytes.length > MAX_REPORT_BYTES) throw tooLarge(bytes.length);
  if (!isOle(bytes)) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return docxBlocks(bytes); // a DOCX named .doc
    throw corrupt('not an OLE compound file');
  }
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    throw corrupt('cannot read the OLE compound file');
  }
  const stream = (name: string): Uint8Array | null => {
    const content = CFB.find(container, name)?.content;
    if (!content || content.length === 0) return null;
    return content instanceof Uint8Array ? content : Uint8Array.from(content);
  };
  const word = stream('WordDocument');
  if (!word) {
    if (stream('EncryptionInfo')) throw encrypted();
    if (stream('Workbook') || stream('Book')) throw unsupportedFormat('Excel 97–2003 电子表格（XLS）', 'an XLS workbook');
    if (stream('PowerPoint Document')) throw unsupportedFormat('PowerPoint 97–2003 演示文稿（PPT）', 'a PPT presentation');
    throw unsupportedFormat('其他 Office 复合文档（OLE）', 'an OLE compound file without a WordDocument stream');
  }
  return emit(buildTree(paragraphs(word, stream)));
}

class Bytes {
  private readonly view: DataView;
  constructor(
    readonly data: Uint8Array,
    private readonly what: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private check(at: number, size: number) {
    if (at < 0 || at + size > this.data.length) throw corrupt(`${this.what} is cut short`);
  }
  u8(at: number) {
    this.check(at, 1);
    return this.data[at];
  }
  u16(at: number) {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  i16(at: number) {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }
  u32(at: number) {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
}

interface Paragraph {
  /** Without its mark; '\n' where the paragraph breaks a line. */
  text: string;
  /** Table nesting depth: 0 outside tables. */
  depth: number;
  cellEnd: boolean;
  rowEnd: boolean;
  /** Of a row end: the row's cells. */
  layout: TapCell[] | null;
}

/** A table cell as its row's properties place it: edges in twips, and TC80 flags (horizontal merge in bits 0–1, vertical in 5–6). */
interface TapCell {
  left: number;
  right: number;
  flags: number;
}

/** Paragraph properties that place a paragraph in a table ([MS-DOC] 2.6.2 sprms). */
interface TableProps {
  inTable: boolean;
  itap: number;
  ttp: boolean;
  innerCell: boolean;
  innerTtp: boolean;
  layout: TapCell[] | null;
}
const NO_PROPS: TableProps = { inTable: false, itap: 0, ttp: false, innerCell: false, innerTtp: false, layout: null };

/** The main document's paragraphs ([MS-DOC]: FIB → Clx piece table → text; PlcBtePapx → paragraph properties). */
function paragraphs(wordData: Uint8Array, stream: (name: string) => Uint8Array | null): Paragraph[] {
  const word = new Bytes(wordData, 'WordDocument stream');
  if (wordData.length < 0x200 || word.u16(0) !== 0xa5ec) throw corrupt('no Word file information block');
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  // fEncrypted, fObfuscated
  if (flags & 0x0100 || flags & 0x8000) throw encrypted();
  if (nFib < 0xc0)
    throw new ReportError('unsupported', '这是 Word 6.0/95 或更早版本的文件：请用 Word 打开并另存为 DOCX 或 PDF 后再试（Word 95 or older DOC）');
  const tableData = stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!tableData) throw corrupt('no table stream');
  const table = new Bytes(tableData, 'table stream');

  let at = 32;
  at += 2 + word.u16(at) * 2; // fibRgW
  const rgLw = at + 2;
  at = rgLw + word.u16(at) * 4;
  const ccpText = word.u32(rgLw + 12);
  const cbRgFcLcb = word.u16(at);
  const fcLcb = at + 2;
  if (cbRgFcLcb < 34) throw corrupt('file information block too short');
  const [fcBtePapx, lcbBtePapx] = [word.u32(fcLcb + 13 * 8), word.u32(fcLcb + 13 * 8 + 4)];
  const [fcClx, lcbClx] = [word.u32(fcLcb + 33 * 8), word.u32(fcLcb + 33 * 8 + 4)];

  const dataStream = stream('Data');
  const propsAt = paragraphProps(word, table, dataStream && new Bytes(dataStream, 'Data stream'), fcBtePapx, lcbBtePapx);
  const out: Paragraph[] = [];
  // Fields are code then result (\x13 code \x14 result \x15): per open field, whether its result has begun.
  const fields: boolean[] = [];
  let inCode = 0;
  let text = '';
  for (const piece of pieces(table, fcClx, lcbClx)) {
    if (piece.cpStart >= ccpText) break;
    const count = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    const width = piece.compressed ? 1 : 2;
    const start = piece.fc;
    if (start + count * width > wordData.length) throw corrupt('text runs past the end of the file');
    const chars = new TextDecoder(piece.compressed ? 'windows-1252' : 'utf-16le').decode(wordData.subarray(start, start + count * width));
    for (let k = 0; k < chars.length; k++) {
      const ch = chars[k];
      if (ch === '\r' || ch === '\x07') {
        const props = propsAt(start + k * width);
        const depth = props.inTable || props.itap > 0 ? Math.max(1, props.itap) : 0;
        if (depth > MAX_NESTING) throw corrupt('tables nested too deep');
        const rowEnd = depth === 1 ? ch === '\x07' && props.ttp : depth > 1 && props.innerTtp;
        const cellEnd = !rowEnd && (depth === 1 ? ch === '\x07' : depth > 1 && props.innerCell);
        out.push({ text, depth, cellEnd, rowEnd, layout: rowEnd ? props.layout : null });
        text = '';
      } else if (ch === '\x13') {
        fields.push(false);
        inCode++;
      } else if (ch === '\x14') {
        if (fields.at(-1) === false) inCode--;
        if (fields.length > 0) fields[fields.length - 1] = true;
      } else if (ch === '\x15') {
        if (fields.pop() === false) inCode--;
      } else if (inCode === 0) text += visible(ch);
    }
  }
  if (text) out.push({ text, depth: 0, cellEnd: false, rowEnd: false, layout: null });
  return out;
}

/** Line breaks and page breaks break lines; anchors of pictures, footnotes and objects are not text. */
function visible(ch: string): string {
  if (ch >= ' ') return ch;
  if (ch === '\x0b' || ch === '\x0c') return '\n';
  if (ch === '\t') return ' ';
  if (ch === '\x1e') return '-';
  return '';
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's text in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

function pieces(table: Bytes, fcClx: number, lcbClx: number): Piece[] {
  let at = fcClx;
  while (at < fcClx + lcbClx && table.u8(at) === 0x01) at += 3 + table.u16(at + 1); // Prc: property modifiers, skipped
  if (table.u8(at) !== 0x02) throw corrupt('no piece table');
  const lcb = table.u32(at + 1);
  const count = (lcb - 4) / 12;
  if (!Number.isInteger(count) || count < 1) throw corrupt('bad piece table');
  const cps = at + 5;
  const pcds = cps + 4 * (count + 1);
  const out: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const fc = table.u32(pcds + i * 8 + 2);
    const compressed = (fc & 0x40000000) !== 0;
    out.push({ cpStart: table.u32(cps + i * 4), cpEnd: table.u32(cps + i * 4 + 4), fc: compressed ? (fc & 0x3fffffff) / 2 : fc, compressed });
  }
  return out;
}

/** A lookup of the table properties of the paragraph whose mark is at a byte offset, from the PAPX FKP pages. */
function paragraphProps(word: Bytes, table: Bytes, data: Bytes | null, fc: number, lcb: number): (markFc: number) => TableProps {
  const runs: { start: number; end: number; props: TableProps }[] = [];
  const count = (lcb - 4) / 8;
  for (let i = 0; i < count; i++) {
    const page = (table.u32(fc + 4 * (count + 1) + 4 * i) & 0x3fffff) * 512;
    const crun = word.u8(page + 511);
    for (let r = 0; r < crun; r++) {
      const bx = word.u8(page + 4 * (crun + 1) + 13 * r) * 2;
      runs.push({ start: word.u32(page + 4 * r), end: word.u32(page + 4 * r + 4), props: bx ? papx(word, page + bx, data) : NO_PROPS });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return (markFc) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].end <= markFc) lo = mid + 1;
      else if (runs[mid].start > markFc) hi = mid - 1;
      else return runs[mid].props;
    }
    return NO_PROPS;
  };
}

/** Operand sizes by the sprm's spra field (6: variable, its size in the first byte). */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, 0, 3];

/** A paragraph's PAPX in an FKP page: its sprms (sprmPHugePapx: they are in the Data stream instead). */
function papx(word: Bytes, at: number, data: Bytes | null): TableProps {
  const cb = word.u8(at);
  const [start, end] = cb ? [at + 1, at + 2 * cb] : [at + 2, at + 2 + 2 * word.u8(at + 1)];
  const props = { ...NO_PROPS };
  readSprms(word, start + 2, end, props, data); // after the style index
  return props;
}

function readSprms(bytes: Bytes, start: number, end: number, props: TableProps, data: Bytes | null) {
  for (let p = start; p + 2 <= end; ) {
    const sprm = bytes.u16(p);
    p += 2;
    const spra = sprm >> 13;
    let size = OPERAND_SIZE[spra];
    if (spra === 6) size = sprm === 0xd608 ? bytes.u16(p) + 1 : bytes.u8(p) + 1; // sprmTDefTable counts in two bytes
    if (sprm === 0x2416) props.inTable = bytes.u8(p) !== 0;
    else if (sprm === 0x2417) props.ttp = bytes.u8(p) !== 0;
    else if (sprm === 0x6649) props.itap = bytes.u32(p);
    else if (sprm === 0x244b) props.innerCell = bytes.u8(p) !== 0;
    else if (sprm === 0x244c) props.innerTtp = bytes.u8(p) !== 0;
    else if (sprm === 0xd608) props.layout = tableDefinition(bytes, p);
    else if (sprm === 0xd62b && props.layout?.[bytes.u8(p + 1)]) {
      // sprmTVertMerge: one cell's vertical merge flag
      const cell = props.layout[bytes.u8(p + 1)];
      cell.flags = (cell.flags & ~0x60) | ((bytes.u8(p + 2) & 3) << 5);
    } else if (sprm === 0x6646 && data) {
      const huge = bytes.u32(p);
      readSprms(data, huge + 2, huge + 2 + data.u16(huge), props, null);
    }
    p += size;
  }
}

/** sprmTDefTable: the number of cells, their edges, then a TC80 (20 bytes) each, which may be left out at the end. */
function tableDefinition(bytes: Bytes, at: number): TapCell[] {
  const end = at + bytes.u16(at) + 1;
  const count = bytes.u8(at + 2);
  const edges = at + 3;
  const tcs = edges + 2 * (count + 1);
  return Array.from({ length: count }, (_, k) => ({
    left: bytes.i16(edges + 2 * k),
    right: bytes.i16(edges + 2 * k + 2),
    flags: tcs + 20 * k + 2 <= end ? bytes.u16(tcs + 20 * k) : 0,
  }));
}

interface Row {
  cells: Item[][];
  layout: TapCell[] | null;
}
interface Table {
  rows: Row[];
  row: Item[][];
  cell: Item[];
}
type Item = string | Table;

/** Paragraphs → text and tables nested as the depths say. */
function buildTree(paras: Paragraph[]): Item[] {
  const top: Item[] = [];
  const open: Table[] = [];
  const close = () => {
    const table = open.pop()!;
    if (table.cell.length > 0) table.row.push(table.cell);
    if (table.row.length > 0) table.rows.push({ cells: table.row, layout: null });
    (open.at(-1)?.cell ?? top).push(table);
  };
  for (const para of paras) {
    while (open.length > para.depth) close();
    while (open.length < para.depth) open.push({ rows: [], row: [], cell: [] });
    const table = open.at(-1);
    if (!table) top.push(para.text);
    else if (para.rowEnd) {
      table.rows.push({ cells: table.row, layout: para.layout });
      table.row = [];
      table.cell = [];
    } else {
      table.cell.push(para.text);
      if (para.cellEnd) {
        table.row.push(table.cell);
        table.cell = [];
      }
    }
  }
  while (open.length > 0) close();
  return top;
}

const lines = (items: Item[]) => items.flatMap((item) => (typeof item === 'string' ? item.split('\n').map(squash) : []));

/** As htmlBlocks: tables that contain tables are layout, their content read in order; the innermost are data. */
function emit(items: Item[], blocks: Block[] = []): Block[] {
  for (const item of items) {
    if (typeof item === 'string') {
      for (const text of lines([item])) if (text) blocks.push({ kind: 'text', text });
    } else if (item.rows.some((row) => row.cells.some((cell) => cell.some((x) => typeof x !== 'string')))) {
      for (const row of item.rows) for (const cell of row.cells) emit(cell, blocks);
    } else {
      blocks.push({ kind: 'table', rows: tableRows(item.rows) });
    }
  }
  return blocks;
}

/**
 * Rows of distinct cells. The grid's columns are all the cell edges of the
 * table's rows; a cell flagged as continuing a vertical merge lengthens the
 * cell above it, one flagged as merged into the previous widens that. Rows
 * whose cells the properties do not describe are read cell by cell.
 */
function tableRows(rows: Row[]): SourceCell[][] {
  const texts = rows.map((row) => row.cells.map((cell) => joinLines(lines(cell))));
  const width = rows.reduce((max, row) => Math.max(max, row.cells.length, row.layout?.length ?? 0), 0);
  if (width * rows.length > MAX_GRID_CELLS) throw gridTooLarge();
  if (!rows.every((row) => row.layout?.length === row.cells.length))
    return texts.map((row) => row.map((text) => ({ text, carried: false })));

  const edges = [...new Set(rows.flatMap((row) => row.layout!.flatMap((tc) => [tc.left, tc.right])))].sort((a, b) => a - b);
  if ((edges.length - 1) * rows.length > MAX_GRID_CELLS) throw gridTooLarge();
  const column = new Map(edges.map((x, i) => [x, i]));
  const cells: GridCell[] = [];
  const above: GridCell[] = [];
  rows.forEach((row, r) => {
    let last: GridCell | undefined;
    row.layout!.forEach((tc, k) => {
      const col = column.get(tc.left)!;
      const end = column.get(tc.right)!;
      if (end <= col) return;
      const up = above[col];
      let cell: GridCell;
      if (tc.flags & 0x2 && last) {
        cell = last;
        cell.colSpan = end - cell.col;
      } else if ((tc.flags & 0x60) === 0x20 && up && up.row + up.rowSpan === r) {
        cell = up;
        cell.rowSpan++;
      } else cells.push((cell = { text: texts[r][k], row: r, col, rowSpan: 1, colSpan: end - col }));
      for (let c = col; c < end; c++) above[c] = cell;
      last = cell;
    });
  });
  return gridRows(cells, rows.length);
}

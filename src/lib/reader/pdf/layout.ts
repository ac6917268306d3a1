import type { Block, SourceCell } from '../blocks';
import { gridRows, MAX_GRID_CELLS } from '../grid';
import { isValueText } from '../rows';
import type { Ruling, TextRun } from './geometry';
import { bordered, lattices, slotAt, type Lattice } from './lattice';

/** What one page holds, top to bottom. */
export interface Page {
  width: number;
  height: number;
  runs: TextRun[];
  rulings: Ruling[];
}

/** A block with where it stands: page, top, and whether in the page's top or bottom margin. */
type Placed = Block & { top: number; page: number; margin?: boolean };

/**
 * Pages → prose lines and tables in reading order. Tables drawn with ruling
 * lines are rebuilt from the lines; tables set without lines from the columns
 * their values line up in. Page numbers and running headers and footers are
 * dropped; a table split over pages is left as two tables one after the other,
 * which the report reader joins.
 */
export function pdfPageBlocks(pages: Page[]): Block[] {
  const placed: Placed[] = [];
  pages.forEach((page, p) => placed.push(...pageBlocks(page, p)));
  const furniture = runningLines(pages.length, placed);
  return placed.filter((b) => !(b.kind === 'text' && furniture.has(b))).map(({ top: _t, page: _p, ...block }) => block as Block);
}

function pageBlocks(page: Page, pageNo: number): Placed[] {
  const out: Placed[] = [];
  const tables = lattices(page.rulings).filter((t) => t.cells.length <= MAX_GRID_CELLS);
  const runsByTable = tables.map(() => [] as { run: TextRun; slot: [number, number] }[]);
  const loose: TextRun[] = [];
  for (const run of page.runs) {
    if (!run.text.trim()) continue;
    let placedIn = -1;
    const y = run.y - run.size * 0.35;
    for (let t = 0; t < tables.length && placedIn === -1; t++) {
      const slot = slotAt(tables[t], (run.x0 + run.x1) / 2, y);
      if (!slot) continue;
      placedIn = t;
      for (const piece of splitAtEdges(run, cellEdges(tables[t], run))) runsByTable[t].push({ run: piece, slot: slotAt(tables[t], (piece.x0 + piece.x1) / 2, y) ?? slot });
    }
    if (placedIn === -1) loose.push(run);
  }
  tables.forEach((table, t) => {
    const texts = table.cells.map(() => [] as TextRun[]);
    for (const { run, slot } of runsByTable[t]) texts[table.slots[slot[0]][slot[1]]].push(run);
    table.cells.forEach((cell, i) => (cell.text = cellText(texts[i])));
    const rows = gridRows(table.cells, table.ys.length - 1).filter((row) => row.some((c) => c.text !== '') && !repeatsFiguresAbove(row));
    // Empty cells before a row's first text are a group label's cell going on from the page before.
    for (const row of rows) for (let i = 0; i < row.length && row[i].text === ''; i++) row[i].carried = true;
    const top = table.ys[0];
    // A box around prose, or a one-column frame, is not a table of figures; one row may be (a table cut by a page break).
    if (rows.every((r) => r.length < 2)) {
      for (const row of rows) for (const cell of row) if (!cell.carried && cell.text) out.push({ kind: 'text', text: cell.text, top, page: pageNo });
    } else out.push({ kind: 'table', rows, top, page: pageNo });
  });
  out.push(...streamBlocks(lines(loose), pageNo, page.height));
  return out.sort((a, b) => a.top - b.top);
}

/** Column lines that a run's height crosses: where its text belongs to two cells (a line it only overhangs is no edge). */
function cellEdges(table: Lattice, run: TextRun): number[] {
  return table.xs.filter((x) => x > run.x0 && x < run.x1 && bordered(table.vertical, x, run.y - run.size * 0.7, run.y));
}

/**
 * A band whose figures all belong to cells starting above: a sliver between
 * two rulings that do not line up (a merged cell's border drawn short at a
 * page break), not a row of its own.
 */
function repeatsFiguresAbove(row: SourceCell[]): boolean {
  let carried = false;
  for (const cell of row) {
    if (cell.text === '' || !isValueText(cell.text)) continue;
    if (!cell.carried) return false;
    carried = true;
  }
  return carried;
}

/**
 * Whether a page's text could be part of a table: some line in parts set far
 * apart (cells side by side). A page of running prose has none, and its
 * drawing (the costlier half of reading a page) need not be read for rulings.
 */
export function mayHoldTable(runs: TextRun[]): boolean {
  return lines(runs).some((line) => segments(line).length >= 2);
}

/** A run that crosses cell edges (a generator that set a row's figures as one run) cut at them, letters shared by width. */
function splitAtEdges(run: TextRun, xs: number[]): TextRun[] {
  const inner = xs.filter((x) => x > run.x0 + 1 && x < run.x1 - 1);
  const chars = [...run.text];
  if (inner.length === 0 || chars.length < 2) return [run];
  const per = (run.x1 - run.x0) / chars.length;
  const pieces: TextRun[] = [];
  let from = 0;
  for (const edge of [...inner, Infinity]) {
    const to = edge === Infinity ? chars.length : Math.min(chars.length, Math.round((edge - run.x0) / per));
    if (to > from) pieces.push({ ...run, text: chars.slice(from, to).join(''), x0: run.x0 + from * per, x1: run.x0 + to * per });
    from = Math.max(from, to);
  }
  return pieces;
}

/** Runs on one baseline, left to right: a line of text. */
interface Line {
  runs: TextRun[];
  y: number;
  size: number;
}

function lines(runs: TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.text.trim()).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: Line[] = [];
  for (const run of sorted) {
    const line = out.at(-1);
    if (line && Math.abs(run.y - line.y) <= Math.max(line.size, run.size) * 0.4) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else out.push({ runs: [run], y: run.y, size: run.size });
  }
  for (const line of out) line.runs.sort((a, b) => a.x0 - b.x0);
  return out;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Runs joined as the eye reads them: no space where the page shows none, or between Chinese characters. */
function joinRuns(runs: TextRun[]): string {
  let text = '';
  let last: TextRun | null = null;
  for (const run of runs) {
    const piece = run.text.trim();
    if (!piece) continue;
    if (last && run.x0 - last.x1 > run.size * 0.25 && !CJK.test(text.at(-1)!) && !CJK.test(piece[0])) text += ' ';
    text += piece;
    last = run;
  }
  return text;
}

/** A cell's text: its lines top to bottom (a wrapped label, a header stacked word by word) joined. */
function cellText(runs: TextRun[]): string {
  let text = '';
  for (const line of lines(runs)) {
    const piece = joinRuns(line.runs);
    if (text && piece && !CJK.test(text.at(-1)!) && !CJK.test(piece[0])) text += ' ';
    text += piece;
  }
  return text;
}

/** Parts of a line further apart than this many font sizes are in different columns. */
const COLUMN_GAP = 1.5;

function segments(line: Line): TextRun[][] {
  const parts: TextRun[][] = [];
  for (const run of line.runs) {
    const part = parts.at(-1);
    const previous = part?.at(-1);
    if (part && previous && run.x0 - previous.x1 < line.size * COLUMN_GAP) part.push(run);
    else parts.push([run]);
  }
  return parts;
}

/**
 * Lines outside ruled tables: prose, or rows of a table set without lines
 * (two or more lines in a row with parts far apart). Such a table's value
 * columns are where its figures line up, so a row with a blank cell keeps its
 * other figures in their columns.
 */
function streamBlocks(pageLines: Line[], page: number, height: number): Placed[] {
  const out: Placed[] = [];
  const prose = (line: Line): Placed => ({ kind: 'text', text: joinRuns(line.runs), top: line.y - line.size, page, margin: inMargin(line.y, height) });
  let run: { line: Line; parts: TextRun[][] }[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ kind: 'table', rows: streamRows(run.map((r) => r.parts)), top: run[0].line.y - run[0].line.size, page });
    else for (const { line } of run) out.push(prose(line));
    run = [];
  };
  for (const line of pageLines) {
    const parts = segments(line);
    if (parts.length >= 2 && !inMargin(line.y, height)) run.push({ line, parts });
    else {
      flush();
      out.push(prose(line));
    }
  }
  flush();
  return out;
}

interface Band {
  x0: number;
  x1: number;
}

function streamRows(rows: TextRun[][][]): SourceCell[][] {
  // Value columns: the spans of value-like parts, merged where they overlap.
  const spans: Band[] = [];
  for (const parts of rows) {
    for (const part of parts.slice(1)) {
      const text = joinRuns(part);
      if (isValueText(text)) spans.push({ x0: part[0].x0, x1: part.at(-1)!.x1 });
    }
  }
  spans.sort((a, b) => a.x0 - b.x0);
  const bands: Band[] = [];
  for (const s of spans) {
    const last = bands.at(-1);
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else bands.push({ ...s });
  }
  return rows.map((parts) => {
    const texts = parts.map(joinRuns);
    const firstValue = texts.findIndex((text, i) => i > 0 && isValueText(text));
    if (firstValue === -1) return texts.map((text) => ({ text, carried: false }));
    const labelsEnd = parts[firstValue - 1].at(-1)!.x1;
    const columns = bands.filter((b) => b.x0 > labelsEnd);
    const values = columns.map(() => [] as string[]);
    parts.slice(firstValue).forEach((part, i) => {
      const column = columns.findIndex((b) => overlaps(b, part));
      values[column === -1 ? columns.length - 1 : column]?.push(texts[firstValue + i]);
    });
    return [...texts.slice(0, firstValue), ...values.map((v) => v.join(' '))].map((text) => ({ text, carried: false }));
  });
}

function overlaps(band: Band, part: TextRun[]): boolean {
  return part[0].x0 <= band.x1 && part.at(-1)!.x1 >= band.x0;
}

/** A page number: '- 3 -', '第 3 页', '3 / 12', '3', in the page's top or bottom margin. */
const PAGE_NUMBER = /^(?:[-－—–\s]*\d{1,4}[-－—–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

function inMargin(top: number, height: number): boolean {
  return top < height * 0.1 || top > height * 0.88;
}

/** In the pages' margins: page numbers, and lines repeated on several pages (running headers and footers). */
function runningLines(pageCount: number, blocks: Placed[]): Set<Placed> {
  const drop = new Set<Placed>();
  const seen = new Map<string, Placed[]>();
  for (const b of blocks) {
    if (b.kind !== 'text' || !b.margin) continue;
    if (PAGE_NUMBER.test(b.text)) {
      drop.add(b);
      continue;
    }
    const key = b.text.replace(/\d+/g, '#');
    seen.set(key, [...(seen.get(key) ?? []), b]);
  }
  if (pageCount >= 2) {
    for (const same of seen.values()) {
      const pages = new Set(same.map((b) => b.page));
      if (pages.size >= 2 && pages.size >= pageCount / 2 && same.every((b) => Math.abs(b.top - same[0].top) < 5)) same.forEach((b) => drop.add(b));
    }
  }
  return drop;
}

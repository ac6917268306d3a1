import type { Block, SourceCell } from '../blocks';
import { CJK } from '../cjk';
import { appendAll } from '../arrays';
import { gridRows, MAX_GRID_CELLS } from '../grid';
import { isValueText } from '../rows';
import type { Ruling, TextRun } from './geometry';
import { bordered, lattices, slotAt, type Lattice } from './lattice';
import { RUN_GAP } from './runs';

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
  pages.forEach((page, p) => appendAll(placed, pageBlocks(page, p)));
  // Each table cell knows its page (1-based), for the report's provenance.
  for (const block of placed) if (block.kind === 'table') for (const row of block.rows) for (const cell of row) cell.page = block.page + 1;
  const furniture = runningLines(pages.length, placed);
  return placed.filter((b) => !(b.kind === 'text' && furniture.has(b))).map(({ top: _t, page: _p, margin: _m, ...block }) => block as Block);
}

function pageBlocks(page: Page, pageNo: number): Placed[] {
  const out: Placed[] = [];
  // A one-column frame (a box around the page or around prose) is no table; the smallest table holding a text is its own.
  const tables = lattices(page.rulings)
    .filter((t) => t.xs.length >= 3 && t.cells.length <= MAX_GRID_CELLS)
    .sort((a, b) => area(a) - area(b));
  const runsByTable = tables.map(() => [] as { run: TextRun; slot: [number, number] }[]);
  const loose: TextRun[] = [];
  for (const run of page.runs) {
    if (!run.text.trim()) continue;
    const y = run.y - run.size * 0.35;
    let t = 0;
    let slot: [number, number] | null = null;
    for (; t < tables.length && !slot; t++) slot = slotAt(tables[t], (run.x0 + run.x1) / 2, y);
    if (!slot) {
      loose.push(run);
      continue;
    }
    t--;
    for (const piece of splitAtEdges(run, cellEdges(tables[t], run))) runsByTable[t].push({ run: piece, slot: slotAt(tables[t], (piece.x0 + piece.x1) / 2, y) ?? slot });
  }
  tables.forEach((table, t) => {
    const texts = table.cells.map(() => [] as TextRun[]);
    for (const { run, slot } of runsByTable[t]) texts[table.slots[slot[0]][slot[1]]].push(run);
    table.cells.forEach((cell, i) => (cell.text = cellText(texts[i])));
    const rows = gridRows(table.cells, table.ys.length - 1).filter((row) => row.some((c) => c.text !== '') && !repeatsFiguresAbove(row));
    // Empty cells before a row's first text are a group label's cell going on from the page before.
    for (const row of rows) for (let i = 0; i < row.length && row[i].text === ''; i++) row[i].carried = true;
    // Ruled boxes whose rows each hold one text (a text box, a boxed note): their text is read as lines.
    if (rows.every((r) => r.length < 2)) appendAll(loose, runsByTable[t].map((r) => r.run));
    else out.push({ kind: 'table', rows, top: table.ys[0], page: pageNo });
  });
  appendAll(out, streamBlocks(lines(loose), pageNo, page.height));
  return out.sort((a, b) => a.top - b.top);
}

function area(table: Lattice): number {
  return (table.xs[table.xs.length - 1] - table.xs[0]) * (table.ys[table.ys.length - 1] - table.ys[0]);
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

/**
 * A cell's text: its lines top to bottom (a wrapped label, a header stacked
 * word by word, a figure too wide for its column: 272 / 5 is 2725) joined.
 */
function cellText(runs: TextRun[]): string {
  let text = '';
  for (const line of lines(runs)) {
    const piece = joinRuns(line.runs);
    const last = text.at(-1);
    if (last && piece && !CJK.test(last) && !CJK.test(piece[0]) && !(DIGIT.test(last) && DIGIT.test(piece[0]))) text += ' ';
    text += piece;
  }
  return text;
}

const DIGIT = /[0-9０-９.,]/;

/** Parts of a line further apart than this many font sizes are in different columns. */
const COLUMN_GAP = 1.5;
/** Rows of a table set without lines are at most this many font sizes apart (a cell of three wrapped lines, with padding). */
const ROW_GAP = 8;

function segments(line: Line): TextRun[][] {
  const parts: TextRun[][] = [];
  for (const run of line.runs) {
    const part = parts.at(-1);
    const previous = part?.at(-1);
    const gap = previous ? run.x0 - previous.x1 : 0;
    // A figure set apart from its neighbour by more than the widest space within a run is a cell of its own, however narrow the columns.
    const figure = previous && gap > line.size * RUN_GAP && (isValueText(run.text.trim()) || isValueText(previous.text.trim()));
    if (part && previous && gap < line.size * COLUMN_GAP && !figure) part.push(run);
    else parts.push([run]);
  }
  return parts;
}

/**
 * Lines outside ruled tables: prose, or rows of a table set without lines
 * (two or more lines with parts far apart, close one under the other). Lines
 * of one part between such rows are labels wrapped onto lines of their own,
 * joined to the nearer row. A table's value columns are where its figures line
 * up, so a row with a blank cell keeps its other figures in their columns.
 */
function streamBlocks(pageLines: Line[], page: number, height: number): Placed[] {
  const out: Placed[] = [];
  const prose = (line: Line): Placed => ({ kind: 'text', text: joinRuns(line.runs), top: line.y - line.size, page, margin: inMargin(line.y, height) });
  const parts = pageLines.map(segments);
  const rowAt = pageLines.map((_, i) => parts[i].length >= 2);
  let i = 0;
  while (i < pageLines.length) {
    if (!rowAt[i]) {
      out.push(prose(pageLines[i++]));
      continue;
    }
    // The table's rows: each next row close below the one before, only wrapped label lines between.
    const rows = [i];
    for (let j = i + 1; j < pageLines.length; j++) {
      const last = pageLines[rows[rows.length - 1]];
      if (pageLines[j].y - last.y > Math.max(last.size, pageLines[j].size) * ROW_GAP) break;
      if (rowAt[j]) rows.push(j);
      else if (!wrappedLabel(pageLines[j], pageLines[rows[0]])) break;
    }
    if (rows.length < 2) {
      out.push(prose(pageLines[i++]));
      continue;
    }
    const end = rows[rows.length - 1];
    for (let j = i; j <= end; j++) {
      if (rowAt[j]) continue;
      const nearest = rows.reduce((a, b) => (Math.abs(pageLines[b].y - pageLines[j].y) < Math.abs(pageLines[a].y - pageLines[j].y) ? b : a));
      joinLabel(parts[nearest], pageLines[j], nearest < j ? 'after' : 'before');
    }
    const first = pageLines[i];
    out.push({ kind: 'table', rows: streamRows(rows.map((r) => parts[r])), top: first.y - first.size, page });
    i = end + 1;
  }
  return out;
}

/** A line that can be a row's label wrapped: text, not figures, in the table's font size. */
function wrappedLabel(line: Line, row: Line): boolean {
  return Math.abs(line.size - row.size) <= row.size * 0.1 && !isValueText(joinRuns(line.runs));
}

/** A wrapped line's text joined to the row's label part it lies under (or over). */
function joinLabel(parts: TextRun[][], line: Line, where: 'before' | 'after'): void {
  const x0 = line.runs[0].x0;
  const x1 = line.runs[line.runs.length - 1].x1;
  let best = 0;
  let overlap = 0;
  parts.forEach((part, p) => {
    const o = Math.min(x1, part[part.length - 1].x1) - Math.max(x0, part[0].x0);
    if (o > overlap) [best, overlap] = [p, o];
  });
  // Figures centred between the lines of their label: the label is a part of its own, left of them.
  if (overlap === 0 && x1 <= parts[0][0].x0) parts.unshift([...line.runs]);
  else parts[best] = where === 'after' ? [...parts[best], ...line.runs] : [...line.runs, ...parts[best]];
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
    const labelsEnd = parts[firstValue - 1].reduce((end, r) => Math.max(end, r.x1), -Infinity);
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

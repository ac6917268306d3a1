import type { GridCell } from '../grid';
import { clusterPositions, mergeRulings, SNAP, type Ruling } from './geometry';

/** A table drawn with ruling lines: its column and row edges, and its cells (merged where a border is missing). */
export interface Lattice {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** The cell that covers each grid slot, row by row. */
  slots: number[][];
  /** Its vertical rulings, merged. */
  vertical: Ruling[];
}

/** More separate ruling lines than a page of tables has (a full t3 with every border drawn cell by cell merges to about a hundred). */
const MAX_LINES = 3000;

/** A border counts where lines cover at least this share of the edge between two slots. */
const COVERED = 0.5;

/**
 * Tables from a page's rulings, the way lattice readers such as Camelot and
 * Tabula rebuild them: lines that touch form one table; their positions give
 * its rows and columns; two neighbouring slots with no border between them are
 * one merged cell (a colspan or rowspan).
 */
export function lattices(rulings: Ruling[]): Lattice[] {
  const lines = mergeRulings(rulings).filter((r) => r.to - r.from > SNAP);
  // A page of that many separate lines is a drawing (a chart, a map), not a report's tables; pairing them would take seconds.
  if (lines.length > MAX_LINES) return [];
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[i].horizontal !== lines[j].horizontal ? crosses(lines[i], lines[j]) : collinearTouch(lines[i], lines[j])) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Ruling[]>();
  lines.forEach((line, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), line]));
  const tables: Lattice[] = [];
  for (const group of groups.values()) {
    const table = lattice(group);
    if (table) tables.push(table);
  }
  return tables;
}

function crosses(a: Ruling, b: Ruling): boolean {
  const [h, v] = a.horizontal ? [a, b] : [b, a];
  return h.at >= v.from - SNAP && h.at <= v.to + SNAP && v.at >= h.from - SNAP && v.at <= h.to + SNAP;
}

function collinearTouch(a: Ruling, b: Ruling): boolean {
  return Math.abs(a.at - b.at) <= SNAP && a.from <= b.to + SNAP && b.from <= a.to + SNAP;
}

function lattice(lines: Ruling[]): Lattice | null {
  const horizontal = lines.filter((l) => l.horizontal);
  const vertical = lines.filter((l) => !l.horizontal);
  // One horizontal line may be all a page shows of a table cut by page breaks above and below it.
  if (horizontal.length < 1 || vertical.length < 2) return null;
  // A table cut by a page break has no border where it is cut: its columns' lines still end there.
  const top = Math.min(...vertical.map((l) => l.from));
  const bottom = Math.max(...vertical.map((l) => l.to));
  const ys = clusterPositions([...horizontal.map((l) => l.at), top, bottom]);
  const xs = clusterPositions(vertical.map((l) => l.at));
  if (ys.length < 2 || xs.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Each cell a rectangle of slots, grown right then down from its top-left slot while no border
  // stops it: a missing piece of border never chains cells together.
  const cells: GridCell[] = [];
  const slots: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (slots[r][c] !== -1) continue;
      let right = c + 1;
      while (right < cols && slots[r][right] === -1 && !bordered(vertical, xs[right], ys[r], ys[r + 1])) right++;
      let below = r + 1;
      while (below < rows && !bordered(horizontal, ys[below], xs[c], xs[right]) && slots[below].slice(c, right).every((s) => s === -1)) below++;
      const i = cells.length;
      cells.push({ text: '', row: r, col: c, rowSpan: below - r, colSpan: right - c });
      for (let rr = r; rr < below; rr++) for (let cc = c; cc < right; cc++) slots[rr][cc] = i;
    }
  }
  return { xs, ys, cells, slots, vertical };
}

/** Whether lines at `at` cover most of the edge from `from` to `to`. */
export function bordered(lines: Ruling[], at: number, from: number, to: number): boolean {
  let covered = 0;
  for (const l of lines) {
    if (Math.abs(l.at - at) > SNAP) continue;
    covered += Math.max(0, Math.min(l.to, to) - Math.max(l.from, from));
  }
  return covered >= (to - from) * COVERED;
}

/** The slot (row, column) holding a point, or null outside the table. */
export function slotAt(table: Lattice, x: number, y: number): [number, number] | null {
  const col = bandOf(table.xs, x);
  const row = bandOf(table.ys, y);
  return col === -1 || row === -1 ? null : [row, col];
}

function bandOf(edges: number[], v: number): number {
  if (v < edges[0] - SNAP || v > edges[edges.length - 1] + SNAP) return -1;
  for (let i = 1; i < edges.length; i++) if (v <= edges[i]) return i - 1;
  return edges.length - 2;
}

/** Page geometry in display space: points, origin top left, y growing down (the page as seen). */

/** A run of text as the PDF placed it: its left, right, baseline and font size. */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** The baseline. */
  y: number;
  size: number;
}

/** A ruling line: horizontal (at y, from x0 to x1) or vertical (at x, from y0 to y1). */
export interface Ruling {
  horizontal: boolean;
  /** y of a horizontal line, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Positions closer than this (points) are the same line or edge. */
export const SNAP = 2.5;

/** Ruling lines of one orientation merged: collinear pieces that touch or overlap become one line. */
export function mergeRulings(rulings: Ruling[]): Ruling[] {
  const merged: Ruling[] = [];
  for (const horizontal of [true, false]) {
    // By position then start: the pieces of one line come together, in order along it.
    const lines = rulings.filter((r) => r.horizontal === horizontal).sort((a, b) => Math.round(a.at / SNAP) - Math.round(b.at / SNAP) || a.from - b.from);
    const open: Ruling[] = [];
    for (const r of lines) {
      const same = open.find((m) => Math.abs(m.at - r.at) <= SNAP / 2 && r.from <= m.to + SNAP && m.from <= r.to + SNAP);
      if (same) {
        same.from = Math.min(same.from, r.from);
        same.to = Math.max(same.to, r.to);
      } else {
        const line = { ...r };
        open.push(line);
        merged.push(line);
      }
      // Lines well behind this position can take no more pieces.
      while (open.length > 0 && r.at - open[0].at > SNAP) open.shift();
    }
  }
  return merged;
}

/** Values within SNAP of each other clustered; each cluster stands for its mean. */
export function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters.at(-1);
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else clusters.push([v]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

import { apply, multiply, type Matrix, type Ruling } from './geometry';

/** A path's commands, each followed by its points: move x y, line x y, curve x1 y1 x2 y2 x y, close. */
export const PATH = { move: 0, line: 1, curve: 2, close: 4 } as const;

/** A filled shape thinner than this (points) is a line drawn as a rectangle, as browsers and WPS draw borders. */
const THIN = 3;

/** A path on the page: its commands in its own space, the matrix to the page, and how it is painted. */
export interface DrawnPath {
  commands: number[];
  matrix: Matrix;
  stroke: boolean;
  fill: boolean;
  /** Filled white: a background, not a border. */
  white: boolean;
}

/**
 * The table rulings a page draws: stroked straight lines and the edges of
 * filled rectangles (thin ones are lines themselves; a shaded cell's edges are
 * its borders), in display space (`view` maps the page there). White fills are
 * backgrounds, not borders. Curves and diagonal lines are not rulings.
 */
export function pageRulings(paths: DrawnPath[], view: Matrix): Ruling[] {
  const rulings: Ruling[] = [];
  for (const path of paths) {
    const ctm = multiply(view, path.matrix);
    if (path.stroke) strokedLines(path.commands, ctm, rulings);
    if (path.fill && !path.white) filledEdges(path.commands, ctm, rulings);
  }
  return rulings;
}

/** Each subpath's axis-aligned straight segments. */
function strokedLines(buffer: ArrayLike<number>, ctm: Matrix, out: Ruling[]): void {
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === PATH.move) {
      current = start = apply(ctm, buffer[k], buffer[k + 1]);
      k += 2;
    } else if (op === PATH.line) {
      const next = apply(ctm, buffer[k], buffer[k + 1]);
      k += 2;
      if (current) addSegment(current, next, out);
      current = next;
    } else if (op === PATH.curve) {
      current = apply(ctm, buffer[k + 4], buffer[k + 5]);
      k += 6;
    } else if (op === PATH.close) {
      if (current && start) addSegment(current, start, out);
      current = start;
    } else break;
  }
}

function addSegment([x0, y0]: [number, number], [x1, y1]: [number, number], out: Ruling[]): void {
  if (Math.abs(y0 - y1) < 0.5 && Math.abs(x0 - x1) >= 1) out.push({ horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y0 - y1) >= 1) out.push({ horizontal: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
}

/** Each filled subpath's box: a thin one is a line along its length, a larger one gives its four edges. */
function filledEdges(buffer: ArrayLike<number>, ctm: Matrix, out: Ruling[]): void {
  let box: number[] | null = null;
  const flush = () => {
    if (!box) return;
    const [x0, y0, x1, y1] = box;
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= THIN && w > THIN) out.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= THIN && h > THIN) out.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
    else if (w > THIN && h > THIN) {
      out.push({ horizontal: true, at: y0, from: x0, to: x1 }, { horizontal: true, at: y1, from: x0, to: x1 });
      out.push({ horizontal: false, at: x0, from: y0, to: y1 }, { horizontal: false, at: x1, from: y0, to: y1 });
    }
    box = null;
  };
  const grow = (x: number, y: number) => {
    const [px, py] = apply(ctm, x, y);
    if (!box) box = [px, py, px, py];
    else box = [Math.min(box[0], px), Math.min(box[1], py), Math.max(box[2], px), Math.max(box[3], py)];
  };
  // A rectangle: four or five points, no curves. Other shapes (emblems, arrows) draw no rulings.
  let rectangle = true;
  let points = 0;
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === PATH.move) {
      if (rectangle) flush();
      box = null;
      rectangle = true;
      points = 1;
      grow(buffer[k], buffer[k + 1]);
      k += 2;
    } else if (op === PATH.line) {
      if (++points > 5) rectangle = false;
      grow(buffer[k], buffer[k + 1]);
      k += 2;
    } else if (op === PATH.curve) {
      rectangle = false;
      k += 6;
    } else if (op !== PATH.close) break;
  }
  if (rectangle) flush();
}

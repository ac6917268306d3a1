import { apply, IDENTITY, multiply, type Matrix, type Ruling } from './geometry';

/** The pdf.js operator codes this module reads (pdfjs-dist's OPS). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  setFillRGBColor: number;
  setFillGray: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js's path commands in a constructPath buffer (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

/** A filled shape thinner than this (points) is a line drawn as a rectangle, as browsers and WPS draw borders. */
const THIN = 3;

/**
 * The table rulings a page draws: stroked straight lines and the edges of
 * filled rectangles (thin ones are lines themselves; a shaded cell's edges are
 * its borders), in display space. White fills are backgrounds, not borders.
 * Curves and diagonal lines are not rulings.
 */
export function pageRulings(fnArray: number[], argsArray: unknown[][], ops: PathOps, view: Matrix): Ruling[] {
  const rulings: Ruling[] = [];
  const stack: { ctm: Matrix; white: boolean }[] = [];
  let ctm: Matrix = view;
  let white = false;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push({ ctm, white });
    else if (fn === ops.restore) ({ ctm, white } = stack.pop() ?? { ctm, white });
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, white });
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, white } = stack.pop() ?? { ctm, white });
    else if (fn === ops.setFillRGBColor) white = isWhite(args);
    else if (fn === ops.setFillGray) white = Number(args[0]) > 0.95;
    else if (fn === ops.constructPath) {
      const [paint, [buffer]] = args as [number, [ArrayLike<number> | null]];
      if (!buffer) continue;
      if (strokes.has(paint)) strokedLines(buffer, ctm, rulings);
      if (fills.has(paint) && !white) filledEdges(buffer, ctm, rulings);
    }
  }
  return rulings;
}

function isWhite(args: unknown[]): boolean {
  if (typeof args[0] === 'string') return /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(args[0]);
  const [r, g, b] = args.map(Number);
  // pdf.js gives 0–255 for RGB colours.
  return r > 242 && g > 242 && b > 242;
}

/** Each subpath's axis-aligned straight segments. */
function strokedLines(buffer: ArrayLike<number>, ctm: Matrix, out: Ruling[]): void {
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE) {
      current = start = apply(ctm, buffer[k], buffer[k + 1]);
      k += 2;
    } else if (op === LINE) {
      const next = apply(ctm, buffer[k], buffer[k + 1]);
      k += 2;
      if (current) addSegment(current, next, out);
      current = next;
    } else if (op === CURVE) {
      current = apply(ctm, buffer[k + 4], buffer[k + 5]);
      k += 6;
    } else if (op === QUADRATIC) {
      current = apply(ctm, buffer[k + 2], buffer[k + 3]);
      k += 4;
    } else if (op === CLOSE) {
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
    if (op === MOVE) {
      if (rectangle) flush();
      box = null;
      rectangle = true;
      points = 1;
      grow(buffer[k], buffer[k + 1]);
      k += 2;
    } else if (op === LINE) {
      if (++points > 5) rectangle = false;
      grow(buffer[k], buffer[k + 1]);
      k += 2;
    } else if (op === CURVE) {
      rectangle = false;
      k += 6;
    } else if (op === QUADRATIC) {
      rectangle = false;
      k += 4;
    } else if (op !== CLOSE) break;
  }
  if (rectangle) flush();
}

/**
 * The ruling lines of a PDF page: the cell borders that Word, LibreOffice
 * and browsers draw, as horizontal and vertical segments in page units.
 * They come from the page's drawing operators (pdf.js's operator list):
 * stroked lines and rectangles, and filled rectangles thin enough to be a
 * line (Chromium draws its borders so, as rectangles or as quadrilaterals
 * with bevelled ends). Everything else drawn is left out.
 */

/**
 * A horizontal ruling (`at` is its y, from `from` to `to` in x) or a
 * vertical one (`at` is its x, from `from` to `to` in y), in PDF units from
 * the bottom left of the page.
 *
 * @example
 * ```ts
 * import type { Ruling } from './pdf-rulings.js';
 * const top: Ruling = { at: 780, from: 72, to: 523 };
 * ```
 */
export interface Ruling {
  at: number;
  from: number;
  to: number;
}

/**
 * The rulings of a page.
 *
 * @example
 * ```ts
 * import type { Rulings } from './pdf-rulings.js';
 * const none: Rulings = { horizontal: [], vertical: [] };
 * ```
 */
export interface Rulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

/**
 * The operator codes this reads, as pdf.js numbers them (its `OPS`).
 *
 * @example
 * ```ts
 * // type-only: pdf.js is an optional peer, loaded only when a PDF comes
 * import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
 * import type { RulingOps } from './pdf-rulings.js';
 * const ops: RulingOps = OPS;
 * ```
 */
export interface RulingOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  rectangle: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  closePath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginGroup: number;
  endGroup: number;
}

// A filled rectangle no thicker than this is a line; a segment shorter than this is a dot.
const THIN = 2.5;
const SHORT = 2;
// A page drawing more path pieces than this is a picture, not a table: it gives no rulings. Pieces, not
// paths, are counted: one path can hold a million of them, and each would be kept until the page is done.
const MAX_SEGMENTS = 50_000;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`: the matrix of a `cm` operator `m` applied in a space `n`. */
function times(m: ArrayLike<number>, n: Matrix): Matrix {
  return [
    m[0]! * n[0] + m[1]! * n[2],
    m[0]! * n[1] + m[1]! * n[3],
    m[2]! * n[0] + m[3]! * n[2],
    m[2]! * n[1] + m[3]! * n[3],
    m[4]! * n[0] + m[5]! * n[2] + n[4],
    m[4]! * n[1] + m[5]! * n[3] + n[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The rulings drawn by a page's operators (`fnArray` and `argsArray` of
 * pdf.js's `page.getOperatorList()`), with the transforms applied (a form
 * XObject's matrix too); paths that are only clipped, not painted, are left
 * out. A page drawing more than 50,000 path pieces gives none: it is a
 * picture, and its text is read as lines.
 *
 * @example
 * ```ts
 * import { rulingsOf } from './pdf-rulings.js';
 * const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, rectangle: 19, moveTo: 13, lineTo: 14, curveTo: 15, closePath: 18, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, beginGroup: 76, endGroup: 77 };
 * // A line from (72, 700) to (523, 700), stroked.
 * rulingsOf([91, 20], [[[13, 14], [72, 700, 523, 700]], null], OPS).horizontal; // [{ at: 700, from: 72, to: 523 }]
 * ```
 */
export function rulingsOf(fnArray: readonly number[], argsArray: readonly unknown[], OPS: RulingOps): Rulings {
  const rulings: Rulings = { horizontal: [], vertical: [] };
  const stroked = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filled = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let segments = 0;
  // The path being built: its straight pieces, its rectangles, and the box of each of its pieces, in page units.
  let lines: [number, number, number, number][] = [];
  let boxes: [number, number, number, number][] = [];
  let shapes: [number, number, number, number][] = [];
  const segment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= SHORT) rulings.horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= SHORT) rulings.vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as ArrayLike<unknown> | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args) ctm = times(args as ArrayLike<number>, ctm);
    // A form XObject's matrix comes with its begin, not as a transform; a group's matrix is the same form's
    // (pdf.js applies it once, at the form's begin), so a group only saves and restores.
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as ArrayLike<number> | null | undefined;
      if (matrix?.length === 6) ctm = times(matrix, ctm);
    } else if (fn === OPS.beginGroup) stack.push(ctm);
    else if (fn === OPS.paintFormXObjectEnd || fn === OPS.endGroup) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const ops = args[0] as ArrayLike<number>;
      const coords = args[1] as ArrayLike<number>;
      segments += ops.length;
      if (segments > MAX_SEGMENTS) return { horizontal: [], vertical: [] };
      let [x, y] = [0, 0];
      let start: [number, number] = [0, 0];
      for (let k = 0, j = 0; k < ops.length; k++) {
        const op = ops[k];
        if (op === OPS.rectangle) {
          const [a, b] = apply(ctm, coords[j]!, coords[j + 1]!);
          const [c, d] = apply(ctm, coords[j]! + coords[j + 2]!, coords[j + 1]! + coords[j + 3]!);
          boxes.push([Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]);
          j += 4;
        } else if (op === OPS.moveTo) {
          start = [x, y] = apply(ctm, coords[j]!, coords[j + 1]!);
          shapes.push([x, y, x, y]);
          j += 2;
        } else if (op === OPS.lineTo) {
          const [nx, ny] = apply(ctm, coords[j]!, coords[j + 1]!);
          lines.push([x, y, nx, ny]);
          const shape = shapes.at(-1);
          if (shape) shapes[shapes.length - 1] = [Math.min(shape[0], nx), Math.min(shape[1], ny), Math.max(shape[2], nx), Math.max(shape[3], ny)];
          [x, y] = [nx, ny];
          j += 2;
        } else if (op === OPS.closePath) {
          lines.push([x, y, ...start]);
          [x, y] = start;
        } else if (op !== undefined) {
          // A curve is no ruling: only where it ends counts (curveTo has three points, the others two).
          j += op === OPS.curveTo ? 6 : 4;
          [x, y] = apply(ctm, coords[j - 2]!, coords[j - 1]!);
        }
      }
    } else if (stroked.has(fn) || filled.has(fn)) {
      if (stroked.has(fn)) {
        for (const [x0, y0, x1, y1] of lines) segment(x0, y0, x1, y1);
        for (const [x0, y0, x1, y1] of boxes) {
          segment(x0, y0, x1, y0);
          segment(x0, y1, x1, y1);
          segment(x0, y0, x0, y1);
          segment(x1, y0, x1, y1);
        }
      }
      if (filled.has(fn)) {
        // A thin filled shape is a line: a rectangle, or a border drawn as a quadrilateral with bevelled ends.
        for (const [x0, y0, x1, y1] of [...boxes, ...shapes]) {
          if (y1 - y0 <= THIN) segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= THIN) segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
      }
      [lines, boxes, shapes] = [[], [], []];
    } else if (fn !== OPS.constructPath) {
      // Any other operator ends a path that was not painted (a clip ends with `n`).
      if (lines.length > 0 || boxes.length > 0 || shapes.length > 0) [lines, boxes, shapes] = [[], [], []];
    }
  }
  return rulings;
}

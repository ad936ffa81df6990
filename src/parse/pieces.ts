/**
 * A page's text held as pieces, not as one string. V8 keeps a string of more
 * than 128 KB (64K UTF-16 units) in a large-object page of its own, memory
 * fresh from the system for every page, and page faults are the costliest
 * part of reading one: a 150 KB page of Chinese decoded whole takes five
 * times as long as decoded in pieces, which live in V8's young generation
 * and reuse its memory. The pieces' offsets run on across them, so an offset
 * means what it would in the whole text.
 */

/** Bytes decoded into one piece: even as two-byte UTF-16, a piece stays well under V8's 128 KB. */
export const PIECE_BYTES = 32_768;

/** The text some pieces make: its length, and a slice of it by offsets into the whole. */
export interface Pieced {
  length: number;
  slice: (start: number, end: number) => string;
}

/**
 * Slices of the text the pieces make, without joining them. Slices are
 * looked up from the piece the last one started in, as a tokenizer reads
 * forward.
 *
 * @example
 * ```ts
 * import { pieced } from './pieces.js';
 * const text = pieced(['<td>1', '2</td>']);
 * text.length; // 11
 * text.slice(4, 6); // '12'
 * ```
 */
export function pieced(pieces: readonly string[]): Pieced {
  const starts: number[] = [];
  let length = 0;
  for (const piece of pieces) {
    starts.push(length);
    length += piece.length;
  }
  let k = 0;
  const slice = (start: number, end: number) => {
    while (k > 0 && starts[k]! > start) k--;
    while (k + 1 < pieces.length && starts[k + 1]! <= start) k++;
    let text = '';
    for (let i = k; i < pieces.length && starts[i]! < end; i++) text += pieces[i]!.slice(Math.max(0, start - starts[i]!), end - starts[i]!);
    return text;
  };
  return { length, slice };
}

/**
 * Whether `pattern` matches in the text the pieces make, for a pattern none
 * of whose matches is longer than `longest` units: a match across two
 * pieces is found in the end of the one and the start of the next.
 *
 * @example
 * ```ts
 * import { matchesIn } from './pieces.js';
 * matchesIn(['<ta', 'ble>'], /<table[\s>]/i, 7); // true
 * matchesIn(['<ta', 'b>'], /<table[\s>]/i, 7); // false
 * ```
 */
export function matchesIn(pieces: readonly string[], pattern: RegExp, longest: number): boolean {
  const reach = longest - 1;
  let tail = '';
  for (const piece of pieces) {
    if (pattern.test(piece) || (tail !== '' && pattern.test(tail + piece.slice(0, reach)))) return true;
    tail = piece.length >= reach ? piece.slice(piece.length - reach) : (tail + piece).slice(-reach);
  }
  return false;
}

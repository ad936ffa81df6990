/**
 * Characters that show nothing: zero-width spaces and joiners, soft hyphens,
 * byte-order marks, direction marks (Unicode's format characters) and
 * control codes other than tab and line breaks. Editors and converters leave
 * them inside figures (`2\u200b418`), where they would cut one figure into
 * pieces; a reader sees `2418`, so they are taken out before any reader
 * looks at the text, and offsets are mapped back to the input.
 */

// Format characters (\p{Cf}: U+00AD, U+200B–U+200F, U+2060, U+FEFF …) and C0/C1 controls but \t \n \v \f \r.
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;
/**
 * Every UTF-16 unit that can start an {@link INVISIBLE} character (the high surrogate of one outside the BMP),
 * and a few more, without the `u` flag, which makes a scan eight times slower: most pages hold none, and are
 * returned as they are after this one scan. A test holds it to every character INVISIBLE matches. The
 * surrogates are a class of their own: in one class with the rest, the scan is as slow as with the flag.
 */
const MAYBE_INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff]/;

/**
 * Whether a character shows nothing.
 *
 * @example
 * ```ts
 * import { isInvisible } from './visible-text.js';
 * isInvisible('\u200b'); // true
 * isInvisible(' '); // false: white space parts words, it is not taken out
 * ```
 */
export function isInvisible(ch: string): boolean {
  return ONE_INVISIBLE.test(ch);
}
const ONE_INVISIBLE = new RegExp(`^${INVISIBLE.source}$`, 'u');

/** A text held as pieces (see `./pieces.ts`), each piece without its invisible characters, and where each offset was in the original. */
export interface VisiblePieces {
  pieces: string[];
  /** The offset in the original text of the character at `offset` (the original's length past the end). */
  originOf: (offset: number) => number;
}

/**
 * A text held as pieces with its invisible characters taken out (see
 * {@link isInvisible}), piece by piece; offsets run on across the pieces, in
 * the result and in the original. A text whole is one piece. No piece may
 * end between the two halves of a surrogate pair (`decodePieces` never
 * cuts one): a character outside the BMP is judged whole.
 *
 * @example
 * ```ts
 * import { visiblePieces } from './visible-text.js';
 * const { pieces, originOf } = visiblePieces(['许可2\u200b4', '1\u00ad8']);
 * pieces; // ['许可24', '18']
 * originOf(5); // 7: the 8 stood after the zero-width space and the soft hyphen
 * ```
 */
export function visiblePieces(raw: readonly string[]): VisiblePieces {
  // Each unit cut, by its offset in the original (a character outside the BMP is two).
  const cuts: number[] = [];
  let start = 0;
  const pieces = raw.map((piece) => {
    const from = start;
    start += piece.length;
    if (!MAYBE_INVISIBLE.test(piece)) return piece;
    const first = cuts.length;
    for (const match of piece.matchAll(INVISIBLE)) for (let k = 0; k < match[0].length; k++) cuts.push(from + match.index + k);
    if (cuts.length === first) return piece;
    const kept: string[] = [];
    let next = 0;
    for (let c = first; c < cuts.length; c++) {
      kept.push(piece.slice(next, cuts[c]! - from));
      next = cuts[c]! - from + 1;
    }
    kept.push(piece.slice(next));
    return kept.join('');
  });
  if (cuts.length === 0) return { pieces, originOf: (offset) => offset };
  // The k-th cut sat before the unit at cuts[k] - k of the result: an offset moves on by every cut at or before it.
  const at = cuts.map((cut, k) => cut - k);
  const originOf = (offset: number) => {
    let [low, high] = [0, at.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (at[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
  return { pieces, originOf };
}

/**
 * Reading the streams of a compound file: little-endian values that refuse
 * an offset past the end (for a Word 97–2003 document and an Excel 97–2003
 * workbook alike), and a Word document's walk over a list of property
 * modifiers ([MS-DOC]: a grpprl of paragraph, character, style or
 * list-level properties).
 */
import { CompoundFileError } from './cfb.js';

/**
 * Little-endian reads of `bytes` that throw a {@link CompoundFileError}
 * naming `what` past the end, for a damaged offset.
 *
 * @example
 * ```ts
 * import { reader } from './doc-bytes.js';
 * const read = reader(new Uint8Array([0x34, 0x12]), 'a test');
 * read.u16(0); // 0x1234
 * // read.u16(1) throws: 'a test damaged: an offset past its end'
 * ```
 */
export function reader(bytes: Uint8Array, what: string) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (at: number, size: number) => {
    if (!(at >= 0 && at + size <= bytes.length)) throw new CompoundFileError(`${what} damaged: an offset past its end`);
  };
  return {
    bytes,
    u8: (at: number) => (check(at, 1), bytes[at]!),
    u16: (at: number) => (check(at, 2), view.getUint16(at, true)),
    i16: (at: number) => (check(at, 2), view.getInt16(at, true)),
    u32: (at: number) => (check(at, 4), view.getUint32(at, true)),
    i32: (at: number) => (check(at, 4), view.getInt32(at, true)),
    slice: (at: number, size: number) => (check(at, size), bytes.subarray(at, at + size)),
  };
}

/**
 * What {@link reader} gives.
 *
 * @example
 * ```ts
 * import { reader, type Reader } from './doc-bytes.js';
 * const read: Reader = reader(new Uint8Array(4), 'a test');
 * ```
 */
export type Reader = ReturnType<typeof reader>;

/** A table row's cells (sprmTDefTable): the one modifier whose operand's size takes two bytes. */
export const CELLS = 0xd608;

/**
 * Calls `visit` with each property modifier (sprm) between `from` and `to`
 * and where its operand starts and how long it is ([MS-DOC] 2.6: the size is
 * told by the modifier's kind; a variable one carries its own). A modifier
 * whose operand runs past `to` ends the walk.
 *
 * @example
 * ```ts
 * import { eachModifier, reader } from './doc-bytes.js';
 * // sprmPIlvl (0x260A) with operand 1, then sprmPIlfo (0x460B) with operand 2.
 * const read = reader(new Uint8Array([0x0a, 0x26, 1, 0x0b, 0x46, 2, 0]), 'a test');
 * const seen: number[][] = [];
 * eachModifier(read, 0, 7, (sprm, at, size) => seen.push([sprm, at, size]));
 * seen; // [[0x260a, 2, 1], [0x460b, 5, 2]]
 * ```
 */
export function eachModifier(read: Reader, from: number, to: number, visit: (sprm: number, at: number, size: number) => void): void {
  for (let at = from; at + 2 <= to; ) {
    const sprm = read.u16(at);
    at += 2;
    const spra = sprm >>> 13;
    const size = spra === 0 || spra === 1 ? 1 : spra === 3 ? 4 : spra === 7 ? 3 : spra === 6 ? (sprm === CELLS ? read.u16(at) + 1 : read.u8(at) + 1) : 2;
    if (at + size > to) return;
    visit(sprm, at, size);
    at += size;
  }
}

/**
 * The list definitions of a Word 97–2003 document (.doc, [MS-DOC]): its
 * lists (PlfLst, each LSTF followed by its levels), the list format overrides
 * paragraphs name (PlfLfo, with their restarts and replaced levels), and the
 * lists its paragraph styles number with (STSH), for the numbers Word shows
 * before numbered paragraphs (see `./word-lists.ts`).
 */
import { eachModifier, reader, type Reader } from './doc-bytes.js';
import { CompoundFileError } from './cfb.js';
import { inheritNumbering, LIST_LEVELS, msonfcFormat, type ListLevel, type NumberingRef, type WordList } from './word-lists.js';

// A paragraph's list format override (sprmPIlfo: 1 for the first of PlfLfo, 0 or less for none) and list level (sprmPIlvl).
const LIST = 0x460b;
const LIST_LEVEL = 0x260a;

/**
 * Reads a paragraph property modifier into `ref` if it is a list format
 * override or a list level (of a paragraph, or a paragraph style); anything
 * else is left alone.
 *
 * @example
 * ```ts
 * import { reader } from './doc-bytes.js';
 * import { readListModifier } from './doc-lists.js';
 * import type { NumberingRef } from './word-lists.js';
 * const ref: NumberingRef = {};
 * // sprmPIlfo 2, then sprmPIlvl 1: each operand at its place.
 * const read = reader(new Uint8Array([0x0b, 0x46, 2, 0, 0x0a, 0x26, 1]), 'a test');
 * readListModifier(ref, 0x460b, read, 2);
 * readListModifier(ref, 0x260a, read, 6);
 * ref; // { list: '2', level: 1 }
 * ```
 */
export function readListModifier(ref: NumberingRef, sprm: number, read: Reader, at: number): void {
  if (sprm === LIST) ref.list = String(read.i16(at));
  else if (sprm === LIST_LEVEL) ref.level = read.u8(at);
}

const FOLLOW = ['\t', ' ', ''];

/** A list level (LVL: its LVLF, two lists of modifiers, then its number text) at `at`, and where the next begins. */
function readLevel(read: Reader, at: number): { level: ListLevel; end: number } {
  const [chpx, papx] = [read.u8(at + 24), read.u8(at + 25)];
  const xst = at + 28 + papx + chpx;
  const length = read.u16(xst);
  const chars = read.slice(xst + 2, length * 2);
  // Which characters of the text stand for the number of a level (1-based, ended by 0).
  const places = new Set<number>();
  for (let i = 0; i < LIST_LEVELS && read.u8(at + 6 + i) > 0; i++) places.add(read.u8(at + 6 + i));
  let text = '';
  for (let i = 0; i < length; i++) {
    const code = chars[i * 2]! | (chars[i * 2 + 1]! << 8);
    text += places.has(i + 1) && code < LIST_LEVELS ? `%${code + 1}` : String.fromCharCode(code);
  }
  const level: ListLevel = { start: Math.max(0, read.i32(at)), format: msonfcFormat(read.u8(at + 4)), text, suffix: FOLLOW[read.u8(at + 15)] ?? '' };
  if (read.u8(at + 5) & 0x04) level.legal = true;
  return { level, end: xst + 2 + length * 2 };
}

/**
 * The lists of a document, by the number paragraphs give them (their list
 * format override, from 1), from its table stream: `lists` is where PlfLst
 * stands, its lists' levels straight after it (where Word, LibreOffice and
 * POI put and look for them, whatever size the file gives PlfLst);
 * `overrides` where PlfLfo does, in `overridesSize` bytes. Damage throws a
 * {@link CompoundFileError}.
 *
 * @example
 * ```ts
 * // type-only: needs the table stream of a .doc file
 * import { reader } from './doc-bytes.js';
 * import { readDocLists } from './doc-lists.js';
 * declare const tableStream: Uint8Array;
 * declare const [lists, overrides, overridesSize]: number[];
 * readDocLists(reader(tableStream, 'a table stream'), lists, overrides, overridesSize).get('1')?.levels[0]?.format; // 'chineseCounting'
 * ```
 */
export function readDocLists(table: Reader, lists: number, overrides: number, overridesSize: number): Map<string, WordList> {
  const definitions = new Map<string, ListLevel[]>();
  const count = table.i16(lists);
  let at = lists + 2 + Math.max(0, count) * 28;
  for (let i = 0; i < count; i++) {
    const lstf = lists + 2 + i * 28;
    const levels: ListLevel[] = [];
    for (let l = 0, n = table.u8(lstf + 26) & 1 ? 1 : LIST_LEVELS; l < n; l++) {
      const read = readLevel(table, at);
      levels.push(read.level);
      at = read.end;
    }
    definitions.set(String(table.i32(lstf)), levels);
  }
  const found = new Map<string, WordList>();
  const lfo = reader(table.slice(overrides, overridesSize), 'a Word document whose list overrides are');
  const lfos = lfo.u32(0);
  // The LFOs (16 bytes each), then each one's data: a position, then its level overrides.
  let data = 4 + lfos * 16;
  // All of them in the bytes given, or none read: a count of billions ends here, not in a long walk.
  lfo.slice(0, data);
  for (let i = 0; i < lfos; i++) {
    const definition = String(lfo.i32(4 + i * 16));
    const levels = [...(definitions.get(definition) ?? [])];
    const starts = new Map<number, number>();
    data += 4;
    for (let o = 0, n = lfo.u8(4 + i * 16 + 12); o < n; o++) {
      const [start, flags] = [lfo.i32(data), lfo.u32(data + 4)];
      const level = flags & 0x0f;
      data += 8;
      if (flags & 0x20) {
        const read = readLevel(lfo, data);
        data = read.end;
        if (level < LIST_LEVELS) levels[level] = read.level;
        // Restarted too: at the start of the level that replaces it (the override's own start is then not set).
        if (flags & 0x10 && level < LIST_LEVELS) starts.set(level, read.level.start);
      } else if (flags & 0x10 && level < LIST_LEVELS) starts.set(level, Math.max(0, start));
    }
    found.set(String(i + 1), { definition, levels, starts });
  }
  return found;
}

/**
 * The numbering each paragraph style gives, by its index (istd), from the
 * style sheet (STSH) of `size` bytes at `at` in the table stream: the list format override
 * and level its paragraph properties set, or those of the style it is based
 * on. Damage throws a {@link CompoundFileError}.
 *
 * @example
 * ```ts
 * // type-only: needs the table stream of a .doc file
 * import { reader } from './doc-bytes.js';
 * import { readDocStyleNumbering } from './doc-lists.js';
 * declare const tableStream: Uint8Array;
 * declare const [styleSheet, styleSheetSize]: number[];
 * readDocStyleNumbering(reader(tableStream, 'a table stream'), styleSheet, styleSheetSize).get(1); // { list: '1', level: 0 } for a heading numbered by its style
 * ```
 */
export function readDocStyleNumbering(tableStream: Reader, at: number, size: number): Map<number, NumberingRef> {
  const table = reader(tableStream.slice(at, size), 'a Word document whose style sheet is');
  const header = table.u16(0);
  const [count, base] = [table.u16(2), table.u16(4)];
  const own = new Map<number, { based?: number; ref: NumberingRef }>();
  let std = 2 + header;
  for (let istd = 0; istd < count; istd++) {
    const stdSize = table.u16(std);
    const start = std + 2;
    // Each one starts on an even byte; its size does not count the padding.
    std = start + stdSize + (stdSize & 1);
    // The whole of it in the style sheet, or the style sheet is damaged.
    table.slice(start, stdSize);
    // Paragraph styles (stk 1) only; their first property list is the paragraph's.
    if (stdSize === 0 || (table.u16(start + 2) & 0x0f) !== 1) continue;
    const based = table.u16(start + 2) >>> 4;
    const name = start + base;
    const upx = name + 2 + table.u16(name) * 2 + 2;
    const upxSize = table.u16(upx);
    if (upx + 2 + upxSize > start + stdSize) throw new CompoundFileError('a Word document whose style sheet is damaged');
    const ref: NumberingRef = {};
    eachModifier(table, upx + 4, upx + 2 + upxSize, (sprm, operand) => readListModifier(ref, sprm, table, operand));
    own.set(istd, based === 0x0fff ? { ref } : { based, ref });
  }
  return inheritNumbering(own);
}

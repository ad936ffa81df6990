/**
 * Compound files ([MS-CFB], "OLE2"): the container of Word 97–2003 `.doc`
 * and Excel 97–2003 `.xls` files, a little file system of sectors chained
 * through an allocation table. Read here rather than by the `cfb` package:
 * it walks every chain from every sector, so a file whose chains run
 * backwards costs it quadratic time and memory, and a chain that loops back
 * into itself hangs it. Here every chain stops at a sector it has already
 * passed or at the length its stream declares, and nothing is allocated
 * past the size of the file: a hostile file gives a {@link CompoundFileError}.
 */

/**
 * Why a compound file cannot be read (cut short, a chain that loops, a
 * size past the end of the file).
 *
 * @example
 * ```ts
 * import { CompoundFileError } from './cfb.js';
 * new CompoundFileError('a chain of sectors that loops').message; // 'a chain of sectors that loops'
 * ```
 */
export class CompoundFileError extends Error {}

/**
 * What `read` gives, or `otherwise` when damage stops it (a
 * {@link CompoundFileError}): for a part of a file whose damage costs that
 * part, not the whole (a title, list numbers). Any other error is thrown on.
 *
 * @example
 * ```ts
 * import { CompoundFileError, unlessDamaged } from './cfb.js';
 * unlessDamaged(() => 'title', ''); // 'title'
 * unlessDamaged(() => { throw new CompoundFileError('cut short'); }, ''); // ''
 * ```
 */
export function unlessDamaged<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CompoundFileError) return otherwise;
    throw error;
  }
}

/**
 * An opened compound file: the streams at its root, by name.
 *
 * @example
 * ```ts
 * // type-only: needs the bytes of a .doc file
 * import { openCompoundFile } from './cfb.js';
 * declare const bytes: Uint8Array;
 * const file = openCompoundFile(bytes);
 * file.names.includes('WordDocument'); // true for a Word document
 * ```
 */
export interface CompoundFile {
  /** The names of the streams at its root. */
  names: string[];
  /**
   * A root stream's bytes, by its name in any case (names compare so in a
   * compound file: `WORKBOOK` is `Workbook`), or `undefined` when there is
   * none; throws a {@link CompoundFileError} when it cannot be read.
   */
  stream(name: string): Uint8Array | undefined;
  /** Whether it has a root stream of this name, in any case. */
  has(name: string): boolean;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// The sector number that ends a chain.
const END_OF_CHAIN = -2;
const NO_STREAM = 0xffffffff;
const MINI_SECTOR = 64;

/**
 * Whether the bytes start like a compound file: `D0 CF 11 E0 A1 B1 1A E1`.
 *
 * @example
 * ```ts
 * import { isCompoundFile } from './cfb.js';
 * isCompoundFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])); // true
 * ```
 */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * Follows chains of sectors numbered below `count`: each walk stops at the
 * end of its chain or after `limit` sectors, and throws where a chain leaves
 * the file, breaks or comes back to a sector it passed (one stamp per walk,
 * so checking costs nothing per walk beyond its own sectors).
 */
function walker(count: number) {
  const seen = new Uint32Array(count);
  let stamp = 0;
  return (start: number, next: (n: number) => number, limit: number, what: string): number[] => {
    stamp++;
    const out: number[] = [];
    for (let n = start; n !== END_OF_CHAIN && out.length < limit; n = next(n)) {
      if (n < 0) throw new CompoundFileError(`${what} whose chain of sectors is broken`);
      if (n >= count) throw new CompoundFileError(`${what} that runs past the end of the file (cut short?)`);
      if (seen[n] === stamp) throw new CompoundFileError(`${what} whose chain of sectors loops`);
      seen[n] = stamp;
      out.push(n);
    }
    return out;
  };
}

/**
 * Opens the bytes of a compound file, or throws a {@link CompoundFileError}
 * saying why not. Only the header, the allocation tables and the directory
 * are read here; a stream when asked for.
 *
 * @example
 * ```ts
 * import { openCompoundFile } from './cfb.js';
 * try {
 *   openCompoundFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
 * } catch (error) {
 *   (error as Error).message; // 'a compound file cut short in its header'
 * }
 * ```
 */
export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isCompoundFile(bytes) || bytes.length < 512) throw new CompoundFileError('a compound file cut short in its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Sector numbers are read signed: the special ones (end of chain, free) are the negative ones.
  const int = (at: number) => (at + 4 <= bytes.length ? view.getInt32(at, true) : END_OF_CHAIN);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new CompoundFileError(`a compound file with sectors of 2^${shift} bytes`);
  const size = 1 << shift;
  // The last sector may be cut short by a writer that does not pad: it is read as far as it goes.
  const sectors = Math.max(0, Math.ceil((bytes.length - size) / size));
  const sectorAt = (n: number) => bytes.subarray((n + 1) * size, (n + 2) * size);
  const walkSectors = walker(sectors);

  // The allocation table: its sectors are listed in the header, then in a chain of DIFAT sectors, each ending with the next one's number.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) if (int(0x4c + i * 4) >= 0) fatSectors.push(int(0x4c + i * 4));
  for (const d of walkSectors(int(0x44) === -1 ? END_OF_CHAIN : int(0x44), (n) => int((n + 2) * size - 4), sectors, 'an allocation table')) {
    // Stopped once past the file's size: a chain through the whole file would list 127 numbers for each of its sectors.
    if (fatSectors.length > sectors) break;
    for (let i = 0; i < size / 4 - 1; i++) if (int((d + 1) * size + i * 4) >= 0) fatSectors.push(int((d + 1) * size + i * 4));
  }
  if (fatSectors.length > sectors) throw new CompoundFileError('a compound file whose allocation table is larger than the file');
  const fat = new Int32Array(fatSectors.length * (size / 4)).fill(END_OF_CHAIN);
  fatSectors.forEach((n, i) => {
    if (n >= sectors) throw new CompoundFileError('an allocation table that runs past the end of the file (cut short?)');
    for (let j = 0; j < size / 4; j++) fat[i * (size / 4) + j] = int((n + 1) * size + j * 4);
  });
  const nextInFat = (n: number) => (n < fat.length ? fat[n]! : END_OF_CHAIN);

  /** A chain's bytes: `length` of them when given (the rest of the last sector left out), else the whole chain. */
  const read = (start: number, length: number | undefined, what: string): Uint8Array => {
    const needed = length === undefined ? sectors : Math.ceil(length / size);
    const list = walkSectors(start, nextInFat, needed, what);
    if (length !== undefined && list.length < needed) throw new CompoundFileError(`${what} shorter than its declared size (cut short?)`);
    const out = new Uint8Array(length ?? list.length * size);
    list.forEach((n, i) => {
      const part = sectorAt(n).subarray(0, Math.min(size, out.length - i * size));
      if (part.length < Math.min(size, out.length - i * size)) throw new CompoundFileError(`${what} cut short`);
      out.set(part, i * size);
    });
    return out;
  };

  const directory = read(int(0x30), undefined, 'a directory');
  const entries: Entry[] = [];
  const names = new TextDecoder('utf-16le');
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const entry = new DataView(directory.buffer, at, 128);
    const length = Math.min(64, entry.getUint16(0x40, true));
    entries.push({
      name: names.decode(directory.subarray(at, at + Math.max(0, length - 2))),
      type: entry.getUint8(0x42),
      left: entry.getUint32(0x44, true),
      right: entry.getUint32(0x48, true),
      child: entry.getUint32(0x4c, true),
      start: entry.getInt32(0x74, true),
      // Version 3 files may leave garbage in the high half: their streams are smaller than 2 GB.
      size: shift === 9 ? entry.getUint32(0x78, true) : entry.getUint32(0x78, true) + entry.getUint32(0x7c, true) * 2 ** 32,
    });
  }
  const root = entries[0];
  if (root?.type !== 5) throw new CompoundFileError('a compound file without its root entry');

  // The root's children, a tree by left, right: walked once each, whatever links a damaged file holds.
  const children = new Map<string, Entry>();
  const visited = new Uint8Array(entries.length);
  const stack = [root.child];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i === NO_STREAM || i >= entries.length || visited[i]) continue;
    visited[i] = 1;
    const entry = entries[i]!;
    if (entry.type === 2 && !children.has(entry.name.toUpperCase())) children.set(entry.name.toUpperCase(), entry);
    stack.push(entry.left, entry.right);
  }

  // Small streams live in the mini stream (the root's own chain), in 64-byte sectors chained by the mini allocation table.
  let mini: { stream: Uint8Array; next: (n: number) => number; walk: ReturnType<typeof walker> } | undefined;
  const miniStreams = () => {
    if (!mini) {
      if (root.size > bytes.length) throw new CompoundFileError('a mini stream larger than the file');
      const stream = read(root.start, root.size, 'the mini stream');
      const table = read(int(0x3c), undefined, 'the mini allocation table');
      const miniFat = new DataView(table.buffer);
      mini = { stream, next: (n) => (n * 4 + 4 <= table.length ? miniFat.getInt32(n * 4, true) : END_OF_CHAIN), walk: walker(Math.floor(stream.length / MINI_SECTOR)) };
    }
    return mini;
  };
  const cutoff = view.getUint32(0x38, true);
  return {
    names: [...children.values()].map((entry) => entry.name),
    has: (name) => children.has(name.toUpperCase()),
    stream(name) {
      const entry = children.get(name.toUpperCase());
      if (!entry) return undefined;
      if (entry.size > bytes.length) throw new CompoundFileError(`the stream ${name} of ${entry.size} bytes, in a file of ${bytes.length}`);
      if (entry.size >= cutoff) return read(entry.start, entry.size, `the stream ${name}`);
      const { stream, next, walk } = miniStreams();
      const needed = Math.ceil(entry.size / MINI_SECTOR);
      const list = walk(entry.start, next, needed, `the stream ${name}`);
      if (list.length < needed) throw new CompoundFileError(`the stream ${name} shorter than its declared size (cut short?)`);
      const out = new Uint8Array(entry.size);
      list.forEach((n, i) => out.set(stream.subarray(n * MINI_SECTOR, n * MINI_SECTOR + Math.min(MINI_SECTOR, out.length - i * MINI_SECTOR)), i * MINI_SECTOR));
      return out;
    },
  };
}

/**
 * Excel 97–2003 workbooks (.xls, BIFF8 [MS-XLS]): the Workbook stream's
 * records: the shared strings (their characters may go on in CONTINUE
 * records, each piece with its own width), the number formats and cell
 * formats, each sheet's cells (strings, numbers stored whole or as RK,
 * formulas' cached results) and merged ranges, laid out into tables as an
 * .xlsx sheet is (`./xlsx.ts`).
 */
import { CompoundFileError, type CompoundFile } from './cfb.js';
import { reader, type Reader } from './doc-bytes.js';
import type { HtmlDocument } from './html.js';
import type { OfficePlace } from './office.js';
import { BUILT_IN_FORMATS, layOutSheets, MAX_SHEETS, shownNumber, type SheetContent } from './xlsx.js';

// The records read ([MS-XLS] 2.3).
const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const FORMAT = 0x041e;
const XF = 0x00e0;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const MERGEDCELLS = 0x00e5;
const GLOBALS = new Set([BOF, FILEPASS, BOUNDSHEET, SST, FORMAT, XF]);
const CELLS = new Set([LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA, STRING, BOOLERR, MERGEDCELLS]);
// A worksheet's substream, in its BOF.
const WORKSHEET = 0x0010;
// No workbook of a report holds more cells (merged ones counted by their area): more is refused before they fill the memory.
const MAX_CELLS = 500_000;
// An error value's code, as Excel shows it.
const ERRORS: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

interface BiffRecord {
  type: number;
  /** Its data, and the data of the CONTINUE records after it, each piece apart (strings restart their width in each). */
  pieces: Uint8Array[];
}

/**
 * The records of the types `wanted` in one substream: from its BOF at `at`
 * to its EOF, or to `to`. A substream inside it (a chart's, BOF to EOF) is
 * skipped; CONTINUE records are joined to the record they go on. Records
 * not wanted are walked over, not kept. Also where the substream ends.
 */
function records(stream: Reader, at: number, to: number, wanted: ReadonlySet<number>): { found: BiffRecord[]; end: number } {
  const found: BiffRecord[] = [];
  let kept: BiffRecord | undefined;
  let depth = 0;
  while (at + 4 <= to) {
    const [type, size] = [stream.u16(at), stream.u16(at + 2)];
    const data = at + 4;
    at = data + size;
    if (type === BOF) depth++;
    else if (type === EOF && --depth <= 0) break;
    if (depth > 1) kept = undefined;
    else if (type === CONTINUE) kept?.pieces.push(stream.slice(data, size));
    else if (wanted.has(type)) found.push((kept = { type, pieces: [stream.slice(data, size)] }));
    else kept = undefined;
  }
  return { found, end: at };
}

/** Reads a record's pieces in order: values that may run from one piece into the next, and strings whose characters take each piece's own width. */
class Pieces {
  private piece = 0;
  private at = 0;
  constructor(private readonly pieces: Uint8Array[]) {}

  private next(): number {
    while (this.piece < this.pieces.length && this.at >= this.pieces[this.piece]!.length) [this.piece, this.at] = [this.piece + 1, 0];
    const bytes = this.pieces[this.piece];
    if (!bytes) throw new CompoundFileError('an Excel workbook damaged: a record cut short');
    return bytes[this.at++]!;
  }

  u8(): number {
    return this.next();
  }

  /** Whether every byte has been read. */
  atEnd(): boolean {
    while (this.piece < this.pieces.length && this.at >= this.pieces[this.piece]!.length) [this.piece, this.at] = [this.piece + 1, 0];
    return this.piece >= this.pieces.length;
  }

  /** A little-endian IEEE double. */
  f64(): number {
    const bytes = new Uint8Array(8).map(() => this.next());
    return new DataView(bytes.buffer).getFloat64(0, true);
  }

  u16(): number {
    return this.next() | (this.next() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(count: number): void {
    for (let i = 0; i < count; i++) this.next();
  }

  /** `count` characters, one byte or two each as `flags` says; a new piece starts with its own flags byte. */
  chars(count: number, flags: number): string {
    let text = '';
    let wide = (flags & 1) !== 0;
    const codes: number[] = [];
    for (let i = 0; i < count; i++) {
      // Characters that go on in the next piece: it starts with their width.
      if (this.piece < this.pieces.length && this.at >= this.pieces[this.piece]!.length) {
        [this.piece, this.at] = [this.piece + 1, 0];
        wide = (this.next() & 1) !== 0;
      }
      codes.push(wide ? this.u16() : this.u8());
      if (codes.length === 4096) (text += String.fromCharCode(...codes), (codes.length = 0));
    }
    return text + String.fromCharCode(...codes);
  }

  /** An XLUnicodeString (a 16-bit count) or ShortXLUnicodeString (an 8-bit one): its flags, then its characters. */
  string(countBytes: 1 | 2): string {
    const count = countBytes === 1 ? this.u8() : this.u16();
    return this.chars(count, this.u8());
  }
}

/** The shared strings: each a count, flags, its runs' and extension's sizes, its characters, then the runs and extension skipped; as many as its data holds, whatever count it gives. */
function sharedStrings(record: BiffRecord): string[] {
  const read = new Pieces(record.pieces);
  read.skip(4);
  const unique = read.u32();
  const strings: string[] = [];
  for (let i = 0; i < unique && !read.atEnd(); i++) {
    const count = read.u16();
    const flags = read.u8();
    const runs = flags & 0x08 ? read.u16() : 0;
    const extension = flags & 0x04 ? read.u32() : 0;
    strings.push(read.chars(count, flags));
    read.skip(runs * 4 + extension);
  }
  return strings;
}

/** A number stored as RK: 30 bits of an integer or of a double's high word, divided by 100 when its lowest bit says so. */
function rkNumber(rk: number): number {
  if (rk & 0x02) return rk & 0x01 ? (rk >> 2) / 100 : rk >> 2;
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(4, rk & 0xfffffffc, true);
  return rk & 0x01 ? view.getFloat64(0, true) / 100 : view.getFloat64(0, true);
}

/** A stored double as the shortest decimal that is the same double: a decimal from here on, shown by its cell's format. */
const decimalOf = (value: number) => (Number.isFinite(value) ? String(value) : '');

/** One sheet's cells and merged ranges, from its records; `format` gives a cell format's number format code. */
function sheetContent(sheet: BiffRecord[], strings: readonly string[], format: (xf: number) => string, budget: { cells: number }): SheetContent {
  const content: SheetContent = { cells: [], merges: [] };
  const spend = (cells: number) => {
    if ((budget.cells -= cells) < 0) throw new CompoundFileError(`an Excel workbook of more than ${MAX_CELLS} cells, more than any report has`);
  };
  const put = (row: number, column: number, text: string) => {
    if (text === '') return;
    spend(1);
    content.cells.push({ row, column, text });
  };
  let pendingFormula: { row: number; column: number } | undefined;
  for (const record of sheet) {
    const read = new Pieces(record.pieces);
    if (record.type === LABELSST) {
      const [row, column] = [read.u16(), read.u16()];
      read.skip(2);
      put(row, column, strings[read.u32()] ?? '');
    } else if (record.type === LABEL) {
      const [row, column] = [read.u16(), read.u16()];
      read.skip(2);
      put(row, column, read.string(2));
    } else if (record.type === NUMBER || record.type === RK) {
      const [row, column, xf] = [read.u16(), read.u16(), read.u16()];
      put(row, column, shownNumber(decimalOf(record.type === RK ? rkNumber(read.u32()) : read.f64()), format(xf)));
    } else if (record.type === MULRK) {
      const [row, first] = [read.u16(), read.u16()];
      const count = (record.pieces.reduce((n, piece) => n + piece.length, 0) - 6) / 6;
      for (let i = 0; i < count; i++) {
        const xf = read.u16();
        put(row, first + i, shownNumber(decimalOf(rkNumber(read.u32())), format(xf)));
      }
    } else if (record.type === FORMULA) {
      const [row, column, xf] = [read.u16(), read.u16(), read.u16()];
      const result = new Pieces([record.pieces[0]!.subarray(6, 14)]);
      const [kind, , value, , , , high, low] = Array.from({ length: 8 }, () => result.u8());
      // A cached result whose last two bytes are 0xFFFF is no number: a string follows in a STRING record, or a boolean, an error, nothing.
      if (high === 0xff && low === 0xff) {
        if (kind === 0) pendingFormula = { row, column };
        else if (kind === 1 || kind === 2) put(row, column, kind === 1 ? (value ? 'TRUE' : 'FALSE') : (ERRORS[value!] ?? '#N/A'));
      } else put(row, column, shownNumber(decimalOf(read.f64()), format(xf)));
    } else if (record.type === BOOLERR) {
      const [row, column] = [read.u16(), read.u16()];
      read.skip(2);
      const [value, isError] = [read.u8(), read.u8()];
      put(row, column, isError ? (ERRORS[value] ?? '#N/A') : value ? 'TRUE' : 'FALSE');
    } else if (record.type === STRING && pendingFormula) {
      put(pendingFormula.row, pendingFormula.column, read.string(2));
      pendingFormula = undefined;
    } else if (record.type === MERGEDCELLS) {
      for (let i = 0, n = read.u16(); i < n; i++) {
        const [rowFirst, rowLast, columnFirst, columnLast] = [read.u16(), read.u16(), read.u16(), read.u16()];
        if (rowLast < rowFirst || columnLast < columnFirst) continue;
        const merge = { row: rowFirst, column: columnFirst, rows: rowLast - rowFirst + 1, columns: columnLast - columnFirst + 1 };
        // A merge costs its area, as the cells it covers would: a flood of them is refused as a flood of cells is.
        spend(Math.min(merge.rows * merge.columns, 3_600));
        content.merges.push(merge);
      }
    }
  }
  return content;
}

/**
 * Reads an Excel 97–2003 workbook from its compound file: its worksheets in
 * the workbook's order, each cut into tables and lines as an .xlsx sheet
 * is, every cell with its address (`Sheet1!C7`); or says why it cannot be
 * read (an encrypted workbook, one of Excel 5 or 95). Damage throws a
 * {@link CompoundFileError}.
 *
 * @example
 * ```ts
 * // type-only: needs the bytes of an .xls file
 * import { openCompoundFile } from './cfb.js';
 * import { readXls } from './xls.js';
 * declare const bytes: Uint8Array;
 * const read = readXls(openCompoundFile(bytes));
 * if ('doc' in read) console.log(read.doc.tables.length, read.places.get(0)); // 3 { address: 'Sheet1!A1' }
 * ```
 */
export function readXls(file: CompoundFile): { doc: HtmlDocument; places: Map<number, OfficePlace> } | { reason: string } {
  const bytes = file.stream('Workbook');
  if (!bytes) return { reason: 'an Excel 5 or 95 workbook (.xls), which is not read: save it as .xlsx' };
  const stream = reader(bytes, 'an Excel workbook');
  const { found: globals, end: globalsEnd } = records(stream, 0, bytes.length, GLOBALS);
  const bof = globals[0]?.type === BOF ? new Pieces(globals[0].pieces) : undefined;
  if (!bof || bof.u16() !== 0x0600) return { reason: 'an Excel workbook older than Excel 97 (.xls), which is not read: save it as .xlsx' };
  if (globals.some((r) => r.type === FILEPASS)) return { reason: 'an encrypted (password-protected) Excel workbook' };
  const codes = new Map(Object.entries(BUILT_IN_FORMATS).map(([id, code]) => [Number(id), code]));
  const formats: number[] = [];
  const sheets: { name: string; at: number }[] = [];
  let strings: string[] = [];
  for (const record of globals) {
    const read = new Pieces(record.pieces);
    if (record.type === FORMAT) codes.set(read.u16(), read.string(2));
    else if (record.type === XF) (read.skip(2), formats.push(read.u16()));
    else if (record.type === SST) strings = sharedStrings(record);
    else if (record.type === BOUNDSHEET && sheets.length < MAX_SHEETS) {
      const at = read.u32();
      read.skip(1);
      // Worksheets only: not charts, macro sheets or Visual Basic modules.
      if (read.u8() === 0) sheets.push({ at, name: read.string(1) });
    }
  }
  const format = (xf: number) => codes.get(formats[xf] ?? 0) ?? '';
  const budget = { cells: MAX_CELLS };
  // A sheet's substream comes after the globals and before the next sheet's, and starts with a worksheet's BOF: damage
  // that points a sheet elsewhere (into the globals, at another sheet) costs that sheet, and no byte is walked twice.
  const starts = [...new Set(sheets.map((sheet) => sheet.at))].filter((at) => at >= globalsEnd && at + 8 <= bytes.length).sort((a, b) => a - b);
  // Each sheet's cells read as it is laid out, so that the cell budget stops a flood before the next sheet is read.
  function* contents() {
    for (const { name, at } of sheets) {
      const index = starts.indexOf(at);
      if (index < 0 || stream.u16(at) !== BOF || stream.u16(at + 6) !== WORKSHEET) continue;
      starts[index] = -1;
      const to = starts.slice(index + 1).find((next) => next > at) ?? stream.bytes.length;
      yield { name, content: sheetContent(records(stream, at, to, CELLS).found, strings, format, budget) };
    }
  }
  return layOutSheets(contents());
}

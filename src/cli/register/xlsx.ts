/**
 * The first sheet of an .xlsx workbook as rows of cell values: the zip read
 * with fflate, the sheet's XML with htmlparser2 in xmlMode. Small, pure
 * JavaScript, and enough for a register kept in Excel: shared and inline
 * strings, numbers (dates are Excel serial numbers, counted from 1900 or,
 * in a workbook that says `date1904`, from 1904), booleans.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';

/** A cell as the sheet holds it. */
export type SheetValue = string | number | boolean;

/** The first sheet's rows, and whether the workbook counts its date serials from 1904 (Excel for Mac's old default). */
export interface SheetRows {
  readonly rows: SheetValue[][];
  readonly date1904: boolean;
}

/** An inflated part larger than this is refused: a register is megabytes, a zip bomb is not. */
const MAX_PART = 1024 * 1024 * 1024;

/** Whether the bytes start like a zip archive (an .xlsx is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Calls `on` for each element, with the text inside the elements named in `text`. */
function walk(xml: string, on: { open?: (name: string, attrs: Record<string, string>) => void; text?: (text: string) => void; close?: (name: string) => void }): void {
  const none = () => {};
  const parser = new Parser({ onopentag: on.open ?? none, ontext: on.text ?? none, onclosetag: on.close ?? none }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
}

/** The path inside the zip of the workbook's first sheet, by workbook.xml and its relationships, and the workbook's date system. */
function firstSheet(files: Record<string, Uint8Array>): { path: string; date1904: boolean } {
  let id: string | undefined;
  let date1904 = false;
  walk(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array()), {
    open: (name, attrs) => {
      if (name === 'sheet' && id === undefined) id = attrs['r:id'];
      else if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
    },
  });
  let target: string | undefined;
  walk(strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array()), {
    open: (name, attrs) => {
      if (name === 'Relationship' && attrs.Id === id) target = attrs.Target;
    },
  });
  if (!target) return { path: 'xl/worksheets/sheet1.xml', date1904 };
  return { path: target.startsWith('/') ? target.slice(1) : `xl/${target}`, date1904 };
}

/** The shared strings: each <si>'s text runs joined, its phonetic runs (<rPh>) left out. */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  walk(xml, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

/** The column index of a cell reference: `B2` → 1. */
function columnOf(ref: string): number {
  let n = 0;
  for (const c of ref) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

/**
 * The rows of the workbook's first sheet, each an array of cell values by
 * column (a hole where a cell is empty), and its date system.
 *
 * @throws Error when the bytes are not a workbook
 */
export function xlsxRows(bytes: Uint8Array): SheetRows {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_PART) throw new Error(`${file.name} inflates to more than ${MAX_PART} bytes`);
        return file.name.startsWith('xl/');
      },
    });
  } catch (error) {
    throw new Error(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const { path, date1904 } = firstSheet(files);
  const sheet = files[path];
  if (!sheet) throw new Error(`not an .xlsx workbook: no ${path}`);
  const strings = files['xl/sharedStrings.xml'] ? sharedStrings(strFromU8(files['xl/sharedStrings.xml'])) : [];

  const rows: SheetValue[][] = [];
  let row: SheetValue[] = [];
  let column = 0;
  let type = 'n';
  let text = '';
  let inValue = false;
  walk(strFromU8(sheet), {
    open: (name, attrs) => {
      if (name === 'row') {
        row = [];
        column = 0;
      } else if (name === 'c') {
        column = attrs.r ? columnOf(attrs.r) : column;
        type = attrs.t ?? 'n';
        text = '';
      } else if (name === 'v' || name === 't') {
        inValue = true;
      }
    },
    text: (chunk) => {
      if (inValue) text += chunk;
    },
    close: (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c') {
        const value = cellValue(type, text, strings);
        if (value !== undefined) row[column] = value;
        column++;
      } else if (name === 'row') rows.push(row);
    },
  });
  return { rows, date1904 };
}

/** A cell's value by its type: shared string, inline or formula string, boolean, or number. */
function cellValue(type: string, text: string, strings: readonly string[]): SheetValue | undefined {
  if (text === '') return undefined;
  switch (type) {
    case 's':
      return strings[Number(text)] ?? '';
    case 'b':
      return text === '1';
    case 'str':
    case 'inlineStr':
    case 'e':
      return text;
    default: {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
  }
}

/**
 * Word and Excel files (.docx, .xlsx, Word 97–2003 .doc, and Office's XML files) read into what the HTML reader gives — tables of
 * cells with their spans, and the text around them as lines — so that the
 * same table mapping reads them. A cell's offset is its place in reading
 * order; where it stands in the file (a sheet's cell address, a table's
 * row and cell) is kept beside it for provenance.
 */
import type { HtmlDocument } from './html.js';
import { documentTitle, isZip, openPackage, PackageError, type PackageKind } from './package.js';
import { CompoundFileError, isCompoundFile, openCompoundFile } from './cfb.js';
import type { SourceCell, SourceLine, SourceTable } from './source.js';
import { isInvisible } from './visible-text.js';
import { normalizeLabel } from './normalize.js';
import { readXlsx } from './xlsx.js';
import { readDocx, readWordXml } from './docx.js';
import { readDoc } from './doc.js';
import { readXls } from './xls.js';
import { decodeText } from './encoding.js';
import { officeXmlKind, openFlatPackage, XML_HEAD } from './office-xml.js';
import { readSpreadsheetXml } from './spreadsheet-xml.js';

/**
 * Where a cell stands in a Word or Excel file: for Excel its address with
 * its sheet (`Sheet1!C7`), for Word the table, the row and the cell, each
 * counted from 1 in the document's order.
 *
 * @example
 * ```ts
 * import type { OfficePlace } from './office.js';
 * const inExcel: OfficePlace = { address: 'Sheet1!C7' };
 * const inWord: OfficePlace = { table: 2, row: 5, cell: 3 };
 * ```
 */
export interface OfficePlace {
  address?: string;
  table?: number;
  row?: number;
  cell?: number;
}

/**
 * A Word or Excel file as the table readers take it, and where each of its
 * cells and lines stands, by offset.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { readOffice } from './office.js';
 * const read = readOffice(renderReport(buildReport({ edition: '2021', year: 2021 }), { to: 'xlsx' }));
 * 'doc' in read && read.doc.tables.length; // 3
 * ```
 */
export interface OfficeDocument {
  /** `wordml` and `spreadsheetml` for Word and Excel 2003 XML; a Flat OPC file is the kind of package it holds. */
  kind: PackageKind | 'doc' | 'xls' | 'wordml' | 'spreadsheetml';
  doc: HtmlDocument;
  places: Map<number, OfficePlace>;
}

/**
 * Collects the cells and lines of a file in reading order: each gets the
 * next offset, its text without the characters that show nothing, and its
 * place.
 *
 * @example
 * ```ts
 * import { OfficeCollector } from './office.js';
 * const collect = new OfficeCollector();
 * collect.cell('  12\u200b3 ', 1, 1, { address: 'Sheet1!B2' }); // { text: '  123 ', label: '123', offset: 0, colspan: 1, rowspan: 1 }
 * ```
 */
export class OfficeCollector {
  readonly places = new Map<number, OfficePlace>();
  readonly lines: SourceLine[] = [];
  private next = 0;

  /** The next offset, for a cell whose text comes later (a Word cell, read to its end). */
  take(): number {
    return this.next++;
  }

  /** A cell of a table, at the next offset or one taken before. */
  cell(text: string, colspan: number, rowspan: number, place: OfficePlace, offset = this.take()): SourceCell {
    const shown = [...text].filter((ch) => !isInvisible(ch)).join('');
    this.places.set(offset, place);
    return { text: shown, label: normalizeLabel(shown), offset, colspan, rowspan };
  }

  /** A line of text outside the tables; a blank one is left out. */
  line(text: string, place: OfficePlace): void {
    const shown = [...text].filter((ch) => !isInvisible(ch)).join('').trim();
    if (shown === '') return;
    const offset = this.take();
    this.places.set(offset, place);
    this.lines.push({ text: shown, offset });
  }
}

/**
 * A cell of a Word table as read, before rows are merged: its grid columns
 * (`span`), and whether it starts (`restart`) or continues (`continue`) a
 * cell merged down rows.
 *
 * @example
 * ```ts
 * import type { WordCell } from './office.js';
 * const cell: WordCell = { text: '总计', span: 2, merge: 'restart', offset: 7, place: { table: 1, row: 3, cell: 1 } };
 * ```
 */
export interface WordCell {
  text: string;
  span: number;
  merge: 'restart' | 'continue' | undefined;
  offset: number;
  place: OfficePlace;
}

/**
 * A Word table as read: its number in the document, and its rows, each with
 * the grid columns it leaves empty before its first cell.
 *
 * @example
 * ```ts
 * import type { WordTable } from './office.js';
 * const table: WordTable = { number: 1, rows: [{ before: 0, cells: [] }] };
 * ```
 */
export interface WordTable {
  number: number;
  rows: { before: number; cells: WordCell[] }[];
}

/**
 * A Word table's cells with their spans, as a browser reads `rowspan`: a
 * continuing cell adds a row to the cell above it, in the grid column it
 * starts at.
 *
 * @example
 * ```ts
 * import { OfficeCollector, wordTable } from './office.js';
 * const collect = new OfficeCollector();
 * const cell = (text: string, merge?: 'restart' | 'continue') => ({ text, span: 1, merge, offset: collect.take(), place: {} });
 * const table = wordTable({ number: 1, rows: [{ before: 0, cells: [cell('件数', 'restart'), cell('1')] }, { before: 0, cells: [cell('', 'continue'), cell('2')] }] }, collect);
 * table.rows.map((row) => row.map((c) => `${c.text}×${c.rowspan}`)); // [['件数×2', '1×1'], ['2×1']]
 * ```
 */
export function wordTable(raw: WordTable, collect: OfficeCollector): SourceTable {
  let above = new Map<number, SourceCell>();
  const rows = raw.rows.map((row, r) => {
    const cells: SourceCell[] = [];
    const here = new Map<number, SourceCell>();
    let column = 0;
    if (row.before > 0) {
      cells.push(collect.cell('', row.before, 1, { table: raw.number, row: r + 1 }));
      column = row.before;
    }
    for (const cell of row.cells) {
      const owner = cell.merge === 'continue' ? above.get(column) : undefined;
      if (owner && owner.colspan === cell.span) {
        owner.rowspan++;
        here.set(column, owner);
      } else {
        const source = collect.cell(cell.text, cell.span, 1, cell.place, cell.offset);
        cells.push(source);
        here.set(column, source);
      }
      column += cell.span;
    }
    above = here;
    return cells;
  });
  return { rows, offset: rows.flat()[0]?.offset ?? raw.rows[0]?.cells[0]?.offset ?? 0 };
}

// Office's XML files are told from their first kilobytes (see ./office-xml.ts), in UTF-16 when a byte-order mark says so.
const xmlHead = (bytes: Uint8Array) => {
  const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(label).decode(bytes.subarray(0, XML_HEAD * (label === 'utf-8' ? 1 : 2)));
};

/**
 * Whether the bytes start like a file {@link readOffice} reads: a zip
 * (.docx, .xlsx), a compound file (.doc; an .xls is told apart inside), or
 * one of Office's XML files (Flat OPC, Word 2003 XML, Excel 2003 XML).
 *
 * @example
 * ```ts
 * import { isOfficeFile } from './office.js';
 * isOfficeFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])); // true
 * isOfficeFile(new TextEncoder().encode('<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">')); // true
 * isOfficeFile(new TextEncoder().encode('<html>')); // false
 * ```
 */
export function isOfficeFile(bytes: Uint8Array): boolean {
  return isZip(bytes) || isCompoundFile(bytes) || officeXmlKind(xmlHead(bytes)) !== undefined;
}

/**
 * Reads the bytes of an .xlsx, .docx or .doc file (told from its signature,
 * and a zip's content types) or of one of Office's XML files, or says why it cannot.
 *
 * @example
 * ```ts
 * import { readOffice } from './office.js';
 * readOffice(new Uint8Array([0x50, 0x4b, 3, 4])); // { reason: 'a zip archive that cannot be read: …' }
 * ```
 */
export function readOffice(bytes: Uint8Array): OfficeDocument | { reason: string } {
  if (isCompoundFile(bytes)) {
    try {
      const file = openCompoundFile(bytes);
      const workbook = file.has('Workbook') || file.has('Book');
      const read = workbook ? readXls(file) : readDoc(file);
      return 'reason' in read ? read : { kind: workbook ? 'xls' : 'doc', ...read };
    } catch (error) {
      if (error instanceof CompoundFileError) return { reason: `a Word or Excel 97–2003 or other compound file (OLE2) that cannot be read: ${error.message}` };
      throw error;
    }
  }
  const xml = isZip(bytes) ? undefined : officeXmlKind(xmlHead(bytes));
  if (xml === 'wordml') return { kind: 'wordml', ...readWordXml(decodeText(bytes)) };
  if (xml === 'spreadsheetml') return { kind: 'spreadsheetml', ...readSpreadsheetXml(decodeText(bytes)) };
  const opened = xml === 'flat' ? openFlatPackage(decodeText(bytes)) : openPackage(bytes);
  if ('reason' in opened) return opened;
  try {
    const { doc, places } = opened.kind === 'xlsx' ? readXlsx(opened) : readDocx(opened);
    return { kind: opened.kind, doc: { ...doc, title: documentTitle(opened) }, places };
  } catch (error) {
    if (error instanceof PackageError) return { reason: `a zip archive that cannot be read: ${error.message}` };
    throw error;
  }
}

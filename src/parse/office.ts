/**
 * Word and Excel files read into what the HTML reader gives — tables of
 * cells with their spans, and the text around them as lines — so that the
 * same table mapping reads them. A cell's offset is its place in reading
 * order; where it stands in the file (a sheet's cell address, a table's
 * row and cell) is kept beside it for provenance.
 */
import type { HtmlDocument } from './html.js';
import { documentTitle, openPackage, PackageError, type PackageKind } from './package.js';
import type { SourceCell, SourceLine } from './source.js';
import { isInvisible } from './visible-text.js';
import { normalizeLabel } from './normalize.js';
import { readXlsx } from './xlsx.js';
import { readDocx } from './docx.js';

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
  kind: PackageKind;
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
 * Reads the bytes of an .xlsx or .docx file (told from its zip signature and
 * content types), or says why it cannot.
 *
 * @example
 * ```ts
 * import { readOffice } from './office.js';
 * readOffice(new Uint8Array([0x50, 0x4b, 3, 4])); // { reason: 'a zip archive that cannot be read: …' }
 * ```
 */
export function readOffice(bytes: Uint8Array): OfficeDocument | { reason: string } {
  const opened = openPackage(bytes);
  if ('reason' in opened) return opened;
  try {
    const { doc, places } = opened.kind === 'xlsx' ? readXlsx(opened) : readDocx(opened);
    return { kind: opened.kind, doc: { ...doc, title: documentTitle(opened) }, places };
  } catch (error) {
    if (error instanceof PackageError) return { reason: `a zip archive that cannot be read: ${error.message}` };
    throw error;
  }
}

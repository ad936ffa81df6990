/**
 * PDF files as agencies publish them: the text of every page, with its
 * position, rebuilt into lines from the coordinates of the text items (not
 * from the order they are stored in), and, where the tables are drawn with
 * ruling lines, the tables rebuilt as tables (see `pdf-grid.ts`). pdf.js
 * (the Mozilla PDF reader, `pdfjs-dist`) extracts the items and the drawing;
 * it is loaded only when a PDF comes.
 */
import type { HtmlDocument } from './html.js';
import { pdfTables, type PdfItem, type PdfPage } from './pdf-grid.js';
import { rulingsOf } from './pdf-rulings.js';
import type { SourceLine } from './source.js';
import { isInvisible } from './visible-text.js';

/** Where a line starts on its page, in PDF units from the bottom left. */
export interface PdfPosition {
  page: number;
  x: number;
  y: number;
}

export interface PdfText {
  /** The lines of every page, top to bottom, their offsets into `text`. */
  lines: SourceLine[];
  /** The position of each text item, by the offset where it starts in `lines`; a blank table cell's, by an offset past their end. */
  positions: Map<number, PdfPosition>;
  /** The tables drawn with ruling lines, and the lines outside them; absent when no page draws one. */
  ruled?: HtmlDocument;
  /** Pages with no text at all (scans, images). */
  emptyPages: number;
  pages: number;
}

// Items whose baselines differ by less than this sit on one line.
const SAME_LINE = 3;
// Pages read between two clean-ups of pdf.js's caches.
const CLEANUP_EVERY = 20;

/**
 * pdf.js, an optional peer dependency: only a reader of PDFs needs it, and
 * it is loaded only when a PDF comes. Missing, it is said in one line.
 */
async function loadPdfJs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch {
    throw new Error('reading a PDF needs the optional package pdfjs-dist 4: npm install pdfjs-dist@4');
  }
}

/**
 * The text of a PDF, as lines rebuilt from the items' coordinates (a gap
 * wider than a character is a cell break), and its ruled tables. Page by
 * page, each page's resources freed before the next: memory holds the file
 * and its text, not its pages.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument, OPS } = await loadPdfJs();
  // A copy, as a plain Uint8Array (pdf.js refuses a Node Buffer, and detaches what it is given).
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const lines: SourceLine[] = [];
  const positions = new Map<number, PdfPosition>();
  const pages: PdfPage[] = [];
  let offset = 0;
  let emptyPages = 0;
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items: Omit<PdfItem, 'offset'>[] = content.items
        .filter((item) => 'str' in item && item.str.trim() !== '')
        .map((item) => {
          const { str, transform, width, height } = item as { str: string; transform: number[]; width: number; height: number };
          // Characters that show nothing are left out here, so that offsets into the text need no mapping.
          return { str: [...str].filter((ch) => !isInvisible(ch)).join(''), x: transform[4]!, y: transform[5]!, width, height: height || Math.abs(transform[3]!) };
        })
        .filter((item) => item.str.trim() !== '')
        .sort((a, b) => b.y - a.y || a.x - b.x);
      if (items.length === 0) emptyPages++;
      const rows: Omit<PdfItem, 'offset'>[][] = [];
      for (const item of items) {
        const row = rows.at(-1);
        if (row && Math.abs(row[0]!.y - item.y) < SAME_LINE) row.push(item);
        else rows.push([item]);
      }
      const pageLines: PdfPage['lines'] = [];
      for (const row of rows) {
        row.sort((a, b) => a.x - b.x);
        let text = '';
        const placed: PdfItem[] = [];
        row.forEach((item, i) => {
          const previous = row[i - 1];
          const gap = previous ? item.x - (previous.x + previous.width) : 0;
          if (previous && gap > Math.max(previous.height, item.height) * 0.9) text += '\t';
          positions.set(offset + text.length, { page: number, x: Math.round(item.x), y: Math.round(item.y) });
          placed.push({ ...item, offset: offset + text.length });
          text += item.str;
        });
        const line = { text, offset };
        lines.push(line);
        pageLines.push({ line, items: placed });
        offset += text.length + 1;
      }
      const operators = await page.getOperatorList();
      pages.push({ number, lines: pageLines, rulings: rulingsOf(operators.fnArray, operators.argsArray, OPS) });
      page.cleanup();
      // pdf.js keeps every font and shared object it has parsed until told: a long file is let go of every few pages.
      if (number % CLEANUP_EVERY === 0) await doc.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const tables = pdfTables(pages, offset);
  if (tables) for (const [at, position] of tables.blanks) positions.set(at, position);
  return { lines, positions, ...(tables && { ruled: tables.doc }), emptyPages, pages: doc.numPages };
}

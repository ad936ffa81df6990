/**
 * PDF files as agencies publish them: the text of every page, with its
 * position, rebuilt into lines from the coordinates of the text items (not
 * from the order they are stored in), then read as plain text. pdf.js (the
 * Mozilla PDF reader, `pdfjs-dist`) extracts the items; it is loaded only
 * when a PDF comes.
 */
import type { SourceLine } from './source.js';

/** Where a line starts on its page, in PDF units from the bottom left. */
export interface PdfPosition {
  page: number;
  x: number;
  y: number;
}

export interface PdfText {
  /** The lines of every page, top to bottom, their offsets into `text`. */
  lines: SourceLine[];
  /** The position of each text item, by the offset where it starts in `lines`. */
  positions: Map<number, PdfPosition>;
  /** Pages with no text at all (scans, images). */
  emptyPages: number;
  pages: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

// Items whose baselines differ by less than this sit on one line.
const SAME_LINE = 3;

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

/** The text of a PDF, as lines rebuilt from the items' coordinates; a gap wider than a character is a cell break. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await loadPdfJs();
  // A copy, as a plain Uint8Array (pdf.js refuses a Node Buffer, and detaches what it is given).
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const lines: SourceLine[] = [];
  const positions = new Map<number, PdfPosition>();
  let offset = 0;
  let emptyPages = 0;
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items: Item[] = content.items
        .filter((item) => 'str' in item && item.str.trim() !== '')
        .map((item) => {
          const { str, transform, width, height } = item as { str: string; transform: number[]; width: number; height: number };
          return { str, x: transform[4]!, y: transform[5]!, width, height: height || Math.abs(transform[3]!) };
        })
        .sort((a, b) => b.y - a.y || a.x - b.x);
      if (items.length === 0) emptyPages++;
      const rows: Item[][] = [];
      for (const item of items) {
        const row = rows.at(-1);
        if (row && Math.abs(row[0]!.y - item.y) < SAME_LINE) row.push(item);
        else rows.push([item]);
      }
      for (const row of rows) {
        row.sort((a, b) => a.x - b.x);
        let text = '';
        row.forEach((item, i) => {
          const previous = row[i - 1];
          const gap = previous ? item.x - (previous.x + previous.width) : 0;
          if (previous && gap > Math.max(previous.height, item.height) * 0.9) text += '\t';
          positions.set(offset + text.length, { page: number, x: Math.round(item.x), y: Math.round(item.y) });
          text += item.str;
        });
        lines.push({ text, offset });
        offset += text.length + 1;
      }
    }
  } finally {
    await doc.destroy();
  }
  return { lines, positions, emptyPages, pages: doc.numPages };
}

/**
 * What the Excel and Word writers share: XML text, the package's zip and
 * its relationship parts, and column widths that fit a table's labels.
 * The parts are written by hand: the documents are small and fixed in
 * shape, and a spreadsheet or word-processing library would weigh more
 * than the rest of the package.
 */
import { strToU8, zipSync } from 'fflate';
import type { TableGrid } from './grid.js';

/**
 * Text for XML content and attribute values: escaped, and without the
 * control characters XML 1.0 cannot hold (a document with one would not
 * open).
 *
 * @example
 * ```ts
 * import { xmlText } from './ooxml.js';
 * xmlText('A & "B"\u0001'); // 'A &amp; &quot;B&quot;'
 * ```
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/** The XML declaration every part starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** One relationship of a part: its type (the last word of the official type URI) and target. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/**
 * A relationships part (`_rels/.rels`, `…/_rels/….rels`).
 *
 * @example
 * ```ts
 * import { relationshipsXml } from './ooxml.js';
 * relationshipsXml([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]).includes('Target="word/document.xml"'); // true
 * ```
 */
export function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map(
    (r) => `<Relationship Id="${r.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${r.type}" Target="${xmlText(r.target)}"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${RELATIONSHIPS}">${items.join('')}</Relationships>`;
}

/**
 * `[Content_Types].xml`: the XML and relationship parts by extension, each
 * other part by name with its content type.
 *
 * @example
 * ```ts
 * import { contentTypesXml } from './ooxml.js';
 * contentTypesXml({ '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' }).includes('spreadsheetml'); // true
 * ```
 */
export function contentTypesXml(overrides: Readonly<Record<string, string>>): string {
  const parts = Object.entries(overrides).map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`);
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${parts.join('')}</Types>`
  );
}

// A fixed time stamp, so that one report always gives the same bytes.
const MTIME = new Date(Date.UTC(2000, 0, 1));

/**
 * The parts zipped into a package, `[Content_Types].xml` first as the
 * format asks.
 *
 * @example
 * ```ts
 * import { zipPackage } from './ooxml.js';
 * [...zipPackage({ '[Content_Types].xml': '<Types/>' }).subarray(0, 4)]; // [80, 75, 3, 4]: PK\x03\x04
 * ```
 */
export function zipPackage(parts: Readonly<Record<string, string>>): Uint8Array {
  const files = Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)]));
  return zipSync(files, { level: 6, mtime: MTIME });
}

/** How wide a text prints, in the width of a digit: a Chinese character is two. */
function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

// Narrowest and widest column, in digit widths; a longer label wraps.
const MIN_WIDTH = 6;
const MAX_WIDTH = 36;

/**
 * The width of each column of a table, in digit widths: the widest text of
 * a cell alone in its column, then as much more as a spanning cell needs,
 * given to the last column it spans; a label wider than 36 wraps.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { tableGrids } from 'gov-disclosure-report/render';
 * import { columnWidths } from './ooxml.js';
 * columnWidths(tableGrids(buildReport({ edition: '2021', year: 2021 }))[0]!); // [ 16, 14, 14, 14 ]
 * ```
 */
export function columnWidths(grid: TableGrid): number[] {
  const widths = Array<number>(grid.width).fill(MIN_WIDTH);
  const placed = gridPlaces(grid);
  const need = (text: string) => Math.min(MAX_WIDTH, printedWidth(text) + 2);
  for (const { cell, column } of placed) if (cell.colspan === 1) widths[column] = Math.max(widths[column]!, need(cell.text));
  for (const { cell, column } of placed) {
    if (cell.colspan === 1) continue;
    const span = widths.slice(column, column + cell.colspan);
    const short = need(cell.text) - span.reduce((a, b) => a + b, 0);
    if (short > 0) widths[column + cell.colspan - 1]! += short;
  }
  return widths;
}

/**
 * Each cell of a grid with the row and column it starts at, the spans of
 * the rows above laid out (as a browser lays out `rowspan`).
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { tableGrids } from 'gov-disclosure-report/render';
 * import { gridPlaces } from './ooxml.js';
 * const [, applications] = tableGrids(buildReport({ edition: '2021', year: 2021 }));
 * gridPlaces(applications!).find((p) => p.cell.text === '自然人'); // { cell: …, row: 1, column: 3 }
 * ```
 */
export function gridPlaces(grid: TableGrid): { cell: TableGrid['rows'][number][number]; row: number; column: number }[] {
  const taken = grid.rows.map(() => Array<boolean>(grid.width).fill(false));
  return grid.rows.flatMap((cells, row) => {
    let column = 0;
    return cells.map((cell) => {
      while (taken[row]![column]) column++;
      for (let r = row; r < Math.min(row + cell.rowspan, grid.rows.length); r++) taken[r]!.fill(true, column, column + cell.colspan);
      const place = { cell, row, column };
      column += cell.colspan;
      return place;
    });
  });
}

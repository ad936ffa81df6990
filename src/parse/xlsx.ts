/**
 * Excel workbooks (.xlsx): every sheet's cells as they show — shared and
 * inline strings, numbers in their cell's number format (`0.0000` shows
 * four decimals), a formula's cached result — with its merged cells as
 * spans. A sheet is cut into tables at its blank rows; a lone cell over a
 * table (the title, a heading) is a line of text.
 */
import { Wan, type WanDecimal } from '../money/decimal.js';
import type { HtmlDocument } from './html.js';
import { classify } from './html-tables.js';
import { normalizeLabel } from './normalize.js';
import { OfficeCollector, type OfficePlace } from './office.js';
import { walkXml, type OfficePackage } from './package.js';
import type { SourceCell, SourceTable } from './source.js';

const MAIN = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
const RELATIONSHIPS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

/** The local name of an element of the spreadsheet namespace (strict or transitional), else undefined. */
const local = (name: string): string | undefined => {
  const uri = MAIN.find((u) => name.startsWith(`{${u}}`));
  return uri === undefined ? undefined : name.slice(uri.length + 2);
};
const relId = (attributes: ReadonlyMap<string, string>) => RELATIONSHIPS.map((u) => attributes.get(`{${u}}id`)).find((id) => id !== undefined);

// No table of the form is wider or longer than this; a larger merge is read as a single cell.
const MAX_SPAN = 60;
// A stretch of a sheet larger than this is not a table of the form: it is not laid out.
const MAX_SLOTS = 20_000;
// Merged cells a sheet's merges cover, all told: no report's come near it; a merge past it is read as the one cell it starts at
// (a flood of merges in a small file would otherwise cost 3,600 slots each).
const MAX_MERGED = 20_000;
/**
 * The most sheets of a workbook read: no report has more.
 *
 * @example
 * ```ts
 * import { MAX_SHEETS } from './xlsx.js';
 * MAX_SHEETS; // 64
 * ```
 */
export const MAX_SHEETS = 64;

/** A part's relationships: id → target path inside the package. */
function relationships(pkg: OfficePackage, source: string): Map<string, { type: string; target: string }> {
  const slash = source.lastIndexOf('/');
  const folder = source.slice(0, slash + 1);
  const rels = new Map<string, { type: string; target: string }>();
  walkXml(pkg.part(`${folder}_rels/${source.slice(slash + 1)}.rels`) ?? '', {
    open(name, attributes) {
      if (!name.endsWith('}Relationship') || attributes.get('TargetMode') === 'External') return;
      rels.set(attributes.get('Id') ?? '', { type: attributes.get('Type') ?? '', target: resolvePath(folder, attributes.get('Target') ?? '') });
    },
  });
  return rels;
}

/** A relationship's target as a path inside the package. */
function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const path: string[] = [];
  for (const part of parts) {
    if (part === '..') path.pop();
    else if (part !== '.' && part !== '') path.push(part);
  }
  return path.join('/');
}

/** The shared strings: the text of each `<si>`, its phonetic runs (`rPh`) left out. */
function sharedStrings(xml: string): string[] {
  const items: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name) {
      const n = local(name);
      if (n === 'si') current = '';
      else if (n === 'rPh') phonetic++;
      else if (n === 't') inText = true;
    },
    text(text) {
      if (inText && phonetic === 0 && current !== undefined) current += text;
    },
    close(name) {
      const n = local(name);
      if (n === 'si' && current !== undefined) [items[items.length], current] = [current, undefined];
      else if (n === 'rPh') phonetic--;
      else if (n === 't') inText = false;
    },
  });
  return items;
}

/**
 * The built-in number formats that fix the decimals, by their id (ECMA-376
 * §18.8.30, as in an .xls): 2 is 0.00, 4 is #,##0.00, 10 is 0.00%.
 *
 * @example
 * ```ts
 * import { BUILT_IN_FORMATS } from './xlsx.js';
 * BUILT_IN_FORMATS['2']; // '0.00'
 * ```
 */
export const BUILT_IN_FORMATS: Readonly<Record<string, string>> = {
  '1': '0', '2': '0.00', '3': '#,##0', '4': '#,##0.00', '9': '0%', '10': '0.00%',
  '37': '#,##0 ;(#,##0)', '38': '#,##0 ;[Red](#,##0)', '39': '#,##0.00;(#,##0.00)', '40': '#,##0.00;[Red](#,##0.00)',
};

/** Each cell style's number format code, by style index. */
function numberFormats(xml: string | undefined): string[] {
  const codes = new Map(Object.entries(BUILT_IN_FORMATS));
  const formats: string[] = [];
  let inCellXfs = false;
  walkXml(xml ?? '', {
    open(name, attributes) {
      const n = local(name);
      if (n === 'numFmt') codes.set(attributes.get('numFmtId') ?? '', attributes.get('formatCode') ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) formats.push(codes.get(attributes.get('numFmtId') ?? '0') ?? '');
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/**
 * A number as its format shows it, for the formats that fix the decimals
 * (`0`, `0.0000`, `#,##0.00`, a percentage `0.00%`, with quoted text before
 * or after: `0.0000"万元"`; what only pads, colours or names a locale —
 * `_)`, `[Red]`, `[$-804]` — changes nothing shown), rounded half-up from
 * the stored value at Excel's 15 significant digits; any other format shows
 * that value.
 *
 * @example
 * ```ts
 * import { shownNumber } from './xlsx.js';
 * shownNumber('4166.21465', '0.0000'); // '4166.2147'
 * shownNumber('4166.21465', '#,##0.0000_);[Red]\\(#,##0.0000\\)'); // '4,166.2147'
 * shownNumber('0.0013499999999999999', '0.0000'); // '0.0014': 0.00135 at 15 digits
 * shownNumber('0.1234', '0.00%'); // '12.34%'
 * shownNumber('1234567', '#,##0'); // '1,234,567'
 * shownNumber('0.30000000000000004', 'General'); // '0.3'
 * ```
 */
export function shownNumber(value: string, code: string): string {
  // Written as a spreadsheet writes a number (an exponent of three digits at most): else shown as stored, not a figure.
  if (!/^-?\d{1,30}(?:\.\d{1,30})?(?:E[-+]?\d{1,2})?$/i.test(value)) return value;
  const stored: WanDecimal = new Wan(value);
  // A spreadsheet keeps 15 significant digits of a number: 0.0013499999999999999 is 0.00135.
  const number = stored.isZero() ? stored : stored.toSignificantDigits(15);
  const section = code.split(';')[0]!.replace(/_.|\[[^\]]*\]/g, '').replace(/\\(.)/g, '"$1"').trim();
  const fixed = /^(?:"([^"]*)")?(#,##)?0(?:\.(0+))?(%)?(?:"([^"]*)")?$/.exec(section);
  if (fixed) {
    const digits = (fixed[4] ? number.times(100) : number).toFixed(fixed[3]?.length ?? 0);
    const grouped = fixed[2] ? digits.replace(/^(-?\d+)/, (whole: string) => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : digits;
    return `${fixed[1] ?? ''}${grouped}${fixed[4] ?? ''}${fixed[5] ?? ''}`;
  }
  // A fraction stored with more digits than a spreadsheet keeps (0.30000000000000004) shows as 0.3.
  return stored.isInteger() || stored.sd() <= 15 ? value : number.toFixed();
}

/**
 * A sheet's cells as they show (zero-based row and column, by row then
 * column) and its merged ranges, as the layout into tables takes them.
 *
 * @example
 * ```ts
 * import type { SheetContent } from './xlsx.js';
 * const sheet: SheetContent = { cells: [{ row: 0, column: 0, text: '行政复议' }], merges: [{ row: 0, column: 0, rows: 1, columns: 5 }] };
 * ```
 */
export interface SheetContent {
  cells: { row: number; column: number; text: string }[];
  merges: { row: number; column: number; rows: number; columns: number }[];
}

/** The cells and merges of a sheet, cells by row then column. */
function sheetCells(xml: string, shared: readonly string[], formats: readonly string[]): SheetContent {
  const { cells, merges }: SheetContent = { cells: [], merges: [] };
  let row = -1;
  let column = -1;
  let cell: { type: string; style: number; value?: string; formula?: string; inline?: string } | undefined;
  let into: 'value' | 'formula' | 'inline' | undefined;
  let phonetic = 0;
  walkXml(xml, {
    open(name, attributes) {
      const n = local(name);
      if (n === 'row') {
        const r = Number(attributes.get('r'));
        row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
        column = -1;
      } else if (n === 'c') {
        const at = addressOf(attributes.get('r') ?? '');
        column = at ? at.column : column + 1;
        if (at) row = at.row;
        cell = { type: attributes.get('t') ?? 'n', style: Number(attributes.get('s') ?? 0) };
      } else if (cell && n === 'v') [into, cell.value] = ['value', ''];
      else if (cell && n === 'f') [into, cell.formula] = ['formula', ''];
      else if (cell && n === 'is') cell.inline = '';
      else if (cell && n === 't' && cell.inline !== undefined) into = 'inline';
      else if (n === 'rPh') phonetic++;
      else if (n === 'mergeCell') {
        const [from, to] = (attributes.get('ref') ?? '').split(':').map(addressOf);
        if (from && to && to.row >= from.row && to.column >= from.column) {
          merges.push({ row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 });
        }
      }
    },
    text(text) {
      if (!cell || !into || phonetic > 0) return;
      if (into === 'value') cell.value += text;
      else if (into === 'formula') cell.formula += text;
      else cell.inline += text;
    },
    close(name) {
      const n = local(name);
      if (n === 'v' || n === 'f' || n === 't') into = undefined;
      else if (n === 'rPh') phonetic--;
      else if (n === 'c' && cell) {
        const text = cellText(cell, shared, formats);
        if (text !== '') cells.push({ row, column, text });
        cell = undefined;
      }
    },
  });
  return { cells, merges };
}

/** What a cell shows: its string, its number in its format, or a formula without a result as `=formula` (not a figure). */
function cellText(cell: { type: string; style: number; value?: string; formula?: string; inline?: string }, shared: readonly string[], formats: readonly string[]): string {
  const value = cell.value?.trim();
  if (cell.type === 'inlineStr') return cell.inline ?? '';
  if (value === undefined || value === '') return cell.formula ? `=${cell.formula}` : '';
  if (cell.type === 's') return shared[Number(value)] ?? '';
  if (cell.type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  if (cell.type === 'n') return shownNumber(value, formats[cell.style] ?? '');
  return cell.value ?? '';
}

/** A1-style address to zero-based row and column. */
function addressOf(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!match) return undefined;
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** A zero-based column's letters. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A sheet's name as a reference writes it: quoted when it is not a plain word. */
const sheetRef = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`);

/**
 * Lays a workbook's sheets out, in order, each into tables cut at its blank
 * rows; the lone cells over each table become lines; every cell with its
 * address (`Sheet1!C7`). The same for an .xlsx, an .xls and Excel 2003 XML,
 * whichever read the sheets' cells.
 *
 * @example
 * ```ts
 * import { layOutSheets } from './xlsx.js';
 * const { doc, places } = layOutSheets([
 *   { name: 'Sheet1', content: { cells: [{ row: 0, column: 0, text: '某局年度报告' }, { row: 2, column: 0, text: '信息内容' }, { row: 2, column: 1, text: '本年制发件数' }], merges: [] } },
 * ]);
 * [doc.lines[0]!.text, doc.tables[0]!.rows[0]!.length, places.get(doc.tables[0]!.rows[0]![1]!.offset)]; // ['某局年度报告', 2, { address: 'Sheet1!B3' }]
 * ```
 */
export function layOutSheets(sheets: Iterable<{ name: string; content: SheetContent }>): { doc: HtmlDocument; places: Map<number, OfficePlace> } {
  const collect = new OfficeCollector();
  const tables: SourceTable[] = [];
  for (const { name, content } of sheets) layOutSheet(name, content, collect, tables);
  return { doc: { title: '', tables, lines: collect.lines }, places: collect.places };
}

/** One sheet into tables and lines (see {@link layOutSheets}). */
function layOutSheet(name: string, { cells, merges }: SheetContent, collect: OfficeCollector, tables: SourceTable[]): void {
  const byRow = new Map<number, Map<number, string>>();
  for (const cell of cells) {
    const row = byRow.get(cell.row) ?? new Map<number, string>();
    row.set(cell.column, cell.text);
    byRow.set(cell.row, row);
  }
  const origins = new Map<string, { rows: number; columns: number }>();
  const covered = new Set<string>();
  // A row a merge reaches into is not blank, though it holds no cell.
  const reached = new Set<number>();
  let merged = 0;
  for (const merge of merges) {
    if (merge.rows > MAX_SPAN || merge.columns > MAX_SPAN || (merged += merge.rows * merge.columns) > MAX_MERGED) continue;
    origins.set(`${merge.row},${merge.column}`, merge);
    for (let r = merge.row; r < merge.row + merge.rows; r++) {
      if (byRow.has(merge.row)) reached.add(r);
      for (let c = merge.column; c < merge.column + merge.columns; c++) if (r !== merge.row || c !== merge.column) covered.add(`${r},${c}`);
    }
  }
  const filled = [...new Set([...byRow.keys(), ...reached])].sort((a, b) => a - b);
  const place = (row: number, column: number): OfficePlace => ({ address: `${sheetRef(name)}!${columnName(column)}${row + 1}` });
  let start = 0;
  while (start < filled.length) {
    let end = start;
    while (end + 1 < filled.length && filled[end + 1] === filled[end]! + 1) end++;
    const rows = filled.slice(start, end + 1);
    start = end + 1;
    let first = Infinity;
    let last = -Infinity;
    for (const r of rows) {
      for (const c of byRow.get(r)?.keys() ?? []) {
        first = Math.min(first, c);
        last = Math.max(last, c + (origins.get(`${r},${c}`)?.columns ?? 1) - 1);
      }
    }
    if (first > last || rows.length * (last - first + 1) > MAX_SLOTS) continue;
    const table: SourceTable = { rows: [], offset: -1 };
    for (const r of rows) {
      const line = byRow.get(r);
      const lone = line?.size === 1 && table.rows.length === 0 ? [...line][0]! : undefined;
      // A lone cell above a table (or alone) is a title or heading, unless it opens table 二 (第二十条第（一）项).
      if (lone && (rows.length === 1 || (r !== rows.at(-1) && !startsTable(lone[1])))) {
        collect.line(lone[1], place(r, lone[0]));
        continue;
      }
      const cellsOfRow: SourceCell[] = [];
      for (let c = first; c <= last; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const span = origins.get(`${r},${c}`);
        cellsOfRow.push(collect.cell(line?.get(c) ?? '', span?.columns ?? 1, span?.rows ?? 1, place(r, c)));
      }
      table.rows.push(cellsOfRow);
    }
    if (table.rows.length === 0) continue;
    table.offset = table.rows.flat()[0]?.offset ?? 0;
    tables.push(table);
  }
}

/** Whether a lone cell's text is the first row of a table of the form. */
function startsTable(text: string): boolean {
  return classify({ rows: [[{ text, label: normalizeLabel(text), offset: 0, colspan: 1, rowspan: 1 }]], offset: 0 }) !== undefined;
}

/**
 * Reads an opened workbook: the sheets in the workbook's order, each cut
 * into tables and lines, every cell with its address (`Sheet1!C7`).
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { openPackage, type OfficePackage } from './package.js';
 * import { readXlsx } from './xlsx.js';
 * const workbook = openPackage(renderReport(buildReport({ edition: '2021', year: 2021, agency: '某局' }), { to: 'xlsx' })) as OfficePackage;
 * readXlsx(workbook).doc.lines[0]!.text; // '某局2021年政府信息公开工作年度报告'
 * ```
 */
export function readXlsx(pkg: OfficePackage): { doc: HtmlDocument; places: Map<number, OfficePlace> } {
  const main = [...relationships(pkg, '_rels/.rels').values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const rels = relationships(pkg, main);
  const partOf = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const sharedXml = pkg.part(partOf('sharedStrings', `${folder}sharedStrings.xml`));
  const shared = sharedXml === undefined ? [] : sharedStrings(sharedXml);
  const formats = numberFormats(pkg.part(partOf('styles', `${folder}styles.xml`)));
  const sheets: { name: string; target: string }[] = [];
  walkXml(pkg.part(main) ?? '', {
    open(name, attributes) {
      const target = local(name) === 'sheet' ? rels.get(relId(attributes) ?? '')?.target : undefined;
      if (target && sheets.length < MAX_SHEETS) sheets.push({ name: attributes.get('name') ?? '', target });
    },
  });
  return layOutSheets(sheets.map(({ name, target }) => ({ name, content: sheetCells(pkg.part(target) ?? '', shared, formats) })));
}

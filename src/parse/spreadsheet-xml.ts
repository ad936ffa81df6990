/**
 * Excel 2003 XML workbooks (SpreadsheetML 2003, `<Workbook>`), which
 * systems export and publish as .xls or .xml (Excel opens them as
 * workbooks): each worksheet's rows and cells (`ss:Index` skips to a row or
 * column, `ss:MergeAcross` and `ss:MergeDown` merge), numbers in their
 * style's number format, laid out into tables as an .xlsx sheet is.
 */
import type { HtmlDocument } from './html.js';
import type { OfficePlace } from './office.js';
import { walkXml } from './package.js';
import { layOutSheets, MAX_SHEETS, shownNumber, type SheetContent } from './xlsx.js';

const SPREADSHEET = 'urn:schemas-microsoft-com:office:spreadsheet';
const local = (name: string) => (name.startsWith(`{${SPREADSHEET}}`) ? name.slice(SPREADSHEET.length + 2) : undefined);
const attribute = (attributes: ReadonlyMap<string, string>, name: string) => attributes.get(`{${SPREADSHEET}}${name}`);
// Excel's named number formats, by the codes they stand for.
const NAMED: Readonly<Record<string, string>> = { Fixed: '0.00', Standard: '#,##0.00', '0': '0' };
// Further than this a row or column index is damage: no sheet of a report is that large.
const MAX_INDEX = 100_000;

/** A 1-based `ss:Index`, or the one after `previous` (zero-based) when there is none or it cannot be read. */
const indexOf = (value: string | undefined, previous: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n - 1 > previous && n <= MAX_INDEX ? n - 1 : previous + 1;
};
const spanOf = (value: string | undefined) => {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n > 0 && n <= MAX_INDEX ? n : 0;
};

/**
 * Reads an Excel 2003 XML workbook: its worksheets in order, each cut into
 * tables and lines as {@link layOutSheets} cuts them, every cell with its
 * address (`Sheet1!C7`).
 *
 * @example
 * ```ts
 * import { readSpreadsheetXml } from './spreadsheet-xml.js';
 * const ss = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"';
 * const { doc } = readSpreadsheetXml(`<Workbook ${ss}><Worksheet ss:Name="表二"><Table><Row><Cell ss:MergeAcross="1"><Data ss:Type="String">信息内容</Data></Cell>` +
 *   '<Cell><Data ss:Type="String">现行有效件数</Data></Cell></Row><Row><Cell><Data ss:Type="String">规章</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">31</Data></Cell></Row></Table></Worksheet></Workbook>');
 * doc.tables[0]!.rows.map((row) => row.map((cell) => `${cell.text}:${cell.colspan}`)); // [['信息内容:2', '现行有效件数:1'], ['规章:1', ':1', '31:1']]
 * ```
 */
export function readSpreadsheetXml(xml: string): { doc: HtmlDocument; places: Map<number, OfficePlace> } {
  const formats = new Map<string, string>();
  const sheets: { name: string; content: SheetContent }[] = [];
  let style: string | undefined;
  let sheet: SheetContent | undefined;
  let [row, column] = [-1, -1];
  let cell: { column: number; style: string; type: string; text: string } | undefined;
  let inData = 0;
  walkXml(xml, {
    open(name, attributes) {
      const n = local(name);
      if (n === 'Style') style = attribute(attributes, 'ID');
      else if (n === 'NumberFormat' && style !== undefined) {
        const format = attribute(attributes, 'Format') ?? '';
        formats.set(style, NAMED[format] ?? format);
      } else if (n === 'Worksheet') {
        sheet = undefined;
        if (sheets.length < MAX_SHEETS) sheets.push({ name: attribute(attributes, 'Name') ?? '', content: (sheet = { cells: [], merges: [] }) });
        row = -1;
      } else if (n === 'Row' && sheet) {
        row = indexOf(attribute(attributes, 'Index'), row);
        column = -1;
      } else if (n === 'Cell' && sheet && row >= 0) {
        column = indexOf(attribute(attributes, 'Index'), column);
        const [across, down] = [spanOf(attribute(attributes, 'MergeAcross')), spanOf(attribute(attributes, 'MergeDown'))];
        if (across > 0 || down > 0) sheet.merges.push({ row, column, rows: down + 1, columns: across + 1 });
        cell = { column, style: attribute(attributes, 'StyleID') ?? '', type: '', text: '' };
        // A merged cell covers the columns after it: the next cell without an index comes after them.
        column += across;
      } else if (n === 'Data' && cell) {
        inData++;
        cell.type = attribute(attributes, 'Type') ?? '';
      }
    },
    text(text) {
      // Rich text (a <Font> or <B> inside the data) is text of the cell too.
      if (cell && inData > 0) cell.text += text;
    },
    close(name) {
      const n = local(name);
      if (n === 'Style') style = undefined;
      else if (n === 'Data') inData = Math.max(0, inData - 1);
      else if (n === 'Cell' && cell && sheet) {
        const text = cell.type === 'Number' ? shownNumber(cell.text.trim(), formats.get(cell.style) ?? '') : cell.text;
        if (text !== '') sheet.cells.push({ row, column: cell.column, text });
        cell = undefined;
      }
    },
  });
  return layOutSheets(sheets);
}

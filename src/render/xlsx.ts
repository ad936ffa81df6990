/**
 * A report's tables as an Excel workbook (.xlsx): a sheet per table in the
 * official layout, merged cells where the form spans, counts as numbers,
 * amounts as numbers shown with four decimals, columns as wide as their
 * labels. The title heads the first sheet, each table's heading its own.
 */
import { layoutOf } from '../format/layout.js';
import { CELL_UNITS } from '../format/units.js';
import type { Report } from '../model/types.js';
import type { GridCell, TableGrid } from './grid.js';
import { columnWidths, contentTypesXml, gridPlaces, relationshipsXml, xmlText, XML_HEAD, zipPackage } from './ooxml.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

// The cell styles of styles.xml, by index.
const STYLE = { label: 1, count: 2, amount: 3, amountInUnit: 4, title: 5, heading: 6, text: 7 } as const;

// Counts 0, amounts 0.0000 (the form's four decimals), and 0.0000"万元" for an amount whose header names no unit.
const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0000"/><numFmt numFmtId="165" formatCode="0.0000&quot;${CELL_UNITS.money}&quot;"/></numFmts>` +
  '<fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="12"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A column's letters: 0 is A, 26 is AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const ref = (row: number, column: number) => `${columnName(column)}${row + 1}`;

// A spreadsheet keeps 15 significant digits: a figure with more is written as text, so no program rounds it.
const fitsDouble = (digits: string) => digits.replace(/^[-0.]+/, '').replace('.', '').length <= 15;

// An amount as the grid prints it: its figure, with the unit when the header prints none.
const AMOUNT = new RegExp(`^(\\d+(?:\\.\\d+)?)(${CELL_UNITS.money})?$`);

/** A cell of the sheet: text as an inline string, a figure as a number where it is one. */
function cellXml(at: string, cell: GridCell | undefined, kind: string | undefined): string {
  if (!cell) return `<c r="${at}" s="${STYLE.label}"/>`;
  const text = cell.text;
  if (!cell.header && text !== '') {
    const amount = kind === 'money' ? AMOUNT.exec(text) : undefined;
    if (amount && fitsDouble(amount[1]!)) return `<c r="${at}" s="${amount[2] ? STYLE.amountInUnit : STYLE.amount}"><v>${amount[1]}</v></c>`;
    if (kind !== 'money' && /^-?\d+$/.test(text) && fitsDouble(text)) return `<c r="${at}" s="${STYLE.count}"><v>${text}</v></c>`;
  }
  const style = cell.header ? STYLE.label : STYLE.text;
  return text === '' ? `<c r="${at}" s="${style}"/>` : `<c r="${at}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

/** A line of text above a table: the title (merged across the table) or a heading. */
function lineXml(row: number, text: string, style: number, height?: number): string {
  const ht = height ? ` ht="${height}" customHeight="1"` : '';
  return `<row r="${row + 1}"${ht}><c r="${ref(row, 0)}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c></row>`;
}

/** One sheet: the title (first sheet only), the table's heading, a blank row, then the table. */
function sheetXml(grid: TableGrid, title: string | undefined, kindOf: (pointer: string) => string | undefined): string {
  const rows: string[] = [];
  const merges: string[] = [];
  if (title !== undefined) {
    rows.push(lineXml(0, title, STYLE.title, 30));
    if (grid.width > 1) merges.push(`${ref(0, 0)}:${ref(0, grid.width - 1)}`);
  }
  const headingRow = title === undefined ? 0 : 2;
  rows.push(lineXml(headingRow, grid.heading, STYLE.heading));
  const top = headingRow + 2;
  // Every slot of the table gets a cell, those a merge covers too, so that their borders print.
  const slots = grid.rows.map(() => Array<{ cell?: GridCell; start: boolean }>(grid.width).fill({ start: false }));
  for (const { cell, row, column } of gridPlaces(grid)) {
    for (let r = row; r < row + cell.rowspan && r < grid.rows.length; r++) {
      for (let c = column; c < column + cell.colspan; c++) slots[r]![c] = { cell, start: r === row && c === column };
    }
    if (cell.colspan > 1 || cell.rowspan > 1) merges.push(`${ref(top + row, column)}:${ref(top + row + cell.rowspan - 1, column + cell.colspan - 1)}`);
  }
  slots.forEach((line, r) => {
    const cells = line.map((slot, c) => cellXml(ref(top + r, c), slot.start ? slot.cell : undefined, slot.cell?.pointer && kindOf(slot.cell.pointer)));
    rows.push(`<row r="${top + r + 1}">${cells.join('')}</row>`);
  });
  const cols = columnWidths(grid).map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`);
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="A1:${ref(top + grid.rows.length - 1, grid.width - 1)}"/>` +
    `<cols>${cols.join('')}</cols><sheetData>${rows.join('')}</sheetData>` +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>'
  );
}

/**
 * The workbook of a report's tables: a sheet per table, named by its
 * heading (二、主动公开政府信息情况 …), as the bytes of an .xlsx file.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport, tableGrids } from 'gov-disclosure-report/render';
 * import { reportXlsx } from './xlsx.js';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '汴东产业集聚区' });
 * const bytes = reportXlsx(report, tableGrids(report), '汴东产业集聚区2021年政府信息公开工作年度报告');
 * bytes.length > 0; // true
 * ```
 */
export function reportXlsx(report: Report, grids: readonly TableGrid[], title: string): Uint8Array {
  const { cellAt } = layoutOf(report.edition);
  const kindOf = (pointer: string) => cellAt.get(pointer)?.kind;
  const parts: Record<string, string> = {
    '[Content_Types].xml': contentTypesXml({
      '/xl/workbook.xml': `${TYPE}.sheet.main+xml`,
      '/xl/styles.xml': `${TYPE}.styles+xml`,
      ...Object.fromEntries(grids.map((_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, `${TYPE}.worksheet+xml`])),
    }),
    '_rels/.rels': relationshipsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]),
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      grids.map((grid, i) => `<sheet name="${xmlText(sheetName(grid.heading))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels': relationshipsXml([
      ...grids.map((_, i) => ({ id: `rId${i + 1}`, type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` })),
      { id: `rId${grids.length + 1}`, type: 'styles', target: 'styles.xml' },
    ]),
    'xl/styles.xml': STYLES_XML,
  };
  grids.forEach((grid, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(grid, i === 0 ? title : undefined, kindOf);
  });
  return zipPackage(parts);
}

/** A sheet's name: at most 31 characters, none of those Excel refuses (: \ / ? * [ ]). */
const sheetName = (label: string) => label.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

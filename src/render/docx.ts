/**
 * A report as the Word document (.docx) agencies publish: the title, the
 * six sections in order — 一、总体情况, the three tables under their
 * headings, 五 and 六 — with the narrative a paragraph a line, and the
 * tables in the official layout, merged cells by `w:gridSpan` and
 * `w:vMerge`.
 */
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import type { Report } from '../model/types.js';
import type { GridCell, TableGrid } from './grid.js';
import { columnWidths, contentTypesXml, gridPlaces, relationshipsXml, xmlText, XML_HEAD, zipPackage } from './ooxml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

// A4 portrait, 2 cm margins left and right: the width a table has, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, side: 1134, top: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;

// The fonts of published reports: 仿宋 for the text, 黑体 for headings, 宋体 in the tables; sizes in half-points.
const STYLES_XML =
  `${XML_HEAD}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>` +
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/>' +
  '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>';

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;

/** A paragraph of the text: the first line indented two characters. */
const bodyParagraph = (text: string) => `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${run(text)}</w:p>`;

const titleParagraph = (text: string) =>
  `<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr>${run(text, '<w:rFonts w:eastAsia="宋体"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/>')}</w:p>`;

const headingParagraph = (text: string) =>
  `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${run(text, '<w:rFonts w:eastAsia="黑体"/>')}</w:p>`;

const TABLE_RUN = '<w:rFonts w:eastAsia="宋体"/><w:sz w:val="18"/><w:szCs w:val="18"/>';

/** One cell: its width and spans, its text centred in a paragraph (a cell must hold one, even empty). */
function cellXml(cell: GridCell, width: number, merge: 'restart' | 'continue' | undefined): string {
  const span = cell.colspan > 1 ? `<w:gridSpan w:val="${cell.colspan}"/>` : '';
  const vMerge = merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '';
  const text = merge === 'continue' || cell.text === '' ? '' : run(cell.text, TABLE_RUN);
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${vMerge}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>${text}</w:p></w:tc>`
  );
}

/** A table: the grid's columns scaled to the text width; a cell spanning rows is continued below by `w:vMerge`. */
function tableXml(grid: TableGrid): string {
  const chars = columnWidths(grid);
  const total = chars.reduce((a, b) => a + b, 0);
  const twips = chars.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const widthOf = (column: number, span: number) => twips.slice(column, column + span).reduce((a, b) => a + b, 0);
  // Each row's cells by the column they start at; a cell spanning rows also stands in the rows below, continued.
  const rows = grid.rows.map(() => new Map<number, { cell: GridCell; merge: 'restart' | 'continue' | undefined }>());
  for (const { cell, row, column } of gridPlaces(grid)) {
    rows[row]!.set(column, { cell, merge: cell.rowspan > 1 ? 'restart' : undefined });
    for (let r = row + 1; r < Math.min(row + cell.rowspan, grid.rows.length); r++) rows[r]!.set(column, { cell, merge: 'continue' });
  }
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`);
  const trs = rows.map((cells, r) => {
    const header = r < grid.headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
    const tcs = [...cells].sort(([a], [b]) => a - b).map(([column, { cell, merge }]) => cellXml(cell, widthOf(column, cell.colspan), merge));
    return `<w:tr>${header}${tcs.join('')}</w:tr>`;
  });
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders.join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid>${twips.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${trs.join('')}</w:tbl>`
  );
}

/** The date a report is signed with, as printed: 2023年1月20日. */
function signedOn(date: string | undefined): string | undefined {
  const match = date === undefined ? undefined : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : undefined;
}

/**
 * The Word document of a report, as the bytes of a .docx file: the title,
 * sections 一 to 六 (the narrative, the tables) and, when the report has
 * one, the date it was published on.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { tableGrids } from 'gov-disclosure-report/render';
 * import { reportDocx } from './docx.js';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '汴东产业集聚区', narrative: { overview: '本年度…' } });
 * const bytes = reportDocx(report, tableGrids(report), '汴东产业集聚区2021年政府信息公开工作年度报告');
 * bytes.length > 0; // true
 * ```
 */
export function reportDocx(report: Report, grids: readonly TableGrid[], title: string): Uint8Array {
  const narrative = (key: string) => (report.narrative as Record<string, string | undefined> | undefined)?.[key] ?? '';
  const section = (meta: (typeof NARRATIVE_SECTIONS)[number]) => [
    headingParagraph(meta.label),
    ...narrative(meta.key).split('\n').filter((line) => line.trim() !== '').map(bodyParagraph),
  ];
  const [overview, ...closing] = NARRATIVE_SECTIONS;
  const date = signedOn(report.publishedOn);
  const body = [
    titleParagraph(title),
    ...section(overview),
    ...grids.flatMap((grid) => [headingParagraph(grid.heading), tableXml(grid)]),
    ...closing.flatMap(section),
    ...(date ? [`<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${run(date)}</w:p>`] : []),
  ];
  const sectPr =
    `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.side}" w:bottom="${PAGE.top}" w:left="${PAGE.side}" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`;
  return zipPackage({
    '[Content_Types].xml': contentTypesXml({ '/word/document.xml': `${TYPE}.document.main+xml`, '/word/styles.xml': `${TYPE}.styles+xml` }),
    '_rels/.rels': relationshipsXml([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]),
    'word/_rels/document.xml.rels': relationshipsXml([{ id: 'rId1', type: 'styles', target: 'styles.xml' }]),
    'word/document.xml': `${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${body.join('')}${sectPr}</w:body></w:document>`,
    'word/styles.xml': STYLES_XML,
  });
}

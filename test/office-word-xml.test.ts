/**
 * Word's XML files (a Word 2003 XML document, a Word 2007 "XML document" in
 * Flat OPC), which systems fill in from a template and publish as .doc or
 * .xml: read as the .docx they hold the same document as.
 */
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../src/index.js';
import { parseReport, type ParseResult } from '../src/parse.js';
import { readOffice } from '../src/parse/office.js';
import { renderReport } from '../src/render.js';
import { getPath } from './fixtures/arbitrary.js';
import { lines, numberHeadings, NUMBERING, withNumbering } from './fixtures/numbered-docx.js';
import { busyReport2021 } from './fixtures/reports.js';
import { flatOpc, word2003 } from './fixtures/word-xml.js';

const places = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, { raw, table, row, cell }]) => [pointer, { raw, table, row, cell }]));
const cells = (report: unknown) => layoutOf('2021').cells.map((cell) => getPath(report, cell.path));
const W2003 = 'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"';
const encode = (text: string) => new TextEncoder().encode(text);

describe('a report with numbered headings and merged cells, as Word saves it in XML', () => {
  const report = busyReport2021();
  report.narrative = { overview: '本年度，本机关收到政府信息公开申请 17 件。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
  const docx = withNumbering(renderReport(report, { to: 'docx' }), NUMBERING, numberHeadings);

  it.each([
    ['Word 2003 XML', 'wordml', () => word2003(docx)],
    ['Flat OPC', 'docx', () => flatOpc(docx)],
  ])('%s: every cell at the same table, row and cell, the headings numbered, the narrative read, as from the .docx', async (_, kind, write) => {
    const xml = write();
    if (kind === 'wordml') for (const element of ['<w:vmerge', '<w:listPr>', '<w:ilfo ', '<w:listDef ', '<w:nfc w:val="37"/>']) expect(xml).toContain(element);
    const read = readOffice(encode(xml));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.kind).toBe(kind);
    expect(lines(encode(xml))).toEqual(lines(docx));
    expect(lines(docx)).toContain('一、总体情况');
    const [fromXml, fromDocx] = [await parseReport(encode(xml)), await parseReport(docx)];
    expect(cells(fromXml.report)).toEqual(cells(report));
    expect(fromXml.report).toEqual(fromDocx.report);
    expect(places(fromXml)).toEqual(places(fromDocx));
    expect(fromXml.findings).toEqual(fromDocx.findings);
    // With a byte-order mark, as some systems write it.
    expect((await parseReport(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(xml)]))).report).toEqual(fromDocx.report);
  });
});

describe('Word 2003 XML: only the body is text', () => {
  it('the paragraph properties of styles and list levels are no paragraphs; a heading numbered by its style and its base; a table cell merged down', () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?><w:wordDocument ${W2003}>` +
      '<w:lists><w:listDef w:listDefId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/><w:lvlText w:val="%1、"/><w:pPr><w:ind w:left="0"/></w:pPr><w:suff w:val="Nothing"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:nfc w:val="37"/><w:lvlText w:val="（%2）"/><w:suff w:val="Nothing"/></w:lvl></w:listDef><w:list w:ilfo="5"><w:ilst w:val="3"/></w:list></w:lists>' +
      '<w:styles><w:style w:type="paragraph" w:styleId="1"><w:pPr><w:listPr><w:ilfo w:val="5"/></w:listPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="1"/><w:pPr><w:listPr><w:ilvl w:val="1"/></w:listPr></w:pPr></w:style></w:styles>' +
      '<w:body><wx:sect><w:p><w:pPr><w:pStyle w:val="1"/><w:listPr><wx:t wx:val="一、"/></w:listPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>主动公开</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:tcPr><w:vmerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>行政复议</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></wx:sect></w:body></w:wordDocument>';
    const read = readOffice(encode(xml));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.lines.map((line) => line.text).filter(Boolean)).toEqual(['一、总体情况', '（一）主动公开']);
    expect(read.doc.tables[0]!.rows.map((row) => row.map((cell) => `${cell.label}:${cell.rowspan}`))).toEqual([['行政复议:2', '1:1'], ['2:1']]);
  });
});

describe('what is not one of Word\'s XML files, or one that cannot be read', () => {
  it('an XHTML page, and XML of another kind, are read as pages and text, not as Word files', async () => {
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>某局2023年政府信息公开工作年度报告</p></body></html>`;
    const other = '<?xml version="1.0"?><w:wordDocument xmlns:w="urn:not-word"><w:body/></w:wordDocument>';
    for (const text of [xhtml, other]) {
      expect(readOffice(encode(text))).toMatchObject({ reason: expect.any(String) });
      const result = await parseReport(encode(text));
      expect(result.findings.map((f) => f.code)).not.toContain('parse.unsupportedInput');
    }
  });

  it('a Flat OPC package that holds no Word document or workbook: one parse.unsupportedInput finding', async () => {
    const flat = '<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/a.xml" pkg:contentType="application/xml"><pkg:xmlData><a/></pkg:xmlData></pkg:part></pkg:package>';
    const result = await parseReport(encode(flat));
    expect(result.findings.map((f) => `${f.code} ${f.message}`)).toEqual([expect.stringMatching(/^parse\.unsupportedInput .*neither a workbook nor a Word document/)]);
  });

  it('a Word 2003 XML document cut short reads what it holds', async () => {
    const docx = renderReport(busyReport2021(), { to: 'docx' });
    const xml = word2003(docx);
    const read = readOffice(encode(xml.slice(0, xml.indexOf('<w:tbl>') + 2000)));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.lines.map((line) => line.text)).toContain('一、总体情况');
  });
});

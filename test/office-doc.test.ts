import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compare, type Json } from '../scripts/corpus-compare.js';
import { layoutOf, type Report, type Report2019 } from '../src/index.js';
import { parseReport, type ParseResult } from '../src/parse.js';
import { readOffice } from '../src/parse/office.js';
import { renderReport } from '../src/render.js';
import { getPath } from './fixtures/arbitrary.js';
import { ROOT } from './fixtures/cli.js';
import { busyReport2021, readExample } from './fixtures/reports.js';
import { convert, NO_SOFFICE, SOFFICE } from './fixtures/soffice.js';
import { word97, word97Report } from './fixtures/word97.js';

const CORPUS = join(ROOT, 'test/corpus/');
const cellValues = (report: unknown, edition: '2021' | '2019') => layoutOf(edition).cells.map((cell) => ({ pointer: cell.pointer, value: getPath(report, cell.path) }));
const raws = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, p]) => [pointer, p.raw]));
const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);
const wordPlaces = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, { table, row, cell }]) => [pointer, { table, row, cell }]));

describe('the corpus pages saved as .doc by LibreOffice (test/corpus/doc/)', () => {
  const ids = readdirSync(join(CORPUS, 'doc')).filter((f) => f.endsWith('.doc')).map((f) => f.slice(0, -4));
  it('has the six pages of html/', () => {
    expect(ids).toEqual(readdirSync(join(CORPUS, 'html')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)));
  });

  it.each(ids)('%s: every table cell read exactly as from the HTML page, with the same findings, each figure at its Word place', async (id) => {
    // Bytes only, no file name: the compound-file signature tells what they are.
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'doc', `${id}.doc`)));
    expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const fromWord = await parseReport(bytes.buffer);
    const fromHtml = await parseReport(readFileSync(join(CORPUS, 'html', `${id}.html`), 'utf8'));
    const { match, differ, missing } = compare(JSON.parse(readFileSync(join(CORPUS, 'html/truth', `${id}.json`), 'utf8')) as Json, fromWord.report);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
    expect(match).toBeGreaterThanOrEqual(201);
    expect(raws(fromWord)).toEqual(raws(fromHtml));
    expect(codes(fromWord)).toEqual(codes(fromHtml));
    expect(fromWord.report?.narrative).toEqual(fromHtml.report?.narrative);
    expect(fromWord.report).toMatchObject({ year: fromHtml.report?.year, agency: fromHtml.report?.agency });
    for (const [pointer, place] of Object.entries(wordPlaces(fromWord))) expect(place, pointer).toEqual({ table: expect.any(Number), row: expect.any(Number), cell: expect.any(Number) });
  });

  it('P001: a figure at its table, row and cell; the cells merged across and down as the page merges them', async () => {
    const bytes = readFileSync(join(CORPUS, 'doc/P001.doc'));
    const result = await parseReport(bytes);
    expect(result.provenance['/applications/received/total']).toMatchObject({ raw: '6', table: 2, row: 4, cell: 8 });
    expect(result.provenance['/reviewAndLitigation/litigationAfterReview/total']).toMatchObject({ raw: '0', table: 3, row: 4, cell: 15 });
    const read = readOffice(new Uint8Array(bytes));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.kind).toBe('doc');
    const [review] = read.doc.tables.slice(-1);
    expect(review!.rows.map((row) => row.map((c) => `${c.label}:${c.colspan}x${c.rowspan}`))).toEqual([
      ['行政复议:5x1', '行政诉讼:10x1'],
      ['结果维持:1x2', '结果纠正:1x2', '其他结果:1x2', '尚未审结:1x2', '总计:1x2', '未经复议直接起诉:5x1', '复议后起诉:5x1'],
      [...Array(2)].flatMap(() => ['结果维持:1x1', '结果纠正:1x1', '其他结果:1x1', '尚未审结:1x1', '总计:1x1']),
      Array(15).fill('0:1x1'),
    ]);
  });
});

describe('Word 97 documents written by the tests', () => {
  it('a report: every cell, at the same table, row and cell as in its .docx', async () => {
    const report = busyReport2021();
    const fromDoc = await parseReport(word97Report(report));
    expect(cellValues(fromDoc.report, '2021')).toEqual(cellValues(report, '2021'));
    expect(fromDoc.findings).toEqual([]);
    expect(wordPlaces(fromDoc)).toEqual(wordPlaces(await parseReport(renderReport(report, { to: 'docx' }))));
  });

  it('a field shows its result, not its code; a tab and a line break in a cell are spaces, a line break outside one ends a line', () => {
    const bytes = word97([
      '\u0013 HYPERLINK "http://example.org" \u0014某局\u00152023年报告',
      '第一行\u000b第二行',
      { rows: [{ edges: [0, 100, 200], cells: ['甲\t乙', '1\u000b2'] }] },
    ]);
    const read = readOffice(bytes);
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.lines.map((l) => l.text)).toEqual(['某局2023年报告', '第一行', '第二行']);
    expect(read.doc.tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['甲 乙 ', '1 2 ']);
  });
});

describe.skipIf(!SOFFICE)(`LibreOffice's .doc of the library's own .docx${SOFFICE ? '' : ` (skipped: ${NO_SOFFICE})`}`, () => {
  it('both editions: every figure read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-doc-'));
    const reports: Record<string, Report> = { 'report-2021': busyReport2021(), 'report-2019': readExample<Report2019>('shanghai-2019.json') };
    for (const [name, report] of Object.entries(reports)) writeFileSync(join(dir, `${name}.docx`), renderReport(report, { to: 'docx' }));
    const files = convert(Object.keys(reports).map((name) => join(dir, `${name}.docx`)), 'doc:MS Word 97');
    for (const [name, report] of Object.entries(reports)) {
      const result = await parseReport(readFileSync(files.find((file) => file.endsWith(`${name}.doc`))!));
      const fromDocx = await parseReport(renderReport(report, { to: 'docx' }));
      expect(cellValues(result.report, report.edition), name).toEqual(cellValues(fromDocx.report, report.edition));
      expect(wordPlaces(result), name).toEqual(wordPlaces(fromDocx));
    }
  });

  it('hidden text (a note to whoever fills the form in), in a paragraph and in a cell, is left out of the .doc and the .docx LibreOffice writes', () => {
    const fodt =
      '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">' +
      '<office:automatic-styles><style:style style:name="H" style:family="text"><style:text-properties text:display="none"/></style:style></office:automatic-styles><office:body><office:text>' +
      '<text:p>收到申请<text:span text:style-name="H">（填写说明：如95件）</text:span>17件</text:p>' +
      '<table:table><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>12<text:span text:style-name="H">（含转办3件）</text:span></text:p></table:table-cell>' +
      '<table:table-cell><text:p>3</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document>';
    const dir = mkdtempSync(join(tmpdir(), 'gdr-doc-'));
    writeFileSync(join(dir, 'hidden.fodt'), fodt);
    writeFileSync(join(dir, 'hidden2.fodt'), fodt);
    const [doc] = convert(join(dir, 'hidden.fodt'), 'doc:MS Word 97');
    const [docx] = convert(join(dir, 'hidden2.fodt'), 'docx:MS Word 2007 XML');
    expect(Buffer.from(readFileSync(doc!)).includes(Buffer.from('填写说明', 'utf16le'))).toBe(true);
    for (const file of [doc!, docx!]) {
      const read = readOffice(new Uint8Array(readFileSync(file)));
      if ('reason' in read) throw new Error(read.reason);
      expect(read.doc.lines.map((line) => line.text).filter(Boolean), file).toEqual(['收到申请17件']);
      expect(read.doc.tables[0]!.rows[0]!.map((cell) => cell.text.trim()), file).toEqual(['12', '3']);
    }
  }, 120_000);

  it('tracked changes: every figure and a phrase of the narrative (with a tab) deleted and typed again, read as accepted, as from the .docx', async () => {
    const report = busyReport2021();
    report.narrative = { overview: '本年度，本机关收到政府信息公开申请 17 件。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
    const change = (kind: 'del' | 'ins', id: number, runs: string) => `<w:${kind} w:id="${id}" w:author="审核" w:date="2024-01-01T00:00:00Z">${runs}</w:${kind}>`;
    let id = 100;
    const files = unzipSync(renderReport(report, { to: 'docx' }));
    const xml = strFromU8(files['word/document.xml']!)
      // Each figure: the one before deleted ("9" in front of it), the figure inserted.
      .replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)<w:t xml:space="preserve">([0-9][0-9.]*)<\/w:t><\/w:r>/g, (_, rPr: string, figure: string) =>
        change('del', id++, `<w:r>${rPr}<w:delText>9${figure}</w:delText></w:r>`) + change('ins', id++, `<w:r>${rPr}<w:t>${figure}</w:t></w:r>`))
      .replace('申请 17 件。</w:t></w:r>', `申请 </w:t></w:r>${change('del', id++, '<w:r><w:delText>95 件，</w:delText></w:r><w:r><w:tab/></w:r><w:r><w:delText>其中</w:delText></w:r>')}<w:r><w:t xml:space="preserve">17 件。</w:t></w:r>`);
    expect(id).toBeGreaterThan(300);
    files['word/document.xml'] = strToU8(xml);
    const dir = mkdtempSync(join(tmpdir(), 'gdr-doc-'));
    writeFileSync(join(dir, 'revised.docx'), zipSync(files));
    const [doc] = convert(join(dir, 'revised.docx'), 'doc:MS Word 97');
    const bytes = new Uint8Array(readFileSync(doc!));
    // LibreOffice kept the changes tracked, the deleted text in the file.
    expect(Buffer.from(bytes).includes(Buffer.from('95 件，\t其中', 'utf16le'))).toBe(true);
    const [fromDoc, fromDocx] = [await parseReport(bytes), await parseReport(zipSync(files))];
    expect(cellValues(fromDoc.report, '2021')).toEqual(cellValues(report, '2021'));
    expect(cellValues(fromDocx.report, '2021')).toEqual(cellValues(report, '2021'));
    expect(fromDoc.report?.narrative).toEqual(report.narrative);
    expect(fromDocx.report?.narrative).toEqual(report.narrative);
  }, 120_000);
});

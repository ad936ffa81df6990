import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compare, type Json } from '../scripts/corpus-compare.js';
import { layoutOf, NARRATIVE_SECTIONS, type Report, type Report2019 } from '../src/index.js';
import { readOffice } from '../src/parse/office.js';
import { parseReport, type ParseResult } from '../src/parse.js';
import { renderReport, tableGrids } from '../src/render.js';
import { getPath, reportArbitrary } from './fixtures/arbitrary.js';
import { cli, ROOT } from './fixtures/cli.js';
import { busyReport2021, readExample } from './fixtures/reports.js';
import { convert, NO_SOFFICE, SOFFICE } from './fixtures/soffice.js';

const cellValues = (report: unknown, edition: '2021' | '2019') => layoutOf(edition).cells.map((cell) => ({ pointer: cell.pointer, value: getPath(report, cell.path) }));
const docx = (report: Report) => renderReport(report, { to: 'docx' });
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
const withNarrative = () => {
  const report = busyReport2021();
  report.narrative = { overview: '本年度，本机关坚持以公开为常态。\n全年主动公开政府信息 1571 条。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
  return report;
};
const shanghai = () => readExample<Report2019>('shanghai-2019.json');
const raws = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, p]) => [pointer, p.raw]));
const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);

describe('renderReport to docx', () => {
  it('is the publishable report: the title, sections 一 to 六 in order with the narrative, the tables, the date', () => {
    const xml = documentXml(docx(withNarrative()));
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const order = ['某市司法局2022年政府信息公开工作年度报告', '一、总体情况', '本年度，本机关坚持以公开为常态。', '全年主动公开政府信息 1571 条。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '公开内容还不够全面。', '六、其他需要报告的事项', '本年度未收取信息处理费。', '2023年1月20日'];
    expect(order.map((text) => texts.indexOf(text))).toEqual([...order.map((text) => texts.indexOf(text))].sort((a, b) => a - b));
    expect(order.every((text) => texts.includes(text))).toBe(true);
    expect(NARRATIVE_SECTIONS.every((s) => texts.includes(s.label))).toBe(true);
  });

  it('merges cells by w:gridSpan and w:vMerge as the grid spans them; header rows repeat on a new page', () => {
    const report = busyReport2021();
    const xml = documentXml(docx(report));
    const cells = tableGrids(report).flatMap((g) => g.rows.flat());
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    // A cell spanning columns and rows spans its columns in every row it continues in.
    expect(xml.match(/<w:gridSpan /g)).toHaveLength(cells.reduce((n, c) => n + (c.colspan > 1 ? c.rowspan : 0), 0));
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(cells.filter((c) => c.rowspan > 1).length);
    expect(xml.match(/<w:vMerge\/>/g)).toHaveLength(cells.reduce((n, c) => n + c.rowspan - 1, 0));
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(tableGrids(report).reduce((n, g) => n + g.headerRows, 0));
  });
});

describe('parseReport reads the docx back', () => {
  it('every cell, the year, the agency and the narrative', async () => {
    const report = withNarrative();
    const result = await parseReport(docx(report));
    expect(cellValues(result.report, '2021')).toEqual(cellValues(report, '2021'));
    expect(result.report).toMatchObject({ year: 2022, agency: '某市司法局', narrative: report.narrative });
    expect(result.findings).toEqual([]);
  });

  it('2019: every cell as from the HTML (上海 leaves its 总计 blank: derived alike)', async () => {
    const report = shanghai();
    const result = await parseReport(docx(report));
    expect(result.edition).toBe('2019');
    expect(cellValues(result.report, '2019')).toEqual(cellValues((await parseReport(renderReport(report, { to: 'html' }))).report, '2019'));
  });

  it('gives each figure its table, row and cell', async () => {
    const result = await parseReport(docx(busyReport2021()));
    expect(result.provenance['/proactive/fees/amount']).toMatchObject({ raw: '12.5000', table: 1, row: 14, cell: 2 });
    expect(result.provenance['/applications/received/naturalPerson']).toMatchObject({ raw: '40', table: 2, row: 4, cell: 2 });
    expect(Object.keys(result.provenance)).toHaveLength(layoutOf('2021').cells.length);
  });

  it.each(['2021', '2019'] as const)('edition %s: generated reports read back exactly (fast-check)', async (edition) => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary(edition), async (report) => {
        expect(cellValues((await parseReport(docx(report))).report, edition)).toEqual(cellValues(report, edition));
      }),
      { numRuns: 25 },
    );
  });

  it('a row starting past the first grid column (w:gridBefore), and the fallback of alternate content read once', async () => {
    const w = (body: string) =>
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`;
    const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const body =
      '<w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t></w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>' +
      '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc('行政复议', '<w:gridSpan w:val="5"/>') + tc('行政诉讼', '<w:gridSpan w:val="10"/>') + '</w:tr>' +
      '<w:tr><w:tc><w:p/></w:tc>' + labels.map((l) => tc(l, '<w:vMerge w:val="restart"/>')).join('') + tc('未经复议直接起诉', '<w:gridSpan w:val="5"/>') + tc('复议后起诉', '<w:gridSpan w:val="5"/>') + '</w:tr>' +
      '<w:tr><w:tc><w:p/></w:tc>' + labels.map(() => tc('', '<w:vMerge/>')).join('') + [...labels, ...labels].map((l) => tc(l)).join('') + '</w:tr>' +
      '<w:tr>' + tc('件数') + ['4', '1', '0', '0', '5', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'].map((v) => tc(v)).join('') + '</w:tr></w:tbl>';
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const bytes = zipSync({ '[Content_Types].xml': strToU8(types), 'word/document.xml': strToU8(w(body)) });
    const result = await parseReport(bytes);
    expect(result.report).toMatchObject({ year: 2023, agency: '某局' });
    expect(result.report?.reviewAndLitigation).toMatchObject({ administrativeReview: { upheld: 4, corrected: 1, total: 5 }, litigationWithoutReview: { upheld: 1, total: 1 } });
    expect(result.provenance['/reviewAndLitigation/administrativeReview/upheld']).toMatchObject({ raw: '4', table: 1, row: 4, cell: 2 });
  });

  it('text as Word shows it: a tab stop is no tab; text deleted or moved away with the change tracked, its tabs and breaks too, is left out', () => {
    const w = (body: string) => `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const del = (runs: string) => `<w:del w:id="1" w:author="a">${runs}</w:del>`;
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:del w:id="9" w:author="a"/></w:rPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>' +
      `<w:p><w:r><w:t xml:space="preserve">收到申请 </w:t></w:r>${del('<w:r><w:delText>95</w:delText><w:tab/><w:br/></w:r>')}<w:ins w:id="2" w:author="a"><w:r><w:t>17</w:t></w:r></w:ins>` +
      '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t><w:tab/></w:r></w:moveFrom><w:r><w:t>件</w:t><w:tab/><w:t>完</w:t></w:r></w:p>' +
      `<w:tbl><w:tr><w:tc><w:p>${del('<w:r><w:delText>1520</w:delText><w:tab/></w:r>')}<w:r><w:t>1620</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const read = readOffice(zipSync({ '[Content_Types].xml': strToU8(types), 'word/document.xml': strToU8(w(body)) }));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.lines.map((line) => line.text).filter(Boolean)).toEqual(['总体情况', '收到申请 17件\t完']);
    expect(read.doc.tables[0]!.rows[0]!.map((cell) => cell.text.trim())).toEqual(['1620']);
  });

  it('hidden text (w:vanish) is left out, its tab too; w:vanish turned off, or in the properties a change replaced, hides nothing', () => {
    const w = (body: string) => `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const run = (text: string, rPr = '') => `<w:r><w:rPr>${rPr}</w:rPr><w:t>${text}</w:t></w:r>`;
    const body =
      `<w:p>${run('收到申请')}${run('（填写说明：如95件）', '<w:vanish/>')}<w:r><w:rPr><w:vanish/></w:rPr><w:tab/></w:r>${run('17', '<w:vanish w:val="0"/>')}` +
      `${run('件', '<w:rPrChange w:id="1" w:author="a"><w:rPr><w:vanish/></w:rPr></w:rPrChange>')}</w:p>` +
      `<w:tbl><w:tr><w:tc><w:p>${run('12')}${run('（含转办3件）', '<w:vanish w:val="true"/>')}</w:p></w:tc></w:tr></w:tbl>`;
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const read = readOffice(zipSync({ '[Content_Types].xml': strToU8(types), 'word/document.xml': strToU8(w(body)) }));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.lines.map((line) => line.text).filter(Boolean)).toEqual(['收到申请17件']);
    expect(read.doc.tables[0]!.rows[0]!.map((cell) => cell.text.trim())).toEqual(['12']);
  });
});

describe('the corpus pages saved as .docx by LibreOffice (test/corpus/docx/)', () => {
  const CORPUS = join(ROOT, 'test/corpus/');
  const ids = readdirSync(join(CORPUS, 'docx')).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -5));
  it('has the six pages of html/', () => {
    expect(ids).toEqual(readdirSync(join(CORPUS, 'html')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)));
  });

  it.each(ids)('%s: every table cell read exactly as from the HTML page, with the same findings', async (id) => {
    const fromWord = await parseReport(readFileSync(join(CORPUS, 'docx', `${id}.docx`)));
    const fromHtml = await parseReport(readFileSync(join(CORPUS, 'html', `${id}.html`), 'utf8'));
    const { differ, missing } = compare(JSON.parse(readFileSync(join(CORPUS, 'html/truth', `${id}.json`), 'utf8')) as Json, fromWord.report);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
    expect(raws(fromWord)).toEqual(raws(fromHtml));
    expect(Object.keys(raws(fromWord)).length).toBeGreaterThanOrEqual(197);
    expect(codes(fromWord)).toEqual(codes(fromHtml));
    expect(fromWord.report?.narrative).toEqual(fromHtml.report?.narrative);
  });
});

describe.skipIf(!SOFFICE)(`LibreOffice opens the docx${SOFFICE ? '' : ` (skipped: ${NO_SOFFICE})`}`, () => {
  it('both editions: saved as HTML by LibreOffice, every figure and the narrative read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-docx-'));
    const reports = { 'report-2021': withNarrative(), 'report-2019': shanghai() } as const;
    for (const [name, report] of Object.entries(reports)) writeFileSync(join(dir, `${name}.docx`), docx(report));
    const pages = convert(Object.keys(reports).map((name) => join(dir, `${name}.docx`)), 'html');
    for (const [name, report] of Object.entries(reports)) {
      const page = readFileSync(pages.find((file) => file.endsWith(`${name}.html`))!, 'utf8');
      const result = await parseReport(page);
      const edition = report.edition;
      expect(cellValues(result.report, edition), name).toEqual(cellValues((await parseReport(docx(report))).report, edition));
      // LibreOffice wraps the HTML source of a long paragraph: the page's reader keeps that break as a line.
      const squashed = (narrative: object | undefined) => JSON.stringify(narrative).replace(/\\n| +/g, ' ');
      expect(squashed(result.report?.narrative)).toEqual(squashed(report.narrative));
    }
  });
});

describe('render --to docx -o FILE', () => {
  it('writes the document, which reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gdr-')), 'report.docx');
    const run = cli(['render', 'examples/biandong-2021.json', '--to', 'docx', '-o', out]);
    expect(run.status).toBe(0);
    const example = readExample<Report>('biandong-2021.json');
    const result = await parseReport(readFileSync(out));
    expect(cellValues(result.report, '2021')).toEqual(cellValues(example, '2021'));
    // Its overview numbers its points 一、 二、 三、 as the sections are numbered: they are points, not headings.
    expect(example.narrative?.overview).toMatch(/\n二、健全政府信息公开配套制度。强化政府信息主动公开/);
    expect(result.report?.narrative).toEqual(example.narrative);
  });
});

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layoutOf, type Report, type Report2019 } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { renderReport, tableGrids } from '../src/render.js';
import { gridPlaces } from '../src/render/ooxml.js';
import { getPath, reportArbitrary } from './fixtures/arbitrary.js';
import { cli } from './fixtures/cli.js';
import { busyReport2021, readExample } from './fixtures/reports.js';
import { convert, csvFields, NO_SOFFICE, SOFFICE } from './fixtures/soffice.js';

const cellValues = (report: unknown, edition: '2021' | '2019') => layoutOf(edition).cells.map((cell) => ({ pointer: cell.pointer, value: getPath(report, cell.path) }));
const shanghai = () => readExample<Report2019>('shanghai-2019.json');
const xlsx = (report: Report) => renderReport(report, { to: 'xlsx' });
const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
// The first row of each sheet's table: the title, a blank row and the heading above it on the first sheet.
const TOP = [4, 2, 2];

describe('renderReport to xlsx', () => {
  it('is a workbook with a sheet per table, merged cells, counts as numbers and amounts as 0.0000', () => {
    const files = parts(xlsx(busyReport2021()));
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].sort(),
    );
    expect(files['[Content_Types].xml']).toContain('spreadsheetml.sheet.main+xml');
    expect(files['xl/workbook.xml']).toContain('<sheet name="三、收到和处理政府信息公开申请情况" sheetId="2" r:id="rId2"/>');
    expect(files['xl/styles.xml']).toContain('<numFmt numFmtId="164" formatCode="0.0000"/>');
    const proactive = files['xl/worksheets/sheet1.xml']!;
    // The title merged across the table; the fee an amount in style 3 (0.0000); 1520 a count.
    expect(proactive).toContain('<mergeCell ref="A1:D1"/>');
    expect(proactive).toMatch(/<c r="B\d+" s="3"><v>12\.5000<\/v><\/c>/);
    expect(proactive).toMatch(/<c r="B\d+" s="2"><v>1520<\/v><\/c>/);
    const applications = files['xl/worksheets/sheet2.xml']!;
    expect(applications).toContain('<mergeCell ref="A3:C5"/>'); // the 勾稽关系 corner: three label columns, three header rows
    expect(applications).toContain('<mergeCell ref="A8:A29"/>'); // 三、本年度办理结果 down its 22 outcome rows
    expect(applications.match(/<mergeCell /g)).toHaveLength(tableGrids(busyReport2021())[1]!.rows.flat().filter((c) => c.colspan > 1 || c.rowspan > 1).length);
    // Widths fit the labels: 自然人 and 商业企业 columns at least as wide as their labels.
    const widths = [...applications.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(10);
    expect(widths[4]).toBeGreaterThanOrEqual(8 + 2);
  });

  it('writes the 2019 procurement amount, whose header names no unit, as a number shown with 万元', () => {
    const files = parts(xlsx(shanghai()));
    expect(files['xl/styles.xml']).toContain('formatCode="0.0000&quot;万元&quot;"');
    expect(files['xl/worksheets/sheet1.xml']).toMatch(/s="4"><v>25\.1000<\/v>/);
  });

  it('writes a figure longer than a spreadsheet keeps (15 digits) as text, so no program rounds it', () => {
    const report = busyReport2021();
    report.proactive.licensing.decisions = 9_007_199_254_740_991;
    report.proactive.fees.amount = '123456789012.3456';
    const sheet = parts(xlsx(report))['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('<t xml:space="preserve">9007199254740991</t>');
    expect(sheet).toContain('<t xml:space="preserve">123456789012.3456</t>');
  });

  it('gives the same bytes for the same report', () => {
    expect(xlsx(busyReport2021())).toEqual(xlsx(busyReport2021()));
  });
});

describe('parseReport reads the xlsx back', () => {
  it.each([
    ['2021', busyReport2021()],
    ['2019', shanghai()],
  ] as const)('edition %s: every cell as from the HTML (blank totals derived alike), the year and the agency', async (edition, report) => {
    const result = await parseReport(xlsx(report));
    expect(result.edition).toBe(edition);
    expect(cellValues(result.report, edition)).toEqual(cellValues((await parseReport(renderReport(report, { to: 'html' }))).report, edition));
    // Every figure given is read as given (上海 2019 leaves its 总计 blank: those are derived).
    const given = cellValues(report, edition);
    expect(cellValues(result.report, edition).filter((cell, i) => given[i]!.value !== null && cell.value !== given[i]!.value)).toEqual([]);
    expect(result.report).toMatchObject({ year: report.year, agency: report.agency });
    expect(result.findings.filter((f) => f.code.startsWith('parse.'))).toEqual([]);
  });

  it('gives each figure its cell address, with its sheet', async () => {
    const result = await parseReport(xlsx(busyReport2021()));
    expect(result.provenance['/proactive/fees/amount']).toMatchObject({ raw: '12.5000', kind: 'number', address: "'二、主动公开政府信息情况'!B18" });
    expect(result.provenance['/applications/received/naturalPerson']).toMatchObject({ raw: '40', address: "'三、收到和处理政府信息公开申请情况'!D6" });
    expect(result.provenance['/reviewAndLitigation/litigationAfterReview/total']).toMatchObject({ address: "'四、政府信息公开行政复议、行政诉讼情况'!O6" });
    expect(Object.keys(result.provenance)).toHaveLength(layoutOf('2021').cells.length);
  });

  it.each(['2021', '2019'] as const)('edition %s: generated reports read back exactly (fast-check)', async (edition) => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary(edition), async (report) => {
        expect(cellValues((await parseReport(xlsx(report))).report, edition)).toEqual(cellValues(report, edition));
      }),
      { numRuns: 25 },
    );
  });
});

describe('parseReport reads workbooks as other programs write them', () => {
  const sheetXml = (rows: string, merges = '') =>
    `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData>${merges}</x:worksheet>`;
  const workbook = (sheet: string, shared: string[] = [], styles = '') => {
    const files: Record<string, string> = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId9"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      'xl/worksheets/data.xml': sheet,
      'xl/strings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><r><t>${s}</t></r><rPh><t>ヨミ</t></rPh></si>`).join('')}</sst>`,
      'xl/styles.xml': `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${styles}</styleSheet>`,
    };
    return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
  };
  const review = (figures: string) =>
    sheetXml(
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="F1" t="s"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="2">' + ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l, i) => `<x:c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><x:is><x:t>${l}</x:t></x:is></x:c>`).join('') +
        '<x:c r="F2" t="inlineStr"><x:is><x:t>未经复议直接起诉</x:t></x:is></x:c><x:c r="K2" t="inlineStr"><x:is><x:t>复议后起诉</x:t></x:is></x:c></x:row>' +
        '<x:row r="3">' + [...'FGHIJKLMNO'].map((col, i) => `<x:c r="${col}3" t="inlineStr"><x:is><x:t>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'][i % 5]}</x:t></x:is></x:c>`).join('') + '</x:row>' +
        `<x:row r="4">${figures}</x:row>`,
      '<x:mergeCells><x:mergeCell ref="A1:E1"/><x:mergeCell ref="F1:O1"/><x:mergeCell ref="A2:A3"/><x:mergeCell ref="B2:B3"/><x:mergeCell ref="C2:C3"/><x:mergeCell ref="D2:D3"/><x:mergeCell ref="E2:E3"/><x:mergeCell ref="F2:J2"/><x:mergeCell ref="K2:O2"/></x:mergeCells>',
    );
  const figures = (values: string[]) => values.map((v, i) => `<x:c r="${String.fromCharCode(65 + i)}4"${v}</x:c>`).join('');

  it('shared strings (phonetic runs left out), prefixed elements, a formula’s cached result, a number format', async () => {
    const values = ['><x:v>3</x:v>', '><x:v>1</x:v>', '><x:v>0</x:v>', '><x:v>1</x:v>', '><x:f>SUM(A4:D4)</x:f><x:v>5</x:v>', ...Array(10).fill(' s="1"><x:v>0</x:v>')];
    const styles = '<numFmts count="1"><numFmt numFmtId="170" formatCode="#,##0"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs>';
    const result = await parseReport(workbook(review(figures(values)), ['行政复议', '行政诉讼'], styles));
    expect(result.report?.reviewAndLitigation.administrativeReview).toEqual({ upheld: 3, corrected: 1, otherResult: 0, pending: 1, total: 5 });
    expect(result.provenance['/reviewAndLitigation/administrativeReview/total']).toMatchObject({ raw: '5', address: 'Sheet1!E4' });
  });

  it('a formula with no cached result is not a figure: blank, with parse.unreadableCell', async () => {
    const values = ['><x:v>3</x:v>', '><x:v>1</x:v>', '><x:v>0</x:v>', '><x:v>1</x:v>', '><x:f>SUM(A4:D4)</x:f>', ...Array(10).fill('><x:v>0</x:v>')];
    const result = await parseReport(workbook(review(figures(values)), ['行政复议', '行政诉讼']));
    expect(result.report?.reviewAndLitigation.administrativeReview.total).toBeNull();
    expect(result.provenance['/reviewAndLitigation/administrativeReview/total']).toMatchObject({ raw: '=SUM(A4:D4)', kind: 'text' });
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain('parse.unreadableCell /reviewAndLitigation/administrativeReview/total');
  });

  it.runIf(SOFFICE)('a workbook LibreOffice saved from ours (its shared strings, styles and merges) reads back exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-xlsx-'));
    const report = busyReport2021();
    writeFileSync(join(dir, 'ours.xlsx'), xlsx(report));
    const [saved] = convert(join(dir, 'ours.xlsx'), 'xlsx:Calc MS Excel 2007 XML');
    const result = await parseReport(readFileSync(saved!));
    expect(Object.keys(parts(readFileSync(saved!)))).toContain('xl/sharedStrings.xml');
    expect(cellValues(result.report, '2021')).toEqual(cellValues(report, '2021'));
    expect(result.report).toMatchObject({ year: 2022, agency: '某市司法局' });
  });
});

describe.skipIf(!SOFFICE)(`LibreOffice opens the xlsx${SOFFICE ? '' : ` (skipped: ${NO_SOFFICE})`}`, () => {
  it.each([
    ['2021', busyReport2021()],
    ['2019', shanghai()],
  ] as const)('edition %s: every figure shows in its cell as the form prints it', (edition, report) => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-xlsx-'));
    writeFileSync(join(dir, 'report.xlsx'), xlsx(report));
    // Every sheet to its own CSV, cells as shown (token 9), UTF-8 (76), sheets in order (-1).
    const csv = convert(join(dir, 'report.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1');
    const grids = tableGrids(report);
    expect(csv).toHaveLength(3);
    let figures = 0;
    grids.forEach((grid, i) => {
      const lines = readFileSync(csv.find((file) => file.includes(grid.table.label))!, 'utf8').split(/\r?\n/).map(csvFields);
      for (const { cell, row, column } of gridPlaces(grid)) {
        expect(lines[TOP[i]! + row]![column], `${grid.table.key} ${cell.pointer ?? cell.text}`).toBe(cell.text);
        if (cell.pointer) figures++;
      }
    });
    expect(figures).toBe(layoutOf(edition).cells.length);
  });
});

describe('render --to xlsx -o FILE', () => {
  it('writes the workbook, which reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gdr-')), 'report.xlsx');
    const run = cli(['render', 'examples/biandong-2021.json', '--to', 'xlsx', '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const example = readExample<Report>('biandong-2021.json');
    expect(cellValues((await parseReport(readFileSync(out))).report, '2021')).toEqual(cellValues(example, '2021'));
  });

  it('refuses to print a workbook on standard output', () => {
    const run = cli(['render', 'examples/biandong-2021.json', '--to', 'xlsx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--to xlsx writes a file: give it with -o FILE/);
  });
});

/**
 * Excel 97–2003 workbooks (.xls, BIFF8), as LibreOffice writes them: the
 * report's workbook read as its .xlsx, shared strings that go on across
 * records, formulas' cached results, and damage that gives a finding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutOf, type Report, type Report2019 } from '../src/index.js';
import { parseReport, type ParseResult } from '../src/parse.js';
import { openCompoundFile } from '../src/parse/cfb.js';
import { readOffice } from '../src/parse/office.js';
import { renderReport } from '../src/render.js';
import { getPath } from './fixtures/arbitrary.js';
import { busyReport2021, readExample } from './fixtures/reports.js';
import { convert, NO_SOFFICE, SOFFICE } from './fixtures/soffice.js';

const cells = (report: unknown, edition: '2021' | '2019') => layoutOf(edition).cells.map((cell) => getPath(report, cell.path));
const addresses = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, { raw, address }]) => [pointer, `${raw}@${address}`]));
/** LibreOffice's .xls of each file, by the file's name without its extension. */
const asXls = (files: Record<string, Uint8Array | string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'gdr-xls-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const written = convert(Object.keys(files).map((name) => join(dir, name)), 'xls:MS Excel 97');
  return Object.fromEntries(written.map((file) => [file.slice(file.lastIndexOf('/') + 1, -4), new Uint8Array(readFileSync(file))]));
};
/** The record types of a workbook's Workbook stream, in order. */
const recordTypes = (bytes: Uint8Array) => {
  const stream = openCompoundFile(bytes).stream('Workbook')!;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const types: number[] = [];
  for (let at = 0; at + 4 <= stream.length; at += 4 + view.getUint16(at + 2, true)) types.push(view.getUint16(at, true));
  return types;
};

describe.skipIf(!SOFFICE)(`.xls files LibreOffice writes${SOFFICE ? '' : ` (skipped: ${NO_SOFFICE})`}`, () => {
  // The 2019 report leaves its totals blank, which reading derives: its cells are compared with the .xlsx read, the 2021 one's with the report too.
  it('both editions: every cell read, each figure at the address it has in the .xlsx, with the same findings', async () => {
    const reports: Record<string, Report> = { 'report-2021': busyReport2021(), 'report-2019': readExample<Report2019>('shanghai-2019.json') };
    const xls = asXls(Object.fromEntries(Object.entries(reports).map(([name, report]) => [`${name}.xlsx`, renderReport(report, { to: 'xlsx' })])));
    for (const [name, report] of Object.entries(reports)) {
      expect(readOffice(xls[name]!)).toMatchObject({ kind: 'xls' });
      const [fromXls, fromXlsx] = [await parseReport(xls[name]!), await parseReport(renderReport(report, { to: 'xlsx' }))];
      expect(cells(fromXls.report, report.edition), name).toEqual(cells(fromXlsx.report, report.edition));
      if (name === 'report-2021') expect(cells(fromXls.report, report.edition)).toEqual(cells(report, report.edition));
      expect(addresses(fromXls), name).toEqual(addresses(fromXlsx));
      expect(fromXls.findings, name).toEqual(fromXlsx.findings);
    }
  }, 120_000);

  it('shared strings that go on in CONTINUE records, cut inside a string and changing width, and formulas\' cached results', () => {
    // Rows of distinct strings, some ASCII (stored a byte a character), some Chinese (two), long enough to fill several records.
    const strings = Array.from({ length: 3_000 }, (_, i) => (i % 3 === 0 ? `item ${i} ${'x'.repeat(i % 40)}` : `第${i}项${'政府信息公开'.repeat(1 + (i % 9))}`));
    const fods =
      '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">' +
      '<office:body><office:spreadsheet><table:table table:name="Sheet1">' +
      '<table:table-row><table:table-cell table:formula="of:=1+2" office:value-type="float" office:value="3"/><table:table-cell table:formula="of:=&quot;规&quot;&amp;&quot;章&quot;" office:value-type="string"><text:p>规章</text:p></table:table-cell>' +
      '<table:table-cell table:formula="of:=1&gt;0" office:value-type="boolean" office:boolean-value="true"/></table:table-row>' +
      strings.map((text) => `<table:table-row><table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell></table:table-row>`).join('') +
      '</table:table></office:spreadsheet></office:body></office:document>';
    const { strings: xls } = asXls({ 'strings.fods': fods });
    const types = recordTypes(xls!);
    // The shared strings (0x00FC) go on in CONTINUE records (0x003C); the formulas are FORMULA records (0x0006), the text one with its STRING (0x0207).
    expect(types[types.indexOf(0x00fc) + 1]).toBe(0x003c);
    expect(types.filter((type) => type === 0x0006)).toHaveLength(3);
    expect(types).toContain(0x0207);
    const read = readOffice(xls!);
    if ('reason' in read) throw new Error(read.reason);
    const texts = [...read.doc.lines.map((line) => line.text), ...read.doc.tables.flatMap((table) => table.rows.flat().map((cell) => cell.text))];
    expect(read.doc.tables[0]!.rows[0]!.map((cell) => cell.text)).toEqual(['3', '规章', 'TRUE']);
    expect(texts.filter(Boolean).slice(3)).toEqual(strings);
  }, 120_000);

  it('a workbook damaged anywhere: a report or a parse.* finding, never an exception (fast-check)', async () => {
    const { report: original } = asXls({ 'report.xlsx': renderReport(busyReport2021(), { to: 'xlsx' }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original!.length - 1), fc.nat(255)), { minLength: 1, maxLength: 16 }), async (edits) => {
        const bytes = original!.slice();
        for (const [at, value] of edits) bytes[at] = value;
        const result = await parseReport(bytes);
        expect(result.report !== undefined || result.findings.some((f) => f.code.startsWith('parse.'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

/**
 * Excel 97–2003 workbooks (.xls, BIFF8), as LibreOffice writes them (the
 * report's workbook read as its .xlsx, shared strings that go on across
 * records, formulas' cached results) and as written here record by record
 * (what LibreOffice does not write, and damage that gives a finding).
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
import { at, BOF, bytes, chars, EOF, f64, record, string, workbook } from './fixtures/biff8.js';
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

const LABELSST = (row: number, column: number, index: number) => record(0x00fd, [...at(row, column), ...bytes([index, 4])]);
const rk = (value: number) => (Number.isInteger(value) ? ((value << 2) | 2) >>> 0 : new DataView(new Float64Array([value]).buffer).getUint32(4, true) & 0xfffffffc);
const texts = (file: Uint8Array) => {
  const read = readOffice(file);
  if ('reason' in read) throw new Error(read.reason);
  return [...read.doc.lines.map((line) => line.text), ...read.doc.tables.flatMap((table) => table.rows.map((row) => row.map((cell) => cell.text).join('|')))];
};
const refused = async (file: Uint8Array) => (await parseReport(file)).findings.map((f) => `${f.code} ${f.message}`);

describe('.xls files written record by record', () => {
  it('shared strings: rich, extended, cut across CONTINUE records before, inside and after their characters, a width that changes, a count larger than the strings', () => {
    const sst = record(0x00fc, [
      ...bytes([8, 4], [8, 4]),
      ...bytes([5, 2]), 0, ...chars('plain', false),
      ...bytes([4, 2]), 0x09, ...bytes([1, 2]), ...chars('政府信息', true), ...bytes([0, 2], [1, 2]),
      ...bytes([5, 2]), 0x05, ...bytes([6, 4]), ...chars('ext文字', true), 1, 2, 3, 4, 5, 6,
      ...bytes([6, 2]), 0, ...chars('abc', false),
    ]);
    const continued = [
      record(0x003c, [1, ...chars('def', true), ...bytes([5, 2]), 0]),
      record(0x003c, [0, ...chars('split', false), ...bytes([2, 2]), 0x09, ...bytes([1, 2]), ...chars('规章', true), 0, 0]),
      record(0x003c, [1, 0]),
    ];
    const file = workbook([{ name: 'Sheet1', records: [0, 1, 2, 3, 4, 5].map((i) => LABELSST(i, 0, i)) }], { globals: [sst, ...continued] });
    expect(texts(file)).toEqual(['plain', '政府信息', 'ext文字', 'abcdef', 'split', '规章']);
  });

  it('numbers stored whole, as RK (whole, hundredths, a double\'s high word) and MULRK, in their formats; booleans and errors; a formula\'s string; a LABEL', () => {
    const xf = (format: number) => record(0x00e0, [...bytes([0, 2], [format, 2]), ...Array(16).fill(0)]);
    const formula = (row: number, column: number, result: number[]) => record(0x0006, [...at(row, column), ...result, ...bytes([0, 2], [0, 4], [0, 2])]);
    const file = workbook(
      [
        {
          name: '数字',
          records: [
            record(0x0203, [...at(0, 0, 1), ...f64(4166.21465)]),
            record(0x027e, [...at(0, 1), ...bytes([rk(42), 4])]),
            record(0x027e, [...at(0, 2), ...bytes([((416621 << 2) | 3) >>> 0, 4])]),
            record(0x027e, [...at(0, 3), ...bytes([rk(2.5), 4])]),
            record(0x00bd, [...bytes([1, 2], [0, 2]), ...bytes([0, 2], [rk(7), 4]), ...bytes([0, 2], [rk(8), 4]), ...bytes([2, 2], [rk(0.5), 4]), ...bytes([2, 2])]),
            record(0x0205, [...at(2, 0), 1, 0]),
            record(0x0205, [...at(2, 1), 0x07, 1]),
            formula(2, 2, [2, 0, 0x07, 0, 0, 0, 0xff, 0xff]),
            formula(2, 3, [0, 0, 0, 0, 0, 0, 0xff, 0xff]),
            record(0x0207, string('规章')),
            record(0x0204, [...at(3, 0), ...string('标签')]),
          ],
        },
      ],
      { globals: [record(0x041e, [...bytes([164, 2]), ...string('0.0000_ ')]), xf(0), xf(164), xf(10)] },
    );
    expect(texts(file)).toEqual(['4166.2147|42|4166.21|2.5', '7|8|50.00%|', 'TRUE|#DIV/0!|#DIV/0!|规章', '标签|||']);
  });

  it('a chart inside a sheet (its own BOF to EOF) does not end the sheet: its merges, after it, are read', () => {
    const chart = [BOF(0x0020), record(0x00fd, [...at(9, 9), ...bytes([0, 4])]), EOF];
    const sst = record(0x00fc, [...bytes([5, 4], [5, 4]), ...['行政复议', '行政诉讼', '维持', '纠正', '撤销'].flatMap((text) => string(text))]);
    const merged = record(0x00e5, [...bytes([1, 2]), ...bytes([0, 2], [0, 2], [0, 2], [1, 2])]);
    const cells = [LABELSST(0, 0, 0), LABELSST(0, 2, 1), LABELSST(1, 0, 2), LABELSST(1, 1, 3), LABELSST(1, 2, 4)];
    const read = readOffice(workbook([{ name: 'Sheet1', records: [...cells, ...chart, merged] }], { globals: [sst] }));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.tables[0]!.rows.map((row) => row.map((cell) => `${cell.text}:${cell.colspan}`))).toEqual([['行政复议:2', '行政诉讼:1'], ['维持:1', '纠正:1', '撤销:1']]);
  });

  it('a stream named in capitals (WORKBOOK) is the workbook; an Excel 95 one (Book) and an encrypted one give their reason', async () => {
    const sheet = { name: 'Sheet1', records: [record(0x0204, [...at(0, 0), ...string('某局')])] };
    expect(texts(workbook([sheet], { stream: 'WORKBOOK' }))).toEqual(['某局']);
    expect(await refused(workbook([sheet], { stream: 'Book' }))).toEqual([expect.stringMatching(/^parse\.unsupportedInput .*Excel 5 or 95.*save it as \.xlsx/)]);
    expect(await refused(workbook([sheet], { globals: [record(0x002f, [0, 0])] }))).toEqual([expect.stringMatching(/^parse\.unsupportedInput .*encrypted/)]);
  });

  it.each([
    ['sheets said to be in the globals', { pointTo: (real: number[]) => real.map(() => 0) }, 0],
    ['64 sheets said to be one', { pointTo: (real: number[]) => real.map(() => real[0]!) }, 1],
  ])('%s: each sheet read once at most, where a worksheet starts', (_, damage, tables) => {
    const sheets = Array.from({ length: 64 }, (_, i) => ({ name: `S${i}`, records: [record(0x0204, [...at(0, 0), ...string('表')]), record(0x0204, [...at(0, 1), ...string('格')])] }));
    const read = readOffice(workbook(sheets, damage));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.tables).toHaveLength(tables);
  });

  it('floods: merged cells whose areas pass the cell budget are refused; 8 MB of empty records are walked over, not kept', { timeout: 90_000 }, async () => {
    const ranges = Array.from({ length: 1_000 }, (_, i) => bytes([i * 60, 2], [i * 60 + 59, 2], [0, 2], [59, 2])).flat();
    const merges = workbook([{ name: 'Sheet1', records: Array.from({ length: 200 }, () => record(0x00e5, [...bytes([1_000, 2]), ...ranges])) }]);
    const empty = new Array<number[]>(2_000_000).fill(record(0x0000));
    const file = workbook([{ name: 'Sheet1', records: [...empty, record(0x0204, [...at(0, 0), ...string('某局')])] }]);
    expect(file.length).toBeGreaterThan(8_000_000);
    // Only the reading is timed, against a bound far above its usual second or two on a busy machine:
    // it catches a reader that lays out or keeps the flood (minutes, gigabytes), not a slow machine.
    let started = Date.now();
    expect(await refused(merges)).toEqual([expect.stringMatching(/^parse\.unsupportedInput .*more than 500000 cells/)]);
    expect(Date.now() - started).toBeLessThan(20_000);
    started = Date.now();
    expect(texts(file)).toEqual(['某局']);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

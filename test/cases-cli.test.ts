import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReport, validateReport } from '../src/index.js';
import { cli, folderWith, ROOT } from './fixtures/cli.js';

const json = (text: string) => JSON.parse(text) as { ok: boolean; format: string; applications: { received: { total: number }; carriedForward: { total: number } }; findings: { code: string; path: string }[] };

/** A minimal .xlsx as Excel writes one: shared strings for text, serial numbers for dates (from 1904 with `date1904`, as Excel for Mac wrote them). */
function xlsx(rows: (string | number)[][], date1904 = false): Uint8Array {
  const strings: string[] = [];
  const ref = (c: number, r: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  const cell = (value: string | number, c: number, r: number) =>
    typeof value === 'number'
      ? `<c r="${ref(c, r)}" s="1"><v>${value}</v></c>`
      : `<c r="${ref(c, r)}" t="s"><v>${strings.push(value) - 1}</v></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => (v === '' ? '' : cell(v, c, r))).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings
    .map((s) => `<si><t>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`)
    .join('')}</sst>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="台账" sheetId="1" r:id="rId7"/><sheet name="说明" sheetId="2" r:id="rId8"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet2.xml': strToU8(sheet),
    'xl/worksheets/sheet1.xml': strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>'),
    'xl/sharedStrings.xml': strToU8(shared),
  });
}

describe('tally', () => {
  it('turns the example register into table 三 with no error', () => {
    const run = cli(['tally', 'examples/cases-2024.csv', '--year', '2024']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('三、收到和处理政府信息公开申请情况');
    expect(run.stdout).toMatch(/一、本年新收政府信息公开申请数量\s+(\d+\s+){6}186/);
  });

  it('--json gives the table, which validates, and the findings', () => {
    const run = cli(['tally', 'examples/cases-2024.csv', '--year', '2024', '--json']);
    const result = json(run.stdout);
    expect(result).toMatchObject({ ok: true, format: 'csv', findings: [] });
    const report = buildReport({ edition: '2021', year: 2024, applications: result.applications as never });
    expect(validateReport(report).findings.filter((f) => f.code.startsWith('applications.'))).toEqual([]);
    const next = json(cli(['tally', 'examples/cases-2024.csv', '--year', '2025', '--as-of', '2025-01-02', '--json']).stdout);
    expect(next.applications).toMatchObject({ carriedOver: result.applications.carriedForward });
  });

  it('prints Markdown and HTML through the renderers', () => {
    expect(cli(['tally', 'examples/cases-2024.csv', '--year', '2024', '--to', 'markdown']).stdout).toMatch(/^\| .*自然人/m);
    expect(cli(['tally', 'examples/cases-2024.csv', '--year', '2024', '--to', 'html']).stdout).toContain('<table');
  });

  it('reads NDJSON, a bad line a finding with its index', () => {
    const dir = folderWith({
      'cases.ndjson': [
        JSON.stringify({ id: 'N-1', applicant: 'naturalPerson', receivedOn: '2024-03-04', outcome: 'granted', closedOn: '2024-03-15' }),
        '',
        'not json',
        JSON.stringify({ id: 'N-2', applicant: 'commercialEnterprise', receivedOn: '2024-03-05', outcome: 'granted', closedOn: '2024-02-01' }),
      ].join('\n'),
    });
    const run = cli(['tally', join(dir, 'cases.ndjson'), '--year', '2024', '--json']);
    expect(run.status).toBe(1);
    const result = json(run.stdout);
    expect(result.format).toBe('ndjson');
    expect(result.findings.map((f) => [f.code, f.path])).toEqual([
      ['case.shape', '/cases/1'],
      ['case.dateOrder', '/cases/2/closedOn'],
    ]);
    expect(result.applications.received.total).toBe(1);
  });

  it('reads the first sheet of an .xlsx register, dates as Excel serial numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-'));
    writeFileSync(
      join(dir, '台账.xlsx'),
      xlsx([
        ['申请编号', '申请人类型', '收到申请日期', '办理结果', '办结日期', '经办人'],
        ['X-1', '自然人', 45355, '（一）予以公开', 45366, '李四'],
        ['X-2', '科研机构', '2024/3/5', '（四）1', '2024年3月20日', ''],
        [],
        ['X-3', '其他', 45656, '', '', ''],
      ]),
    );
    const run = cli(['tally', join(dir, '台账.xlsx'), '--year', '2024', '--json']);
    expect(run.stderr).toBe('');
    const result = json(run.stdout);
    expect(result).toMatchObject({ ok: true, format: 'xlsx', findings: [] });
    expect(result.applications).toMatchObject({ received: { naturalPerson: 1, researchInstitution: 1, otherOrganization: 1, total: 3 }, carriedForward: { total: 1 } });
  });

  it('reads dates of the 1904 date system, and date-times as their day', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-'));
    const header = ['申请编号', '申请人类型', '收到申请日期', '办理结果', '办结日期'];
    // 2024-03-20 10:30 and 2024-03-25 16:00: 45371.4375 and 45376.6667 from 1900; 1462 days fewer from 1904.
    writeFileSync(join(dir, 'mac.xlsx'), xlsx([header, ['M-1', '自然人', 43909.4375, '（一）予以公开', 43914.6667]], true));
    writeFileSync(join(dir, 'times.xlsx'), xlsx([header, ['T-1', '自然人', 45371.4375, '（一）予以公开', '2024-03-25 16:00:00']]));
    for (const name of ['mac.xlsx', 'times.xlsx']) {
      const year = (y: string) => json(cli(['tally', join(dir, name), '--year', y, '--json']).stdout);
      expect(year('2024'), name).toMatchObject({ ok: true, findings: [], applications: { received: { total: 1 } } });
      expect(year('2020').applications.received.total, name).toBe(0);
    }
  });

  it('reads a GB18030 CSV, as Excel on a Chinese Windows saves it', () => {
    const run = cli(['tally', 'test/fixtures/cases-gb18030.csv', '--year', '2024', '--json']);
    expect(json(run.stdout)).toMatchObject({ ok: true, format: 'csv', findings: [], applications: { received: { total: 3 }, carriedForward: { total: 1 } } });
  });

  it('reads TSV with English headers, and a JSON array from standard input', () => {
    const dir = folderWith({ 'cases.tsv': 'id\tapplicant\treceivedOn\toutcome\tclosedOn\nT-1\tnaturalPerson\t2024-05-06\tgranted\t2024-05-10\n' });
    expect(json(cli(['tally', join(dir, 'cases.tsv'), '--year', '2024', '--json']).stdout)).toMatchObject({ format: 'tsv', ok: true, applications: { received: { total: 1 } } });
    const input = JSON.stringify([{ id: 'J-1', applicant: 'naturalPerson', receivedOn: '2024-05-06', outcome: 'granted', closedOn: '2024-05-10' }]);
    expect(json(cli(['tally', '-', '--year', '2024', '--json'], { input }).stdout)).toMatchObject({ format: 'json', ok: true });
  });

  it('exits 2 with one line for what cannot be read or a bad option', () => {
    for (const args of [['tally', 'no-such.csv', '--year', '2024'], ['tally', 'examples/cases-2024.csv'], ['tally', 'examples/cases-2024.csv', '--year', '24'], ['tally', 'examples/cases-2024.csv', '--year', '2024', '--edition', '2020']]) {
      const run = cli(args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    // A line that starts with { is NDJSON: an object that is not a record is a finding, exit 1.
    const dir = folderWith({ 'wrapped.json': '{"cases": []}', 'pretty.json': '{\n  "cases": [\n    {"id": "1", "applicant": "naturalPerson", "receivedOn": "2024-03-01"}\n  ]\n}\n' });
    expect(cli(['tally', join(dir, 'wrapped.json'), '--year', '2024']).status).toBe(1);
    // A pretty-printed JSON object is one JSON document, not NDJSON: not a register, exit 2, one line.
    const pretty = cli(['tally', join(dir, 'pretty.json'), '--year', '2024']);
    expect([pretty.status, pretty.stderr.trim()]).toEqual([2, `gov-disclosure-report tally: ${join(dir, 'pretty.json')}: a JSON register is an array of case records`]);
    const empty = folderWith({ 'bad.json': '[1, 2' });
    expect(cli(['tally', join(empty, 'bad.json'), '--year', '2024']).status).toBe(2);
    // Not a register at all: nothing in it, or a first row that names no field.
    const junk = folderWith({ 'empty.csv': '', 'hello.txt': 'hello world\n', 'null.json': 'null', 'other.csv': 'a,b\n1,2\n', 'header.csv': '申请编号,申请人类型,收到申请日期\n' });
    for (const name of ['empty.csv', 'hello.txt', 'null.json', 'other.csv']) {
      const run = cli(['tally', join(junk, name), '--year', '2024']);
      expect([name, run.status, run.stderr.trim().split('\n').length, run.stdout]).toEqual([name, 2, 1, '']);
      expect(run.stderr).toContain(`${join(junk, name)}: not a register`);
    }
    // A header and no record is an empty register: table 三 of zeros.
    expect(json(cli(['tally', join(junk, 'header.csv'), '--year', '2024', '--json']).stdout)).toMatchObject({ ok: true, applications: { received: { total: 0 } } });
  });

  it(
    'reads a 1,000,000-line NDJSON register in under 200 MB',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gdr-'));
      const file = join(dir, 'big.ndjson');
      const out = createWriteStream(file);
      const day = (n: number) => new Date(Date.UTC(2024, 0, 2) + n * 86_400_000).toISOString().slice(0, 10);
      for (let i = 0; i < 1_000_000; i++) {
        const r = i % 340;
        const line = `{"id":"2024-${i}","applicant":"naturalPerson","receivedOn":"${day(r)}","channel":"online","outcome":"granted","closedOn":"${day(r + (i % 20))}","申请人":"张三"}\n`;
        if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve) => out.end(() => resolve()));
      // The process reports its own peak resident memory as it exits.
      const report = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS))`;
      const run = spawnSync(process.execPath, ['--import', report, join(ROOT, 'dist/bin.js'), 'tally', file, '--year', '2024', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(json(run.stdout).applications.received.total).toBe(1_000_000);
      const kilobytes = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]);
      expect(kilobytes).toBeLessThan(200 * 1024);
    },
    180_000,
  );
});

describe('reply-deadline', () => {
  it('prints the deadline and the rule that set it', () => {
    const run = cli(['reply-deadline', '--received', '2024-09-20']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('2024-10-23\n《条例》第三十三条第二款：2024-09-20（收到申请之日）之后第 20 个工作日（20 个工作日）\n');
  });

  it('adds an extension, restarts on a correction, and says how late a reply was', () => {
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--extension', '20']).stdout).toMatch(/^2024-11-20\n.*延期 20 个工作日/);
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--correction-received', '2024/10/8', '--locale', 'en']).stdout).toMatch(/^2024-11-04\n.*the 20th working day after .*corrected application/);
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--extension', '1', '--locale', 'en']).stdout).toContain('the 21st working day');
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--extension', '3', '--locale', 'en']).stdout).toContain('the 23rd working day');
    const late = cli(['reply-deadline', '--received', '2024-09-20', '--closed', '2024-10-25']);
    expect(late.status).toBe(0);
    expect(late.stdout).toContain('case.late');
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--on-the-spot', '--json']).stdout).toContain('"dueOn": "2024-09-20"');
  });

  it('exits 1 past the calendar, 2 for a bad option', () => {
    const past = cli(['reply-deadline', '--received', '2026-12-20']);
    expect(past.status).toBe(1);
    expect(past.stderr).toContain('calendar.outOfRange');
    expect(cli(['reply-deadline']).status).toBe(2);
    expect(cli(['reply-deadline', '--received', '2024-02-30']).status).toBe(2);
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--extension', 'ten']).status).toBe(2);
    // A correction that arrived before the application, with no day it was requested: the options contradict each other.
    const early = cli(['reply-deadline', '--received', '2024-09-20', '--correction-received', '2024-09-10']);
    expect([early.status, early.stderr]).toEqual([2, 'gov-disclosure-report reply-deadline: --correction-received 2024-09-10 is before --received 2024-09-20 (try --help)\n']);
    expect(cli(['reply-deadline', '--received', '2024-09-20', '--closed', '2024-09-01']).status).toBe(1);
  });

  it('is in the help', () => {
    const help = cli(['--help']).stdout;
    expect(help).toContain('tally FILE');
    expect(help).toContain('reply-deadline');
    expect(cli(['tally', '--help']).stdout).toContain('申请编号');
  });
});

/**
 * The commands over many reports, run as a user runs them (the built
 * command, spawned) on the corpus pages and the examples: rollup, compare,
 * export, and --jobs giving the same bytes as one thread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { WorkerPool } from '../src/cli/pool.js';
import { compareReports, layoutOf, sumReports, validateReport, type Report } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { cli, folderWith, memoryIo, ROOT, written } from './fixtures/cli.js';

const HTML = 'test/corpus/html';
const PAGES = readdirSync(join(ROOT, HTML)).filter((name) => name.endsWith('.html'));
const EXAMPLES = ['biandong-2021', 'shanghai-2019', 'synthetic-2021'].map((name) => `examples/${name}.json`);

/** The corpus pages parsed, each as a report JSON file in one folder (P001.json, …). */
let parsed: string;
const reportOf = new Map<string, Report>();
beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const page of PAGES) {
    const { report } = await parseReport(readFileSync(join(ROOT, HTML, page)));
    reportOf.set(page.replace('.html', ''), report!);
    files[page.replace('.html', '.json')] = `${JSON.stringify(report, null, 2)}\n`;
  }
  parsed = folderWith(files);
});

/** A run ends in one line on stderr, exit 2, never a stack trace. */
function expectUsageError(args: string[], pattern: RegExp): void {
  const run = cli(args);
  expect(run.status).toBe(2);
  expect(run.stderr.trimEnd()).toMatch(pattern);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('rollup', () => {
  // The four 2025 reports of 平潭 departments among the pages (P013's own totals are wrong as published).
  const parts = ['P001', 'P004', 'P008', 'P013'];

  it('prints the sum of the parts, which validates with no error and is what sumReports gives', () => {
    const run = cli(['rollup', ...parts.map((p) => join(parsed, `${p}.json`)), '--agency', '平潭综合实验区', '--year', '2025', '--publisher', 'government']);
    const printed = JSON.parse(run.stdout) as Report;
    const expected = sumReports(parts.map((p) => JSON.parse(readFileSync(join(parsed, `${p}.json`), 'utf8'))), { agency: '平潭综合实验区', year: 2025, publisher: 'government' });
    expect(printed).toEqual(expected.report);
    expect(validateReport(printed).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(printed.applications.received.total).toBe(parts.reduce((n, p) => n + sumRow(reportOf.get(p)!), 0));
    // P013's own errors are the parts' findings, shown at its file: exit 1.
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(parsed, 'P013.json')}#/applications/received/total`);
    expect(run.stderr).not.toContain('rollup.');
  });

  it('leaves out a part of another year with rollup.year, at its file', () => {
    const run = cli(['rollup', parsed, '--agency', '平潭综合实验区', '--year', '2025', '--json']);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as { ok: boolean; files: string[]; summed: string[]; findings: { code: string; path: string }[] };
    expect(doc.ok).toBe(false);
    // P006 (2019) and P016 (2022) are of other years.
    expect(doc.findings.filter((f) => f.code === 'rollup.year').map((f) => doc.files[Number(f.path.split('/')[2])])).toEqual([join(parsed, 'P006.json'), join(parsed, 'P016.json')]);
    expect(doc.summed).toEqual(parts.map((p) => join(parsed, `${p}.json`)));
    const text = cli(['rollup', parsed, '--agency', '平潭综合实验区', '--year', '2025', '--to', 'markdown']);
    expect(text.stdout).toMatch(/^# /);
    expect(text.stderr).toContain(`rollup.year ${join(parsed, 'P016.json')}#/year`);
  });

  it('answers bad arguments in one line, exit 2', () => {
    expectUsageError(['rollup', 'examples/biandong-2021.json', '--year', '2021'], /^gov-disclosure-report rollup: --agency must name/);
    expectUsageError(['rollup', 'examples/biandong-2021.json', '--agency', 'x', '--year', 'last'], /--year must be a report year from 2019 to 2100, not "last"/);
    expectUsageError(['rollup', 'examples/biandong-2021.json', 'missing.json', '--agency', 'x', '--year', '2021'], /^gov-disclosure-report rollup: missing.json: cannot read: no such file$/);
    expectUsageError(['rollup', 'examples/biandong-2021.json', '--agency', 'x', '--year', '2021', '--to', 'pdf'], /--to must be json or html or markdown or text, not "pdf"/);
  });
});

/** The applications received of a report, summed over its applicant columns (blank as 0). */
function sumRow(report: Report): number {
  return Object.entries(report.applications.received).reduce((n, [key, v]) => n + (key === 'total' ? 0 : (v ?? 0)), 0);
}

describe('compare', () => {
  const last = () => join(parsed, 'P016.json');
  const now = () => join(parsed, 'P001.json');

  it('prints the cells that changed from 2022 to 2025 at 行政审批局, and the jump', () => {
    const expected = compareReports(reportOf.get('P016'), reportOf.get('P001'));
    expect(expected.findings.map((f) => f.code)).toContain('trend.jump');
    const json = cli(['compare', last(), now(), '--format', 'json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, ...expected });
    const text = cli(['compare', last(), now()]);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`${expected.changes.length} cells changed, ${expected.findings.length} findings`);
    const first = expected.changes[0]!;
    expect(text.stdout).toContain(`  ${first.path}\n      ${first.label}: ${first.previous} → ${first.current}`);
    expect(text.stdout).toContain('trend.jump');
  });

  it('takes the thresholds of trend.jump as options', () => {
    const run = cli(['compare', last(), now(), '--format', 'json', '--at-least', '1000000']);
    expect((JSON.parse(run.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).not.toContain('trend.jump');
    expectUsageError(['compare', last(), now(), '--grew-to', '0'], /--grew-to must be a number above 0, not "0"/);
    expectUsageError(['compare', last()], /^gov-disclosure-report compare: compare needs two FILEs/);
  });
});

interface Row {
  file: string;
  agency: string;
  year: string;
  edition: string;
  pointer: string;
  table: string;
  row: string;
  column: string;
  value: string;
}

/** Every cell of a report as export writes it: the value at each pointer of its layout. */
function cellsOf(report: Report): Map<string, unknown> {
  return new Map(layoutOf(report.edition).cells.map((cell) => [cell.pointer, cell.path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report)]));
}

describe('export', () => {
  it('writes CSV for Excel: the BOM, the header, CRLF, one row per report and cell, the values of the reports', () => {
    const run = cli(['export', HTML, ...EXAMPLES, '--to', 'csv']);
    // The corpus truth files print amounts with their unit ("147230元"): not a report, named on stderr, exit 1.
    expect(run.stderr).toMatch(/truth\/P006\.json: no report could be read \(money\.invalid/);
    expect(run.status).toBe(1);
    expect(run.stdout.startsWith('\uFEFFfile,agency,year,edition,pointer,table,row,column,value\r\n')).toBe(true);
    expect(run.stdout.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = parseCsv(run.stdout, { bom: true, columns: true }) as Row[];
    for (const page of PAGES) {
      const report = reportOf.get(page.replace('.html', ''))!;
      const mine = rows.filter((r) => r.file === join(HTML, page));
      expect(mine).toHaveLength(layoutOf(report.edition).cells.length);
      const cells = cellsOf(report);
      for (const r of mine) expect(r.value).toBe(cells.get(r.pointer) === null ? '' : String(cells.get(r.pointer)));
      expect(mine[0]).toMatchObject({ agency: report.agency, year: String(report.year), edition: report.edition });
    }
    const biandong = rows.filter((r) => r.file === EXAMPLES[0]);
    const layout = layoutOf('2021');
    expect(biandong.map((r) => r.pointer)).toEqual(layout.cells.map((c) => c.pointer));
    const fees = biandong.find((r) => r.pointer === '/proactive/fees/amount')!;
    expect(fees).toMatchObject({ table: layout.cellAt.get('/proactive/fees/amount')!.table.label, column: layout.cellAt.get('/proactive/fees/amount')!.column.label });
    expect(fees.value).toMatch(/^\d+\.\d{4}$/);
  });

  it('writes NDJSON with null for a blank cell, and -o writes a file', () => {
    const out = join(folderWith({}), 'cells.ndjson');
    const run = cli(['export', 'examples/shanghai-2019.json', '--to', 'ndjson', '-o', out]);
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Omit<Row, 'value' | 'year'> & { value: unknown; year: number });
    const report = validateReport(JSON.parse(readFileSync(join(ROOT, 'examples/shanghai-2019.json'), 'utf8'))).report!;
    const cells = cellsOf(report);
    expect(rows).toHaveLength(cells.size);
    for (const r of rows) expect(r.value).toEqual(cells.get(r.pointer));
    expect(rows.some((r) => r.value === null)).toBe(true);
    expect(rows[0]).toMatchObject({ file: 'examples/shanghai-2019.json', agency: report.agency, year: 2019, edition: '2019' });
  });

  it('a file in which no table is found holds no report: named on stderr, exit 1, no rows', () => {
    const dir = folderWith({ 'hello.txt': 'hello world\n', 'null.json': 'null', 'empty-array.json': '[]' });
    for (const name of ['hello.txt', 'null.json', 'empty-array.json']) {
      const run = cli(['export', join(dir, name), '--to', 'csv']);
      expect([run.status, run.stdout]).toEqual([1, '\uFEFFfile,agency,year,edition,pointer,table,row,column,value\r\n']);
      expect(run.stderr).toMatch(new RegExp(`${name}: no report could be read \\(parse\\.tableMissing /proactive\\)`));
    }
  });

  it('a report whose year was not read has its year blank, not "undefined"', () => {
    // The example as published, without its title line.
    const untitled = readFileSync(join(ROOT, 'test/corpus/fixtures/biandong-2021.txt'), 'utf8').split('\n').slice(1).join('\n');
    const file = join(folderWith({ 'untitled.txt': untitled }), 'untitled.txt');
    const rows = cli(['export', file, '--to', 'ndjson']).stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { year: unknown });
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([null]));
    expect(cli(['export', file, '--to', 'csv']).stdout).not.toContain('undefined');
  });

  it('-o that cannot be written says so in one line, exit 2', () => {
    const run = cli(['export', 'examples/shanghai-2019.json', '-o', join(folderWith({}), 'no-such-folder', 'cells.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gov-disclosure-report export: .*no-such-folder\/cells\.csv: cannot write: no such file\n$/);
    if (existsSync('/dev/full')) {
      const full = cli(['export', 'examples/shanghai-2019.json', '-o', '/dev/full']);
      expect(full).toMatchObject({ status: 2, stderr: 'gov-disclosure-report export: /dev/full: cannot write: no space left on device\n' });
    }
  });

  it('-o replaces a file only once the run is done, keeping its mode; nothing is left beside it', () => {
    const dir = folderWith({ 'cells.csv': 'last year\n' });
    const out = join(dir, 'cells.csv');
    chmodSync(out, 0o640);
    expect(cli(['export', 'examples/shanghai-2019.json', '-o', out])).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFfile,agency,/);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['cells.csv']);
  });

  it('-o is left as it was when the run ends on a fault of the program', async () => {
    const dir = folderWith({ 'cells.csv': 'last year\n' });
    const out = join(dir, 'cells.csv');
    const report = readFileSync(join(ROOT, EXAMPLES[0]!));
    const { io, log } = memoryIo({ 'dir/a.json': report, 'dir/b.json': report });
    const failing: WorkerPool = { run: () => Promise.reject(new Error('a worker thread died')), close: async () => {} };
    const files = { ...io, createFile: nodeIo(new URL('../schema/', import.meta.url)).createFile, startPool: async () => failing };
    expect(await main(['export', 'dir', '--jobs', '2', '-o', out], files)).toBe(2);
    expect(written(log, 'stderr')).toBe('gov-disclosure-report export: internal error: a worker thread died\n');
    expect(readFileSync(out, 'utf8')).toBe('last year\n');
    expect(readdirSync(dir)).toEqual(['cells.csv']);
  });

  it('-o over a link writes through it, in place', () => {
    const dir = folderWith({ 'target.csv': 'last year\n' });
    symlinkSync('target.csv', join(dir, 'cells.csv'));
    expect(cli(['export', 'examples/shanghai-2019.json', '-o', join(dir, 'cells.csv')])).toMatchObject({ status: 0, stderr: '' });
    expect(lstatSync(join(dir, 'cells.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).toMatch(/^\uFEFFfile,agency,/);
    expect(readdirSync(dir).sort()).toEqual(['cells.csv', 'target.csv']);
  });

  it('-o never writes through a file already where its piece would go', () => {
    const dir = folderWith({ 'victim.txt': 'mine\n' });
    const out = join(dir, 'cells.csv');
    symlinkSync('victim.txt', join(dir, `.cells.csv.${process.pid}.tmp`));
    const file = nodeIo(new URL('../schema/', import.meta.url)).createFile(out);
    file.write('a,b\r\n');
    file.close();
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('mine\n');
    expect(readFileSync(out, 'utf8')).toBe('a,b\r\n');
  });

  it('-o is left as it was, with nothing beside it, when the run is interrupted', async () => {
    const dir = folderWith({ 'cells.csv': 'last year\n' });
    const out = join(dir, 'cells.csv');
    // Standard input, read after the example, holds the run until it is interrupted.
    const child = spawn(process.execPath, [join(ROOT, 'dist/bin.js'), 'export', 'examples/shanghai-2019.json', '-', '-o', out], { cwd: ROOT, stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = once(child, 'exit');
    try {
      for (let waited = 0; !readdirSync(dir).some((name) => name.endsWith('.tmp')); waited += 20) {
        if (waited > 10_000) throw new Error('no piece was written beside the file');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGINT');
      expect((await exited)[1]).toBe('SIGINT');
    } finally {
      child.kill('SIGKILL');
    }
    expect(readFileSync(out, 'utf8')).toBe('last year\n');
    expect(readdirSync(dir)).toEqual(['cells.csv']);
  });

  it('answers bad arguments in one line, exit 2', () => {
    expectUsageError(['export', 'examples', '--to', 'xls'], /--to must be csv or ndjson, not "xls"/);
    expectUsageError(['export', 'examples', '--jobs', '0'], /--jobs must be a whole number from 1 to 1024, not "0"/);
    expectUsageError(['export'], /^gov-disclosure-report export: export needs report FILEs/);
  });
});

describe('--jobs', () => {
  const same = (args: string[]) => {
    const one = cli([...args, '--jobs', '1']);
    const two = cli([...args, '--jobs', '2']);
    expect(two).toEqual(one);
    // Piped: no progress line.
    expect(one.stderr).not.toContain('\r');
    return one;
  };

  it('parse of the corpus folder gives the same bytes in two threads as in one', () => {
    const run = same(['parse', HTML, '--format', 'json']);
    expect((JSON.parse(run.stdout) as { results: unknown[] }).results).toHaveLength(PAGES.length);
  });

  it('parse of a folder of Word files, .docx and .doc, reads each in two threads as in one', () => {
    const run = same(['parse', 'test/corpus/docx', 'test/corpus/doc', '--format', 'json']);
    const results = (JSON.parse(run.stdout) as { results: { file: string; report?: unknown }[] }).results;
    expect(results.map((r) => r.file.replace(/^.*\//, ''))).toEqual([...PAGES.map((p) => p.replace('.html', '.docx')), ...PAGES.map((p) => p.replace('.html', '.doc'))]);
    expect(results.every((r) => r.report !== undefined)).toBe(true);
  });

  it('validate and export of the corpus folder give the same bytes in two threads as in one', () => {
    expect(same(['validate', HTML, ...EXAMPLES]).stdout).toContain('files:');
    expect(same(['export', HTML, ...EXAMPLES, '--to', 'ndjson']).stdout.split('\n').length).toBeGreaterThan(PAGES.length * 190);
  });

  it('shows a progress line on a terminal', async () => {
    const page = readFileSync(join(ROOT, HTML, PAGES[0]!));
    const { io, log } = memoryIo({ 'dir/a.html': page, 'dir/b.html': page }, { tty: false, ttyErr: true });
    expect(await main(['export', 'dir'], io)).toBe(0);
    expect(written(log, 'stderr')).toContain('\r\x1b[K[2/2] dir/b.html');
  });

  it('takes the progress line away before it prints a result, so the two never share a line', async () => {
    const report = readFileSync(join(ROOT, EXAMPLES[0]!));
    const { io, log } = memoryIo({ 'dir/a.json': report, 'dir/b.json': report }, { tty: true, ttyErr: true });
    expect(await main(['validate', 'dir', '--jobs', '1'], io)).toBe(0);
    expect(written(log, 'stderr')).toContain('\r\x1b[K[1/2] dir/a.json');
    log.forEach((e, i) => {
      const before = log.slice(0, i).findLast((earlier) => earlier.kind === 'stderr');
      if (e.kind === 'stdout' && before) expect(before.text).toBe('\r\x1b[K');
    });
  });
});

// A folder of any size is read in the memory of a few files: each file's output is given before the next file is read.
it.each([
  ['validate', []],
  ['parse', []],
  ['export', ['--to', 'ndjson']],
])('%s prints each file as it is done, before it reads the next', async (command, options) => {
  const [kind, bytes] = command === 'parse' ? ['html', readFileSync(join(ROOT, HTML, PAGES[0]!))] : ['json', readFileSync(join(ROOT, EXAMPLES[0]!))];
  const { io, log } = memoryIo({ [`dir/a.${kind}`]: bytes, [`dir/b.${kind}`]: bytes });
  expect(await main([command, 'dir', '--jobs', '1', ...options], io)).toBeLessThan(2);
  const printed = log.findIndex((e) => e.kind === 'stdout' && e.text.includes('dir/a.'));
  expect(printed).toBeGreaterThan(log.findIndex((e) => e.kind === 'read' && e.text === `dir/a.${kind}`));
  expect(printed).toBeLessThan(log.findIndex((e) => e.kind === 'read' && e.text === `dir/b.${kind}`));
});

// The folder given to validate holds a file that is not JSON: the same in two threads.
it('an unreadable file among many is reported the same with --jobs 2', () => {
  const dir = folderWith({ 'a.json': readFileSync(join(ROOT, EXAMPLES[0]!), 'utf8'), 'b.json': '{ not json' });
  writeFileSync(join(dir, 'c.json'), readFileSync(join(ROOT, EXAMPLES[1]!)));
  const one = cli(['validate', dir, '--jobs', '1', '--format', 'ndjson']);
  expect(cli(['validate', dir, '--jobs', '2', '--format', 'ndjson'])).toEqual(one);
  expect(one.status).toBe(2);
});

// Standard output is written in large pieces: an unreadable file's line on stderr still comes between the files around it.
it('keeps the results and the unreadable files in file order when both streams go to one file', () => {
  const dir = folderWith({ 'a.json': readFileSync(join(ROOT, EXAMPLES[1]!), 'utf8'), 'b.json': '{ not json', 'c.json': readFileSync(join(ROOT, EXAMPLES[0]!), 'utf8') });
  const log = join(dir, 'log.txt');
  const fd = openSync(log, 'w');
  try {
    spawnSync(process.execPath, [join(ROOT, 'dist/bin.js'), 'validate', join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'c.json')], { stdio: ['ignore', fd, fd], env: { ...process.env, NO_COLOR: '1' } });
  } finally {
    closeSync(fd);
  }
  const lines = readFileSync(log, 'utf8').split('\n');
  const at = (start: string) => lines.findIndex((line) => line.startsWith(start));
  expect(at('✖ ')).toBeGreaterThan(at(`✔ ${join(dir, 'a.json')}`));
  expect(lines[at('✖ ')]).toContain('b.json: not JSON');
  expect(at(`✔ ${join(dir, 'c.json')}`)).toBeGreaterThan(at('✖ '));
  // a.json's 113 warnings, held back in the output's first piece, were written out before the error line.
  expect(at('✖ ')).toBeGreaterThan(2 * 113);
});

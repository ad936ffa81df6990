import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { buildReport, EDITION_KEYS } from '../src/index.js';
import { cli, cliIntoClosedPipe, folderWith, memoryIo, ROOT, written, type CliOptions } from './fixtures/cli.js';
import { busyReport2021 } from './fixtures/reports.js';

const example = readFileSync(join(ROOT, 'examples/biandong-2021.json'), 'utf8');
const broken = (() => {
  const report = busyReport2021();
  report.applications.outcomes.total.naturalPerson = 38;
  return `${JSON.stringify(report)}\n`;
})();
const ESC = '\x1b[';

/** A run ends in one line on stderr, never a stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  expect(stderr.trimEnd()).toMatch(pattern);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('validate', () => {
  it('exits 0 on the bundled example and says so', () => {
    const run = cli(['validate', 'examples/biandong-2021.json']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe('✔ examples/biandong-2021.json: 0 errors, 0 warnings\n');
  });

  it('exits 1 on a report with an error and names the cell, expected and actual', () => {
    const dir = folderWith({ 'broken.json': broken });
    const run = cli(['validate', join(dir, 'broken.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✖');
    expect(run.stdout).toContain('applications.outcomeTotal /applications/outcomes/total/naturalPerson');
    expect(run.stdout).toContain('三、本年度办理结果（七）总计 · 自然人：应为 39，实为 38');
    expect(run.stdout).toContain('[expected 39, actual 38]');
    expect(run.stdout).not.toContain(ESC);
  });

  it('--json prints [{file, ok, findings}] and --locale en translates the messages', () => {
    const dir = folderWith({ 'broken.json': broken });
    const run = cli(['validate', join(dir, 'broken.json'), 'examples/biandong-2021.json', '--json', '--locale', 'en']);
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as { file: string; ok: boolean; findings: { code: string; message: string }[] }[];
    expect(results.map((r) => [r.file.endsWith('broken.json'), r.ok])).toEqual([[true, false], [false, true]]);
    expect(results[0]!.findings.map((f) => f.code)).toContain('applications.balance');
    expect(results[0]!.findings[0]!.message).toMatch(/expected/);
  });

  it('reads standard input for -', () => {
    expect(cli(['validate', '-'], { input: example })).toMatchObject({ status: 0, stdout: '✔ -: 0 errors, 0 warnings\n' });
  });

  it('reads standard input once: a second - is unreadable, and says why', () => {
    const once = /-: cannot read: standard input is read once: "-" stands for one input only/;
    const compare = cli(['compare', '-', '-'], { input: example });
    expect(compare.status).toBe(2);
    expectOneLineError(compare.stderr, once);
    expect(cli(['validate', '-', '--previous', '-'], { input: example })).toMatchObject({ status: 2, stderr: expect.stringMatching(once) as unknown });
  });

  it('validates every *.json of a directory, with a summary', () => {
    const dir = folderWith({ 'a.json': example, 'b.json': broken, 'notes.txt': 'not a report' });
    const run = cli(['validate', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 files: 1 without errors, 1 with errors, 0 unreadable');
    expect(run.stdout).toMatch(/findings by code:\n(\s+applications\.\w+\s+1\n){3}/);
    expect(run.stdout).not.toContain('notes.txt');
  });

  it('says so when a directory holds no *.json file: exit 2', () => {
    const run = cli(['validate', folderWith({ 'notes.txt': 'x' })]);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(/: no \*\.json file in this directory$/);
  });

  it('turns on the continuity rules with --previous', () => {
    const dir = folderWith({
      'this.json': JSON.stringify(buildReport({ edition: '2021', year: 2022, applications: { carriedOver: { naturalPerson: 1 }, outcomes: { granted: { naturalPerson: 1 } } } })),
      'last.json': JSON.stringify(buildReport({ edition: '2021', year: 2021 })),
    });
    const run = cli(['validate', join(dir, 'this.json'), '--previous', join(dir, 'last.json'), '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)[0].findings.map((f: { code: string }) => f.code)).toContain('continuity.carriedOver');
  });

  it.each([
    [['validate', 'no-such-file.json'], /^✖ no-such-file\.json: cannot read: no such file$/],
    [['validate', 'package-lock.json', 'README.md'], /README\.md: not JSON: /],
  ])('exits 2 with one line for unreadable input: %j', (args, pattern) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['validate'], /validate needs at least one FILE/],
    [['validate', 'x.json', '--locale', 'fr'], /--locale must be zh-CN or en, not "fr"/],
    [['validate', 'x.json', '--bogus'], /unknown option --bogus \(try --help\)/],
    [['validate', 'x.json', '--max-bytes', '0'], /--max-bytes must be a whole number of bytes above 0, not "0"/],
    [['validate', 'examples/biandong-2021.json', '--previous', 'missing.json'], /missing\.json: cannot read: no such file/],
  ])('exits 2 with one line for a bad command line: %j', (args, pattern) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, pattern);
  });
});

describe('render', () => {
  it.each([
    ['text', '第二十条第（一）项'],
    ['markdown', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |'],
    ['html', '<th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>'],
  ])('--to %s prints the official layout', (to, expected) => {
    const run = cli(['render', 'examples/biandong-2021.json', '--to', to]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('汴东产业集聚区2021年政府信息公开工作年度报告');
    expect(run.stdout).toContain(expected);
    expect(run.stdout).toContain('0.0000');
  });

  it('marks the cells at fault and exits 1', () => {
    const dir = folderWith({ 'broken.json': broken });
    const run = cli(['render', join(dir, 'broken.json'), '--to', 'html']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/<td data-pointer="\/applications\/outcomes\/total\/naturalPerson" class="fault fault-error" title="[^"]*应为 39，实为 38/);
  });

  it('says why input with no edition cannot be rendered, exit 1', () => {
    const dir = folderWith({ 'x.json': '{"year":2021}' });
    const run = cli(['render', join(dir, 'x.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shape.required /edition');
  });

  it('draws a report with faulty cells all the same, each fault in place', () => {
    const report = busyReport2021() as unknown as { applications: { received: Record<string, unknown> } };
    report.applications.received.naturalPerson = '40';
    const dir = folderWith({ 'x.json': JSON.stringify(report) });
    const run = cli(['render', join(dir, 'x.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/一、本年新收政府信息公开申请数量 +40\* +5/);
    expect(run.stdout).toContain('* cell.notInteger /applications/received/naturalPerson');
  });

  it.each([
    [['render', 'examples'], /examples: cannot read: is a directory/],
    [['render', 'examples/biandong-2021.json', '--to', 'pdf'], /--to must be text or markdown or html or xlsx or docx, not "pdf"/],
    [['render'], /render needs exactly one FILE/],
  ])('exits 2 with one line: %j', (args, pattern) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, pattern);
  });
});

describe('schema and deadline', () => {
  it.each(['2021', '2019'])('schema --edition %s prints the shipped JSON Schema file', (edition) => {
    const run = cli(['schema', '--edition', edition]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, `schema/${edition}.json`), 'utf8')));
  });

  it('schema without --edition covers both editions', () => {
    const schema = JSON.parse(cli(['schema']).stdout) as { $defs: Record<string, unknown>; $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs)).toEqual(EDITION_KEYS.map((edition) => `edition${edition}`));
  });

  it('deadline prints the Article 49 date', () => {
    expect(cli(['deadline', '--year', '2021', '--publisher', 'department'])).toMatchObject({ status: 0, stdout: '2022-01-31\n' });
    expect(cli(['deadline', '--year', '2021', '--publisher', 'government'])).toMatchObject({ status: 0, stdout: '2022-03-31\n' });
  });

  it.each([
    [['deadline', '--publisher', 'department'], /--year must be a report year from 2019 to 2100/],
    [['deadline', '--year', '1', '--publisher', 'government'], /--year must be a report year from 2019 to 2100, not "1"/],
    [['deadline', '--year', '2021', '--publisher', 'other'], /--publisher must be department or government, not "other"/],
    // The editions are those of the format metadata.
    [['schema', '--edition', '2020'], new RegExp(`--edition must be ${EDITION_KEYS.join(' or ')}, not "2020"`)],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 with one line: %j', (args, pattern) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, pattern);
  });
});

describe('--help and --version', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  it.each([[], ['validate'], ['render'], ['parse'], ['schema'], ['deadline']])('on %j', (...command) => {
    const help = cli([...command, '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`Usage: gov-disclosure-report ${command[0] ?? '<command>'}`);
    expect(cli([...command, '--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('names every kind of input parse reads, and --max-bytes for every command that reads input', () => {
    expect(cli(['--help']).stdout).toMatch(/parse FILE +read a published report \(HTML, PDF, Word, Excel, plain text or Markdown\)/);
    for (const command of ['validate', 'render', 'parse']) {
      expect(cli([command, '--help']).stdout).toMatch(/--max-bytes N +read at most N bytes of an input \(default 67108864/);
    }
  });

  it('with no command, prints the usage on stderr and exits 2', () => {
    const run = cli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Commands:');
  });

  it('an unknown command with --help is still unknown; after --, --help is a file', () => {
    expect(cli(['frob', '--help']).status).toBe(2);
    const run = cli(['validate', '--', '--help']);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd()).toBe('✖ --help: cannot read: no such file');
  });

  it('never prints a report’s control characters to the terminal', () => {
    const dir = folderWith({ 'evil.json': JSON.stringify({ ...busyReport2021(), '\u001b[2Jgotcha': 1, agency: '\u001b[31mred' }) });
    const run = cli(['validate', join(dir, 'evil.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('/\ufffd[2Jgotcha');
    expect(run.stdout).not.toContain('\u001b');
    const rendered = cli(['render', join(dir, 'evil.json')]);
    expect(rendered.stdout).toContain('\ufffd[31mred');
    expect(rendered.stdout).not.toContain('\u001b');
  });

  it('keeps a JSON error on one line even when the input has a line break', () => {
    const dir = folderWith({ 'x.json': 'nope\n' });
    for (const command of ['validate', 'render']) {
      const run = cli([command, join(dir, 'x.json')]);
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe.skipIf(process.platform === 'win32')('on hostile input: one line and exit 2 for it, the other files still reported', () => {
  /** A folder with a good and a broken report, and a FIFO named like a report. */
  function folderWithFifo(): { dir: string; fifo: string } {
    const dir = folderWith({ 'a.json': example, 'b.json': broken });
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    return { dir, fifo };
  }

  type Result = { file: string; ok: boolean; findings: unknown[]; error?: string };
  /** The --json results, each as [file name, ok, error]. */
  const summarise = (stdout: string) => (JSON.parse(stdout) as Result[]).map((r) => [r.file.split('/').pop(), r.ok, r.error]);

  it.each(['validate', 'render', 'parse'])('%s refuses a FIFO at once rather than wait for a writer', (command) => {
    const { fifo } = folderWithFifo();
    const run = cli([command, fifo]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /fifo\.json: cannot read: not a regular file \(a FIFO\)$/);
  });

  it('refuses a FIFO in a folder and still validates the folder’s other files', () => {
    const { dir } = folderWithFifo();
    const run = cli(['validate', dir, '--json']);
    expect(run.status).toBe(2);
    expect(summarise(run.stdout)).toEqual([
      ['a.json', true, undefined],
      ['b.json', false, undefined],
      ['fifo.json', false, `${join(dir, 'fifo.json')}: cannot read: not a regular file (a FIFO)`],
    ]);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device such as /dev/zero instead of reading it forever', () => {
    const run = cli(['validate', '/dev/zero', 'examples/biandong-2021.json']);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /^✖ \/dev\/zero: cannot read: not a regular file \(a character device\)$/);
    expect(run.stdout).toContain('✔ examples/biandong-2021.json: 0 errors, 0 warnings');
  });

  it.each(['validate', 'render', 'parse'])('%s stops reading standard input past --max-bytes', (command) => {
    const run = cli([command, '-', '--max-bytes', '1000'], { input: ' '.repeat(5000) });
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /-: cannot read: larger than 1000 bytes \(see --max-bytes\)$/);
  });

  it('refuses a file past --max-bytes', () => {
    const run = cli(['render', 'examples/biandong-2021.json', '--max-bytes', '1000']);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /examples\/biandong-2021\.json: cannot read: larger than 1000 bytes/);
  });

  it.skipIf(!existsSync('/dev/zero'))('stops an endless standard input at 64 MiB by default', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const run = cli(['validate', '-'], { stdin: zero });
      expect(run.status).toBe(2);
      expectOneLineError(run.stderr, /^✖ -: cannot read: larger than 67108864 bytes/);
    } finally {
      closeSync(zero);
    }
  });

  it('reports a symlink loop and a dangling link by name, and the other files all the same', () => {
    const dir = folderWith({ 'a.json': example });
    symlinkSync('loop.json', join(dir, 'loop.json'));
    symlinkSync('nowhere.json', join(dir, 'dangling.json'));
    const run = cli(['validate', dir, '--json']);
    expect(run.status).toBe(2);
    expect(summarise(run.stdout)).toEqual([
      ['a.json', true, undefined],
      ['dangling.json', false, `${join(dir, 'dangling.json')}: cannot read: no such file`],
      ['loop.json', false, `${join(dir, 'loop.json')}: cannot read: too many levels of symbolic links (a loop?)`],
    ]);
    const plain = cli(['validate', join(dir, 'loop.json'), join(dir, 'a.json')]);
    expect(plain.status).toBe(2);
    expectOneLineError(plain.stderr, /^✖ .*loop\.json: cannot read: too many levels of symbolic links \(a loop\?\)$/);
    expect(plain.stdout).toContain('a.json: 0 errors, 0 warnings');
  });

  it('reports a folder it may not list, and the other files all the same', (context) => {
    // Root lists even a chmod 000 folder: as root, the command runs as nobody (when nobody can run it from this checkout).
    const as: CliOptions = process.getuid?.() === 0 ? { user: { uid: 65534, gid: 65534 } } : {};
    if (as.user && cli(['--version'], as).status !== 0) context.skip('nobody cannot run the command from this checkout');
    const dir = folderWith({ 'a.json': example });
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o000 });
    const run = cli(['validate', locked, join(dir, 'a.json'), '--json'], as);
    expect(run.status).toBe(2);
    expect(summarise(run.stdout)).toEqual([
      ['locked', false, `${locked}: cannot list: permission denied`],
      ['a.json', true, undefined],
    ]);
  });

  it.skipIf(!existsSync('/dev/full')).each([
    ['schema'],
    ['deadline', '--year', '2021', '--publisher', 'department'],
    ['validate', 'examples/biandong-2021.json'],
    ['render', 'examples/biandong-2021.json'],
    ['parse', 'examples/biandong-2021.json', '--json'],
  ])('%s on a full disk says so in one line, exit 2', (...args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = cli(args, { stdout: full });
      expect(run.status).toBe(2);
      expectOneLineError(run.stderr, /^gov-disclosure-report: cannot write the output: no space left on device$/);
    } finally {
      closeSync(full);
    }
  });

  it('says so in one line, exit 2, when the reader of the output has gone', async () => {
    const run = await cliIntoClosedPipe(['schema']);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /^gov-disclosure-report: cannot write the output: broken pipe \(the reader has gone\)$/);
  });
});

describe('on a terminal', () => {
  it('colours the output and shows progress over a directory; plain otherwise', async () => {
    const files = { 'dir/a.json': example, 'dir/b.json': broken };
    const tty = memoryIo(files, { tty: true, ttyErr: true });
    expect(await main(['validate', 'dir'], tty.io)).toBe(1);
    expect(written(tty.log, 'stdout')).toContain(ESC);
    expect(written(tty.log, 'stderr')).toContain('[2/2] dir/b.json');
    const plain = memoryIo(files);
    expect(await main(['validate', 'dir'], plain.io)).toBe(1);
    expect(written(plain.log, 'stdout') + written(plain.log, 'stderr')).not.toContain(ESC);
  });
});

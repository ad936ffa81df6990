/**
 * The conventions of command-line linters, run as a user runs them: --format
 * json|ndjson|sarif|junit (each parsed and checked), --quiet, --max-warnings,
 * folders searched recursively, quoted globs, a mistyped option, `help`, and
 * colour by flag and environment.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { outputJsonSchema } from '../src/cli/output-schema.js';
import { RULES } from '../src/index.js';
import { cli, folderWith, ROOT } from './fixtures/cli.js';
import { busyReport2021 } from './fixtures/reports.js';

const example = readFileSync(join(ROOT, 'examples/biandong-2021.json'), 'utf8');
const withWarnings = readFileSync(join(ROOT, 'examples/shanghai-2019.json'), 'utf8'); // 113 cell.blank warnings, no error
const broken = (() => {
  const report = busyReport2021();
  report.applications.outcomes.total.naturalPerson = 38;
  return `${JSON.stringify(report)}\n`;
})();
const ESC = '\x1b[';

type Finding = { code: string; severity: string; path: string; message: string };
type Result = { file: string; ok: boolean; findings: Finding[]; error?: string; report?: unknown };

/** A folder: a clean report, a broken one, one with warnings a level down, and one that is not JSON. */
function reports(): string {
  const dir = folderWith({ 'a.json': example, 'b.json': broken, 'bad.json': 'nope' });
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'c.json'), withWarnings);
  return dir;
}

// The schema as the build writes it; a test below checks the shipped file is the same.
const outputSchema = JSON.parse(JSON.stringify(outputJsonSchema()));
const validateOutput = new Ajv2020({ allErrors: true, strict: true }).compile(outputSchema);

describe('--format json: one versioned document for validate and parse', () => {
  it('validate: {version, tool, command, summary, results}, valid against schema/output.json', () => {
    const dir = reports();
    const run = cli(['validate', dir, '--format', 'json']);
    expect(run.status).toBe(2);
    const doc = JSON.parse(run.stdout);
    expect(validateOutput.errors ?? validateOutput(doc)).toBe(true);
    expect(doc).toMatchObject({ version: 1, tool: { name: 'gov-disclosure-report' }, command: 'validate', summary: { files: 4, unreadable: 1, errors: 3, warnings: 113 } });
    expect((doc.results as Result[]).map((r) => [r.file.slice(dir.length + 1), r.ok, r.error !== undefined])).toEqual([
      ['a.json', true, false],
      ['b.json', false, false],
      ['bad.json', false, true],
      ['sub/c.json', true, false],
    ]);
  });

  it('parse: the same wrapper, each result with the report read', () => {
    const run = cli(['parse', 'test/corpus/html/P001.html', 'test/corpus/html/P004.html', '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(validateOutput(doc)).toBe(true);
    expect(doc.command).toBe('parse');
    expect(doc.results).toHaveLength(2);
    for (const r of doc.results as Result[]) expect(r.report).toMatchObject({ edition: expect.any(String), year: expect.any(Number) });
    expect(run.status).toBe((doc.results as Result[]).every((r) => r.ok) ? 0 : 1);
  });

  it('the schema is shipped and exported', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['./schema/output.json']).toBe('./schema/output.json');
    expect(pkg.files).toContain('schema');
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/output.json'), 'utf8'))).toEqual(outputSchema);
  });

  it('--json stays the array of model.md §3, and may not be given with --format', () => {
    const run = cli(['validate', 'examples/biandong-2021.json', '--json']);
    expect(JSON.parse(run.stdout)).toEqual([{ file: 'examples/biandong-2021.json', ok: true, findings: [] }]);
    const both = cli(['validate', 'examples/biandong-2021.json', '--json', '--format', 'sarif']);
    expect(both).toMatchObject({ status: 2, stdout: '' });
    expect(both.stderr).toMatch(/give it or --format sarif, not both/);
    expect(cli(['validate', 'x.json', '--format', 'xml']).stderr).toMatch(/--format must be text or json or ndjson or sarif or junit, not "xml"/);
  });
});

describe('--format ndjson', () => {
  it('one line per finding, with its file; one {file, error} line for an unreadable file', () => {
    const dir = reports();
    const run = cli(['validate', dir, '--format', 'ndjson']);
    expect(run.status).toBe(2);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Finding & { file: string; error?: string });
    expect(lines).toHaveLength(3 + 1 + 113);
    expect(lines.filter((l) => l.file.endsWith('b.json')).map((l) => l.code)).toContain('applications.outcomeTotal');
    expect(lines.find((l) => l.error)).toEqual({ file: join(dir, 'bad.json'), error: expect.stringMatching(/bad\.json: not JSON/) });
    for (const line of lines.filter((l) => !l.error)) expect(line).toMatchObject({ code: expect.any(String), severity: expect.any(String), path: expect.any(String), message: expect.any(String) });
  });
});

describe('--format sarif', () => {
  it('SARIF 2.1.0: one run, the catalogue as rules, a result per finding with the file and the JSON Pointer', () => {
    const dir = reports();
    const run = cli(['validate', dir, '--format', 'sarif']);
    expect(run.status).toBe(2);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [runLog] = log.runs;
    expect(runLog.tool.driver.name).toBe('gov-disclosure-report');
    const rules = runLog.tool.driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    expect(rules.map((r) => r.id)).toEqual(Object.keys(RULES));
    for (const rule of rules) expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    const results = runLog.results as {
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: { fullyQualifiedName: string }[] }[];
    }[];
    expect(results).toHaveLength(3 + 113);
    for (const r of results) {
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*\.json$/);
      expect(r.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toMatch(/^\//);
    }
    const error = results.find((r) => r.ruleId === 'applications.outcomeTotal' && r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === '/applications/outcomes/total/naturalPerson')!;
    expect(error.level).toBe('error');
    expect(error.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('/b.json')).toBe(true);
    // The file that is not JSON: a notification, and the run not successful.
    expect(runLog.invocations[0].executionSuccessful).toBe(false);
    expect(runLog.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/bad\.json: not JSON/);
  });

  it('a relative path stays a relative URI', () => {
    const log = JSON.parse(cli(['validate', 'examples/shanghai-2019.json', '--format', 'sarif']).stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/shanghai-2019.json');
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});

describe('--format junit', () => {
  it('a <testsuite> and a <testcase> per file, a <failure> per error, warnings in <system-out>, an unreadable file an <error>', () => {
    const dir = reports();
    const run = cli(['validate', dir, '--format', 'junit']);
    expect(run.status).toBe(2);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const doc = parseDocument(run.stdout, { xmlMode: true });
    const [root] = getElementsByTagName('testsuites', doc.children, false) as Element[];
    expect(root!.attribs).toMatchObject({ tests: '4', failures: '1', errors: '1' });
    const suites = getElementsByTagName('testsuite', root!.children, false) as Element[];
    expect(suites.map((s) => s.attribs.name!.slice(dir.length + 1))).toEqual(['a.json', 'b.json', 'bad.json', 'sub/c.json']);
    const cases = suites.map((s) => getElementsByTagName('testcase', s.children, false) as Element[]);
    for (const c of cases) expect(c).toHaveLength(1);
    const [a, b, bad, c] = cases.map((c) => c[0]!);
    expect(a!.children).toHaveLength(0);
    const failures = getElementsByTagName('failure', b!.children, false) as Element[];
    expect(failures).toHaveLength(3);
    expect(failures.map((f) => f.attribs.type)).toContain('applications.outcomeTotal');
    expect(failures.find((f) => f.attribs.type === 'applications.outcomeTotal')!.attribs.message).toContain('应为 39，实为 38');
    expect((getElementsByTagName('error', bad!.children, false) as Element[])[0]!.attribs.message).toMatch(/not JSON/);
    expect(getElementsByTagName('failure', c!.children, false)).toHaveLength(0);
    const out = textContent(getElementsByTagName('system-out', c!.children, false));
    expect(out.split('\n').filter((line) => line.startsWith('warning cell.blank '))).toHaveLength(113);
  });

  it('escapes what XML cannot hold as it is', () => {
    const dir = folderWith({ 'x<&>.json': JSON.stringify({ ...busyReport2021(), '\u001b"<tag>': 1 }) });
    const run = cli(['validate', dir, '--format', 'junit']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    const doc = parseDocument(run.stdout, { xmlMode: true });
    expect((getElementsByTagName('testsuite', doc.children) as Element[])[0]!.attribs.name).toMatch(/x<&>\.json$/);
    expect((getElementsByTagName('failure', doc.children) as Element[])[0]!.attribs.message).toContain('"<tag>');
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet prints only the errors, in text and in every format', () => {
    const dir = reports();
    const text = cli(['validate', dir, '--quiet']);
    expect(text.status).toBe(2);
    expect(text.stdout).toContain('b.json: 3 errors, 0 warnings');
    expect(text.stdout).not.toContain('cell.blank');
    expect(text.stdout).not.toContain('a.json');
    const doc = JSON.parse(cli(['validate', dir, '-q', '--format', 'json']).stdout);
    expect((doc.results as Result[]).flatMap((r) => r.findings).every((f) => f.severity === 'error')).toBe(true);
    expect(cli(['validate', dir, '--quiet', '--format', 'ndjson']).stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  it('--max-warnings N: exit 1 when the warnings are more than N, saying so', () => {
    expect(cli(['validate', 'examples/shanghai-2019.json', '--max-warnings', '113']).status).toBe(0);
    const over = cli(['validate', 'examples/shanghai-2019.json', '--max-warnings', '112', '--format', 'json']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('113 warnings, more than --max-warnings 112\n');
    // --quiet hides the warnings but they still count.
    expect(cli(['validate', 'examples/shanghai-2019.json', '--max-warnings', '0', '--quiet'])).toMatchObject({ status: 1, stdout: '' });
    expect(cli(['validate', 'examples/biandong-2021.json', '--max-warnings', '0']).status).toBe(0);
    expect(cli(['validate', 'x.json', '--max-warnings', 'many']).stderr).toMatch(/--max-warnings must be a whole number, not "many"/);
  });
});

describe('folders and globs', () => {
  it('searches a folder recursively, sorted, hidden folders and node_modules left out, a folder loop listed once', () => {
    const dir = folderWith({ 'a.json': example });
    for (const sub of ['sub', 'sub/deeper', '.git', 'node_modules']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'sub/deeper/c.json'), example);
    writeFileSync(join(dir, 'sub/b.json'), example);
    writeFileSync(join(dir, '.git/x.json'), example);
    writeFileSync(join(dir, 'node_modules/y.json'), example);
    symlinkSync('..', join(dir, 'sub/up'));
    const run = cli(['validate', dir, '--json']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Result[]).map((r) => r.file.slice(dir.length + 1))).toEqual(['a.json', 'sub/b.json', 'sub/deeper/c.json']);
  });

  it('expands a quoted glob itself, as a Windows shell would not', () => {
    const dir = reports();
    const deep = cli(['validate', '**/*.json', '--json'], { cwd: dir });
    expect((JSON.parse(deep.stdout) as Result[]).map((r) => r.file)).toEqual(['a.json', 'b.json', 'bad.json', 'sub/c.json']);
    const top = cli(['validate', '[ab].json', '--json'], { cwd: dir });
    expect((JSON.parse(top.stdout) as Result[]).map((r) => r.file)).toEqual(['a.json', 'b.json']);
    const sub = cli(['validate', `${dir}/sub/*.json`, '--json']);
    expect((JSON.parse(sub.stdout) as Result[]).map((r) => r.file)).toEqual([join(dir, 'sub/c.json')]);
  });

  it('a pattern that matches nothing is unreadable input: one line, exit 2', () => {
    const run = cli(['validate', 'examples/*.nope']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('✖ examples/*.nope: no file matches\n');
  });

  it('parse reads the published reports of a folder, or of a glob', () => {
    const run = cli(['parse', 'test/corpus/html/*.html', '--format', 'ndjson', '--quiet']);
    expect([0, 1]).toContain(run.status);
    const byGlob = JSON.parse(cli(['parse', 'test/corpus/html/*.html', '--format', 'json']).stdout);
    const byFolder = JSON.parse(cli(['parse', 'test/corpus/html', '--format', 'json']).stdout);
    expect((byGlob.results as Result[]).map((r) => r.file)).toEqual([...'P001 P004 P006 P008 P013 P016'.split(' ').map((p) => `test/corpus/html/${p}.html`)]);
    expect(byFolder.results.length).toBeGreaterThanOrEqual(byGlob.results.length);
    const text = cli(['parse', 'test/corpus/html/P001.html', 'test/corpus/html/P004.html']);
    expect(text.stdout).toMatch(/P001\.html: \d+ errors?, \d+ warnings?/);
    expect(text.stdout).toContain('2 files: ');
  });
});

describe('a mistyped option or command, and help', () => {
  it('answers a mistyped option with the one it resembles, exit 2', () => {
    expect(cli(['validate', 'examples/biandong-2021.json', '--jsn'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'gov-disclosure-report validate: unknown option --jsn; did you mean --json?\n',
    });
    expect(cli(['parse', 'x.html', '--formt', 'json']).stderr).toBe('gov-disclosure-report parse: unknown option --formt; did you mean --format?\n');
    expect(cli(['validate', 'x.json', '--max-warning', '1']).stderr).toMatch(/did you mean --max-warnings\?/);
    expect(cli(['validate', 'x.json', '--bogus']).stderr).toBe('gov-disclosure-report validate: unknown option --bogus (try --help)\n');
  });

  it('says what is wrong with an option in its own words, not the argument parser’s', () => {
    const said = (args: string[]) => cli(args).stderr.replace(/^gov-disclosure-report \w+: /, '');
    expect(said(['validate', 'x.json', '-j'])).toBe('unknown option -j (try --help)\n');
    expect(said(['validate', 'x.json', '--max-warnings', '-1'])).toBe('--max-warnings needs a value; one that starts with "-" is joined to it with "=" (--max-warnings=-…) (try --help)\n');
    expect(said(['deadline', '--year'])).toBe('--year needs a value (try --help)\n');
    expect(said(['validate', 'x.json', '--json=yes'])).toBe('--json takes no value (try --help)\n');
    // An option with a short alias is named by its long name.
    expect(said(['export', 'x.json', '-o'])).toBe('--output needs a value (try --help)\n');
  });

  it('answers a mistyped command likewise', () => {
    expect(cli(['valdate', 'x.json'])).toMatchObject({ status: 2, stderr: 'gov-disclosure-report: unknown command "valdate"; did you mean validate?\n' });
  });

  it('help, help COMMAND', () => {
    expect(cli(['help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Commands:') });
    const validate = cli(['help', 'validate']);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toBe(cli(['validate', '--help']).stdout);
    expect(validate.stdout).toContain('--format FORMAT');
    expect(cli(['help', 'rendr'])).toMatchObject({ status: 2, stderr: 'gov-disclosure-report help: unknown command "rendr"; did you mean render?\n' });
  });
});

describe('colour', () => {
  const args = ['validate', 'examples/shanghai-2019.json'];
  it.each([
    ['no flag, no environment, a pipe', [], {}, false],
    ['--color', ['--color'], {}, true],
    ['FORCE_COLOR=1', [], { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=1 over NO_COLOR=1', [], { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }, false],
    ['--no-color over FORCE_COLOR=1', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['--color over NO_COLOR=1', ['--color'], { NO_COLOR: '1' }, true],
    ['the last flag wins', ['--color', '--no-color'], {}, false],
  ] as const)('%s', (_, flags, env, coloured) => {
    const run = cli([...args, ...flags], { env });
    expect(run.status).toBe(0);
    expect(run.stdout.includes(ESC)).toBe(coloured);
  });

  it('never colours a machine format', () => {
    expect(cli([...args, '--format', 'json', '--color']).stdout).not.toContain(ESC);
  });

  it('after --, --color is a file name', () => {
    expect(cli(['validate', '--', '--color'])).toMatchObject({ status: 2, stderr: '✖ --color: cannot read: no such file\n' });
  });
});

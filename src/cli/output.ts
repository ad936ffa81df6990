/**
 * The machine-readable outputs of `validate` and `parse` (`--format`):
 * one versioned JSON document, NDJSON with one line per finding, SARIF
 * 2.1.0 and JUnit XML for CI systems to show as annotations. `--json` of
 * model.md §3 is left as it was: the bare array of `{file, ok, findings}`.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { RULES, type RuleCode } from '../rules/catalogue.js';
import type { Finding } from '../validate/finding.js';
// A cycle (commands.ts imports this file), read only when an option is checked, after both have loaded.
import { UsageError } from './commands.js';
import { OUTPUT_VERSION } from './output-schema.js';

/** The values of `--format`. */
export const OUTPUT_FORMATS = ['text', 'json', 'ndjson', 'sarif', 'junit'] as const;

/**
 * A value of `--format`.
 *
 * @example
 * ```ts
 * import type { OutputFormat } from './output.js';
 * const format: OutputFormat = 'sarif';
 * ```
 */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];


/**
 * What one input gave: its findings, or why it could not be read; for
 * `parse`, the report read from it.
 *
 * @example
 * ```ts
 * import type { FileResult } from './output.js';
 * const unreadable: FileResult = { file: 'a.json', ok: false, findings: [], error: 'a.json: cannot read: no such file' };
 * ```
 */
export interface FileResult {
  /** The path as given or found in a folder; `-` for standard input. */
  file: string;
  /** False when a finding is an error, or the file could not be read. */
  ok: boolean;
  findings: Finding[];
  /** Why the file could not be read (exit 2): one line, starting with the path. */
  error?: string;
  /** `parse` only: the report read, when any could be. */
  report?: unknown;
}

/** The command whose results are printed. */
export type OutputCommand = 'validate' | 'parse';

/**
 * The `--format json` document: the same wrapper for `validate` and
 * `parse`, described by the shipped `schema/output.json`.
 *
 * @example
 * ```ts
 * import { jsonOutput } from './output.js';
 * const doc = JSON.parse(jsonOutput('validate', [{ file: 'a.json', ok: true, findings: [] }]));
 * doc.version; // 1
 * doc.results[0].ok; // true
 * ```
 */
export function jsonOutput(command: OutputCommand, results: readonly FileResult[]): string {
  const files = results.length;
  const unreadable = results.filter((r) => r.error !== undefined).length;
  const count = (severity: Finding['severity']) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const doc = {
    version: OUTPUT_VERSION,
    tool: { name: pkg.name, version: pkg.version },
    command,
    summary: { files, unreadable, errors: count('error'), warnings: count('warning'), infos: count('info') },
    results,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * NDJSON: one line per finding, `{file, code, severity, path, message, …}`,
 * and one `{file, error}` line per input that could not be read; a clean
 * file gives no line.
 *
 * @example
 * ```ts
 * import { ndjsonOutput } from './output.js';
 * ndjsonOutput([{ file: 'a.json', ok: false, findings: [], error: 'a.json: cannot read: no such file' }]);
 * // '{"file":"a.json","error":"a.json: cannot read: no such file"}\n'
 * ```
 */
export function ndjsonOutput(results: readonly FileResult[]): string {
  const lines = results.flatMap((r): object[] => (r.error !== undefined ? [{ file: r.file, error: r.error }] : r.findings.map((f) => ({ file: r.file, ...f }))));
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A path as a SARIF artifact URI: relative paths stay relative (with `/`), absolute ones become `file:` URLs. */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0: one run, the rule catalogue as the driver's rules, one
 * result per finding (the file as its physical location, the JSON Pointer
 * as its logical location); an input that could not be read is a tool
 * notification, and the run is then not successful.
 *
 * @example
 * ```ts
 * import { sarifOutput } from './output.js';
 * const finding = { code: 'cell.blank', severity: 'warning', path: '/applications/received/naturalPerson', message: '…' } as const;
 * const log = JSON.parse(sarifOutput([{ file: 'a.json', ok: true, findings: [finding] }]));
 * log.runs[0].results[0].level; // 'warning'
 * log.runs[0].results[0].locations[0].logicalLocations[0].fullyQualifiedName; // '/applications/received/naturalPerson'
 * ```
 */
export function sarifOutput(results: readonly FileResult[]): string {
  const codes = Object.keys(RULES) as RuleCode[];
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: RULES[code].rule.en },
    fullDescription: { text: `${RULES[code].rule.zh} (${RULES[code].rule.en})` },
    defaultConfiguration: { level: LEVEL[RULES[code].severity] },
    properties: { 'rule-zh': RULES[code].rule.zh },
  }));
  const location = (file: string) => ({ physicalLocation: { artifactLocation: { uri: artifactUri(file) } } });
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => {
      const { code, severity, path, message, ...values } = f;
      const index = codes.indexOf(code);
      return {
        ruleId: code,
        ...(index >= 0 ? { ruleIndex: index } : {}),
        level: LEVEL[severity],
        message: { text: message },
        locations: [
          {
            ...location(r.file),
            logicalLocations: [{ name: path.split('/').pop() || '/', fullyQualifiedName: path, kind: path === '' ? 'object' : 'property' }],
          },
        ],
        ...(Object.keys(values).length > 0 ? { properties: values } : {}),
      };
    }),
  );
  const unreadable = results.filter((r) => r.error !== undefined);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: pkg.name, version: pkg.version, informationUri: pkg.homepage, rules } },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((r) => ({ level: 'error', message: { text: r.error! }, locations: [location(r.file)] })),
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

// XML 1.0 allows no control characters but tab and line breaks, even escaped.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML content and attribute values. */
function xml(text: string): string {
  return text.replace(XML_INVALID, '\ufffd').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A finding on one line, as the failure text and the warnings list show it. */
function findingLine(f: Finding): string {
  const show = (v: number | string) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  const values = [f.expected !== undefined && `expected ${show(f.expected)}`, f.actual !== undefined && `actual ${show(f.actual)}`].filter(Boolean);
  return `${f.severity} ${f.code} ${f.path || '/'}: ${f.message}${values.length > 0 ? ` [${values.join(', ')}]` : ''}`;
}

/**
 * JUnit XML: one `<testsuite>` per file holding one `<testcase>`, with a
 * `<failure>` per error finding (its code as `type`), an `<error>` for a
 * file that could not be read, and the warnings and notes as lines of
 * `<system-out>` (they do not fail the test case).
 *
 * @example
 * ```ts
 * import { junitOutput } from './output.js';
 * const xml = junitOutput('validate', [{ file: 'a.json', ok: true, findings: [] }]);
 * xml.includes('<testcase classname="gov-disclosure-report.validate" name="a.json" file="a.json" />'); // true: a clean file
 * ```
 */
export function junitOutput(command: OutputCommand, results: readonly FileResult[]): string {
  const failed = (r: FileResult) => r.error === undefined && r.findings.some((f) => f.severity === 'error');
  const suites = results.map((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const others = r.findings.filter((f) => f.severity !== 'error');
    const body = [
      ...errors.map((f) => `      <failure type="${xml(f.code)}" message="${xml(f.message)}">${xml(findingLine(f))}</failure>`),
      ...(r.error !== undefined ? [`      <error type="unreadable" message="${xml(r.error)}">${xml(r.error)}</error>`] : []),
      ...(others.length > 0 ? [`      <system-out>${xml(others.map(findingLine).join('\n'))}</system-out>`] : []),
    ];
    const name = xml(r.file);
    const testcase = `    <testcase classname="${pkg.name}.${command}" name="${name}" file="${name}"${body.length > 0 ? `>\n${body.join('\n')}\n    </testcase>` : ' />'}`;
    return `  <testsuite name="${name}" tests="1" failures="${failed(r) ? 1 : 0}" errors="${r.error !== undefined ? 1 : 0}" skipped="0">\n${testcase}\n  </testsuite>`;
  });
  const failures = results.filter(failed).length;
  const errors = results.filter((r) => r.error !== undefined).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${pkg.name} ${command}" tests="${results.length}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * The results printed in a machine-readable format (not `text`, which each
 * command prints its own way).
 *
 * @example
 * ```ts
 * import { formatResults } from './output.js';
 * formatResults('ndjson', 'validate', [{ file: 'a.json', ok: true, findings: [] }]); // ''
 * ```
 */
export function formatResults(format: Exclude<OutputFormat, 'text'>, command: OutputCommand, results: readonly FileResult[]): string {
  if (format === 'json') return jsonOutput(command, results);
  if (format === 'ndjson') return ndjsonOutput(results);
  if (format === 'sarif') return sarifOutput(results);
  return junitOutput(command, results);
}

/** The options of the commands that print results. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
} as const;

/**
 * `--format`, `--quiet` and `--max-warnings` read and checked; `--json`
 * (the array of model.md §3) is the format `legacy-json`, and may not be
 * given with another `--format`.
 *
 * @example
 * ```ts
 * import { outputOptions } from './output.js';
 * outputOptions({ format: 'sarif', 'max-warnings': '0' }); // { format: 'sarif', quiet: false, maxWarnings: 0 }
 * outputOptions({ json: true }); // { format: 'legacy-json', quiet: false, maxWarnings: undefined }
 * ```
 */
export function outputOptions(values: { format?: string; quiet?: boolean; 'max-warnings'?: string; json?: boolean }): {
  format: OutputFormat | 'legacy-json' | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
} {
  const given = values.format;
  if (given !== undefined && !OUTPUT_FORMATS.includes(given as OutputFormat)) {
    throw new UsageError(`--format must be ${OUTPUT_FORMATS.join(' or ')}, not "${given}"`);
  }
  if (values.json && given !== undefined) throw new UsageError(`--json is the array of {file, ok, findings}: give it or --format ${given}, not both`);
  const max = values['max-warnings'];
  if (max !== undefined && !/^\d+$/.test(max)) throw new UsageError(`--max-warnings must be a whole number, not "${max}"`);
  return {
    format: values.json ? 'legacy-json' : (given as OutputFormat | undefined),
    quiet: values.quiet === true,
    maxWarnings: max === undefined ? undefined : Number(max),
  };
}

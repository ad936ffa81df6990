/**
 * The commands over several reports: `rollup` sums them, `compare` sets
 * this year's beside last year's, `export` lays every cell out as a row.
 * Loaded only when one of them runs.
 */
import { parseArgs } from 'node:util';
import { EDITION_KEYS } from '../format/layout.js';
import { PUBLISHERS, type Publisher } from '../format/report-fields.js';
import type { Edition } from '../format/types.js';
import type { RenderFormat } from '../render/render.js';
import { compareReports, type CellChange, type CompareOptions } from '../reports/compare.js';
import { sumReports } from '../reports/sum.js';
import type { Locale } from '../rules/catalogue.js';
import type { Finding } from '../validate/finding.js';
import { INPUT_OPTIONS, jobs, JOBS_OPTION, LOCALES, maxBytes, oneOf, UsageError, yearOption } from './commands.js';
import { csvHead, EXPORT_FORMATS, type ExportFormat } from './export-rows.js';
import { findingLines } from './findings.js';
import { expandInputs, JSON_FILES, REPORT_FILES } from './inputs.js';
import { InputError, outputFile, paint, printable, readJson, writingTo, type Io } from './io.js';
import { eachResult } from './results.js';

const ROLLUP_FORMATS = ['json', 'html', 'markdown', 'text'] as const;

/**
 * rollup FILE… --agency NAME --year N [--publisher P] [--edition E] [--to json|html|markdown|text] [--json]
 * [--locale zh-CN|en] [--max-bytes N]: the report files summed with `sumReports`.
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { rollup } from './reports.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await rollup(['departments/', '--agency', '某县人民政府', '--year', '2024'], io);
 * ```
 */
export async function rollup(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      year: { type: 'string' },
      publisher: { type: 'string' },
      edition: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
      locale: { type: 'string' },
      ...INPUT_OPTIONS,
    },
  });
  if (positionals.length === 0) throw new UsageError('rollup needs the report FILEs to sum (or a folder of them)');
  if (!values.agency?.trim()) throw new UsageError('--agency must name the body the sum reports for, e.g. --agency 某县人民政府');
  const year = yearOption(values.year);
  const publisher = values.publisher === undefined ? undefined : oneOf('publisher', values.publisher, Object.keys(PUBLISHERS) as Publisher[]);
  const edition: Edition | undefined = values.edition === undefined ? undefined : oneOf('edition', values.edition, EDITION_KEYS);
  const to = oneOf('to', values.to, ROLLUP_FORMATS, 'json');
  if (values.json && to !== 'json') throw new UsageError(`--json prints the sum and its findings as JSON: give it or --to ${to}, not both`);
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const limit = maxBytes(values['max-bytes']);
  const { inputs } = expandInputs(io, positionals, JSON_FILES);
  // A part that cannot be read would make the sum wrong without a word: the command stops, exit 2.
  const unlisted = inputs.find((input) => input.error !== undefined);
  if (unlisted) throw new InputError(unlisted.error!);
  const files = inputs.map((input) => input.file);
  const parts: unknown[] = [];
  for (const file of files) parts.push(await readJson(io, file, limit));
  const { report, findings, summed } = sumReports(parts, { agency: values.agency, year, locale, ...(publisher ? { publisher } : {}), ...(edition ? { edition } : {}) });
  const ok = findings.every((f) => f.severity !== 'error');
  if (values.json) {
    io.stdout(`${JSON.stringify({ ok, files, summed: summed.map((i) => files[i]), report, findings }, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  if (to === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const { renderReport } = await import('../render/render.js');
    io.stdout(printable(renderReport(report, { to: to as Exclude<RenderFormat, 'xlsx' | 'docx'> })));
  }
  // The findings are the parts': each is shown at its file (a.json#/year) rather than at /parts/0/year.
  for (const f of findings) io.stderr(findingLines(atFile(f, files), io.ttyErr));
  return ok ? 0 : 1;
}

/** A finding of a part with its path as `file#pointer`; one of the sum as it is. */
function atFile(f: Finding, files: readonly string[]): Finding {
  const part = /^\/parts\/(\d+)(.*)$/.exec(f.path);
  return part ? { ...f, path: `${files[Number(part[1])]}#${part[2]}` } : f;
}

const COMPARE_FORMATS = ['text', 'json'] as const;

/** A threshold of `trend.jump`: a number above 0. */
function threshold(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (n > 0) return n;
  throw new UsageError(`--${name} must be a number above 0, not "${value}"`);
}

/**
 * compare LAST THIS [--format text|json] [--grew-to X] [--fell-to X] [--at-least N] [--locale zh-CN|en]
 * [--max-bytes N]: the cells that changed from last year's report, and the findings.
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { compare } from './reports.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await compare(['2023.json', '2024.json', '--format', 'json'], io);
 * ```
 */
export async function compare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'grew-to': { type: 'string' },
      'fell-to': { type: 'string' },
      'at-least': { type: 'string' },
      locale: { type: 'string' },
      ...INPUT_OPTIONS,
    },
  });
  if (positionals.length !== 2) throw new UsageError(`compare needs two FILEs, last year's report then this year's, not ${positionals.length}`);
  const format = oneOf('format', values.format, COMPARE_FORMATS, 'text');
  const options: CompareOptions = { locale: oneOf('locale', values.locale, LOCALES, 'zh-CN') };
  const grewTo = threshold('grew-to', values['grew-to']);
  const fellTo = threshold('fell-to', values['fell-to']);
  const atLeast = threshold('at-least', values['at-least']);
  if (grewTo !== undefined) options.grewTo = grewTo;
  if (fellTo !== undefined) options.fellTo = fellTo;
  if (atLeast !== undefined) options.atLeast = atLeast;
  const limit = maxBytes(values['max-bytes']);
  const [last, current] = [await readJson(io, positionals[0]!, limit), await readJson(io, positionals[1]!, limit)];
  const { changes, findings } = compareReports(last, current, options);
  const ok = findings.every((f) => f.severity !== 'error');
  if (format === 'json') io.stdout(`${JSON.stringify({ ok, changes, findings }, null, 2)}\n`);
  else io.stdout(compareText(changes, findings, io.tty));
  return ok ? 0 : 1;
}

const signed = (n: number | string) => (typeof n === 'string' ? (n.startsWith('-') ? n : `+${n}`) : n < 0 ? String(n) : `+${n}`);
const shown = (v: number | string | null) => (v === null ? '(blank)' : String(v));

/** The changes as people read them: the cell by its labels, then last year's → this year's (delta, ratio); then the findings. */
function compareText(changes: readonly CellChange[], findings: readonly Finding[], color: boolean): string {
  const lines = [paint(color, 'bold', `${changes.length} cell${changes.length === 1 ? '' : 's'} changed, ${findings.length} finding${findings.length === 1 ? '' : 's'}`)];
  for (const c of changes) {
    const ratio = c.ratio === null ? '' : `, ×${c.ratio}`;
    lines.push(`  ${paint(color, 'dim', c.path)}\n      ${printable(c.label)}: ${shown(c.previous)} → ${shown(c.current)} (${signed(c.delta)}${ratio})`);
  }
  return `${lines.join('\n')}\n${findings.map((f) => findingLines(f, color)).join('')}`;
}

/**
 * export FILE… [--to csv|ndjson] [-o FILE] [--jobs N] [--max-bytes N]: one row per report and cell,
 * from report JSON files and published reports alike.
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { exportCommand } from './reports.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await exportCommand(['reports/', '--to', 'csv', '-o', 'cells.csv'], io);
 * ```
 */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, ...INPUT_OPTIONS, ...JOBS_OPTION },
  });
  if (positionals.length === 0) throw new UsageError('export needs report FILEs or folders (or - for standard input)');
  const to: ExportFormat = oneOf('to', values.to, EXPORT_FORMATS, 'csv');
  const limit = maxBytes(values['max-bytes']);
  const threads = jobs(values.jobs);
  const { inputs } = expandInputs(io, positionals, REPORT_FILES);
  // Rows go out as each file's come, so a folder of any size is exported in the memory of a few files.
  const file = values.output === undefined ? undefined : outputFile(io, values.output);
  const write = file ? file.write : io.stdout;
  let status = 0;
  await writingTo(file, async () => {
    if (to === 'csv') write(csvHead());
    const work = { command: 'export', limit, to } as const;
    await eachResult(io, work, inputs, { jobs: threads, progress: true }, ({ file, error }) => ({ file, rows: '', error }), (r) => {
      write(r.rows);
      const problem = r.error ?? r.skipped;
      if (problem !== undefined) io.stderr(`${paint(io.ttyErr, 'red', '✖')} ${printable(problem)}\n`);
      // 2 for a file that cannot be read, 1 for one that holds no report.
      status = Math.max(status, r.error !== undefined ? 2 : problem !== undefined ? 1 : 0);
    });
  });
  return status;
}

/**
 * The commands of gov-disclosure-report. Each takes its arguments and the
 * {@link Io}, writes its output and returns the exit status.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { publicationDeadline } from '../dates/deadline.js';
import { EDITION_KEYS } from '../format/layout.js';
import { YEAR_RANGE } from '../format/report-fields.js';
import type { RenderFormat } from '../render/render.js';
import type { Locale } from '../rules/catalogue.js';
import { validateReport } from '../validate/validate.js';
import { findingLines } from './findings.js';
import { expandInputs, JSON_FILES, PUBLISHED_FILES, type Input } from './inputs.js';
import { DEFAULT_MAX_BYTES, outputFile, printable, readBytes, readJson, writingTo, type Io } from './io.js';
import { OUTPUT_OPTIONS, outputOptions, type FileResult } from './output.js';
import { eachResult, finish, resultPrinter, Tally } from './results.js';

/**
 * A bad option or argument: its one-line message, and exit code 2.
 *
 * @example
 * ```ts
 * import { UsageError } from './commands.js';
 * new UsageError('--year must be a report year such as 2024').message; // '--year must be a report year such as 2024'
 * ```
 */
export class UsageError extends Error {}

/**
 * The value of an option that takes one of `allowed`, or `fallback` when absent.
 *
 * @example
 * ```ts
 * import { oneOf } from './commands.js';
 * oneOf('to', undefined, ['text', 'html'], 'text'); // 'text'
 * oneOf('to', 'html', ['text', 'html']); // 'html'
 * ```
 */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.join(' or ')}${value === undefined ? '' : `, not "${value}"`}`);
}

/**
 * The values of --locale: the languages of the messages.
 *
 * @example
 * ```ts
 * import { LOCALES } from './commands.js';
 * LOCALES; // ['zh-CN', 'en']
 * ```
 */
export const LOCALES = ['zh-CN', 'en'] as const;

/**
 * The options of every command that reads input, for `parseArgs`.
 *
 * @example
 * ```ts
 * import { INPUT_OPTIONS } from './commands.js';
 * INPUT_OPTIONS['max-bytes'].type; // 'string'
 * ```
 */
export const INPUT_OPTIONS = { 'max-bytes': { type: 'string' } } as const;

/**
 * The option of the commands that read many files, for `parseArgs`.
 *
 * @example
 * ```ts
 * import { JOBS_OPTION } from './commands.js';
 * JOBS_OPTION.jobs.type; // 'string'
 * ```
 */
export const JOBS_OPTION = { jobs: { type: 'string' } } as const;

/**
 * The value of --jobs: how many worker threads read the files; by default, one per core.
 *
 * @example
 * ```ts
 * import { jobs } from './commands.js';
 * jobs('2'); // 2
 * jobs(undefined) >= 1; // true
 * ```
 */
export function jobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (n > 0 && n <= 1024) return n;
  throw new UsageError(`--jobs must be a whole number from 1 to 1024, not "${value}"`);
}

const unlistedResult = ({ file, error }: Input & { error: string }): FileResult => ({ file, ok: false, findings: [], error });

/**
 * The value of --max-bytes: how many bytes of one input are read before it is refused.
 *
 * @example
 * ```ts
 * import { maxBytes } from './commands.js';
 * maxBytes('1000'); // 1000
 * ```
 */
export function maxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (n > 0 && Number.isSafeInteger(n)) return n;
  throw new UsageError(`--max-bytes must be a whole number of bytes above 0, not "${value}"`);
}

/**
 * validate FILE… [--previous FILE] [--locale zh-CN|en] [--json | --format FORMAT] [--quiet] [--max-warnings N] [--max-bytes N] [--jobs N]
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { validate } from './commands.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await validate(['reports/', '--format', 'json'], io);
 * ```
 */
export async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { previous: { type: 'string' }, locale: { type: 'string' }, json: { type: 'boolean' }, ...OUTPUT_OPTIONS, ...INPUT_OPTIONS, ...JOBS_OPTION },
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE (or - for standard input)');
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const output = outputOptions(values);
  const limit = maxBytes(values['max-bytes']);
  const threads = jobs(values.jobs);
  const previous = values.previous === undefined ? undefined : await readJson(io, values.previous, limit);
  const { inputs, directories } = expandInputs(io, positionals, JSON_FILES);
  const printer = resultPrinter(io, 'validate', output.format ?? 'text', { quiet: output.quiet, summary: directories > 0 || inputs.length > 1 });
  await eachResult(io, { command: 'validate', limit, locale, previous }, inputs, { jobs: threads, progress: directories > 0 }, unlistedResult, printer.print);
  return printer.end(output.maxWarnings);
}

const FORMATS = ['text', 'markdown', 'html', 'xlsx', 'docx'] as const;

/**
 * render FILE [--to markdown|html|text|xlsx|docx] [-o FILE] [--locale zh-CN|en] [--max-bytes N]
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { render } from './commands.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await render(['report.json', '--to', 'xlsx', '-o', 'report.xlsx'], io);
 * ```
 */
export async function render(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, locale: { type: 'string' }, ...INPUT_OPTIONS },
  });
  if (positionals.length !== 1) throw new UsageError('render needs exactly one FILE (or - for standard input)');
  const to: RenderFormat = oneOf('to', values.to, FORMATS, 'text');
  const binary = to === 'xlsx' || to === 'docx';
  if (binary && values.output === undefined) throw new UsageError(`--to ${to} writes a file: give it with -o FILE`);
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const file = positionals[0]!;
  const input = await readJson(io, file, maxBytes(values['max-bytes']));
  const { ok, report, findings } = validateReport(input, { locale });
  // The renderers (and the Word and Excel writers) are loaded by this command alone.
  const { drawable, renderReport } = await import('../render/render.js');
  // A report with faults is drawn all the same, faults in place, as long as it has an edition to lay it out by.
  const toDraw = report ?? drawable(input);
  if (!toDraw) {
    io.stderr(`${printable(file)}: not a report that can be rendered:\n`);
    for (const f of findings) io.stderr(findingLines(f, io.ttyErr));
    return 1;
  }
  const rendered = renderReport(toDraw, { to, findings });
  if (values.output === undefined) io.stdout(printable(rendered as string));
  else {
    const out = outputFile(io, values.output);
    await writingTo(out, () => out.write(rendered));
  }
  // A workbook or a document does not show the findings: they go to standard error.
  if (binary) for (const f of findings) io.stderr(findingLines(f, io.ttyErr));
  return ok ? 0 : 1;
}

/**
 * parse FILE… [--json | --format FORMAT] [--quiet] [--max-warnings N] [--locale zh-CN|en] [--max-bytes N]:
 * the kind of input is told by its content, not its name. One FILE without
 * --format prints its report (model.md §3); several, or a folder or
 * pattern, print the findings of each (text) or the results in --format.
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { parse } from './commands.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await parse(['published/', '--jobs', '2'], io);
 * ```
 */
export async function parse(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, locale: { type: 'string' }, ...OUTPUT_OPTIONS, ...INPUT_OPTIONS, ...JOBS_OPTION },
  });
  if (positionals.length === 0) throw new UsageError('parse needs a FILE (or - for standard input)');
  const threads = jobs(values.jobs);
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const output = outputOptions(values);
  const limit = maxBytes(values['max-bytes']);
  const { inputs, directories } = expandInputs(io, positionals, PUBLISHED_FILES);
  if (inputs.length === 1 && directories === 0 && (output.format === undefined || output.format === 'legacy-json')) {
    // The parser (and the Word, Excel and PDF readers behind it) is loaded by this command alone, so the
    // others start without it.
    const { parseReport } = await import('../parse/parse.js');
    const result = await parseReport(await readBytes(io, positionals[0]!, limit), { locale });
    const shown = output.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
    if (values.json) {
      io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    } else {
      if (result.report) io.stdout(`${JSON.stringify(result.report, null, 2)}\n`);
      for (const f of shown.findings) io.stderr(findingLines(f, io.ttyErr));
    }
    const tally = new Tally(output.quiet);
    tally.add({ file: positionals[0]!, ok: result.ok, findings: result.findings });
    return finish(io, tally, output.maxWarnings);
  }
  if (output.format === 'legacy-json') throw new UsageError('--json reads one FILE; for several, use --format json');
  // Text shows the findings of each file; the reports are in --format json.
  const printer = resultPrinter(io, 'parse', output.format ?? 'text', { quiet: output.quiet, summary: true });
  await eachResult(io, { command: 'parse', limit, locale }, inputs, { jobs: threads, progress: true }, unlistedResult, printer.print);
  return printer.end(output.maxWarnings);
}

/**
 * schema [--edition EDITION]: the editions are those of the format metadata.
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { schema } from './commands.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await schema(['--edition', '2019'], io);
 * ```
 */
export function schema(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { edition: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`schema takes no argument, got "${positionals[0]}"`);
  const edition = values.edition === undefined ? undefined : oneOf('edition', values.edition, EDITION_KEYS);
  io.stdout(io.schemaText(edition ?? 'report'));
  return 0;
}

/**
 * The value of --year, which is required: a report year, 2019 to 2100, as
 * a report's `year` may be.
 *
 * @example
 * ```ts
 * import { yearOption } from './commands.js';
 * yearOption('2021'); // 2021
 * ```
 */
export function yearOption(value: string | undefined): number {
  const year = value !== undefined && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)) {
    throw new UsageError(`--year must be a report year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}${value === undefined ? '' : `, not "${value}"`}`);
  }
  return year;
}

/**
 * deadline --year N --publisher department|government
 *
 * @example
 * ```ts
 * // type-only: runs a command of the command line
 * import { deadline } from './commands.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const status = await deadline(['--year', '2024', '--publisher', 'department'], io);
 * ```
 */
export function deadline(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { year: { type: 'string' }, publisher: { type: 'string' } } });
  const year = yearOption(values.year);
  const publisher = oneOf('publisher', values.publisher, ['department', 'government'] as const);
  try {
    io.stdout(`${publicationDeadline(year, publisher)}\n`);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^publicationDeadline: /, '--'));
  }
  return 0;
}

/**
 * The commands of gov-disclosure-report. Each takes its arguments and the
 * {@link Io}, writes its output and returns the exit status.
 */
import { parseArgs } from 'node:util';
import { publicationDeadline } from '../dates/deadline.js';
import { EDITION_KEYS } from '../format/layout.js';
import { parseReport } from '../parse/parse.js';
import { drawable, renderReport, type RenderFormat } from '../render/render.js';
import type { Locale } from '../rules/catalogue.js';
import type { Finding } from '../validate/finding.js';
import { validateReport } from '../validate/validate.js';
import { findingLines } from './findings.js';
import { DEFAULT_MAX_BYTES, failureReason, InputError, paint, printable, readBytes, readJson, type Io } from './io.js';

/** A bad option or argument: its one-line message, and exit code 2. */
export class UsageError extends Error {}

/** The value of an option that takes one of `allowed`, or `fallback` when absent. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.join(' or ')}${value === undefined ? '' : `, not "${value}"`}`);
}

const LOCALES = ['zh-CN', 'en'] as const;

/** The options of every command that reads input. */
const INPUT_OPTIONS = { 'max-bytes': { type: 'string' } } as const;

/** The value of --max-bytes: how many bytes of one input are read before it is refused. */
export function maxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (n > 0 && Number.isSafeInteger(n)) return n;
  throw new UsageError(`--max-bytes must be a whole number of bytes above 0, not "${value}"`);
}

interface FileResult {
  file: string;
  ok: boolean;
  findings: Finding[];
  /** Why the file could not be read (exit 2). */
  error?: string;
}

/** A file to validate, or a directory named with why it gives none. */
interface Input {
  file: string;
  error?: string;
}

/**
 * The files named by the arguments: a directory stands for the *.json files
 * directly in it (not in its sub-directories), `-` for stdin. A directory
 * that cannot be listed, or has none, is kept with its error, to be reported
 * as unreadable: a mistyped or empty folder must not pass as "nothing wrong".
 */
function expandFiles(io: Io, args: readonly string[]): { inputs: Input[]; directories: number } {
  let directories = 0;
  const inputs = args.flatMap((arg): Input[] => {
    if (arg === '-' || !io.isDirectory(arg)) return [{ file: arg }];
    directories++;
    return jsonFilesIn(io, arg);
  });
  return { inputs, directories };
}

function jsonFilesIn(io: Io, directory: string): Input[] {
  let names: string[];
  try {
    names = io.list(directory);
  } catch (error) {
    return [{ file: directory, error: `${directory}: cannot list: ${failureReason(error)}` }];
  }
  const found = names.filter((path) => path.toLowerCase().endsWith('.json') && !io.isDirectory(path)).sort();
  return found.length > 0 ? found.map((file) => ({ file })) : [{ file: directory, error: `${directory}: no *.json file in this directory` }];
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function summary(results: readonly FileResult[], color: boolean): string {
  const unreadable = results.filter((r) => r.error).length;
  const withErrors = results.filter((r) => !r.ok && !r.error).length;
  const clean = results.length - unreadable - withErrors;
  const byCode = new Map<string, number>();
  for (const f of results.flatMap((r) => r.findings)) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const codes = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `  ${code.padEnd(28)} ${n}`);
  return [
    paint(color, 'bold', `${plural(results.length, 'file')}: ${clean} without errors, ${withErrors} with errors, ${unreadable} unreadable`),
    ...(codes.length > 0 ? ['findings by code:', ...codes] : []),
  ].join('\n');
}

/** validate FILE… [--previous FILE] [--locale zh-CN|en] [--json] [--max-bytes N] */
export async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { previous: { type: 'string' }, locale: { type: 'string' }, json: { type: 'boolean' }, ...INPUT_OPTIONS },
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE (or - for standard input)');
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const limit = maxBytes(values['max-bytes']);
  const previous = values.previous === undefined ? undefined : await readJson(io, values.previous, limit);
  const { inputs, directories } = expandFiles(io, positionals);
  const progress = io.ttyErr && directories > 0 && !values.json;

  const results: FileResult[] = [];
  for (const [i, { file, error }] of inputs.entries()) {
    if (progress) io.stderr(`\r\x1b[K[${i + 1}/${inputs.length}] ${printable(file)}`);
    results.push(error === undefined ? await validateFile(io, file, limit, { previous, locale }) : { file, ok: false, findings: [], error });
  }
  if (progress) io.stderr('\r\x1b[K');

  if (values.json) {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.error) {
        io.stderr(`${paint(io.ttyErr, 'red', '✖')} ${printable(r.error)}\n`);
        continue;
      }
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      const head = r.ok ? paint(io.tty, 'green', `✔ ${printable(r.file)}`) : paint(io.tty, 'red', `✖ ${printable(r.file)}`);
      io.stdout(`${head}: ${plural(errors, 'error')}, ${plural(r.findings.length - errors, 'warning')}\n`);
      for (const f of r.findings) io.stdout(findingLines(f, io.tty));
    }
    if (directories > 0 || results.length > 1) io.stdout(`\n${summary(results, io.tty)}\n`);
  }
  if (results.some((r) => r.error)) return 2;
  return results.every((r) => r.ok) ? 0 : 1;
}

/** One file validated; one that cannot be read is a result with its error, so the other files are still reported. */
async function validateFile(io: Io, file: string, limit: number, options: { previous: unknown; locale: Locale }): Promise<FileResult> {
  try {
    const { ok, findings } = validateReport(await readJson(io, file, limit), options);
    return { file, ok, findings };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { file, ok: false, findings: [], error: error.message };
  }
}

const FORMATS = ['text', 'markdown', 'html', 'xlsx', 'docx'] as const;

/** render FILE [--to markdown|html|text|xlsx|docx] [-o FILE] [--locale zh-CN|en] [--max-bytes N] */
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
    try {
      io.writeFile(values.output, rendered);
    } catch (error) {
      throw new InputError(`${values.output}: cannot write: ${failureReason(error)}`);
    }
  }
  // A workbook or a document does not show the findings: they go to standard error.
  if (binary) for (const f of findings) io.stderr(findingLines(f, io.ttyErr));
  return ok ? 0 : 1;
}

/** parse FILE [--json] [--locale zh-CN|en] [--max-bytes N]: the kind of input is told by its content, not its name. */
export async function parse(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, locale: { type: 'string' }, ...INPUT_OPTIONS },
  });
  if (positionals.length !== 1) throw new UsageError('parse needs exactly one FILE (or - for standard input)');
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const result = await parseReport(await readBytes(io, positionals[0]!, maxBytes(values['max-bytes'])), { locale });
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    if (result.report) io.stdout(`${JSON.stringify(result.report, null, 2)}\n`);
    for (const f of result.findings) io.stderr(findingLines(f, io.ttyErr));
  }
  return result.ok ? 0 : 1;
}

/** schema [--edition EDITION]: the editions are those of the format metadata. */
export function schema(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { edition: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`schema takes no argument, got "${positionals[0]}"`);
  const edition = values.edition === undefined ? undefined : oneOf('edition', values.edition, EDITION_KEYS);
  io.stdout(io.schemaText(edition ?? 'report'));
  return 0;
}

/** deadline --year N --publisher department|government */
export function deadline(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { year: { type: 'string' }, publisher: { type: 'string' } } });
  if (values.year === undefined || !/^\d{1,4}$/.test(values.year)) {
    throw new UsageError(`--year must be a year such as 2021${values.year === undefined ? '' : `, not "${values.year}"`}`);
  }
  const publisher = oneOf('publisher', values.publisher, ['department', 'government'] as const);
  try {
    io.stdout(`${publicationDeadline(Number(values.year), publisher)}\n`);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^publicationDeadline: /, '--'));
  }
  return 0;
}

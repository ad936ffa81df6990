/**
 * The results of the commands that read many files, printed as they come:
 * each in the order of the inputs as soon as it and those before it are
 * done, with only what the summary and the exit status need kept, so a
 * folder of any size is read in the memory of a few files. The formats that
 * are one document (`json`, `sarif`, `junit`, `--json`) hold the results
 * until the end, as they must.
 */
import type { Finding } from '../validate/finding.js';
import { findingLines } from './findings.js';
import type { Input } from './inputs.js';
import { paint, printable, type Io } from './io.js';
import { formatResults, ndjsonOutput, type FileResult, type OutputCommand, type OutputFormat } from './output.js';
import { runJobs, type Outcome, type Work } from './tasks.js';

/**
 * Hands `each` the result of every input in the order of the inputs: the
 * files worked on (in worker threads with `--jobs`), and the inputs that
 * could not be listed, as `unlisted` makes their results, in their place.
 * `progress` shows a line on a terminal's standard error.
 *
 * @example
 * ```ts
 * // type-only: reads files
 * import { eachResult } from './results.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const work = { command: 'validate', limit: 1 << 26, locale: 'zh-CN' } as const;
 * await eachResult(io, work, [{ file: 'a.json' }], { jobs: 1, progress: false }, ({ file, error }) => ({ file, ok: false, findings: [], error }), (r) => console.log(r.ok));
 * ```
 */
export async function eachResult<W extends Work>(
  io: Io,
  work: W,
  inputs: readonly Input[],
  options: { jobs: number; progress: boolean },
  unlisted: (input: Input & { error: string }) => Outcome<W['command']>,
  each: (result: Outcome<W['command']>) => void,
): Promise<void> {
  let at = 0;
  const unlistedBefore = () => {
    for (; inputs[at]?.error !== undefined; at++) each(unlisted(inputs[at] as Input & { error: string }));
  };
  const files = inputs.filter((input) => input.error === undefined).map((input) => input.file);
  await runJobs(io, work, files, { ...options, progress: options.progress && io.ttyErr }, (result) => {
    unlistedBefore();
    each(result);
    at++;
  });
  unlistedBefore();
}

/**
 * What a command keeps of its results once they are printed: the counts
 * its summary and its exit status need.
 *
 * @example
 * ```ts
 * import { Tally } from './results.js';
 * const tally = new Tally(false);
 * tally.add({ file: 'a.json', ok: true, findings: [{ code: 'cell.blank', severity: 'warning', path: '/year', message: '…' }] });
 * tally.status(0); // 1: more warnings than --max-warnings 0
 * ```
 */
export class Tally {
  files = 0;
  unreadable = 0;
  withErrors = 0;
  /** Every warning, printed or not: --max-warnings counts them all. */
  warnings = 0;
  /** The findings printed, by code: with --quiet, only the errors. */
  readonly byCode = new Map<string, number>();

  constructor(private readonly quiet: boolean) {}

  add(result: FileResult): void {
    this.files++;
    if (result.error !== undefined) this.unreadable++;
    else if (!result.ok) this.withErrors++;
    for (const f of result.findings) {
      if (f.severity === 'warning') this.warnings++;
      if (!this.quiet || f.severity === 'error') this.byCode.set(f.code, (this.byCode.get(f.code) ?? 0) + 1);
    }
  }

  /** The exit status: 2 when an input could not be read, 1 for an error or for more warnings than `maxWarnings`, and 0 otherwise. */
  status(maxWarnings: number | undefined): 0 | 1 | 2 {
    if (this.unreadable > 0) return 2;
    if (this.withErrors > 0) return 1;
    return maxWarnings !== undefined && this.warnings > maxWarnings ? 1 : 0;
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Prints the results of `validate` or `parse` one by one as they come, in
 * the chosen format: text for people (findings on stdout, unreadable files
 * on stderr; with `quiet`, only the files with errors, and their errors),
 * or one for machines. `end` prints what comes last (a summary, or the
 * document of a format that is one) and returns the exit status, saying
 * on stderr when it is 1 only for --max-warnings.
 *
 * @example
 * ```ts
 * // type-only: prints to standard output
 * import { resultPrinter } from './results.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const printer = resultPrinter(io, 'validate', 'text', { quiet: false, summary: true });
 * printer.print({ file: 'a.json', ok: true, findings: [] });
 * const status = printer.end(undefined); // 0
 * ```
 */
export function resultPrinter(
  io: Io,
  command: OutputCommand,
  format: OutputFormat | 'legacy-json',
  options: { quiet: boolean; summary: boolean },
): { print: (result: FileResult) => void; end: (maxWarnings: number | undefined) => number } {
  const tally = new Tally(options.quiet);
  const held: FileResult[] = [];
  const print = (result: FileResult) => {
    tally.add(result);
    // With --quiet, only the errors; the report `parse` read is shown only in the JSON document.
    const { report, ...rest } = result;
    const shown = { ...(format === 'json' && report !== undefined ? result : rest), findings: options.quiet ? errors(result.findings) : result.findings };
    if (format === 'text') printText(io, shown, options.quiet);
    else if (format === 'ndjson') io.stdout(ndjsonOutput([shown]));
    else held.push(shown);
  };
  const end = (maxWarnings: number | undefined) => {
    if (format === 'legacy-json') io.stdout(`${JSON.stringify(held, null, 2)}\n`);
    else if (format !== 'text' && format !== 'ndjson') io.stdout(formatResults(format, command, held));
    else if (format === 'text' && options.summary) io.stdout(`\n${summary(tally, io.tty)}\n`);
    return finish(io, tally, maxWarnings);
  };
  return { print, end };
}

/**
 * The exit status of the results tallied, saying on stderr when it is 1
 * only for --max-warnings.
 *
 * @example
 * ```ts
 * // type-only: may print to standard error
 * import { finish, Tally } from './results.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const tally = new Tally(false);
 * tally.add({ file: 'a.json', ok: true, findings: [] });
 * const status = finish(io, tally, 0); // 0
 * ```
 */
export function finish(io: Io, tally: Tally, maxWarnings: number | undefined): number {
  const status = tally.status(maxWarnings);
  if (status === 1 && tally.withErrors === 0) io.stderr(`${plural(tally.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
  return status;
}

const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

/** One result as text: its head line and its findings; an unreadable file on standard error; with `quiet`, nothing for a file without errors. */
function printText(io: Io, r: FileResult, quiet: boolean): void {
  if (r.error) return io.stderr(`${paint(io.ttyErr, 'red', '✖')} ${printable(r.error)}\n`);
  if (quiet && r.ok) return;
  const errorCount = errors(r.findings).length;
  const head = r.ok ? paint(io.tty, 'green', `✔ ${printable(r.file)}`) : paint(io.tty, 'red', `✖ ${printable(r.file)}`);
  io.stdout(`${head}: ${plural(errorCount, 'error')}, ${plural(r.findings.length - errorCount, 'warning')}\n`);
  for (const f of r.findings) io.stdout(findingLines(f, io.tty));
}

function summary(tally: Tally, color: boolean): string {
  const clean = tally.files - tally.unreadable - tally.withErrors;
  const codes = [...tally.byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `  ${code.padEnd(28)} ${n}`);
  return [
    paint(color, 'bold', `${plural(tally.files, 'file')}: ${clean} without errors, ${tally.withErrors} with errors, ${tally.unreadable} unreadable`),
    ...(codes.length > 0 ? ['findings by code:', ...codes] : []),
  ].join('\n');
}

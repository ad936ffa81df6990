/**
 * What `validate`, `parse` and `export` do to one file, the same in the
 * command's own thread and in a worker thread (`--jobs`): read it, then
 * validate it, parse it, or turn it into export rows.
 */
import { layoutOf } from '../format/layout.js';
import type { Locale } from '../rules/catalogue.js';
import { validateReport } from '../validate/validate.js';
import { exportRows, type ExportFormat } from './export-rows.js';
import { InputError, jsonOf, printable, readBytes, readJson, type Io } from './io.js';
import type { FileResult } from './output.js';

/**
 * The work of one command over its files; plain data, so it can be posted
 * to a worker thread.
 *
 * @example
 * ```ts
 * import type { Work } from './tasks.js';
 * const work: Work = { command: 'validate', limit: 1_000_000, locale: 'en' };
 * ```
 */
export type Work =
  | { command: 'validate'; limit: number; locale: Locale; previous?: unknown }
  | { command: 'parse'; limit: number; locale: Locale }
  | { command: 'export'; limit: number; to: ExportFormat };

/**
 * What `export` got of one file: its rows, or why it has none (`error`:
 * unreadable, exit 2; `skipped`: read, but no report in it, exit 1).
 *
 * @example
 * ```ts
 * import type { ExportedFile } from './tasks.js';
 * const done: ExportedFile = { file: 'a.html', rows: '', skipped: 'a.html: no report could be read (parse.noTables)' };
 * ```
 */
export interface ExportedFile {
  file: string;
  rows: string;
  error?: string;
  skipped?: string;
}

/**
 * The result of one file, by command.
 *
 * @example
 * ```ts
 * import type { Outcome } from './tasks.js';
 * const done: Outcome<'validate'> = { file: 'a.json', ok: true, findings: [] };
 * ```
 */
export type Outcome<C extends Work['command']> = C extends 'export' ? ExportedFile : FileResult;

/**
 * The results of a worker's batch of `files`, in their order, one after the
 * other. A file whose work throws (a fault of this program, not of the file)
 * ends the batch with a {@link FailedFile}, as the throw would have ended a
 * run in one thread at that file.
 *
 * @example
 * ```ts
 * // type-only: reads files
 * import { nodeIo } from './io.js';
 * import { runFiles } from './tasks.js';
 * const io = nodeIo(new URL('../schema/', import.meta.url));
 * const results = await runFiles(io, { command: 'validate', limit: 1 << 26, locale: 'zh-CN' }, ['a.json', 'b.json']);
 * ```
 */
export async function runFiles<W extends Work>(io: Io, work: W, files: readonly string[]): Promise<(Outcome<W['command']> | FailedFile)[]> {
  const results: (Outcome<W['command']> | FailedFile)[] = [];
  for (const file of files) {
    try {
      results.push((await runFile(io, work, file)) as Outcome<W['command']>);
    } catch (error) {
      results.push({ file, failure: String((error as Error | undefined)?.message ?? error) });
      break;
    }
  }
  return results;
}

/**
 * A file whose work threw in a worker thread: the message of what was
 * thrown, which the command's own thread throws again in the file's place.
 *
 * @example
 * ```ts
 * import type { FailedFile } from './tasks.js';
 * const failed: FailedFile = { file: 'a.html', failure: 'Maximum call stack size exceeded' };
 * ```
 */
export interface FailedFile {
  file: string;
  failure: string;
}

/**
 * Works on `files` and hands `each` their results in the order of the
 * files, each as soon as it and those before it are done, so a command
 * prints them as they come and keeps none: with more than one job and more
 * than one file, batches of them go to `jobs` worker threads (when the Io
 * has them); otherwise they are read in this thread, and no pool is
 * started. With `progress`, a line on standard error counts the files done.
 *
 * @example
 * ```ts
 * // type-only: reads files in worker threads
 * import { nodeIo } from './io.js';
 * import { runJobs } from './tasks.js';
 * const io = nodeIo(new URL('../schema/', import.meta.url), new URL('./worker.js', import.meta.url));
 * await runJobs(io, { command: 'parse', limit: 1 << 26, locale: 'zh-CN' }, ['a.html', 'b.pdf'], { jobs: 2, progress: false }, (result) => console.log(result.file));
 * ```
 */
export async function runJobs<W extends Work>(
  io: Io,
  work: W,
  files: readonly string[],
  options: { jobs: number; progress: boolean },
  each: (result: Outcome<W['command']>) => void,
): Promise<void> {
  let finished = 0;
  const deliver = (results: readonly unknown[]) => {
    // The progress line is taken away while results are printed, and drawn again after them: never on one line with them.
    if (options.progress) io.stderr('\r\x1b[K');
    for (const result of results) {
      if (typeof result === 'object' && result !== null && 'failure' in result) throw new Error((result as FailedFile).failure);
      each(result as Outcome<W['command']>);
      finished++;
    }
    if (options.progress) io.stderr(`\r\x1b[K[${finished}/${files.length}] ${printable(files[finished - 1]!)}`);
  };
  // Standard input is this process's own: a run that reads it stays in this thread.
  const threads = Math.min(options.jobs, files.length);
  const pool = threads > 1 && !files.includes('-') ? await io.startPool?.(threads) : undefined;
  try {
    if (!pool) {
      for (const file of files) deliver([await runFile(io, work, file)]);
      return;
    }
    // Small batches keep the threads evenly loaded; not too small, as each is a message each way.
    const size = Math.min(BATCH, Math.ceil(files.length / (threads * 8)));
    const batches: (readonly string[])[] = [];
    for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
    await inOrder(batches.length, threads * AHEAD, (i) => pool.run(work, batches[i]!), deliver);
  } finally {
    await pool?.close();
    if (options.progress) io.stderr('\r\x1b[K');
  }
}

/** How many batches a thread may have out beyond the next to print: enough to keep it busy, few enough that what waits behind a slow batch stays small. */
const AHEAD = 4;

/**
 * Runs `count` jobs, at most `window` beyond the next to deliver, and hands
 * their results to `deliver` in their order, each as soon as those before
 * it are delivered. Resolves when all are; rejects at the first job in
 * order that failed, or when `deliver` throws, and starts no job more.
 */
function inOrder(count: number, window: number, run: (i: number) => Promise<unknown[]>, deliver: (results: unknown[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const ended = new Map<number, { results: unknown[] } | { failure: unknown }>();
    let next = 0;
    let started = 0;
    let over = false;
    const onward = () => {
      try {
        for (let job = ended.get(next); job && !over; job = ended.get(next)) {
          // Delivered results are let go at once: only those waiting for an earlier job are held.
          ended.delete(next++);
          if ('failure' in job) throw job.failure;
          deliver(job.results);
        }
      } catch (failure) {
        over = true;
        return reject(failure);
      }
      if (next === count) return resolve();
      for (; !over && started < count && started < next + window; started++) {
        const i = started;
        run(i).then(
          (results) => ended.set(i, { results }),
          (failure: unknown) => ended.set(i, { failure }),
        ).then(onward);
      }
    };
    onward();
  });
}

/** The most files a worker is sent at once. */
const BATCH = 64;

/** One file's result; an unreadable file is a result with its error, so the others are still done. */
async function runFile(io: Io, work: Work, file: string): Promise<FileResult | ExportedFile> {
  try {
    if (work.command === 'validate') {
      const { ok, findings } = validateReport(await readJson(io, file, work.limit), { locale: work.locale, previous: work.previous });
      return { file, ok, findings };
    }
    if (work.command === 'parse') {
      // The parser (and the Word, Excel and PDF readers behind it) is loaded only for a command that parses.
      const { parseReport } = await import('../parse/parse.js');
      const result = await parseReport(await readBytes(io, file, work.limit), { locale: work.locale });
      return { file, ok: result.ok, findings: result.findings, ...(result.report ? { report: result.report } : {}) };
    }
    return await exportFile(io, work, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return work.command === 'export' ? { file, rows: '', error: error.message } : { file, ok: false, findings: [], error: error.message };
  }
}

const JSON_START = /^\uFEFF?\s*\{/;

/** Export rows of a report JSON file, or of a published report read as `parse` reads it: told from the content, not the name. */
async function exportFile(io: Io, work: Extract<Work, { command: 'export' }>, file: string): Promise<ExportedFile> {
  const bytes = await readBytes(io, file, work.limit);
  const json = JSON_START.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64)));
  // A report with faults in its figures is exported all the same: the analyst sees them as printed.
  const { report, findings } = json ? validateReport(jsonOf(file, bytes)) : await (await import('../parse/parse.js')).parseReport(bytes);
  // A published file in which not one of the tables was found holds no report, only blanks.
  const tableless = !json && findings.filter((f) => f.code === 'parse.tableMissing').length === (report ? layoutOf(report.edition).tables.length : 0);
  if (report && !tableless) return { file, rows: exportRows(file, report, work.to) };
  const why = findings.find((f) => f.severity === 'error');
  return { file, rows: '', skipped: `${file}: no report could be read${why ? ` (${why.code} ${why.path || '/'})` : ''}` };
}

/**
 * The script of a `--jobs` worker thread: it runs a batch of files as the
 * command's own thread would, and returns their results.
 *
 * @example
 * ```ts
 * // type-only: the default export is called by the pool in a worker thread
 * import runBatch from './worker.js';
 * const results = await runBatch({ work: { command: 'parse', limit: 1 << 26, locale: 'zh-CN' }, files: ['a.html'] });
 * ```
 *
 * @module
 */
import { nodeIo } from './io.js';
import { runFiles, type Work } from './tasks.js';

// As in the command's own thread (bin.ts): what a dependency says on the console goes to standard error,
// never into the output.
for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;

const io = nodeIo(new URL('../schema/', import.meta.url));

/** The results of a batch of files, in their order. */
export default function runBatch(batch: { work: Work; files: readonly string[] }): Promise<unknown[]> {
  return runFiles(io, batch.work, batch.files);
}

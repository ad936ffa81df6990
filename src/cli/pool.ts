/**
 * `--jobs N`: the files of a command shared out to N worker threads
 * (tinypool), in batches, the results put back in the order of the files.
 * Loaded only when a pool is started, so a run of one file never loads it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Work } from './tasks.js';

/**
 * Worker threads that run batches of files; see `runFiles` in tasks.ts,
 * which each worker calls on its batch.
 *
 * @example
 * ```ts
 * // type-only: starts threads
 * import type { WorkerPool } from './pool.js';
 * declare const pool: WorkerPool;
 * const results = await pool.run({ command: 'validate', limit: 1 << 26, locale: 'zh-CN' }, ['a.json', 'b.json']);
 * await pool.close();
 * ```
 */
export interface WorkerPool {
  /** The results of the files, in their order, worked out by one thread. */
  run(work: Work, files: readonly string[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * A pool of `threads` worker threads running the built worker script, or
 * `undefined` when the script is not there (the command run from its
 * TypeScript source): the files are then worked on in the command's own
 * thread.
 *
 * @example
 * ```ts
 * // type-only: starts threads
 * import { startWorkers } from './pool.js';
 * const pool = await startWorkers(new URL('./worker.js', import.meta.url), 2);
 * await pool?.close();
 * ```
 */
export async function startWorkers(script: URL, threads: number): Promise<WorkerPool | undefined> {
  if (!existsSync(fileURLToPath(script))) return undefined;
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: script.href, minThreads: threads, maxThreads: threads });
  return {
    run: (work, files) => pool.run({ work, files }) as Promise<unknown[]>,
    close: () => pool.destroy(),
  };
}

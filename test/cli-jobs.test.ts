/**
 * runJobs over a pool of worker threads, with a pool whose batches end in
 * the order a test chooses: the results go out in the order of the files,
 * the first failure in that order ends the run where one thread would, and
 * only a window of batches is out at once.
 */
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import type { WorkerPool } from '../src/cli/pool.js';
import { runFiles, runJobs } from '../src/cli/tasks.js';
import { memoryIo } from './fixtures/cli.js';

const work = { command: 'validate', limit: 1 << 20, locale: 'en' } as const;
// 40 files in two threads: batches of 3 (40 / (2 × 8), rounded up), 14 of them.
const FILES = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}.json`);
const clean = (file: string) => ({ file, ok: true, findings: [] });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An Io whose pool answers each batch with `answer` (given the batch and the call's number), and what it saw. */
function withPool(answer: (batch: readonly string[], call: number) => Promise<unknown[]>) {
  const seen = { calls: 0, closed: false, busy: 0, mostBusy: 0 };
  const pool: WorkerPool = {
    run: async (_work, batch) => {
      const call = seen.calls++;
      seen.mostBusy = Math.max(seen.mostBusy, ++seen.busy);
      try {
        return await answer(batch, call);
      } finally {
        seen.busy--;
      }
    },
    close: async () => void (seen.closed = true),
  };
  const io: Io = { ...memoryIo({}).io, startPool: async () => pool };
  return { io, seen };
}

describe('runJobs with worker threads', () => {
  it('hands the results on in the order of the files when the batches end in reverse', async () => {
    const { io, seen } = withPool(async (batch, call) => {
      await sleep((20 - call) * 2);
      return batch.map(clean);
    });
    const printed: string[] = [];
    await runJobs(io, work, FILES, { jobs: 2, progress: false }, (r) => void printed.push(r.file));
    expect(printed).toEqual(FILES);
    expect(seen).toMatchObject({ calls: 14, closed: true });
  });

  it('has at most four batches a thread out beyond the next to print', async () => {
    let first: () => void = () => {};
    const { io, seen } = withPool(async (batch, call) => {
      if (call === 0) await new Promise<void>((resolve) => (first = resolve));
      return batch.map(clean);
    });
    const run = runJobs(io, work, FILES, { jobs: 2, progress: false }, () => {});
    await sleep(50);
    // The first batch holds up the printing: 2 threads × 4 batches are out, none more.
    expect(seen.calls).toBe(8);
    first();
    await run;
    expect(seen).toMatchObject({ calls: 14, mostBusy: 8 });
  });

  it('ends where one thread would when a file fails in a worker: the files before it printed, then its failure', async () => {
    const oneThread: string[] = [];
    const failing = withPool(async (batch) => {
      // What runFiles gives a batch whose third file throws.
      const at = batch.indexOf('f10.json');
      return at < 0 ? batch.map(clean) : [...batch.slice(0, at).map(clean), { file: 'f10.json', failure: 'boom' }];
    });
    const printed: string[] = [];
    await expect(runJobs(failing.io, work, FILES, { jobs: 2, progress: false }, (r) => void printed.push(r.file))).rejects.toThrow(/^boom$/);
    expect(printed).toEqual(FILES.slice(0, 10));
    expect(failing.seen.closed).toBe(true);
    // One thread: runFile throws at f10, after f00 to f09 were printed.
    const alone = { readBytes: async (path: string) => (path === 'f10.json' ? {} : new TextEncoder().encode('{}')) } as unknown as Io;
    await expect(runJobs(alone, work, FILES, { jobs: 1, progress: false }, (r) => void oneThread.push(r.file))).rejects.toThrow(TypeError);
    expect(printed).toEqual(oneThread);
  });

  it('a batch whose worker died ends the run at that batch, after the batches before it', async () => {
    const { io, seen } = withPool(async (batch, call) => {
      await sleep(call === 3 ? 1 : 10);
      if (call === 3) throw new Error('worker exited');
      return batch.map(clean);
    });
    const printed: string[] = [];
    await expect(runJobs(io, work, FILES, { jobs: 2, progress: false }, (r) => void printed.push(r.file))).rejects.toThrow('worker exited');
    expect(printed).toEqual(FILES.slice(0, 9));
    expect(seen.closed).toBe(true);
  });

  it('output that cannot be written ends the run: no batch more is started', async () => {
    const { io, seen } = withPool(async (batch) => batch.map(clean));
    await expect(
      runJobs(io, work, FILES, { jobs: 2, progress: false }, (r) => {
        if (r.file === 'f04.json') throw new Error('no space left on device');
      }),
    ).rejects.toThrow('no space left on device');
    expect(seen.calls).toBeLessThan(14);
    expect(seen.closed).toBe(true);
  });
});

it("runFiles, a worker's batch, stops at a file whose work throws and says what was thrown", async () => {
  const io = {
    // Not bytes: decoding them throws a TypeError, a fault of the program rather than of the file.
    readBytes: async (path: string) => (path === 'b.json' ? {} : new TextEncoder().encode('{}')),
  } as unknown as Io;
  const results = await runFiles(io, work, ['a.json', 'b.json', 'c.json']);
  expect(results.map((r) => r.file)).toEqual(['a.json', 'b.json']);
  expect(results[1]).toEqual({ file: 'b.json', failure: expect.stringMatching(/ArrayBuffer/) });
});

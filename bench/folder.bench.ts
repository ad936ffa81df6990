/**
 * npm run bench (folders): the built command over folders, one process as
 * users run it, its output written to a file.
 *
 * (a) validate a folder of 3,000 report JSON files with --jobs 1: reports
 *     per second (target ≥ 2,000 on one core); export them to CSV; and the
 *     peak memory of both, in one thread and in two, against a folder of
 *     four times as many, which stays about the same when each file's output
 *     goes out as it is done;
 * (b) parse a folder of 240 published pages (the six corpus pages, 40 times
 *     each) with --jobs 2 against --jobs 1: the speed-up (target ≥ ×1.6).
 *     Beside it, what bounds any pool of threads on this machine: the cores
 *     one --jobs 1 run keeps busy (V8 compiles and collects on threads of its
 *     own), and two --jobs 1 processes of 120 pages each, run side by side,
 *     against the one process of 240.
 *
 * Runs alternate and the medians are compared, so both sides see the same
 * machine; the best run is printed too, as the machine may be shared.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;
const REPORTS = 3000;
const COPIES = 40;

const work = mkdtempSync(join(tmpdir(), 'gdr-folder-'));

const ENV = { ...process.env, NO_COLOR: '1' };
/** 1: a report with an error (the corpus pages have some); anything else is a failure of the command. */
function check(args: readonly string[], status: number | null, stderr: unknown): void {
  if (status !== 0 && status !== 1) throw new Error(`${args.join(' ')} exited ${status}: ${stderr}`);
}

/** Seconds of one run of the built command; its standard output goes to a file, as a user's would. */
function seconds(args: readonly string[]): number {
  return run(args).seconds;
}

/** One run of the built command, its output to a file: its seconds and its peak resident memory in MB (told by a preloaded script as it exits). */
function run(args: readonly string[]): { seconds: number; peakMb: number } {
  const out = openSync(join(work, 'out'), 'w');
  const peak = join(work, 'peak');
  try {
    const start = process.hrtime.bigint();
    const done = spawnSync(process.execPath, ['--require', join(ROOT, 'bench/peak-memory.cjs'), 'dist/bin.js', ...args], {
      cwd: ROOT,
      stdio: ['ignore', out, 'pipe'],
      env: { ...ENV, PEAK_MEMORY_FILE: peak },
    });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    check(args, done.status, done.stderr);
    return { seconds: elapsed, peakMb: Number(readFileSync(peak, 'utf8')) / 1024 };
  } finally {
    closeSync(out);
  }
}

/** Seconds until runs of the built command started together have all ended. */
async function together(runs: readonly (readonly string[])[]): Promise<number> {
  // Each writes its standard output to a file of its own, as a single run does.
  const outs = runs.map((_, i) => openSync(join(work, `out-${i}`), 'w'));
  const start = process.hrtime.bigint();
  try {
    await Promise.all(
      runs.map(
        (args, i) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['dist/bin.js', ...args], { cwd: ROOT, stdio: ['ignore', outs[i]!, 'pipe'], env: ENV });
            let stderr = '';
            child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
            child.on('error', reject).on('close', (status) => {
              try {
                check(args, status, stderr);
                resolve();
              } catch (error) {
                reject(error);
              }
            });
          }),
      ),
    );
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    for (const out of outs) closeSync(out);
  }
}

/** CPU seconds (user and system) of this process's ended children, where the system tells them (Linux). */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, the 16th and 17th fields of /proc/pid/stat (proc(5)), in clock ticks (USER_HZ, 100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  // (a) 3,000 reports: the three examples in turn (a 2019-edition report with 113 blank cells among them), each agency numbered.
  const reports = join(work, 'reports');
  mkdirSync(reports);
  const examples = ['biandong-2021', 'shanghai-2019', 'synthetic-2021'].map((name) => JSON.parse(readFileSync(join(ROOT, 'examples', `${name}.json`), 'utf8')) as { agency?: string });
  for (let i = 0; i < REPORTS; i++) {
    const report = { ...examples[i % examples.length]!, agency: `${examples[i % examples.length]!.agency ?? ''}${i}` };
    writeFileSync(join(reports, `${String(i).padStart(4, '0')}.json`), `${JSON.stringify(report, null, 2)}\n`);
  }
  // A first run, not counted, reads the files just written into the page cache, as later runs find them.
  seconds(['validate', reports, '--jobs', '1']);
  const validateRuns = Array.from({ length: RUNS }, () => seconds(['validate', reports, '--jobs', '1']));
  const rate = REPORTS / median(validateRuns);
  console.log(`\nvalidate a folder of ${REPORTS} reports, --jobs 1 (${RUNS} runs)\n`);
  console.log(`median ${median(validateRuns).toFixed(2)} s = ${rate.toFixed(0)} reports/s; best ${(REPORTS / Math.min(...validateRuns)).toFixed(0)} reports/s`);
  console.log(`target ≥ 2000 reports/s — ${rate >= 2000 ? 'met' : 'NOT met'}`);

  // The same reports four times over (hard links): the memory a run needs should not grow with the folder.
  const more = join(work, 'reports-x4');
  mkdirSync(more);
  for (let copy = 0; copy < 4; copy++) for (const name of readdirSync(reports)) linkSync(join(reports, name), join(more, `${copy}-${name}`));
  seconds(['export', reports, '--jobs', '1']);
  const exportRuns = Array.from({ length: 3 }, () => run(['export', reports, '--jobs', '1']));
  console.log(`\nexport the ${REPORTS} reports to CSV, --jobs 1 (3 runs): median ${(REPORTS / median(exportRuns.map((r) => r.seconds))).toFixed(0)} reports/s`);
  console.log(`peak memory (resident), ${REPORTS} reports against ${4 * REPORTS}, one run each:`);
  for (const command of ['validate', 'export']) {
    for (const jobs of ['1', '2']) {
      const [few, many] = [reports, more].map((folder) => run([command, folder, '--jobs', jobs]).peakMb);
      console.log(`  ${command.padEnd(8)} --jobs ${jobs}  ${few!.toFixed(0)} MB, ${many!.toFixed(0)} MB: ×${(many! / few!).toFixed(2)} for four times the files`);
    }
  }

  // (b) 240 published pages.
  const pages = join(work, 'pages');
  mkdirSync(pages);
  const html = join(ROOT, 'test/corpus/html');
  const names = readdirSync(html).filter((name) => name.endsWith('.html'));
  for (let copy = 0; copy < COPIES; copy++) for (const name of names) copyFileSync(join(html, name), join(pages, `${String(copy).padStart(2, '0')}-${name}`));
  // The same pages in two folders of half as many, for two processes side by side.
  const halves = [join(work, 'half-a'), join(work, 'half-b')];
  for (const half of halves) mkdirSync(half);
  // Every other copy of the six pages: each half holds every kind of page.
  readdirSync(pages).sort().forEach((name, i) => copyFileSync(join(pages, name), join(halves[Math.floor(i / names.length) % 2]!, name)));
  seconds(['parse', pages, '--jobs', '1']);
  const one: number[] = [];
  const two: number[] = [];
  const side: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = childrenCpu();
    one.push(seconds(['parse', pages, '--jobs', '1']));
    const after = childrenCpu();
    if (cpu !== undefined && after !== undefined) busy.push((after - cpu) / one.at(-1)!);
    two.push(seconds(['parse', pages, '--jobs', '2']));
    side.push(await together(halves.map((half) => ['parse', half, '--jobs', '1'])));
  }
  const speedup = median(one) / median(two);
  const count = names.length * COPIES;
  console.log(`\nparse a folder of ${count} published pages (${RUNS} runs each, alternating)\n`);
  console.log(`--jobs 1  median ${median(one).toFixed(2)} s (${(count / median(one)).toFixed(0)} pages/s)`);
  console.log(`--jobs 2  median ${median(two).toFixed(2)} s (${(count / median(two)).toFixed(0)} pages/s)`);
  console.log(`speed-up of --jobs 2: ×${speedup.toFixed(2)} (best runs: ×${(Math.min(...one) / Math.min(...two)).toFixed(2)}; target ≥ ×1.6) — ${speedup >= 1.6 ? 'met' : 'NOT met'}`);
  // A run that already keeps `busy` cores at work (V8 compiles on threads of its own) can at best go cores / busy times as fast.
  const bound = busy.length > 0 ? ` (so no number of threads can make it more than ×${(availableParallelism() / median(busy)).toFixed(2)} as fast)` : '';
  console.log(`what bounds it here: one --jobs 1 run keeps ${busy.length > 0 ? `${median(busy).toFixed(2)} of ${availableParallelism()} cores` : 'an unknown number of cores'} busy${bound};`);
  const ceiling = median(one) / median(side);
  console.log(`  two --jobs 1 processes of ${count / 2} pages each, side by side: median ${median(side).toFixed(2)} s, ×${ceiling.toFixed(2)} the one process of ${count}`);
  console.log(`  --jobs 2 reaches ${((speedup / ceiling) * 100).toFixed(0)}% of what two processes with nothing shared reach here`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

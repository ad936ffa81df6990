/**
 * npm run bench (folders): the built command over folders, one process as
 * users run it, its output written to a file.
 *
 * (a) validate a folder of 3,000 report JSON files with --jobs 1: reports
 *     per second (target ≥ 2,000 on one core);
 * (b) parse a folder of 240 published pages (the six corpus pages, 40 times
 *     each) with --jobs 2 against --jobs 1: the speed-up (target ≥ ×1.6).
 *
 * Runs alternate and the medians are compared, so both sides see the same
 * machine; the best run is printed too, as the machine may be shared.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const REPORTS = 3000;
const COPIES = 40;

const work = mkdtempSync(join(tmpdir(), 'gdr-folder-'));

/** Seconds of one run of the built command; its standard output goes to a file, as a user's would. */
function seconds(args: readonly string[]): number {
  const out = openSync(join(work, 'out'), 'w');
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['dist/bin.js', ...args], { cwd: ROOT, stdio: ['ignore', out, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    // 1: a report with an error (the corpus pages have some); anything else is a failure of the command.
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return elapsed;
  } finally {
    closeSync(out);
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
  const validateRuns = Array.from({ length: RUNS }, () => seconds(['validate', reports, '--jobs', '1']));
  const rate = REPORTS / median(validateRuns);
  console.log(`\nvalidate a folder of ${REPORTS} reports, --jobs 1 (${RUNS} runs)\n`);
  console.log(`median ${median(validateRuns).toFixed(2)} s = ${rate.toFixed(0)} reports/s; best ${(REPORTS / Math.min(...validateRuns)).toFixed(0)} reports/s`);
  console.log(`target ≥ 2000 reports/s — ${rate >= 2000 ? 'met' : 'NOT met'}`);

  // (b) 240 published pages.
  const pages = join(work, 'pages');
  mkdirSync(pages);
  const html = join(ROOT, 'test/corpus/html');
  const names = readdirSync(html).filter((name) => name.endsWith('.html'));
  for (let copy = 0; copy < COPIES; copy++) for (const name of names) copyFileSync(join(html, name), join(pages, `${String(copy).padStart(2, '0')}-${name}`));
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    one.push(seconds(['parse', pages, '--jobs', '1']));
    two.push(seconds(['parse', pages, '--jobs', '2']));
  }
  const speedup = median(one) / median(two);
  const count = names.length * COPIES;
  console.log(`\nparse a folder of ${count} published pages (${RUNS} runs each, alternating)\n`);
  console.log(`--jobs 1  median ${median(one).toFixed(2)} s (${(count / median(one)).toFixed(0)} pages/s)`);
  console.log(`--jobs 2  median ${median(two).toFixed(2)} s (${(count / median(two)).toFixed(0)} pages/s)`);
  console.log(`speed-up of --jobs 2: ×${speedup.toFixed(2)} (best runs: ×${(Math.min(...one) / Math.min(...two)).toFixed(2)}; target ≥ ×1.6) — ${speedup >= 1.6 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

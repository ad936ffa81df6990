/**
 * npm run bench: validateReport throughput on a valid and an invalid 2021
 * report, beside a bare zod parse of the same object (the zod schema of the
 * same shape, shape only) and a hand-written minimal check (types of the
 * table 三 cells and the 勾稽关系, nothing else). All in one run, so the
 * ratios hold on a noisy machine even when the absolute figures do not.
 */
import { Bench } from 'tinybench';
import { layoutOf, validateReport, type Report2021 } from '../src/index.js';
import { busyReport2021 } from '../test/fixtures/reports.js';
import { report2021Schema } from '../src/zod.js';

const BATCH = 100;

const valid = busyReport2021();
const invalid = busyReport2021();
invalid.applications.outcomes.total.naturalPerson = 38; // breaks two sums
invalid.reviewAndLitigation.administrativeReview.total = 5;
(invalid.proactive.licensing as { decisions: unknown }).decisions = '1520'; // a string for a number

// The least a hand-written check would do: every table 三 cell is a count, and the 勾稽关系 holds per column.
const applicationCells = layoutOf('2021').cells.filter((c) => c.table.key === 'applications');
function minimalCheck(report: Report2021): boolean {
  let ok = true;
  for (const cell of applicationCells) {
    const value = (report.applications as unknown as Record<string, Record<string, unknown>>)[cell.path[1]!];
    const leaf = cell.path.slice(2).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
    if (leaf !== null && !Number.isSafeInteger(leaf)) ok = false;
  }
  const { received, carriedOver, outcomes, carriedForward } = report.applications;
  for (const key of Object.keys(received) as (keyof typeof received)[]) {
    if ((received[key] ?? 0) + (carriedOver[key] ?? 0) !== (outcomes.total[key] ?? 0) + (carriedForward[key] ?? 0)) ok = false;
  }
  return ok;
}

// Sanity: each contender answers as expected, so the bench times real work.
if (!validateReport(valid).ok || validateReport(invalid).ok) throw new Error('validateReport answers wrongly');
if (!report2021Schema.safeParse(valid).success || report2021Schema.safeParse(invalid).success) throw new Error('zod answers wrongly');
if (!minimalCheck(valid) || minimalCheck(invalid)) throw new Error('the minimal check answers wrongly');

const contenders = {
  validateReport: (r: Report2021) => validateReport(r),
  'zod safeParse': (r: Report2021) => report2021Schema.safeParse(r),
  'minimal check': (r: Report2021) => minimalCheck(r),
};

const bench = new Bench({ time: 700, warmupTime: 200 });
for (const [input, report] of [['valid', valid], ['invalid', invalid]] as const) {
  for (const [name, run] of Object.entries(contenders)) {
    bench.add(`${name} · ${input}`, () => {
      for (let i = 0; i < BATCH; i++) run(report);
    });
  }
}
await bench.run();

const perSecond = new Map<string, number>();
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  perSecond.set(task.name, (1000 / result.latency.p50) * BATCH);
}
console.log('validations per second (median of samples of 100 calls); ratio = against zod safeParse on the same input\n');
for (const input of ['valid', 'invalid']) {
  const zod = perSecond.get(`zod safeParse · ${input}`)!;
  for (const name of Object.keys(contenders)) {
    const ops = perSecond.get(`${name} · ${input}`)!;
    console.log(`${input.padEnd(8)} ${name.padEnd(15)} ${Math.round(ops).toLocaleString('en').padStart(10)} /s   ×${(ops / zod).toFixed(2)}`);
  }
}
const worst = Math.min(...['valid', 'invalid'].map((i) => perSecond.get(`validateReport · ${i}`)! / perSecond.get(`zod safeParse · ${i}`)!));
console.log(`\nvalidateReport vs bare zod parse: ×${worst.toFixed(2)} at worst (target ≥ ×1.00) — ${worst >= 1 ? 'met' : 'NOT met'}`);

/**
 * npm run bench: sumReports of 1,000 reports, and compareReports of two,
 * each beside a hand-written loop that does only the arithmetic (sum each
 * leaf cell across the parts; compare each cell), with no validation, no
 * findings and no derived totals: the floor. Two inputs for the sum: 1,000
 * clean reports, and 1,000 generated ones with about one blank cell in
 * twelve (so every part has cell.blank findings to carry). All in one run,
 * so the ratios hold on a noisy machine even when the absolute figures do not.
 */
import fc from 'fast-check';
import { Bench } from 'tinybench';
import { compareReports, layoutOf, sumReports, type Report } from '../src/index.js';
import { toDecimal, fixed, type WanDecimal } from '../src/money/decimal.js';
import { reportArbitrary } from '../test/fixtures/arbitrary.js';
import { busyReport2021, previousOfBusy2021 } from '../test/fixtures/reports.js';

const PARTS = 1000;
const YEAR = 2022;
const OPTIONS = { agency: '某市人民政府（本级汇总）', year: YEAR } as const;

const clean: Report[] = Array.from({ length: PARTS }, () => busyReport2021());
const generated: Report[] = fc.sample(reportArbitrary('2021'), { numRuns: PARTS, seed: 2024 }).map((r) => ({ ...r, year: YEAR }) as Report);

const layout = layoutOf('2021');
const leaves = layout.cells.filter((c) => !c.derived);
const get = (root: unknown, path: readonly string[]) => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);

/** The floor: each leaf summed across the parts (blanks as 0), amounts in decimals; nothing checked, no totals. */
function sumLoop(parts: readonly Report[]): (number | string)[] {
  return leaves.map((cell) => {
    if (cell.kind === 'money') {
      let sum: WanDecimal = toDecimal(0)!;
      for (const part of parts) {
        const amount = get(part, cell.path);
        if (amount !== null) sum = sum.plus(toDecimal(amount)!);
      }
      return fixed(sum);
    }
    let sum = 0;
    for (const part of parts) sum += (get(part, cell.path) as number | null) ?? 0;
    return sum;
  });
}

/** The floor of a comparison: each cell's two figures read and compared. */
function compareLoop(previous: Report, current: Report): number {
  let differ = 0;
  for (const cell of layout.cells) if (get(previous, cell.path) !== get(current, cell.path)) differ++;
  return differ;
}

// Sanity: the contenders agree on what they compute, so the bench times real work.
for (const [name, parts] of [['clean', clean], ['generated', generated]] as const) {
  const { report, summed } = sumReports(parts, OPTIONS);
  if (summed.length !== PARTS) throw new Error(`sumReports left parts out of the ${name} sum`);
  const loop = sumLoop(parts);
  leaves.forEach((cell, i) => {
    const ours = get(report, cell.path) ?? (cell.kind === 'money' ? '0.0000' : 0);
    if (ours !== loop[i]) throw new Error(`${name}: ${cell.pointer}: sumReports ${String(ours)}, loop ${String(loop[i])}`);
  });
}
const previous = previousOfBusy2021();
const current = busyReport2021();
if (compareReports(previous, current).changes.length !== compareLoop(previous, current)) throw new Error('compareReports and the loop disagree');

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench.add('sumReports · 1,000 clean', () => sumReports(clean, OPTIONS));
bench.add('loop · 1,000 clean', () => sumLoop(clean));
bench.add('sumReports · 1,000 generated', () => sumReports(generated, OPTIONS));
bench.add('loop · 1,000 generated', () => sumLoop(generated));
const BATCH = 100;
bench.add('compareReports', () => {
  for (let i = 0; i < BATCH; i++) compareReports(previous, current);
});
bench.add('compare loop', () => {
  for (let i = 0; i < BATCH; i++) compareLoop(previous, current);
});
await bench.run();

const perSecond = new Map<string, number>();
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  perSecond.set(task.name, 1000 / result.latency.p50);
}
const rate = (name: string) => perSecond.get(name)!;
const fmt = (n: number, width: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1)).padStart(width);

console.log('sums of 1,000 reports per second (median)\n');
console.log(`${'input'.padEnd(11)} ${'sumReports'.padStart(11)} ${'loop (floor)'.padStart(13)}   reports/s summed   loop ÷ sumReports`);
for (const input of ['clean', 'generated']) {
  const ours = rate(`sumReports · 1,000 ${input}`);
  const floor = rate(`loop · 1,000 ${input}`);
  console.log(`${input.padEnd(11)} ${fmt(ours, 9)}/s ${fmt(floor, 11)}/s   ${fmt(ours * PARTS, 14)}   ×${(floor / ours).toFixed(1)}`);
}
const compares = rate('compareReports') * BATCH;
const compareFloor = rate('compare loop') * BATCH;
console.log(`\ncompareReports: ${fmt(compares, 0)}/s, the loop ${fmt(compareFloor, 0)}/s (loop ÷ compareReports ×${(compareFloor / compares).toFixed(1)})`);

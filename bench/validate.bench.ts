/**
 * npm run bench: validateReport throughput on four reports — a clean 2021
 * report, an invalid one, the Shanghai 2019 report (the 2019 edition, with
 * blank cells as published) and a 2021 report with ~120 blank cells — each
 * beside a bare zod parse of the same object (shape only) and a hand-written
 * walk that only type-checks every cell (no sums): the floor. All in one run,
 * so the ratios hold on a noisy machine even when the absolute figures do not.
 */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { layoutOf, validateReport, type Edition, type Report } from '../src/index.js';
import { report2019Schema, report2021Schema } from '../src/zod.js';
import { busyReport2021 } from '../test/fixtures/reports.js';

const BATCH = 100;

const clean = busyReport2021();
const invalid = busyReport2021();
invalid.applications.outcomes.total.naturalPerson = 38; // breaks two sums
invalid.reviewAndLitigation.administrativeReview.total = 5;
(invalid.proactive.licensing as { decisions: unknown }).decisions = '1520'; // a string for a number
const shanghai = JSON.parse(readFileSync(new URL('../examples/shanghai-2019.json', import.meta.url), 'utf8')) as Report;

/** A 2021 report as many are published: the zero cells of table 三 left blank (~120 of them). */
function blanked(): Report {
  const report = busyReport2021() as unknown as Record<string, unknown>;
  for (const cell of layoutOf('2021').cells) {
    if (cell.derived || cell.table.key !== 'applications') continue;
    const row = cell.path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, report);
    if (row[cell.column.key] === 0) row[cell.column.key] = null;
  }
  return report as unknown as Report;
}
const sparse = blanked();

const SCHEMAS = { '2021': report2021Schema, '2019': report2019Schema } as const;

/** The floor: every cell of the layout read along its path and type-checked, nothing else. */
function walk(edition: Edition): (report: Report) => boolean {
  const cells = layoutOf(edition).cells.map((cell) => ({ path: cell.path, money: cell.kind === 'money' }));
  return (report) => {
    let ok = true;
    for (const { path, money } of cells) {
      let node: unknown = report;
      for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
      if (node === null) continue;
      if (money ? typeof node !== 'string' || !/^\d+(\.\d+)?$/.test(node) : !Number.isSafeInteger(node)) ok = false;
    }
    return ok;
  };
}

const inputs = { clean, invalid, 'shanghai 2019': shanghai, '~120 blanks': sparse } as const;
const blanks = validateReport(sparse).findings.filter((f) => f.code === 'cell.blank').length;

// Sanity: each contender answers as expected, so the bench times real work.
for (const [name, report] of Object.entries(inputs)) {
  const expectOk = name !== 'invalid';
  if (validateReport(report).ok !== expectOk) throw new Error(`validateReport answers wrongly on ${name}`);
  if (SCHEMAS[report.edition].safeParse(report).success !== expectOk) throw new Error(`zod answers wrongly on ${name}`);
  if (walk(report.edition)(report) !== expectOk) throw new Error(`the walk answers wrongly on ${name}`);
}

const bench = new Bench({ time: 600, warmupTime: 150 });
for (const [input, report] of Object.entries(inputs)) {
  const contenders = {
    validateReport: () => validateReport(report),
    'zod safeParse': () => SCHEMAS[report.edition].safeParse(report),
    'walk (floor)': walk(report.edition).bind(undefined, report),
  };
  for (const [name, run] of Object.entries(contenders)) {
    bench.add(`${name} · ${input}`, () => {
      for (let i = 0; i < BATCH; i++) run();
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
const rate = (name: string, input: string) => perSecond.get(`${name} · ${input}`)!;
console.log('validations per second (median of samples of 100 calls)\n');
console.log(`${'input'.padEnd(14)} ${'validateReport'.padStart(15)} ${'zod safeParse'.padStart(14)} ${'walk (floor)'.padStart(13)}   vs zod   walk ÷ validate`);
for (const input of Object.keys(inputs)) {
  const [ours, zod, floor] = ['validateReport', 'zod safeParse', 'walk (floor)'].map((n) => rate(n, input)) as [number, number, number];
  const fmt = (n: number, width: number) => Math.round(n).toLocaleString('en').padStart(width);
  console.log(`${input.padEnd(14)} ${fmt(ours, 13)}/s ${fmt(zod, 12)}/s ${fmt(floor, 11)}/s   ×${(ours / zod).toFixed(2).padEnd(6)} ×${(floor / ours).toFixed(2)}`);
}

const targets = [
  [`clean report vs bare zod parse`, rate('validateReport', 'clean') / rate('zod safeParse', 'clean'), '≥', 1],
  [`${blanks} blank cells (${blanks} findings) vs bare zod parse`, rate('validateReport', '~120 blanks') / rate('zod safeParse', '~120 blanks'), '≥', 0.5],
  [`walk ÷ validateReport on the clean report`, rate('walk (floor)', 'clean') / rate('validateReport', 'clean'), '≤', 5],
] as const;
console.log('');
for (const [what, ratio, op, target] of targets) {
  const met = op === '≥' ? ratio >= target : ratio <= target;
  console.log(`${what}: ×${ratio.toFixed(2)} (target ${op} ×${target.toFixed(2)}) — ${met ? 'met' : 'NOT met'}`);
}

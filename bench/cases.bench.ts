/**
 * npm run bench (cases): tallyApplications over a register of 1,000,000
 * records beside a hand-written counting loop over the same array, in the
 * same run. The loop is what a case system writes by hand: four date
 * comparisons and two lookups a record, no checks, no deadlines. The tally
 * reads and checks every record, keeps every id for duplicates, and works
 * out the deadline of every record the report counts. Target: within 3× of
 * the loop.
 */
import { APPLICANT_KEYS, tallyApplications, type CaseRecord, type OutcomeId } from '../src/cases.js';
import { outcomeCodes } from '../src/index.js';

const SIZE = 1_000_000;
const RUNS = 7;
const YEAR = 2024;

const OUTCOMES = outcomeCodes('2021')
  .map((o) => o.id)
  .filter((id) => id !== 'total') as OutcomeId[];

/**
 * A deterministic register as a reader would give it (JSON.parse of each
 * line: plain objects, one shape per kind of record): received 2023-07 …
 * 2024-12, closed within about their period, a few extended or corrected,
 * and open only when received in the last weeks, as in a real register.
 */
function register(size: number): CaseRecord[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const day = (offset: number) => new Date(Date.UTC(2023, 6, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: size }, (_, i): CaseRecord => {
    const received = Math.floor(random() * 540);
    const roll = random();
    const record: Record<string, unknown> = { id: `2024-${String(i).padStart(7, '0')}`, applicant: APPLICANT_KEYS[Math.floor(random() ** 2 * 6)]!, receivedOn: day(received), channel: 'online' };
    const open = received > 510 && roll < 0.5;
    if (roll >= 0.03 && roll < 0.08) record.extension = { notifiedOn: day(received + 20), workingDays: 15 };
    else if (roll >= 0.08 && roll < 0.1) record.correction = { requestedOn: day(received + 3), receivedOn: day(received + 10) };
    if (!open) {
      record.outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
      record.closedOn = day(received + Math.floor(random() * 26));
    }
    return JSON.parse(JSON.stringify(record)) as CaseRecord;
  });
}

/** The hand-written loop: the four rows of cases.md §2 by string comparison, nothing checked. */
function handLoop(cases: readonly CaseRecord[], year: number) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const column = new Map(APPLICANT_KEYS.map((k, i) => [k as string, i]));
  const row = new Map(OUTCOMES.map((id, i) => [id as string, i]));
  const received = new Float64Array(6);
  const carriedOver = new Float64Array(6);
  const carriedForward = new Float64Array(6);
  const outcomes = new Float64Array(OUTCOMES.length * 6);
  for (const c of cases) {
    if (c.receivedOn > last) continue;
    const col = column.get(c.applicant)!;
    const closed = c.closedOn;
    if (c.receivedOn >= first) received[col]!++;
    else if (closed === undefined || closed >= first) carriedOver[col]!++;
    else continue;
    if (closed !== undefined && closed <= last) outcomes[row.get(c.outcome!)! * 6 + col]!++;
    else carriedForward[col]!++;
  }
  return { received, carriedOver, carriedForward, outcomes };
}

const cases = register(SIZE);

// Sanity: both count the same table.
const ours = tallyApplications(cases, { year: YEAR }).applications;
const theirs = handLoop(cases, YEAR);
if (ours.received.total !== theirs.received.reduce((a, b) => a + b) || ours.carriedForward.total !== theirs.carriedForward.reduce((a, b) => a + b)) {
  throw new Error('the tally and the hand loop disagree');
}

/** The milliseconds `run` takes. */
const timed = (run: () => unknown) => {
  const t = performance.now();
  run();
  return performance.now() - t;
};

// The loop and the tally take turns, and the ratio is the median of each turn's: on a shared machine the load
// changes from one second to the next, and two runs side by side meet the same load.
const loops: number[] = [];
const tallies: number[] = [];
const ratios: number[] = [];
let findings = 0;
for (let i = 0; i < RUNS; i++) {
  loops.push(timed(() => handLoop(cases, YEAR)));
  tallies.push(timed(() => (findings = tallyApplications(cases, { year: YEAR }).findings.length)));
  ratios.push(tallies[i]! / loops[i]!);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const loop = median(loops);
const tally = median(tallies);
const ratio = median(ratios);
console.log(`register of ${SIZE.toLocaleString('en')} records, year ${YEAR} (median of ${RUNS} runs, taking turns)\n`);
console.log(`hand-written loop   ${loop.toFixed(0).padStart(6)} ms   ${Math.round((SIZE / loop) * 1000).toLocaleString('en').padStart(12)} records/s`);
console.log(`tallyApplications   ${tally.toFixed(0).padStart(6)} ms   ${Math.round((SIZE / tally) * 1000).toLocaleString('en').padStart(12)} records/s   (${findings.toLocaleString('en')} findings)`);
console.log(`\ntallyApplications vs the hand-written loop: ×${ratio.toFixed(2)} (target ≤ ×3.00) — ${ratio <= 3 ? 'met' : 'NOT met'}`);

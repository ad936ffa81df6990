/**
 * npm run bench (start-up): `gov-disclosure-report validate` of one report,
 * as a Java or Go backend runs it (one process per report), beside a bare
 * `node -e 0` started the same way. Runs alternate, so both see the same
 * machine; the medians' ratio is the figure (target: within ×1.8).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 25;

const commands = {
  'node -e 0': ['-e', '0'],
  'validate one report': ['dist/bin.js', 'validate', 'examples/biandong-2021.json'],
  '--version': ['dist/bin.js', '--version'],
} as const;

function millis(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const times = new Map<string, number[]>(Object.keys(commands).map((name) => [name, []]));
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(commands)) times.get(name)!.push(millis(args));
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bare = median(times.get('node -e 0')!);
console.log(`\ncommand start-up (median of ${RUNS} runs, alternating); ratio = against node -e 0\n`);
for (const [name, xs] of times) console.log(`${name.padEnd(22)} ${median(xs).toFixed(0).padStart(5)} ms   ×${(median(xs) / bare).toFixed(2)}`);
const ratio = median(times.get('validate one report')!) / bare;
console.log(`\nvalidate of one report vs bare node: ×${ratio.toFixed(2)} (target ≤ ×1.80) — ${ratio <= 1.8 ? 'met' : 'NOT met'}`);

/**
 * "Did you mean …?": the known word nearest a mistyped one, by edit
 * distance, for unknown options and commands.
 */

/**
 * The Damerau–Levenshtein distance of two words (optimal string alignment):
 * how many letters inserted, deleted, replaced or swapped with their
 * neighbour turn one into the other.
 *
 * @example
 * ```ts
 * import { editDistance } from './suggest.js';
 * editDistance('--jsn', '--json'); // 1
 * editDistance('--lcoale', '--locale'); // 1: two letters swapped
 * ```
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate nearest `word`, if one is near enough to be what was meant:
 * at most a third of its letters apart (and at most 3), the first in
 * `candidates` winning a tie.
 *
 * @example
 * ```ts
 * import { closest } from './suggest.js';
 * closest('--jsn', ['--json', '--locale']); // '--json'
 * closest('--bogus', ['--json', '--locale']); // undefined
 * ```
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.replace(/^-+/, '').length / 3)));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/**
 * The long options a help text names (`--json`, `--max-bytes`, …): the help
 * text of each command lists them all, so it is the one list to suggest from.
 *
 * @example
 * ```ts
 * import { optionsIn } from './suggest.js';
 * optionsIn('Usage: x [--json] [--locale zh-CN|en]\n  --json  print JSON'); // ['--json', '--locale']
 * ```
 */
export function optionsIn(help: string): string[] {
  return [...new Set(help.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])];
}

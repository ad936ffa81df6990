/**
 * Splitting a run of digits that a flattened page glued together
 * (`15130000154` for 151 | 3 | 0 | 0 | 0 | 0 | 154) into its figures. Every
 * split is tried that the run allows (no leading zeros, each figure a safe
 * integer), within a step budget so that a long run costs bounded time; the
 * caller keeps only splits the table's own arithmetic allows.
 */

/** Most steps one split search may take: far beyond any real row, small enough to stay fast. */
const BUDGET = 200_000;
/** Digits of the largest figure a cell can hold (2^53 has 16). */
const MAX_DIGITS = 16;

export interface Splits {
  /** Every split found, each a list of figures. */
  candidates: number[][];
  /** False when the budget ran out before every split was tried. */
  complete: boolean;
}

/**
 * The ways to cut `digits` into `parts` figures for which `accept` holds.
 * `total`, when given, says the last figure is the sum of the others: the
 * search then fixes the last figure first and prunes on the running sum.
 */
export function splitRun(digits: string, parts: number, options: { lastIsTotal?: boolean; accept?: (figures: number[]) => boolean } = {}): Splits {
  const candidates: number[][] = [];
  let steps = 0;
  if (!/^\d+$/.test(digits) || digits.length < parts || digits.length > parts * MAX_DIGITS) return { candidates, complete: true };

  const figure = (from: number, to: number) => (digits[from] === '0' && to - from > 1 ? undefined : Number(digits.slice(from, to)));
  const figures: number[] = [];
  const walk = (from: number, left: number, end: number, budgetSum: number | undefined): boolean => {
    if (++steps > BUDGET) return false;
    if (left === 0) {
      if (from === end && (budgetSum === undefined || budgetSum === 0)) {
        const found = options.lastIsTotal ? [...figures, Number(digits.slice(end))] : [...figures];
        if (!options.accept || options.accept(found)) candidates.push(found);
      }
      return true;
    }
    // Leave at least one digit for each figure still to come.
    const longest = Math.min(MAX_DIGITS, end - from - (left - 1));
    for (let length = 1; length <= longest; length++) {
      const value = figure(from, from + length);
      if (value === undefined) break;
      if (budgetSum !== undefined && value > budgetSum) break;
      figures.push(value);
      const ok = walk(from + length, left - 1, end, budgetSum === undefined ? undefined : budgetSum - value);
      figures.pop();
      if (!ok) return false;
    }
    return true;
  };

  if (!options.lastIsTotal) return { candidates, complete: walk(0, parts, digits.length, undefined) };
  for (let length = 1; length <= Math.min(MAX_DIGITS, digits.length - (parts - 1)); length++) {
    const start = digits.length - length;
    const total = figure(start, digits.length);
    if (total === undefined) continue;
    if (!walk(0, parts - 1, start, total)) return { candidates, complete: false };
  }
  return { candidates, complete: true };
}

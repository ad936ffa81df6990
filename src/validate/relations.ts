/**
 * The sum relations of the form, evaluated on cell values: deriving the
 * totals left blank, and checking every relation whose target was given.
 *
 * @module
 */
import type { CellInfo, Equation, Layout } from '../format/layout.js';
import type { CellValues } from './read.js';
import type { FindingList } from './finding.js';

/**
 * The values the relations are checked on: a blank cell counts as 0, and a
 * blank total is derived from its parts (a fixpoint, since one total may be
 * the part of another: the 总计 cell of （七）总计). Cells that could not be
 * read stay `undefined`, and so does every sum that needs them.
 */
export function effectiveValues(layout: Layout, values: CellValues): CellValues {
  const effective = values.slice();
  const pending: Equation[] = [];
  for (const cell of layout.cells) {
    if (values[cell.index] !== null) continue;
    if (!cell.derived) effective[cell.index] = 0;
    else effective[cell.index] = undefined;
  }
  for (const eq of layout.equations) {
    if (eq.previous.length === 0 && values[eq.target] === null && layout.cells[eq.target]!.derived) pending.push(eq);
  }
  let progress = true;
  while (progress && pending.length > 0) {
    progress = false;
    for (let i = pending.length - 1; i >= 0; i--) {
      const eq = pending[i]!;
      if (effective[eq.target] !== undefined) {
        pending.splice(i, 1);
        continue;
      }
      const value = evaluate(eq, effective);
      if (typeof value === 'number') {
        effective[eq.target] = value;
        pending.splice(i, 1);
        progress = true;
      }
    }
  }
  return effective;
}

/**
 * `Σ plus − Σ minus (+ Σ extra)`, or `undefined` when a term is unknown.
 * Exact for every safe integer: a sum that leaves the safe range on the way
 * (even if it comes back) is redone in BigInt; one that ends beyond it is
 * returned as a decimal string, since no cell can hold it.
 */
export function evaluate(eq: Equation, values: CellValues, extra: readonly number[] = []): number | string | undefined {
  let total = 0;
  let exact = true;
  for (const v of extra) {
    total += v;
    exact &&= Math.abs(total) <= Number.MAX_SAFE_INTEGER;
  }
  for (const i of eq.plus) {
    const v = values[i];
    if (v == null) return undefined;
    total += v;
    exact &&= Math.abs(total) <= Number.MAX_SAFE_INTEGER;
  }
  for (const i of eq.minus) {
    const v = values[i];
    if (v == null) return undefined;
    total -= v;
    exact &&= Math.abs(total) <= Number.MAX_SAFE_INTEGER;
  }
  if (exact) return total;
  const sum = (indices: readonly number[]) => indices.reduce((a, i) => a + BigInt(values[i]!), 0n);
  const big = extra.reduce((a, v) => a + BigInt(v), 0n) + sum(eq.plus) - sum(eq.minus);
  return big >= -BigInt(Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : String(big);
}

/**
 * The pointers of the cells an equation reads: its own, and for a term that
 * was blank and derived, the parts it was derived from (what the sum really read).
 */
export function cellsRead(layout: Layout, eq: Equation, values: CellValues): string[] {
  const read = new Set<number>();
  const visit = (i: number): void => {
    if (read.has(i)) return;
    read.add(i);
    const derivation = values[i] === null ? layout.derivedBy[i] : undefined;
    if (derivation) for (const part of [...derivation.plus, ...derivation.minus]) visit(part);
  };
  for (const i of [eq.target, ...eq.plus, ...eq.minus]) visit(i);
  return [...read].map((i) => layout.cells[i]!.pointer);
}

/**
 * The value a relation compares for its target: a given figure, or 0 for a
 * blank; nothing for a blank total (it was derived, so it agrees) or a cell
 * that could not be read.
 */
export function comparable(layout: Layout, values: CellValues, effective: CellValues, target: number): number | undefined {
  const given = values[target];
  if (given === undefined || (given === null && layout.cells[target]!.derived)) return undefined;
  return effective[target] as number;
}

/** Checks every within-year relation whose target is comparable. */
export function checkRelations(layout: Layout, values: CellValues, effective: CellValues, out: FindingList): void {
  for (const eq of layout.equations) {
    const actual = comparable(layout, values, effective, eq.target);
    if (eq.previous.length > 0 || actual === undefined) continue;
    const expected = evaluate(eq, effective);
    if (expected !== undefined && expected !== actual) {
      out.add(eq.rule, layout.cells[eq.target]!.pointer, { expected, actual, cells: cellsRead(layout, eq, values) }, { relation: eq.wording });
    }
  }
}

/**
 * The totals left blank (`null`) that their parts give, for a canonical
 * report: every derived cell left blank, unless all its parts are blank too
 * (a row left empty stays empty). A sum beyond 2^53 comes as a decimal string,
 * which no cell can hold.
 */
export function blankTotals(layout: Layout, values: CellValues, effective: CellValues): { cell: CellInfo; total: number | string }[] {
  const blank = (i: number): boolean => {
    const eq = layout.derivedBy[i];
    return values[i] === null && (!eq || (eq.plus.every(blank) && eq.minus.every(blank)));
  };
  const totals: { cell: CellInfo; total: number | string }[] = [];
  for (const cell of layout.cells) {
    const eq = layout.derivedBy[cell.index];
    if (!eq || values[cell.index] !== null || blank(cell.index)) continue;
    const total = effective[cell.index] ?? evaluate(eq, effective);
    if (total !== undefined) totals.push({ cell, total });
  }
  return totals;
}

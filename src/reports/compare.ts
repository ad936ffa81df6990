/**
 * `compareReports`: this year's report against last year's, cell by cell,
 * with the cross-year rules and the year-over-year jumps. Pure: no I/O.
 *
 * @module
 */
import { layoutOf, type CellInfo, type Layout } from '../format/layout.js';
import { fixed, toDecimal, type WanDecimal } from '../money/decimal.js';
import type { Locale } from '../rules/catalogue.js';
import { FindingList, type Finding } from '../validate/finding.js';
import { validateReport } from '../validate/validate.js';

/**
 * Options of {@link compareReports}: the thresholds of `trend.jump`.
 *
 * @example
 * ```ts
 * import type { CompareOptions } from 'gov-disclosure-report';
 * const options: CompareOptions = { grewTo: 3, fellTo: 1 / 3, atLeast: 20, locale: 'en' };
 * ```
 */
export interface CompareOptions {
  /** A figure that grew to this many times last year's or more is a jump. Default 5. */
  grewTo?: number;
  /** A figure that fell to this share of last year's or less is a jump. Default 0.2. */
  fellTo?: number;
  /** Only when the larger of the two figures is at least this. Default 10. */
  atLeast?: number;
  /** The language of the messages: `"zh-CN"` (default) or `"en"`. */
  locale?: Locale;
}

/**
 * One cell whose figure differs from last year's.
 *
 * @example
 * ```ts
 * import type { CellChange } from 'gov-disclosure-report';
 * const change: CellChange = {
 *   path: '/applications/received/total', label: '一、本年新收政府信息公开申请数量 · 总计',
 *   row: '一、本年新收政府信息公开申请数量', column: '总计', previous: 12, current: 95, delta: 83, ratio: 7.9167,
 * };
 * ```
 */
export interface CellChange {
  /** The JSON Pointer of the cell. */
  path: string;
  /** The cell named by its official labels. */
  label: string;
  /** The official label of its row (with the rows above it). */
  row: string;
  /** The official label of its column. */
  column: string;
  /** Last year's figure as printed: `null` for a blank cell. */
  previous: number | string | null;
  /** This year's figure as printed. */
  current: number | string | null;
  /** `current − previous`, a blank counting as 0; an amount as a decimal string with four decimals. */
  delta: number | string;
  /** `current ÷ previous` to four decimals; `null` when last year's is 0 or blank, or the cell is a signed change. */
  ratio: number | null;
}

/**
 * What {@link compareReports} returns.
 *
 * @example
 * ```ts
 * import { buildReport, compareReports, type CompareResult } from 'gov-disclosure-report';
 * const same = buildReport({ edition: '2021', year: 2023 });
 * const result: CompareResult = compareReports(same, { ...same, year: 2024 });
 * result.changes; // []
 * ```
 */
export interface CompareResult {
  /** One change per cell whose figure differs, in the order of the form. */
  changes: CellChange[];
  /**
   * The `continuity.*` findings of the current report against the previous
   * one, then a `trend.jump` per jump. When a report does not read as a
   * report, its own findings, under `/previous` or `/current`, and no changes.
   */
  findings: Finding[];
}

/** A figure as compared: a count, or an amount as a decimal. */
type Figure = number | WanDecimal;

function at(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node;
}

/** The label of a cell's row: the object the cell sits in. */
function rowLabel(layout: Layout, cell: CellInfo): string {
  return layout.objectAt.get(cell.pointer.slice(0, cell.pointer.lastIndexOf('/')))?.label ?? cell.label;
}

/**
 * Compares this year's report with last year's: every cell whose figure
 * differs (a blank counting as 0), the `continuity.*` rules of
 * {@link validateReport} with `previous`, and `trend.jump` (warning) where a
 * figure grew to ×5 or more or fell to ×0.2 or less of last year's and the
 * larger of the two is at least 10 (the thresholds are options). A figure
 * that grew from 0 to at least 10 is a jump too. Signed cells (the 2019
 * edition's 本年增/减) are compared but never a jump. Pure; it never throws.
 *
 * Cells are matched by pointer, so a 2019-edition report compares with a
 * 2021-edition one on the cells they share (tables 三 and 四 and the rows of
 * table 二 with the same columns); the years are not required to follow
 * each other (`continuity.year` says when they do not).
 *
 * @example
 * ```ts
 * import { buildReport, compareReports } from 'gov-disclosure-report';
 * const last = buildReport({ edition: '2021', year: 2023, applications: { received: { naturalPerson: 12 }, outcomes: { granted: { naturalPerson: 12 } } } });
 * const now = buildReport({ edition: '2021', year: 2024, applications: { received: { naturalPerson: 95 }, outcomes: { granted: { naturalPerson: 95 } } } });
 * const { changes, findings } = compareReports(last, now);
 * changes[0]; // { path: '/applications/received/naturalPerson', previous: 12, current: 95, delta: 83, ratio: 7.9167, … }
 * changes.length; // 6
 * findings.map((f) => f.code); // ['trend.jump', 'trend.jump', 'trend.jump', 'trend.jump', 'trend.jump', 'trend.jump']
 * compareReports(last, now, { grewTo: 10 }).findings; // []
 * ```
 */
export function compareReports(previous: unknown, current: unknown, options: CompareOptions = {}): CompareResult {
  const { grewTo = 5, fellTo = 0.2, atLeast = 10 } = options ?? {};
  const locale: Locale = options?.locale === 'en' ? 'en' : 'zh-CN';
  const now = validateReport(current, { locale, previous });
  const last = validateReport(previous, { locale });
  if (!now.report || !last.report) {
    const out = new FindingList(locale);
    if (!last.report) for (const f of last.findings) out.adopt(f, '/previous');
    if (!now.report) for (const f of now.findings) out.adopt(f, '/current');
    else for (const f of now.findings) if (f.code.startsWith('continuity.')) out.adopt(f, '');
    return { changes: [], findings: out.items };
  }
  const layout = layoutOf(now.report.edition);
  const lastLayout = layoutOf(last.report.edition);
  const out = new FindingList(locale, layout);
  for (const f of now.findings) if (f.code.startsWith('continuity.')) out.adopt(f, '');
  const changes: CellChange[] = [];
  for (const cell of layout.cells) {
    const before = lastLayout.cellAt.get(cell.pointer);
    if (!before || before.kind !== cell.kind) continue;
    const change = compareCell(layout, cell, at(last.report, cell.path), at(now.report, cell.path));
    if (!change) continue;
    changes.push(change);
    if (cell.kind !== 'signedCount') jump(cell, change, { grewTo, fellTo, atLeast }, out);
  }
  return { changes, findings: out.items };
}

/** The figure of a cell, a blank as 0. */
function figureOf(value: unknown, money: boolean): Figure {
  if (money) return toDecimal(value ?? 0) ?? toDecimal(0)!;
  return typeof value === 'number' ? value : 0;
}

function compareCell(layout: Layout, cell: CellInfo, previous: unknown, current: unknown): CellChange | undefined {
  const money = cell.kind === 'money';
  const p = figureOf(previous, money);
  const c = figureOf(current, money);
  let delta: number | string;
  let ratio: number | null;
  if (typeof p === 'number' && typeof c === 'number') {
    if (p === c) return undefined;
    delta = c - p;
    ratio = p === 0 || cell.kind === 'signedCount' ? null : Math.round((c / p) * 10_000) / 10_000;
  } else {
    const [dp, dc] = [p as WanDecimal, c as WanDecimal];
    if (dp.eq(dc)) return undefined;
    delta = fixed(dc.minus(dp));
    ratio = dp.isZero() ? null : dc.div(dp).toDecimalPlaces(4).toNumber();
  }
  return {
    path: cell.pointer,
    label: cell.label,
    row: rowLabel(layout, cell),
    column: cell.column.label,
    previous: previous as number | string | null,
    current: current as number | string | null,
    delta,
    ratio,
  };
}

/** Adds `trend.jump` when the change is one; the thresholds compared exactly. */
function jump(cell: CellInfo, change: CellChange, limits: { grewTo: number; fellTo: number; atLeast: number }, out: FindingList): void {
  const money = cell.kind === 'money';
  const p = figureOf(change.previous, money);
  const c = figureOf(change.current, money);
  let jumped: boolean;
  if (typeof p === 'number' && typeof c === 'number') {
    jumped = Math.max(p, c) >= limits.atLeast && (p === 0 ? c > 0 : c / p >= limits.grewTo || c / p <= limits.fellTo);
  } else {
    const [dp, dc] = [p as WanDecimal, c as WanDecimal];
    const larger = dp.gt(dc) ? dp : dc;
    jumped = larger.gte(limits.atLeast) && (dp.isZero() ? dc.gt(0) : dc.div(dp).gte(limits.grewTo) || dc.div(dp).lte(limits.fellTo));
  }
  if (!jumped) return;
  const shown = (v: number | string | null) => v ?? 0;
  out.add('trend.jump', cell.pointer, { previous: shown(change.previous), actual: shown(change.current), ratio: change.ratio, cells: [cell.pointer] });
}

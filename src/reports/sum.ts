/**
 * `sumReports`: reports of departments or child regions summed into one
 * (本级汇总). Pure: no I/O.
 *
 * @module
 */
import { EDITION_KEYS, EDITIONS, layoutOf, type Layout, type ObjectNode } from '../format/layout.js';
import type { Publisher } from '../format/report-fields.js';
import type { Edition } from '../format/types.js';
import type { Report } from '../model/types.js';
import { fixed, toDecimal, type WanDecimal } from '../money/decimal.js';
import type { Locale } from '../rules/catalogue.js';
import { FindingList, type Finding } from '../validate/finding.js';
import type { CellValues } from '../validate/read.js';
import { blankTotals, effectiveValues } from '../validate/relations.js';
import { validateReport } from '../validate/validate.js';

/**
 * Options of {@link sumReports}: the report fields of the sum.
 *
 * @example
 * ```ts
 * import type { SumOptions } from 'gov-disclosure-report';
 * const options: SumOptions = { agency: '某市人民政府', year: 2024, publisher: 'government' };
 * ```
 */
export interface SumOptions {
  /** The body the sum reports for, e.g. 某市人民政府. */
  agency: string;
  /** The report year; a part of another year is left out with `rollup.year`. */
  year: number;
  publisher?: Publisher;
  /**
   * The edition of the sum. By default, that of the first part that reads as
   * a report of `year` (or, with none, the edition for `year`); a part of
   * another edition is left out with `rollup.edition`.
   */
  edition?: Edition;
  /** The language of the messages: `"zh-CN"` (default) or `"en"`. */
  locale?: Locale;
}

/**
 * What {@link sumReports} returns.
 *
 * @example
 * ```ts
 * import { buildReport, sumReports, type SumResult } from 'gov-disclosure-report';
 * const result: SumResult = sumReports([buildReport({ edition: '2021', year: 2024 })], { agency: '某县', year: 2024 });
 * result.summed; // [0]
 * ```
 */
export interface SumResult {
  /** The sum: every table summed and every total derived, with the report fields of the options. */
  report: Report;
  /**
   * Each part's own findings, under `/parts/<index>` and with the part named
   * in the message; then the `rollup.*` findings of the parts left out, in
   * their order; then, rarely, `cell.tooLarge` for a sum past 2^53.
   */
  findings: Finding[];
  /** The indices of the parts in the sum, in order. */
  summed: number[];
}

/** How a part's finding is introduced in its message. */
const LEAD: Readonly<Record<Locale, (index: number, agency: string | undefined) => string>> = {
  'zh-CN': (index, agency) => `第 ${index + 1} 份报告${agency ? `（${agency}）` : ''}：`,
  en: (index, agency) => `report ${index + 1}${agency ? ` (${agency})` : ''}: `,
};

type Json = Record<string, unknown>;

/** The value at a path of keys, in a report that validated (so every object on the way is there). */
function at(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) node = (node as Json)[key];
  return node;
}

/** The edition whose years cover `year`, or the newest. */
function editionFor(year: number): Edition {
  const fits = EDITION_KEYS.filter((e) => year >= EDITIONS[e].years.from && (EDITIONS[e].years.to ?? Infinity) >= year);
  return fits[0] ?? EDITION_KEYS.at(-1)!;
}

/**
 * Sums reports into one: the office's own 本级汇总 of its departments, a
 * region's of its child regions. Pure, and it never throws on bad input.
 *
 * - Each part is validated first; its findings come back with its index in
 *   the path (`/parts/3/applications/…`) and the part named in the message.
 * - A part that does not read as a report (`rollup.unreadable`), or is of
 *   another year (`rollup.year`) or edition (`rollup.edition`), is left out,
 *   with an error finding. A part whose figures break a sum rule is summed
 *   all the same: its error is among its findings.
 * - Every count is summed, a blank part counting as 0; a cell of the sum is
 *   `null` only when every part left it blank. Totals are not summed but
 *   derived from the summed parts, so the sum of valid parts validates with
 *   no error.
 * - Amounts are summed exactly as the parts give them (more than four
 *   decimals included) and rounded half-up to four decimals once, at the end.
 *   Summing is therefore associative for amounts of four decimals, as every
 *   canonical report has.
 * - A count whose sum passes 2^53 cannot be held: the cell is left blank
 *   with `cell.tooLarge` at its pointer in the sum.
 *
 * @example
 * ```ts
 * import { buildReport, sumReports, validateReport } from 'gov-disclosure-report';
 * const a = buildReport({ edition: '2021', year: 2024, agency: '甲局', applications: { received: { naturalPerson: 3 }, outcomes: { granted: { naturalPerson: 3 } } }, proactive: { fees: { amount: '1.00005' } } });
 * const b = buildReport({ edition: '2021', year: 2024, agency: '乙局', applications: { received: { naturalPerson: 2, commercialEnterprise: 1 }, outcomes: { granted: { naturalPerson: 2, commercialEnterprise: 1 } } } });
 * const c = buildReport({ edition: '2021', year: 2023, agency: '丙局' });
 * const { report, findings, summed } = sumReports([a, b, c], { agency: '某县人民政府', year: 2024, publisher: 'government' });
 * report.applications.received.total; // 6
 * report.applications.outcomes.total.total; // 6
 * summed; // [0, 1]
 * findings.map((f) => `${f.code} ${f.path}`); // ['rollup.year /parts/2/year']
 * validateReport(report).ok; // true
 * ```
 */
export function sumReports(reports: readonly unknown[], options: SumOptions): SumResult {
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const out = new FindingList(locale);
  const read: { index: number; input: unknown; report: Report | undefined }[] = [];
  const parts: readonly unknown[] = Array.isArray(reports) ? reports : [];
  parts.forEach((input, index) => {
    const result = validateReport(input, { locale });
    const lead = LEAD[locale](index, result.report?.agency);
    for (const finding of result.findings) out.adopt(finding, `/parts/${index}`, lead);
    read.push({ index, input, report: result.report });
  });
  const { year } = options;
  const edition = options.edition ?? read.find((p) => p.report?.year === year)?.report!.edition ?? editionFor(year);
  const summed: { index: number; input: unknown; report: Report }[] = [];
  for (const { index, input, report } of read) {
    if (!report) {
      out.add('rollup.unreadable', `/parts/${index}`, { part: index });
      continue;
    }
    if (report.year !== year) out.add('rollup.year', `/parts/${index}/year`, { part: index, expected: year, actual: report.year });
    if (report.edition !== edition) out.add('rollup.edition', `/parts/${index}/edition`, { part: index, expected: edition, actual: report.edition });
    if (report.year === year && report.edition === edition) summed.push({ index, input, report });
  }
  const layout = layoutOf(edition);
  const sumOut = new FindingList(locale, layout);
  const report = sumTables(layout, summed, sumOut);
  const head: Json = { edition, year, agency: options.agency };
  if (options.publisher !== undefined) head.publisher = options.publisher;
  for (const finding of sumOut.items) out.adopt(finding, '');
  return { report: { ...head, ...report } as unknown as Report, findings: out.items, summed: summed.map((p) => p.index) };
}

/** The tables of the sum of `parts`, every total derived. */
function sumTables(layout: Layout, parts: readonly { input: unknown; report: Report }[], out: FindingList): Json {
  // Counts: each part walked once along the layout, its leaf counts added by cell index.
  const sums: number[] = new Array<number>(layout.cells.length).fill(0);
  const given: boolean[] = new Array<boolean>(layout.cells.length).fill(false);
  // For a total: whether every part that gave it gave 0 (undefined: none gave it).
  const givenZero: (boolean | undefined)[] = [];
  const inexact = new Set<number>();
  const add = (node: ObjectNode, row: Json): void => {
    for (const child of node.children) {
      const value = row[child.key];
      if (child.type === 'object') add(child, value as Json);
      else if (value !== null && value !== undefined && child.cell.kind !== 'money') {
        const { index } = child.cell;
        if (child.cell.derived) {
          givenZero[index] = (givenZero[index] ?? true) && value === 0;
          continue;
        }
        const sum = (sums[index] = sums[index]! + (value as number));
        given[index] = true;
        if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) inexact.add(index);
      }
    }
  };
  for (const { report } of parts) for (const table of layout.tables) add(table, (report as unknown as Json)[table.key] as Json);

  const values: CellValues = [];
  const amounts: (string | null)[] = [];
  for (const cell of layout.cells) {
    if (cell.derived) {
      values[cell.index] = null;
      continue;
    }
    if (cell.kind === 'money') {
      // The amounts as each part gives them, unrounded: the sum is rounded once.
      let sum: WanDecimal | undefined;
      for (const { input } of parts) {
        const amount = toDecimal(at(input, cell.path));
        if (amount !== undefined) sum = sum ? sum.plus(amount) : amount;
      }
      amounts[cell.index] = sum ? fixed(sum) : null;
      continue;
    }
    // A sum that left the safe integers on the way (a signed count may come back) is redone exactly.
    if (inexact.has(cell.index)) {
      const exact = parts.reduce((s, { report }) => s + BigInt((at(report, cell.path) as number | null) ?? 0), 0n);
      if (exact >= -BigInt(Number.MAX_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER)) values[cell.index] = Number(exact);
      else {
        out.add('cell.tooLarge', cell.pointer, { actual: String(exact) });
        values[cell.index] = null;
      }
      continue;
    }
    values[cell.index] = given[cell.index] ? sums[cell.index]! : null;
  }
  const totals = new Map<number, number | null>();
  for (const { cell, total } of blankTotals(layout, values, effectiveValues(layout, values))) {
    if (typeof total === 'number') totals.set(cell.index, total);
    else {
      out.add('cell.tooLarge', cell.pointer, { actual: total });
      totals.set(cell.index, null);
    }
  }
  // A total whose parts every report left blank is blank, unless a report gave it (only 总计 filled) as 0, what blank parts add up to.
  for (const cell of layout.cells) if (givenZero[cell.index] && !totals.has(cell.index)) totals.set(cell.index, 0);
  const build = (node: ObjectNode): Json => {
    const row: Json = {};
    for (const child of node.children) {
      if (child.type === 'object') row[child.key] = build(child);
      else {
        const { index, kind } = child.cell;
        const total = totals.get(index);
        row[child.key] = kind === 'money' ? amounts[index] : total !== undefined ? total : (values[index] ?? null);
      }
    }
    return row;
  };
  return Object.fromEntries(layout.tables.map((table) => [table.key, build(table)]));
}

/**
 * Builders: partial input in, a complete report out. An omitted count is 0,
 * an omitted amount is 0.0000, a `null` is kept as a blank cell, and every
 * total left out or `null` is derived from its parts, as `validateReport`
 * gives it back (a total all of whose parts are `null` stays `null`). Totals that are given
 * are kept as given: {@link validateReport} checks them, and the report
 * fields (year, agency, publisher, publishedOn, narrative) too.
 *
 * What the validator would reject in a table is refused here, with the JSON
 * Pointer of the place at fault: a `TypeError` for a wrong type or a key
 * that is not a field of the edition (a misspelt row or column, a row given
 * as a string, a count given as `'5'`), a `RangeError` for a value out of
 * range (a negative, fractional, NaN or infinite count, a count past 2^53,
 * an amount that is negative or not a plain decimal). An amount with more
 * than four decimals is not refused: it is rounded half-up (四舍五入) to
 * four, as {@link validateReport} does in the report it returns.
 *
 * @module
 */
import { EDITION_KEYS, isEdition, layoutOf, pointerSegment, type CellInfo, type Layout, type ObjectNode } from '../format/layout.js';
import { REPORT_FIELDS } from '../format/report-fields.js';
import type { Edition, TableKey } from '../format/types.js';
import { fixed, toDecimal } from '../money/decimal.js';
import { formatFee } from '../money/fee.js';
import type {
  Applications2019,
  Applications2021,
  Proactive2019,
  Proactive2021,
  Report2019,
  Report2021,
  ReportBase,
  ReviewAndLitigation,
} from '../model/types.js';
import type { CellValues } from '../validate/read.js';
import { blankTotals, effectiveValues } from '../validate/relations.js';

/**
 * Partial input for a table: every key optional, amounts as decimal strings
 * or numbers.
 *
 * @example
 * ```ts
 * import type { Draft, ReviewAndLitigation } from 'gov-disclosure-report';
 * const draft: Draft<ReviewAndLitigation> = { administrativeReview: { upheld: 2, pending: 1 } };
 * ```
 */
export type Draft<T> = {
  [K in keyof T]?: T[K] extends string | null ? string | number | null : T[K] extends object ? Draft<T[K]> : T[K];
};

/**
 * Partial input for a 2021-edition report.
 *
 * @example
 * ```ts
 * import type { ReportDraft2021 } from 'gov-disclosure-report';
 * const draft: ReportDraft2021 = { edition: '2021', year: 2022, proactive: { fees: { amount: '1.5' } } };
 * ```
 */
export interface ReportDraft2021 extends ReportBase {
  edition: '2021';
  proactive?: Draft<Proactive2021>;
  applications?: Draft<Applications2021>;
  reviewAndLitigation?: Draft<ReviewAndLitigation>;
}

/**
 * Partial input for a 2019-edition report.
 *
 * @example
 * ```ts
 * import type { ReportDraft2019 } from 'gov-disclosure-report';
 * const draft: ReportDraft2019 = { edition: '2019', year: 2020, proactive: { licensing: { change: -8 } } };
 * ```
 */
export interface ReportDraft2019 extends ReportBase {
  edition: '2019';
  proactive?: Draft<Proactive2019>;
  applications?: Draft<Applications2019>;
  reviewAndLitigation?: Draft<ReviewAndLitigation>;
}

type Json = Record<string, unknown>;

/** Throws what a builder throws: the pointer of the place at fault, then what is wrong with it. */
function refuse(kind: TypeErrorConstructor | RangeErrorConstructor, pointer: string, what: string): never {
  throw new kind(`build: ${pointer}: ${what}`);
}

/** A value as a message shows it: a string in quotes, so "5" and 5 read apart; an object by its kind. */
function shown(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
    case 'bigint':
      return `the bigint ${value}n`;
    case 'function':
      return 'a function';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'an array';
      return isPlainObject(value) ? 'an object' : `a ${Object.prototype.toString.call(value).slice(8, -1)}`;
    default:
      return String(value);
  }
}

/** A plain object, as JSON makes: not an array, a Date or another class's instance. */
function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Refuses every own key of `input` that `fields` does not list. */
function refuseUnknownKeys(input: Json, fields: readonly string[], pointer: string, edition: Edition): void {
  for (const key of Object.keys(input)) {
    if (!fields.includes(key)) {
      refuse(TypeError, `${pointer}/${pointerSegment(key)}`, `not a field of the ${edition} edition (the fields here: ${fields.join(', ')})`);
    }
  }
}

/** The draft of a table or row as an object: omitted is empty, and so is a `null` 总计 row, whose cells are all derived. */
function objectDraft(node: ObjectNode, draft: unknown, edition: Edition): Json {
  if (draft === undefined || (draft === null && node.optional)) return {};
  if (!isPlainObject(draft)) refuse(TypeError, node.pointer, `must be an object of the fields ${node.children.map((c) => c.key).join(', ')}, not ${shown(draft)}`);
  refuseUnknownKeys(draft, node.children.map((c) => c.key), node.pointer, edition);
  return draft;
}

/** A count as given, checked as the validator checks it: an integer within 2^53, not negative unless the column is signed. */
function countOf(cell: CellInfo, given: unknown): number | null {
  if (given === undefined) return cell.derived ? null : 0;
  if (given === null) return null;
  const { pointer, kind } = cell;
  if (typeof given !== 'number') return refuse(TypeError, pointer, `a count must be a number, not ${shown(given)}`);
  if (!Number.isInteger(given)) return refuse(RangeError, pointer, `a count must be a whole number, not ${given}`);
  if (Math.abs(given) > Number.MAX_SAFE_INTEGER) return refuse(RangeError, pointer, `a count must be within 2^53, not ${given}`);
  if (given < 0 && kind === 'count') return refuse(RangeError, pointer, `a count must not be negative, not ${given}`);
  // -0 is 0: JSON cannot tell them apart.
  return given + 0;
}

/** An amount in 万元 as given, checked as the validator checks it, with four decimals rounded half-up. */
function amountOf(cell: CellInfo, given: unknown): string | null {
  if (given === undefined) return formatFee(0);
  if (given === null) return null;
  const { pointer } = cell;
  if (typeof given !== 'string' && typeof given !== 'number') {
    return refuse(TypeError, pointer, `an amount must be a decimal string or a number, not ${shown(given)}`);
  }
  // A number past 2^53 no longer says exactly which amount was meant.
  const amount = typeof given === 'number' && Math.abs(given) > Number.MAX_SAFE_INTEGER ? undefined : toDecimal(given);
  if (amount === undefined) return refuse(RangeError, pointer, `an amount must be a plain decimal in 万元 such as "12.5", not ${shown(given)}`);
  // "-0" written as text is negative, as the validator reads it; the number -0 is JSON's 0.
  if (amount.isNegative() && (typeof given === 'string' || !amount.isZero())) {
    return refuse(RangeError, pointer, `an amount must not be negative, not ${shown(given)}`);
  }
  return fixed(amount);
}

/** The layout of an edition, or a TypeError for a value that is not one. */
function layoutFor(edition: unknown): Layout {
  if (!isEdition(edition)) refuse(TypeError, '/edition', `not an edition (${EDITION_KEYS.join(', ')}): ${shown(edition)}`);
  return layoutOf(edition);
}

/**
 * Builds the tables of `drafts` into `into`, then derives the totals left
 * blank. Each given cell is checked as the validator checks it, so what it
 * would reject is refused here, with its pointer, rather than built in.
 */
function buildTables(layout: Layout, drafts: Partial<Record<TableKey, unknown>>, into: Json): void {
  const { edition } = layout.meta;
  const values: CellValues = [];
  const slots: [Json, string][] = [];
  const fill = (node: ObjectNode, draft: unknown): Json => {
    const input = objectDraft(node, draft, edition);
    const row: Json = {};
    for (const child of node.children) {
      const given = input[child.key];
      if (child.type === 'object') {
        row[child.key] = fill(child, given);
        continue;
      }
      const { cell } = child;
      slots[cell.index] = [row, child.key];
      row[child.key] = cell.kind === 'money' ? amountOf(cell, given) : (values[cell.index] = countOf(cell, given));
    }
    return row;
  };
  for (const table of layout.tables) {
    if (table.key in drafts) into[table.key] = fill(table, drafts[table.key as TableKey]);
  }
  for (const { cell, total } of blankTotals(layout, values, effectiveValues(layout, values))) {
    if (typeof total !== 'number') refuse(RangeError, cell.pointer, `the total is beyond 2^53: ${total}`);
    const [row, key] = slots[cell.index]!;
    row[key] = total;
  }
}

function buildOne<T>(edition: Edition, key: TableKey, draft: unknown): T {
  const into: Json = {};
  buildTables(layoutFor(edition), { [key]: draft }, into);
  return into[key] as T;
}

/**
 * Builds table 二 (主动公开政府信息情况) of an edition.
 *
 * @example
 * ```ts
 * import { buildProactive } from 'gov-disclosure-report';
 * const table = buildProactive('2021', { regulations: { issued: 2 }, fees: { amount: 1.5 } });
 * table.fees.amount; // '1.5000'
 * table.regulations.repealed; // 0
 * ```
 */
export function buildProactive(edition: '2021', draft?: Draft<Proactive2021>): Proactive2021;
export function buildProactive(edition: '2019', draft?: Draft<Proactive2019>): Proactive2019;
export function buildProactive(edition: Edition, draft?: Draft<Proactive2021> | Draft<Proactive2019>): Proactive2021 | Proactive2019 {
  return buildOne(edition, 'proactive', draft);
}

/**
 * Builds table 三 (收到和处理政府信息公开申请情况) of an edition, deriving every
 * 总计 column cell and the （七）总计 row.
 *
 * @example
 * ```ts
 * import { buildApplications } from 'gov-disclosure-report';
 * const table = buildApplications('2021', {
 *   received: { naturalPerson: 3, commercialEnterprise: 1 },
 *   outcomes: { granted: { naturalPerson: 2 }, denied: { stateSecret: { commercialEnterprise: 1 } } },
 *   carriedForward: { naturalPerson: 1 },
 * });
 * table.outcomes.total.total; // 3
 * ```
 */
export function buildApplications(edition: '2021', draft?: Draft<Applications2021>): Applications2021;
export function buildApplications(edition: '2019', draft?: Draft<Applications2019>): Applications2019;
export function buildApplications(edition: Edition, draft?: Draft<Applications2021> | Draft<Applications2019>): Applications2021 | Applications2019 {
  return buildOne(edition, 'applications', draft);
}

/**
 * Builds table 四 (政府信息公开行政复议、行政诉讼情况), deriving each 总计.
 *
 * @example
 * ```ts
 * import { buildReviewAndLitigation } from 'gov-disclosure-report';
 * buildReviewAndLitigation({ administrativeReview: { upheld: 5, pending: 2 } }).administrativeReview.total; // 7
 * ```
 */
export function buildReviewAndLitigation(draft?: Draft<ReviewAndLitigation>): ReviewAndLitigation {
  return buildOne('2021', 'reviewAndLitigation', draft);
}

/**
 * Builds a whole report: the report fields as given, and every table built
 * as by {@link buildProactive}, {@link buildApplications} and
 * {@link buildReviewAndLitigation}.
 *
 * @throws TypeError for a wrong type or a key that is not a field of the
 *   edition, RangeError for a figure out of range; the message starts
 *   `build: <JSON Pointer>: `
 * @example
 * ```ts
 * import { buildReport, validateReport } from 'gov-disclosure-report';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '某区司法局' });
 * validateReport(report).ok; // true
 * // @ts-expect-error: a misspelt key, refused by the compiler and at run time
 * buildReport({ edition: '2021', year: 2021, reviewAndLitigation: { administrativeReview: { uphled: 5 } } });
 * // TypeError: build: /reviewAndLitigation/administrativeReview/uphled: not a field of the 2021 edition (the fields here: upheld, …)
 * ```
 */
export function buildReport(draft: ReportDraft2021): Report2021;
export function buildReport(draft: ReportDraft2019): Report2019;
export function buildReport(draft: ReportDraft2021 | ReportDraft2019): Report2021 | Report2019 {
  const layout = layoutFor(draft.edition);
  // REPORT_FIELDS names the report itself as '': not a key.
  const fields = [...Object.keys(REPORT_FIELDS).filter((key) => key !== ''), ...layout.tables.map((t) => t.key)];
  refuseUnknownKeys(draft as unknown as Json, fields, '', layout.meta.edition);
  const { edition, year, agency, publisher, publishedOn, narrative, proactive, applications, reviewAndLitigation } = draft;
  const report: Json = { edition, year };
  if (agency !== undefined) report.agency = agency;
  if (publisher !== undefined) report.publisher = publisher;
  if (publishedOn !== undefined) report.publishedOn = publishedOn;
  if (narrative !== undefined) report.narrative = { ...narrative };
  buildTables(layout, { proactive, applications, reviewAndLitigation }, report);
  return report as unknown as Report2021 | Report2019;
}

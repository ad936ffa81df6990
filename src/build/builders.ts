/**
 * Builders: partial input in, a complete report out. An omitted count is 0,
 * an omitted amount is 0.0000, a `null` is kept as a blank cell, and every
 * total left out or `null` is derived from its parts. Totals that are given
 * are kept as given: {@link validateReport} checks them. A figure the
 * validator would reject (a negative or fractional count, an amount that is
 * not a decimal) throws a RangeError that names its cell.
 *
 * @module
 */
import { layoutOf, type Layout, type ObjectNode } from '../format/layout.js';
import type { Edition, TableKey } from '../format/types.js';
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
import { FindingList } from '../validate/finding.js';
import { readCell, type CellValues } from '../validate/read.js';
import { effectiveValues } from '../validate/relations.js';

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

/**
 * Builds the tables of `drafts` into `into`, then derives the totals left
 * blank. Each given cell is read as the validator reads it, so a figure it
 * would reject is refused here, with its pointer, rather than built in.
 */
function buildTables(layout: Layout, drafts: Partial<Record<TableKey, unknown>>, into: Json): void {
  const values: CellValues = [];
  const slots: [Json, string][] = [];
  const out = new FindingList('en', layout);
  const fill = (node: ObjectNode, draft: unknown): Json => {
    const input = (draft ?? {}) as Json;
    const row: Json = {};
    for (const child of node.children) {
      const given = input[child.key];
      if (child.type === 'object') {
        row[child.key] = fill(child, given);
        continue;
      }
      const { cell } = child;
      const omitted = () => (cell.kind === 'money' ? '0.0000' : (values[cell.index] = cell.derived ? null : 0));
      const value = given === undefined ? omitted() : readCell(cell, given, values, out);
      const error = out.items.find((f) => f.severity === 'error');
      if (error) throw new RangeError(`build: ${error.path}: ${error.message}`);
      slots[cell.index] = [row, child.key];
      row[child.key] = value;
    }
    return row;
  };
  for (const table of layout.tables) {
    if (table.key in drafts) into[table.key] = fill(table, drafts[table.key as TableKey]);
  }
  const effective = effectiveValues(layout, values);
  for (const cell of layout.cells) {
    const slot = slots[cell.index];
    if (!slot || !cell.derived || values[cell.index] !== null) continue;
    const total = effective[cell.index];
    if (typeof total !== 'number') throw new RangeError(`build: ${cell.pointer}: the total is beyond 2^53`);
    slot[0][slot[1]] = total;
  }
}

function buildOne<T>(edition: Edition, key: TableKey, draft: unknown): T {
  const into: Json = {};
  buildTables(layoutOf(edition), { [key]: draft }, into);
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
 * @example
 * ```ts
 * import { buildReport, validateReport } from 'gov-disclosure-report';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '某区司法局' });
 * validateReport(report).ok; // true
 * ```
 */
export function buildReport(draft: ReportDraft2021): Report2021;
export function buildReport(draft: ReportDraft2019): Report2019;
export function buildReport(draft: ReportDraft2021 | ReportDraft2019): Report2021 | Report2019 {
  const { edition, year, agency, publisher, publishedOn, narrative, proactive, applications, reviewAndLitigation } = draft;
  const report: Json = { edition, year };
  if (agency !== undefined) report.agency = agency;
  if (publisher !== undefined) report.publisher = publisher;
  if (publishedOn !== undefined) report.publishedOn = publishedOn;
  if (narrative !== undefined) report.narrative = { ...narrative };
  buildTables(layoutOf(edition), { proactive, applications, reviewAndLitigation }, report);
  return report as unknown as Report2021 | Report2019;
}

/**
 * Table 三 counted from a register (cases.md §2), in one pass over any
 * iterable: each record read, checked and counted, its deadline worked out
 * where the report needs it, and nothing kept but the ids seen.
 *
 * @module
 */
import { buildApplications } from '../builders/builders.js';
import { outcomeCodes } from '../format/applications.js';
import { isEdition } from '../format/layout.js';
import { YEAR_RANGE } from '../format/report-fields.js';
import type { Edition } from '../format/types.js';
import type { Applications2019, Applications2021 } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import { FindingList, type Finding } from '../validate/finding.js';
import { shippedCalendar, type CalendarOption } from './calendar.js';
import { parseDay, yearEnd, yearStart } from './day.js';
import { checkLate, checkOverdue, dueOf } from './deadline.js';
import { APPLICANT_KEYS } from './fields.js';
import { IdSet } from './ids.js';
import { CaseReader, OUTCOME_ROWS, pathOf, type RecordPlace } from './record.js';

/**
 * Options of {@link tallyApplications}.
 *
 * @example
 * ```ts
 * import type { TallyOptions } from 'gov-disclosure-report/cases';
 * const options: TallyOptions = { year: 2024, edition: '2021', asOf: '2025-01-15', locale: 'en' };
 * ```
 */
export interface TallyOptions extends CalendarOption {
  /** The report year Y. */
  readonly year: number;
  /** The edition of table 三; `"2021"` by default. */
  readonly edition?: Edition | undefined;
  /** The day open cases are checked against for case.overdue; the end of Y by default. */
  readonly asOf?: string | undefined;
  /** The language of the findings' messages; `zh-CN` by default. */
  readonly locale?: Locale | undefined;
}

/**
 * What {@link tallyApplications} gives: table 三 of the edition, and every
 * finding of the register.
 *
 * @example
 * ```ts
 * import { tallyApplications, type Tally } from 'gov-disclosure-report/cases';
 * const tally: Tally<'2021'> = tallyApplications([], { year: 2024 });
 * tally.applications.received.total; // 0
 * ```
 */
export interface Tally<E extends Edition = Edition> {
  /** The `applications` object of the report (model.md §1.4), every total filled. */
  readonly applications: E extends '2019' ? Applications2019 : Applications2021;
  /** Every finding, paths into the register (`/cases/41/closedOn`), each with its record's `caseId`. */
  readonly findings: Finding[];
}

/** The iterator of plain arrays, which an indexed loop may stand in for. */
const ARRAY_VALUES = /* @__PURE__ */ Array.prototype[Symbol.iterator];

/** For each row of {@link OUTCOME_ROWS}, the index of the edition's row it is counted in. */
function editionRows(edition: Edition): { ids: string[]; of: Int32Array } {
  const ids = outcomeCodes(edition)
    .map((o) => o.id)
    .filter((id) => id !== 'total');
  // Edition 2019 has one （六）其他处理 row for the three of 2021.
  const of = Int32Array.from(OUTCOME_ROWS, (row) => (ids.includes(row.id) ? ids.indexOf(row.id) : ids.indexOf(row.id.split('.')[0]!)));
  return { ids, of };
}

/**
 * Counts a register into table 三 of report year Y (cases.md §2): 本年新收
 * the records received in Y; 上年结转 those received before Y and open at its
 * start; 本年度办理结果 those closed in Y, under their outcome; 结转下年度继续办理
 * those received by the end of Y and open at it. Each record counts in
 * 一 or 二 and in 三 or 四, so the 勾稽关系 holds by construction.
 *
 * Reads `cases` once, in order: an array, or a generator over a file of any
 * size. A record that cannot be counted (case.shape, case.duplicateId,
 * case.dateOrder, case.outcomeWithoutClose, case.closeWithoutOutcome) is a
 * finding and is left out; it never throws on a record. Deadlines are
 * worked out for the records the report counts: case.late for those closed
 * in Y, case.overdue for those open at the end of Y (or `asOf`); a deadline
 * past the calendar's end is calendar.outOfRange only where that check
 * needs the uncovered day.
 *
 * @throws TypeError or RangeError for bad options (a year that is not an integer, an unknown edition, a bad `asOf`)
 * @example
 * ```ts
 * import { tallyApplications } from 'gov-disclosure-report/cases';
 * const { applications, findings } = tallyApplications(
 *   [
 *     { id: '2023-118', applicant: 'naturalPerson', receivedOn: '2023-12-20', outcome: 'granted', closedOn: '2024-01-10' },
 *     { id: '2024-001', applicant: 'commercialEnterprise', receivedOn: '2024-01-03', outcome: 'denied.thirdPartyRights', closedOn: '2024-01-25' },
 *     { id: '2024-002', applicant: 'naturalPerson', receivedOn: '2024-12-27' },
 *   ],
 *   { year: 2024 },
 * );
 * applications.received.total;       // 2
 * applications.carriedOver.total;    // 1
 * applications.outcomes.total.total; // 2
 * applications.carriedForward.total; // 1
 * findings;                          // []
 * ```
 */
export function tallyApplications<E extends Edition = '2021'>(cases: Iterable<unknown>, options: TallyOptions & { readonly edition?: E }): Tally<E>;
export function tallyApplications(cases: Iterable<unknown>, options: TallyOptions): Tally {
  const { year } = options;
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw new RangeError(`tallyApplications: year must be an integer from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, got ${String(year)}`);
  }
  const edition = options.edition ?? '2021';
  if (!isEdition(edition)) throw new TypeError(`tallyApplications: edition must be "2021" or "2019", got ${String(edition)}`);
  const first = yearStart(year);
  const last = yearEnd(year);
  const asOf = options.asOf === undefined ? last : parseDay(options.asOf);
  if (Number.isNaN(asOf)) throw new TypeError(`tallyApplications: asOf must be a YYYY-MM-DD calendar date, got ${String(options.asOf)}`);
  if (cases == null || typeof (cases as Iterable<unknown>)[Symbol.iterator] !== 'function') throw new TypeError('tallyApplications: cases must be iterable');
  const calendar = options.calendar ?? shippedCalendar();

  const columns = APPLICANT_KEYS.length;
  const rows = editionRows(edition);
  const received = new Float64Array(columns);
  const carriedOver = new Float64Array(columns);
  const carriedForward = new Float64Array(columns);
  const outcomes = new Float64Array(rows.ids.length * columns);
  // A register of a million cases may have a hundred thousand late ones: list them all.
  const out = new FindingList(options.locale ?? 'zh-CN', undefined, { perCode: Infinity });
  const ids = new IdSet(Array.isArray(cases) ? cases.length : 0);
  const reader = new CaseReader(out, edition);
  const place: RecordPlace = { index: -1, caseId: undefined };

  /** Reads, checks and counts the next record. */
  const count = (item: unknown): void => {
    place.index++;
    place.caseId = undefined;
    const c = reader.read(item, place);
    const id = place.caseId;
    if (id !== undefined) {
      if (!ids.add(id)) {
        out.add('case.duplicateId', pathOf(place, '/id'), { caseId: id });
        return;
      }
    }
    if (!c || c.received > last) return;

    const open = Number.isNaN(c.closed);
    if (c.received >= first) received[c.column]!++;
    else if (open || c.closed >= first) carriedOver[c.column]!++;
    else return; // closed before Y: not in this report

    if (!open && c.closed <= last) {
      outcomes[rows.of[c.outcome]! * columns + c.column]!++;
      const due = dueOf(c, calendar, place, out, false, c.closed);
      if (due === due) checkLate(c, due, calendar, place, out); // NaN: calendar.outOfRange, said
    } else {
      carriedForward[c.column]!++;
      // Its warnings whatever `asOf`; overdue only if open at `asOf`, else its deadline is compared with nothing (receipt stands in).
      const openAtAsOf = c.received <= asOf && (open || c.closed > asOf);
      const due = dueOf(c, calendar, place, out, false, openAtAsOf ? asOf : c.received);
      if (due === due && openAtAsOf) checkOverdue(due, asOf, calendar, place, out);
    }
  };
  // An array (with its own iterator) by index: the same records in the same order, without an iterator result a record.
  if (Array.isArray(cases) && cases[Symbol.iterator] === ARRAY_VALUES) {
    for (let i = 0; i < cases.length; i++) count(cases[i]);
  } else {
    for (const item of cases) count(item);
  }

  const row = (counts: Float64Array, offset = 0) => Object.fromEntries(APPLICANT_KEYS.map((key, i) => [key, counts[offset + i]!]));
  const outcomeDraft: Record<string, unknown> = {};
  rows.ids.forEach((id, j) => {
    const [group, leaf] = id.split('.') as [string, string | undefined];
    if (leaf === undefined) outcomeDraft[group] = row(outcomes, j * columns);
    else ((outcomeDraft[group] ??= {}) as Record<string, unknown>)[leaf] = row(outcomes, j * columns);
  });
  const draft = { received: row(received), carriedOver: row(carriedOver), outcomes: outcomeDraft, carriedForward: row(carriedForward) };
  const applications = edition === '2021' ? buildApplications('2021', draft) : buildApplications('2019', draft);
  return { applications, findings: out.items };
}

/**
 * The statutory reply deadline of one application (cases.md §3; 条例
 * 第三十条–第三十五条) and how late its reply was.
 *
 * @module
 */
import type { Locale } from '../rules/catalogue.js';
import { FindingList, type Finding } from '../validate/finding.js';
import { CalendarRangeError, shippedCalendar, type CalendarOption, type WorkingCalendar } from './calendar.js';
import { dayFromParts, formatDay, parseDay } from './day.js';
import { CaseReader, idOf, pathOf, type CaseDays, type RecordPlace } from './record.js';

/** The day the 2019 条例 took effect: an application received before it ran on the 2007 条例's 15 + 15 working days. */
const CONDITIONS_2019 = /* @__PURE__ */ dayFromParts(2019, 5, 15);

/** Working days to reply, and the most an extension may add: 第三十三条 (2019), 第二十四条 (2007). */
const PERIOD = { current: 20, before2019: 15 } as const;

/** 第三十条: a correction is requested within 7 working days of receipt. */
const CORRECTION_WITHIN = 7;

/** 第三十二条, 第三十四条: the consulted party answers within 15 working days. */
const CONSULTATION_DAYS = 15;

/**
 * How a deadline was set: on the spot (第三十三条第一款), a 第三十五条 date, or
 * a count of working days from a start day.
 *
 * @example
 * ```ts
 * import { replyDeadline } from 'gov-disclosure-report/cases';
 * replyDeadline({ id: '1', applicant: 'naturalPerson', receivedOn: '2024-09-20' }).basis;
 * // { kind: 'workingDays', startOn: '2024-09-20', restarted: false, period: 20, extension: 0, excluded: 0 }
 * ```
 */
export type DeadlineBasis =
  | { readonly kind: 'onTheSpot' }
  | { readonly kind: 'delayedUntil' }
  | {
      readonly kind: 'workingDays';
      /** The day counting starts after: receipt, or the corrected application's arrival. */
      readonly startOn: string;
      /** Whether a correction restarted the period (第三十条). */
      readonly restarted: boolean;
      /** 20 working days, or 15 for an application received before 2019-05-15. */
      readonly period: number;
      /** Working days added by a lawful extension. */
      readonly extension: number;
      /** Working days of consultation not counted. */
      readonly excluded: number;
    };

/** A deadline as a day number, with how it was set. */
export interface Due {
  readonly due: number;
  readonly basis: DeadlineBasis;
}

/**
 * The deadline of a record that reads, as a day number, with its warnings
 * (case.correctionLate, case.extensionTooLong, case.extensionLate); NaN, with
 * calendar.outOfRange, when a day it needs is not covered. With `explain`,
 * also how it was set (the tally, counting a million records, does not ask).
 *
 * With `after`, the one day the caller compares the deadline with (the
 * tally's closing day or `asOf`): a deadline past the calendar's end that is
 * certainly after that day is `Infinity`, not calendar.outOfRange, as
 * whether the reply was late is known without the day itself (received on
 * 2026-12-15 and closed the next day is on time, whatever 2027's notice
 * says). Warnings that need an uncovered day are then not given.
 *
 * @internal
 */
export function dueOf(c: CaseDays, calendar: WorkingCalendar, place: RecordPlace, out: FindingList, explain?: false, after?: number): number;
export function dueOf(c: CaseDays, calendar: WorkingCalendar, place: RecordPlace, out: FindingList, explain: true): Due | undefined;
export function dueOf(c: CaseDays, calendar: WorkingCalendar, place: RecordPlace, out: FindingList, explain = false, after = NaN): number | Due | undefined {
  const old = c.received < CONDITIONS_2019;
  const period = old ? PERIOD.before2019 : PERIOD.current;
  const restarted = !Number.isNaN(c.correctionReceived);
  const start = restarted ? c.correctionReceived : c.received;
  if (c.extensionDays > period) {
    out.add('case.extensionTooLong', pathOf(place, '/extension/workingDays'), { ...idOf(place), expected: period, actual: c.extensionDays });
  }
  // The working days the deadline is known to lie at least after the start day, as each part is worked out.
  let need = period;
  try {
    // The 7-day correction rule is the 2019 条例's (第三十条); the 2007 one had none.
    if (!Number.isNaN(c.correctionRequested) && !old) {
      const late = calendar.between(c.received, c.correctionRequested) - CORRECTION_WITHIN;
      if (late > 0) {
        const expected = formatDay(calendar.addWorking(c.received, CORRECTION_WITHIN));
        out.add('case.correctionLate', pathOf(place, '/correction/requestedOn'), { ...idOf(place), expected, actual: formatDay(c.correctionRequested), workingDaysLate: late });
      }
    }
    if (c.onTheSpot) return explain ? { due: c.received, basis: { kind: 'onTheSpot' } } : c.received;
    if (!Number.isNaN(c.delayedUntil)) return explain ? { due: c.delayedUntil, basis: { kind: 'delayedUntil' } } : c.delayedUntil;

    const excluded = c.consultations ? excludedDays(c.consultations, calendar) : 0;
    need += excluded;
    let extension = 0;
    if (c.extensionDays > 0) {
      const unextended = calendar.addWorking(start, period + excluded);
      if (c.extensionNotified > unextended) {
        out.add('case.extensionLate', pathOf(place, '/extension/notifiedOn'), { ...idOf(place), expected: formatDay(unextended), actual: formatDay(c.extensionNotified) });
      } else {
        extension = Math.min(c.extensionDays, period);
      }
    }
    need += extension;
    const due = calendar.addWorking(start, period + extension + excluded);
    return explain ? { due, basis: { kind: 'workingDays', startOn: formatDay(start), restarted, period, extension, excluded } } : due;
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    if (!explain && !Number.isNaN(after)) {
      // Only a warning needed the uncovered day; or the deadline is at least the need-th working day, after `after`.
      if (c.onTheSpot) return c.received;
      if (!Number.isNaN(c.delayedUntil)) return c.delayedUntil;
      if (coveredBetween(calendar, start, after) < need) return Infinity;
    }
    out.add('calendar.outOfRange', pathOf(place, ''), { ...idOf(place), year: error.year });
    return explain ? undefined : NaN;
  }
}

/** The working days after `from` up to and including `to`; Infinity when a day between is not covered. */
function coveredBetween(calendar: WorkingCalendar, from: number, to: number): number {
  try {
    return calendar.between(from, to);
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return Infinity;
  }
}

/**
 * The working days the consultations take out of the period: after each
 * letter is sent up to its answer (or the 15th working day, unanswered),
 * overlapping consultations counted once.
 */
function excludedDays(consultations: readonly { sent: number; answered: number }[], calendar: WorkingCalendar): number {
  const spans = consultations
    .map((c) => ({ from: c.sent, to: Number.isNaN(c.answered) ? calendar.addWorking(c.sent, CONSULTATION_DAYS) : c.answered }))
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const span of spans) {
    if (span.from < to) {
      to = Math.max(to, span.to);
      continue;
    }
    if (to > from) total += calendar.between(from, to);
    ({ from, to } = span);
  }
  if (to > from) total += calendar.between(from, to);
  return total;
}

/**
 * Options of {@link replyDeadline}.
 *
 * @example
 * ```ts
 * import type { ReplyDeadlineOptions } from 'gov-disclosure-report/cases';
 * const options: ReplyDeadlineOptions = { asOf: '2024-12-31', locale: 'en' };
 * ```
 */
export interface ReplyDeadlineOptions extends CalendarOption {
  /** A day to check an open application against: past its deadline then, it gives case.overdue. */
  readonly asOf?: string | undefined;
  /** The language of the findings' messages; `zh-CN` by default. */
  readonly locale?: Locale | undefined;
}

/**
 * What {@link replyDeadline} gives.
 *
 * @example
 * ```ts
 * import { replyDeadline, type ReplyDeadline } from 'gov-disclosure-report/cases';
 * const result: ReplyDeadline = replyDeadline({ id: '1', applicant: 'naturalPerson', receivedOn: '2024-09-20' });
 * result.dueOn; // '2024-10-23'
 * ```
 */
export interface ReplyDeadline {
  /** The reply deadline, `null` when the record cannot be read or the calendar lacks a day it needs. */
  readonly dueOn: string | null;
  /**
   * Working days after `dueOn` up to and including `closedOn` (0 when on time, and when closed on a
   * rest day just after `dueOn`: late, with case.late, by 0 working days); `null` while open or without a deadline.
   */
  readonly lateBy: number | null;
  /** Every finding about the record; paths are inside the record (`/closedOn`). */
  readonly findings: Finding[];
  /** How the deadline was set; `null` without one. */
  readonly basis: DeadlineBasis | null;
}

/**
 * The statutory reply deadline of one application (cases.md §3): its
 * receipt day when answered on the spot; else its 第三十五条 date; else the
 * 20th working day (15th before 2019-05-15) after receipt, or after the
 * corrected application arrived, plus a lawful extension and the working
 * days of consultation. Never throws on a bad record: it gives findings.
 *
 * @throws TypeError when `asOf` is given and is not a `YYYY-MM-DD` date
 * @example
 * ```ts
 * import { replyDeadline } from 'gov-disclosure-report/cases';
 * const { dueOn, lateBy } = replyDeadline({
 *   id: '2024-042', applicant: 'naturalPerson', receivedOn: '2024-09-20',
 *   outcome: 'granted', closedOn: '2024-10-25',
 * });
 * dueOn;  // '2024-10-23'
 * lateBy; // 2 (and a case.late finding)
 * ```
 */
export function replyDeadline(record: unknown, options: ReplyDeadlineOptions = {}): ReplyDeadline {
  const asOf = options.asOf === undefined ? NaN : parseDay(options.asOf);
  if (options.asOf !== undefined && Number.isNaN(asOf)) throw new TypeError(`replyDeadline: asOf must be a YYYY-MM-DD calendar date, got ${String(options.asOf)}`);
  const out = new FindingList(options.locale ?? 'zh-CN');
  const place: RecordPlace = { index: -1, caseId: undefined };
  const c = new CaseReader(out).read(record, place);
  const calendar = options.calendar ?? shippedCalendar();
  const due = c && dueOf(c, calendar, place, out, true);
  let lateBy: number | null = null;
  if (c && due) {
    if (!Number.isNaN(c.closed)) lateBy = checkLate(c, due.due, calendar, place, out);
    else if (!Number.isNaN(asOf)) checkOverdue(due.due, asOf, calendar, place, out);
  }
  return { dueOn: due ? formatDay(due.due) : null, lateBy, findings: out.items, basis: due?.basis ?? null };
}

/**
 * case.late for a closed record: the working days it was late, 0 when on time.
 *
 * @internal
 */
export function checkLate(c: CaseDays, due: number, calendar: WorkingCalendar, place: RecordPlace, out: FindingList): number | null {
  if (c.closed <= due) return 0;
  try {
    // Closed on a rest day right after the deadline is late by 0 working days, but late (cases.md §3).
    const workingDaysLate = calendar.between(due, c.closed);
    out.add('case.late', pathOf(place, '/closedOn'), { ...idOf(place), expected: formatDay(due), actual: formatDay(c.closed), workingDaysLate });
    return workingDaysLate;
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    out.add('calendar.outOfRange', pathOf(place, ''), { ...idOf(place), year: error.year });
    return null;
  }
}

/**
 * case.overdue for a record open at `asOf` whose deadline has passed.
 *
 * @internal
 */
export function checkOverdue(due: number, asOf: number, calendar: WorkingCalendar, place: RecordPlace, out: FindingList): void {
  if (asOf <= due) return;
  try {
    const workingDaysOverdue = calendar.between(due, asOf);
    out.add('case.overdue', pathOf(place, ''), { ...idOf(place), expected: formatDay(due), asOf: formatDay(asOf), workingDaysOverdue });
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    out.add('calendar.outOfRange', pathOf(place, ''), { ...idOf(place), year: error.year });
  }
}

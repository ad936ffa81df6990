/**
 * Statutory dates. Report dates are calendar dates in China time, carried as
 * `YYYY-MM-DD` strings; the date-fns arithmetic below works on local calendar
 * days only, so the host's time zone never shifts a result.
 *
 * @module
 */
// lightFormat rather than format: the same answer for yyyy-MM-dd, a fraction of the size.
import { differenceInCalendarDays, lightFormat } from 'date-fns';
import { PUBLISHERS } from '../format/report-fields.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a calendar day; setFullYear, unlike the constructor, takes years below 100 as they are. */
function localDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  return date;
}

/** Parses a `YYYY-MM-DD` calendar date, or `undefined` if it is not one (e.g. `2022-02-30`). */
function calendarDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = localDay(year, month, day);
  // A day past the month's end rolls over into the next month: then it was not a date.
  return date.getMonth() === month && date.getDate() === day ? date : undefined;
}

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { isCalendarDate } from 'gov-disclosure-report';
 * isCalendarDate('2024-02-29'); // true
 * isCalendarDate('2022-02-30'); // false
 * ```
 */
export function isCalendarDate(text: string): boolean {
  return calendarDate(text) !== undefined;
}

/**
 * The Article 49 (条例第四十九条) deadline for publishing the report of
 * `year`, as `YYYY-MM-DD`: departments of governments at or above county
 * level by 31 January of the next year, governments (published by their
 * disclosure office) by 31 March.
 *
 * @throws RangeError when `year` is not an integer from 1 to 9998
 * @example
 * ```ts
 * import { publicationDeadline } from 'gov-disclosure-report';
 * publicationDeadline(2021, 'department'); // '2022-01-31'
 * publicationDeadline(2021, 'government'); // '2022-03-31'
 * ```
 */
export function publicationDeadline(year: number, publisher: 'department' | 'government'): string {
  if (!Number.isInteger(year) || year < 1 || year > 9998) {
    throw new RangeError(`publicationDeadline: year must be an integer from 1 to 9998, got ${String(year)}`);
  }
  const deadline = PUBLISHERS[publisher]?.deadline;
  if (!deadline) throw new RangeError(`publicationDeadline: publisher must be "department" or "government", got ${String(publisher)}`);
  return lightFormat(localDay(year + 1, deadline.month - 1, deadline.day), 'yyyy-MM-dd');
}

/**
 * How many calendar days `publishedOn` falls after the deadline of the
 * report of `year` (0 or less: on time).
 *
 * @throws RangeError when `publishedOn` is not a `YYYY-MM-DD` calendar date,
 *   or as {@link publicationDeadline}
 * @example
 * ```ts
 * import { daysLate } from 'gov-disclosure-report';
 * daysLate('2022-02-03', 2021, 'department'); // 3
 * daysLate('2022-01-28', 2021, 'department'); // -3
 * ```
 */
export function daysLate(publishedOn: string, year: number, publisher: 'department' | 'government'): number {
  const published = calendarDate(publishedOn);
  if (!published) throw new RangeError(`daysLate: not a YYYY-MM-DD calendar date: ${JSON.stringify(publishedOn)}`);
  return differenceInCalendarDays(published, calendarDate(publicationDeadline(year, publisher))!);
}

/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so that
 * date arithmetic never meets a time zone: a `YYYY-MM-DD` string in China
 * time maps to one integer on every host. The conversions are the civil
 * calendar algorithms of H. Hinnant, in plain integer arithmetic.
 *
 * @module
 */

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day number of a proleptic Gregorian date (month 1–12). */
export function dayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Days before the first of each month in a common year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The digit at `at`, or -1 for any other character. */
const digitAt = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};

/**
 * The day number of a `YYYY-MM-DD` calendar date, or `NaN` when `text` is
 * not one (`2023-02-29`, `2024-1-5`, a number). Hand-rolled in small-integer
 * arithmetic rather than a regular expression and `Math.floor`: the tally
 * reads two or more dates a record, and a day worked out in floats is boxed
 * on its way out, a million allocations a run.
 */
export function parseDay(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return NaN;
  const leap = isLeap(year) ? 1 : 0;
  if (day > MONTH_DAYS[month - 1]! + (month === 2 ? leap : 0)) return NaN;
  // Year 0000 would take the truncating division below past zero.
  if (year === 0) return dayFromParts(year, month, day);
  // Days from 0001-01-01 to the first of `year`, less those to 1970-01-01 (719 162).
  const y = year - 1;
  const start = 365 * y + ((y / 4) | 0) - ((y / 100) | 0) + ((y / 400) | 0) - 719_162;
  return start + MONTH_START[month - 1]! + (month > 2 ? leap : 0) + day - 1;
}

/** The calendar year of a day number. */
export function yearOf(dayNumber: number): number {
  return Number(formatDay(dayNumber).slice(0, 4));
}

/** A day number as `YYYY-MM-DD`. */
export function formatDay(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The first day of a calendar year. */
export const yearStart = (year: number) => dayFromParts(year, 1, 1);

/** The last day of a calendar year. */
export const yearEnd = (year: number) => dayFromParts(year, 12, 31);

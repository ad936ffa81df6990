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

/** Four or two ASCII digits at `at` as a number, or -1. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The day number of a `YYYY-MM-DD` calendar date, or `NaN` when `text` is
 * not one (`2023-02-29`, `2024-1-5`, a number). Hand-rolled rather than a
 * regular expression: the tally reads two or more dates per record.
 */
export function parseDay(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return NaN;
  if (day > (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!)) return NaN;
  return dayFromParts(year, month, day);
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

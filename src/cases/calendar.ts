/**
 * The working-day calendar (工作日): Monday to Friday outside every holiday
 * range of the State Council's notice, plus the make-up working days it
 * names. Nothing outside the years it holds is guessed: a day it does not
 * cover is a `RangeError` naming the missing year.
 *
 * Days are integer day numbers ({@link parseDay}); a calendar is a table of
 * the days it covers with running counts, so a deadline 40 working days out
 * is two array reads, not a walk.
 *
 * @module
 */
import { CALENDAR_DATA, type CalendarYear, type HolidayRange, type MakeupWorkday } from './calendar-data.js';
import { dayFromParts, formatDay, parseDay, weekdayOf, yearOf } from './day.js';

/** The years a notice may describe: far enough either side of today's to hold any real notice, small enough for a table. */
const YEARS = { min: 1999, max: 2100 } as const;

/** A day the calendar does not cover: a `RangeError` that names the year whose notice it lacks. */
export class CalendarRangeError extends RangeError {
  /**
   * @param year - The year whose data the calendar lacks.
   * @example
   * ```ts
   * import { CalendarRangeError } from 'gov-disclosure-report/cases';
   * new CalendarRangeError(2027).message; // 'the working-day calendar has no data for 2027 (…)'
   * ```
   */
  constructor(readonly year: number) {
    super(`the working-day calendar has no data for ${year} (add the State Council notice for ${year} with createCalendar)`);
    this.name = 'CalendarRangeError';
  }
}

/** What the calendar knows about one day. */
interface DayNote {
  holiday?: HolidayRange & { readonly notice: string };
  makeup?: MakeupWorkday & { readonly notice: string };
}

/**
 * One day as the calendar sees it: whether it is worked, and the notice
 * entry that made it so.
 *
 * @example
 * ```ts
 * import { describeDay } from 'gov-disclosure-report/cases';
 * describeDay('2024-02-04');
 * // { date: '2024-02-04', working: true, weekday: 0, makeupWorkday: { date: '2024-02-04', for: '春节', notice: '国办发明电〔2023〕7号' } }
 * ```
 */
export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  /** 0 Sunday … 6 Saturday. */
  readonly weekday: number;
  /** The holiday range the day lies in, with its notice. */
  readonly holiday?: HolidayRange & { readonly notice: string };
  /** The make-up working day entry, with its notice. */
  readonly makeupWorkday?: MakeupWorkday & { readonly notice: string };
}

const enum Status {
  Uncovered = 0,
  Working = 1,
  Off = 2,
}

/**
 * A working-day calendar: the shipped years, plus any added with
 * {@link createCalendar}. Pass it as `{ calendar }` to the functions of
 * `gov-disclosure-report/cases`.
 *
 * @example
 * ```ts
 * import { createCalendar } from 'gov-disclosure-report/cases';
 * const calendar = createCalendar({ years: {} });
 * calendar.coverage; // { from: '2018-12-29', to: '2026-12-31' }
 * calendar.years;    // [2019, 2020, …, 2026]
 * ```
 */
export class WorkingCalendar {
  /** The first and last day covered (a calendar given a year with a gap before it has uncovered days between). */
  readonly coverage: { readonly from: string; readonly to: string };
  /** The notice years held, ascending. */
  readonly years: readonly number[];
  /** Day number of index 0 of the tables. */
  private readonly start: number;
  private readonly status: Uint8Array;
  /** `working[k]`: working days at indices below k. */
  private readonly working: Int32Array;
  /** `gaps[k]`: uncovered days at indices below k. */
  private readonly gaps: Int32Array;
  /** The indices of the working days, in order. */
  private readonly workdays: Int32Array;
  private readonly notes = new Map<number, DayNote>();

  /** @internal Use {@link createCalendar}. */
  constructor(data: Readonly<Record<number, CalendarYear>>) {
    const years = Object.keys(data).map(Number).sort((a, b) => a - b);
    const spans = years.map((year) => coveredSpan(year, data[year]!));
    this.start = Math.min(...spans.map((s) => s.from));
    const end = Math.max(...spans.map((s) => s.to));
    const size = end - this.start + 1;
    this.status = new Uint8Array(size);
    for (const span of spans) {
      for (let day = span.from; day <= span.to; day++) {
        const weekday = weekdayOf(day);
        this.status[day - this.start] = weekday === 0 || weekday === 6 ? Status.Off : Status.Working;
      }
    }
    for (const year of years) {
      const entry = data[year]!;
      for (const range of entry.holidays) {
        const holiday = { ...range, notice: range.notice ?? entry.notice ?? '' };
        for (let day = parseDay(range.from); day <= parseDay(range.to); day++) {
          this.status[day - this.start] = Status.Off;
          this.note(day).holiday = holiday;
        }
      }
      for (const given of entry.makeupWorkdays ?? []) {
        const makeup = typeof given === 'string' ? { date: given } : given;
        const day = parseDay(makeup.date);
        this.status[day - this.start] = Status.Working;
        this.note(day).makeup = { ...makeup, notice: makeup.notice ?? entry.notice ?? '' };
      }
    }
    this.working = new Int32Array(size + 1);
    this.gaps = new Int32Array(size + 1);
    const workdays: number[] = [];
    for (let k = 0; k < size; k++) {
      const status = this.status[k]!;
      this.working[k + 1] = this.working[k]! + (status === Status.Working ? 1 : 0);
      this.gaps[k + 1] = this.gaps[k]! + (status === Status.Uncovered ? 1 : 0);
      if (status === Status.Working) workdays.push(k);
    }
    this.workdays = Int32Array.from(workdays);
    this.years = years;
    this.coverage = { from: formatDay(this.start), to: formatDay(end) };
  }

  private note(day: number): DayNote {
    let note = this.notes.get(day);
    if (!note) this.notes.set(day, (note = {}));
    return note;
  }

  /** The year of the first uncovered day after index `i` (the first day past the table when there is none). */
  private missingAfter(i: number): CalendarRangeError {
    let k = Math.max(i + 1, 0);
    while (k < this.status.length && this.status[k] !== Status.Uncovered) k++;
    return new CalendarRangeError(yearOf(this.start + k));
  }

  /**
   * Whether a day number is a working day.
   *
   * @throws CalendarRangeError when the day is not covered
   * @internal
   */
  isWorking(day: number): boolean {
    const status = this.status[day - this.start];
    if (status === undefined || status === Status.Uncovered) throw new CalendarRangeError(yearOf(day));
    return status === Status.Working;
  }

  /**
   * The `n`-th working day after day number `day` (`n` ≥ 0; 0 gives `day`).
   *
   * @throws CalendarRangeError when a day needed is not covered
   * @internal
   */
  addWorking(day: number, n: number): number {
    if (n === 0) return day;
    const i = day - this.start;
    if (i + 1 < 0) throw new CalendarRangeError(yearOf(day + 1));
    if (i + 1 >= this.status.length) throw this.missingAfter(i);
    const m = this.working[i + 1]! + n - 1;
    const j = this.workdays[m];
    if (j === undefined || this.gaps[j + 1]! - this.gaps[i + 1]! > 0) throw this.missingAfter(i);
    return this.start + j;
  }

  /**
   * The working days after day number `from` up to and including `to`;
   * negative when `to` is before `from`.
   *
   * @throws CalendarRangeError when a day between is not covered
   * @internal
   */
  between(from: number, to: number): number {
    if (to < from) return -this.between(to, from);
    if (to === from) return 0;
    const i = from - this.start;
    const j = to - this.start;
    if (i + 1 < 0) throw new CalendarRangeError(yearOf(from + 1));
    if (j >= this.status.length || this.gaps[j + 1]! - this.gaps[i + 1]! > 0) throw this.missingAfter(i);
    return this.working[j + 1]! - this.working[i + 1]!;
  }

  /**
   * What the calendar knows about one day.
   *
   * @throws CalendarRangeError when the day is not covered
   * @internal
   */
  describe(day: number): DayInfo {
    const working = this.isWorking(day);
    const note = this.notes.get(day);
    return {
      date: formatDay(day),
      working,
      weekday: weekdayOf(day),
      ...(note?.holiday && { holiday: note.holiday }),
      ...(note?.makeup && { makeupWorkday: note.makeup }),
    };
  }
}

/** The days a year's data covers: the calendar year, and back to its earliest date (元旦 may start in December). */
function coveredSpan(year: number, entry: CalendarYear): { from: number; to: number } {
  const dates = [...entry.holidays.map((h) => h.from), ...(entry.makeupWorkdays ?? []).map((m) => (typeof m === 'string' ? m : m.date))];
  return { from: Math.min(dayFromParts(year, 1, 1), ...dates.map(parseDay)), to: dayFromParts(year, 12, 31) };
}

let shipped: WorkingCalendar | undefined;

/**
 * The calendar of the shipped years ({@link CALENDAR_DATA}), built once.
 *
 * @internal
 */
export function shippedCalendar(): WorkingCalendar {
  return (shipped ??= new WorkingCalendar(CALENDAR_DATA));
}

/**
 * The days the shipped calendar covers: from the first day the 2019 notice
 * speaks of to the last day of 2026.
 *
 * @example
 * ```ts
 * import { CALENDAR_COVERAGE } from 'gov-disclosure-report/cases';
 * CALENDAR_COVERAGE; // { from: '2018-12-29', to: '2026-12-31' }
 * ```
 */
export const CALENDAR_COVERAGE: { readonly from: string; readonly to: string } = /* @__PURE__ */ (() => {
  const years = Object.keys(CALENDAR_DATA).map(Number);
  const spans = years.map((year) => coveredSpan(year, CALENDAR_DATA[year]!));
  return { from: formatDay(Math.min(...spans.map((s) => s.from))), to: formatDay(Math.max(...spans.map((s) => s.to))) };
})();

/**
 * What {@link createCalendar} takes: the years to add, keyed by year, each
 * as its notice gives it. A year already shipped takes local holidays
 * (放假办法 第四条) added to the national ones.
 *
 * @example
 * ```ts
 * import type { CalendarInput } from 'gov-disclosure-report/cases';
 * const local: CalendarInput = { years: { 2024: { holidays: [{ name: '古尔邦节', from: '2024-06-17', to: '2024-06-17', notice: '（自治区规定）' }] } } };
 * ```
 */
export interface CalendarInput {
  readonly years: Readonly<Record<number, CalendarYear>>;
}

/**
 * A calendar with the shipped years plus the given ones: a year whose
 * notice appeared after this release, or local holidays. The data are
 * checked: dates are calendar dates inside their year (or the last days of
 * the year before, for 元旦), a make-up day is a Saturday or Sunday inside no
 * holiday range, holiday ranges do not overlap, and a new year names its
 * notice.
 *
 * @throws TypeError for a value of the wrong type, RangeError for a date out of place; the message names the entry
 * @example
 * ```ts
 * import { addWorkingDays, createCalendar } from 'gov-disclosure-report/cases';
 * const calendar = createCalendar({
 *   years: {
 *     2027: {
 *       notice: '国办发明电〔2026〕…号',
 *       holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }, { name: '春节', from: '2027-02-05', to: '2027-02-12' }],
 *       makeupWorkdays: ['2027-02-13'],
 *     },
 *   },
 * });
 * addWorkingDays('2026-12-25', 20, { calendar }); // a date in January 2027
 * ```
 */
export function createCalendar(input: CalendarInput): WorkingCalendar {
  if (typeof input !== 'object' || input === null || typeof input.years !== 'object' || input.years === null) {
    throw new TypeError('createCalendar: expected { years: { [year]: { notice, holidays, makeupWorkdays } } }');
  }
  const merged: Record<number, CalendarYear> = { ...CALENDAR_DATA };
  for (const [key, given] of Object.entries(input.years)) {
    const year = Number(key);
    const at = `createCalendar: years.${key}`;
    if (!/^\d{4}$/.test(key) || year < YEARS.min || year > YEARS.max) throw new RangeError(`${at}: a year from ${YEARS.min} to ${YEARS.max}`);
    checkYear(at, year, given, year in CALENDAR_DATA);
    const base = CALENDAR_DATA[year];
    merged[year] = base
      ? { notice: base.notice!, holidays: [...base.holidays, ...given.holidays], makeupWorkdays: [...(base.makeupWorkdays ?? []), ...(given.makeupWorkdays ?? [])] }
      : given;
  }
  checkTogether(merged);
  return new WorkingCalendar(merged);
}

/** The checks of one year's entry on its own. */
function checkYear(at: string, year: number, entry: CalendarYear, known: boolean): void {
  if (typeof entry !== 'object' || entry === null) throw new TypeError(`${at}: expected { notice, holidays, makeupWorkdays }`);
  if (entry.notice !== undefined && typeof entry.notice !== 'string') throw new TypeError(`${at}.notice: expected the notice's number as a string`);
  if (!known && !entry.notice?.trim()) throw new TypeError(`${at}.notice: a year the library does not ship needs the number of its notice`);
  if (!Array.isArray(entry.holidays)) throw new TypeError(`${at}.holidays: expected an array of { name, from, to }`);
  if (entry.makeupWorkdays !== undefined && !Array.isArray(entry.makeupWorkdays)) throw new TypeError(`${at}.makeupWorkdays: expected an array of dates`);
  // A notice speaks of its own year, and 元旦 may reach back into the last days of the year before.
  const first = dayFromParts(year - 1, 12, 25);
  const last = dayFromParts(year, 12, 31);
  const date = (where: string, value: unknown): number => {
    if (typeof value !== 'string') throw new TypeError(`${where}: expected a YYYY-MM-DD date`);
    const day = parseDay(value);
    if (Number.isNaN(day)) throw new RangeError(`${where}: "${value}" is not a YYYY-MM-DD calendar date`);
    if (day < first || day > last) throw new RangeError(`${where}: ${value} is outside ${year} (from ${formatDay(first)} to ${formatDay(last)})`);
    return day;
  };
  entry.holidays.forEach((range: HolidayRange, i) => {
    const where = `${at}.holidays[${i}]`;
    if (typeof range !== 'object' || range === null || typeof range.name !== 'string' || !range.name.trim()) {
      throw new TypeError(`${where}: expected { name, from, to } with the holiday's name`);
    }
    if (range.notice !== undefined && typeof range.notice !== 'string') throw new TypeError(`${where}.notice: expected a string`);
    if (date(`${where}.from`, range.from) > date(`${where}.to`, range.to)) throw new RangeError(`${where}: from ${range.from} is after to ${range.to}`);
  });
  (entry.makeupWorkdays ?? []).forEach((given: string | MakeupWorkday, i) => {
    const where = `${at}.makeupWorkdays[${i}]`;
    const value = typeof given === 'object' && given !== null ? given.date : given;
    const weekday = weekdayOf(date(typeof given === 'object' ? `${where}.date` : where, value));
    if (weekday !== 0 && weekday !== 6) throw new RangeError(`${where}: ${String(value)} is a weekday, a working day already`);
  });
}

/** The checks across every year: no two holiday ranges overlap, no make-up day lies in one, none is given twice. */
function checkTogether(years: Readonly<Record<number, CalendarYear>>): void {
  const ranges = Object.values(years)
    .flatMap((entry) => entry.holidays)
    .map((h) => ({ h, from: parseDay(h.from), to: parseDay(h.to) }))
    .sort((a, b) => a.from - b.from);
  for (let k = 1; k < ranges.length; k++) {
    const [before, after] = [ranges[k - 1]!, ranges[k]!];
    if (after.from <= before.to) {
      throw new RangeError(`createCalendar: ${after.h.name} ${after.h.from}…${after.h.to} overlaps ${before.h.name} ${before.h.from}…${before.h.to}`);
    }
  }
  const seen = new Set<number>();
  for (const entry of Object.values(years)) {
    for (const given of entry.makeupWorkdays ?? []) {
      const date = typeof given === 'string' ? given : given.date;
      const day = parseDay(date);
      if (seen.has(day)) throw new RangeError(`createCalendar: make-up working day ${date} is given twice`);
      seen.add(day);
      const inside = ranges.find((r) => r.from <= day && day <= r.to);
      if (inside) throw new RangeError(`createCalendar: make-up working day ${date} lies inside ${inside.h.name} ${inside.h.from}…${inside.h.to}`);
    }
  }
}

/**
 * The calendar option of the functions of `gov-disclosure-report/cases`;
 * the shipped calendar when omitted.
 *
 * @example
 * ```ts
 * import { createCalendar, isWorkingDay, type CalendarOption } from 'gov-disclosure-report/cases';
 * const options: CalendarOption = { calendar: createCalendar({ years: {} }) };
 * isWorkingDay('2024-02-09', options); // true
 * ```
 */
export interface CalendarOption {
  readonly calendar?: WorkingCalendar | undefined;
}

/** The day number of a date argument, or a TypeError naming the function. */
function dayArgument(fn: string, name: string, value: unknown): number {
  const day = parseDay(value);
  if (Number.isNaN(day)) throw new TypeError(`${fn}: ${name} must be a YYYY-MM-DD calendar date, got ${JSON.stringify(value) ?? String(value)}`);
  return day;
}

/**
 * Whether `date` is a working day (工作日): Monday to Friday outside every
 * holiday range, or a make-up working day.
 *
 * @throws TypeError when `date` is not a `YYYY-MM-DD` calendar date;
 *   RangeError ({@link CalendarRangeError}) naming the year when the calendar does not cover it
 * @example
 * ```ts
 * import { isWorkingDay } from 'gov-disclosure-report/cases';
 * isWorkingDay('2024-02-09'); // true: 2024's 除夕 was worked
 * isWorkingDay('2025-01-28'); // false: from 2025 除夕 is a holiday
 * isWorkingDay('2024-02-04'); // true: a make-up Sunday
 * ```
 */
export function isWorkingDay(date: string, options: CalendarOption = {}): boolean {
  return (options.calendar ?? shippedCalendar()).isWorking(dayArgument('isWorkingDay', 'date', date));
}

/**
 * The `n`-th working day after `date` (the day itself not counted); `n` = 0
 * gives `date`.
 *
 * @throws TypeError for a bad date or an `n` that is not a non-negative
 *   integer; RangeError ({@link CalendarRangeError}) naming the year when a day needed is not covered
 * @example
 * ```ts
 * import { addWorkingDays } from 'gov-disclosure-report/cases';
 * addWorkingDays('2024-09-20', 20); // '2024-10-23'
 * addWorkingDays('2024-09-20', 0);  // '2024-09-20'
 * ```
 */
export function addWorkingDays(date: string, n: number, options: CalendarOption = {}): string {
  const day = dayArgument('addWorkingDays', 'date', date);
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`addWorkingDays: n must be a non-negative integer, got ${String(n)}`);
  return formatDay((options.calendar ?? shippedCalendar()).addWorking(day, n));
}

/**
 * The working days after `from` up to and including `to`; negative when `to`
 * is before `from`.
 *
 * @throws TypeError for a bad date; RangeError ({@link CalendarRangeError}) naming the year when a day between is not covered
 * @example
 * ```ts
 * import { workingDaysBetween } from 'gov-disclosure-report/cases';
 * workingDaysBetween('2024-09-20', '2024-10-23'); // 20
 * workingDaysBetween('2024-09-30', '2024-10-07'); // 0: the 国庆节 holiday
 * ```
 */
export function workingDaysBetween(from: string, to: string, options: CalendarOption = {}): number {
  const calendar = options.calendar ?? shippedCalendar();
  return calendar.between(dayArgument('workingDaysBetween', 'from', from), dayArgument('workingDaysBetween', 'to', to));
}

/**
 * What the calendar knows about `date`: whether it is worked, and the
 * holiday range or make-up day that decides it, with its notice.
 *
 * @throws TypeError for a bad date; RangeError ({@link CalendarRangeError}) naming the year when the calendar does not cover it
 * @example
 * ```ts
 * import { describeDay } from 'gov-disclosure-report/cases';
 * describeDay('2020-02-01').holiday?.notice; // '国办发明电〔2020〕1号': the extended 春节
 * ```
 */
export function describeDay(date: string, options: CalendarOption = {}): DayInfo {
  return (options.calendar ?? shippedCalendar()).describe(dayArgument('describeDay', 'date', date));
}

/**
 * The working-day calendar as the State Council published it: every holiday
 * range (放假) and make-up working day (调休上班) of each year's notice on
 * 部分节假日安排, 2019 to 2026, with the number of the notice that fixed it.
 * This is the one place the dates live; `createCalendar` takes a new year
 * in the same shape the day its notice appears.
 *
 * Sources: the notices themselves (gov.cn texts and their reposts), cross-
 * checked day by day against the `chinese-days` package in the tests.
 *
 * @module
 */

/**
 * A holiday range of a notice: every day from `from` to `to` is off
 * (weekend days inside it included, as the notice words it).
 *
 * @example
 * ```ts
 * import type { HolidayRange } from 'gov-disclosure-report/cases';
 * const nationalDay: HolidayRange = { name: '国庆节', from: '2027-10-01', to: '2027-10-07', notice: '国办发明电〔2026〕…号' };
 * ```
 */
export interface HolidayRange {
  /** The holiday as the notice names it: 春节, 国庆节, 中秋节、国庆节 … */
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** The notice that fixed the range (国办发明电〔2023〕7号); the year's `notice` when omitted. */
  readonly notice?: string;
}

/**
 * A make-up working day (调休上班): a Saturday or Sunday the notice makes a
 * working day.
 *
 * @example
 * ```ts
 * import type { MakeupWorkday } from 'gov-disclosure-report/cases';
 * const day: MakeupWorkday = { date: '2024-02-04', for: '春节', notice: '国办发明电〔2023〕7号' };
 * ```
 */
export interface MakeupWorkday {
  readonly date: string;
  /** The holiday it makes up for. */
  readonly for?: string;
  /** The notice that set it; the year's `notice` when omitted. */
  readonly notice?: string;
}

/**
 * One year of the calendar: what one State Council notice (and any later
 * notice amending it) says. `makeupWorkdays` may be plain dates.
 *
 * @example
 * ```ts
 * import { createCalendar, type CalendarYear } from 'gov-disclosure-report/cases';
 * const year2027: CalendarYear = {
 *   notice: '国办发明电〔2026〕…号',
 *   holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
 *   makeupWorkdays: ['2027-01-09'],
 * };
 * createCalendar({ years: { 2027: year2027 } });
 * ```
 */
export interface CalendarYear {
  /** The number of the year's notice, e.g. `国办发明电〔2024〕12号`. Optional only when adding local holidays to a year already known. */
  readonly notice?: string;
  readonly holidays: readonly HolidayRange[];
  readonly makeupWorkdays?: readonly (string | MakeupWorkday)[];
}

const N2019 = '国办发明电〔2018〕15号';
/** 调整2019年劳动节假期安排: 05-01…05-04 off, 04-28 and 05-05 worked (the original notice gave 05-01 only). */
const N2019_LABOUR_DAY = '国办发明电〔2019〕3号';
const N2020 = '国办发明电〔2019〕16号';
/** 延长2020年春节假期: off until 02-02, so 02-01 (a make-up Saturday under 16号) was not worked. */
const N2020_EXTENSION = '国办发明电〔2020〕1号';
const N2021 = '国办发明电〔2020〕27号';
const N2022 = '国办发明电〔2021〕11号';
const N2023 = '国办发明电〔2022〕16号';
const N2024 = '国办发明电〔2023〕7号';
/** The first notice under the 放假办法 as revised by 国务院令第795号 (in force 2025-01-01): 春节 adds 除夕, 劳动节 adds 5月2日. */
const N2025 = '国办发明电〔2024〕12号';
/** The number is seen in third-party data only; the dates are confirmed by news reposts of the text. */
const N2026 = '国办发明电〔2025〕7号';

const off = (name: string, from: string, to: string, notice: string): HolidayRange => ({ name, from, to, notice });
const work = (date: string, holiday: string, notice: string): MakeupWorkday => ({ date, for: holiday, notice });

/**
 * The shipped years, keyed by the year of the notice. A range or make-up day
 * may lie in the year before (元旦 of 2019 starts 2018-12-30).
 *
 * @example
 * ```ts
 * import { CALENDAR_DATA } from 'gov-disclosure-report/cases';
 * CALENDAR_DATA[2024].holidays.find((h) => h.name === '春节'); // { name: '春节', from: '2024-02-10', to: '2024-02-17', notice: '国办发明电〔2023〕7号' }
 * ```
 */
export const CALENDAR_DATA: Readonly<Record<number, CalendarYear>> = {
  2019: {
    notice: N2019,
    holidays: [
      off('元旦', '2018-12-30', '2019-01-01', N2019),
      off('春节', '2019-02-04', '2019-02-10', N2019),
      off('清明节', '2019-04-05', '2019-04-05', N2019),
      off('劳动节', '2019-05-01', '2019-05-04', N2019_LABOUR_DAY),
      off('端午节', '2019-06-07', '2019-06-07', N2019),
      off('中秋节', '2019-09-13', '2019-09-13', N2019),
      off('国庆节', '2019-10-01', '2019-10-07', N2019),
    ],
    makeupWorkdays: [
      work('2018-12-29', '元旦', N2019),
      work('2019-02-02', '春节', N2019),
      work('2019-02-03', '春节', N2019),
      work('2019-04-28', '劳动节', N2019_LABOUR_DAY),
      work('2019-05-05', '劳动节', N2019_LABOUR_DAY),
      work('2019-09-29', '国庆节', N2019),
      work('2019-10-12', '国庆节', N2019),
    ],
  },
  2020: {
    notice: N2020,
    holidays: [
      off('元旦', '2020-01-01', '2020-01-01', N2020),
      off('春节', '2020-01-24', '2020-02-02', N2020_EXTENSION),
      off('清明节', '2020-04-04', '2020-04-06', N2020),
      off('劳动节', '2020-05-01', '2020-05-05', N2020),
      off('端午节', '2020-06-25', '2020-06-27', N2020),
      off('国庆节、中秋节', '2020-10-01', '2020-10-08', N2020),
    ],
    makeupWorkdays: [
      work('2020-01-19', '春节', N2020),
      work('2020-04-26', '劳动节', N2020),
      work('2020-05-09', '劳动节', N2020),
      work('2020-06-28', '端午节', N2020),
      work('2020-09-27', '国庆节、中秋节', N2020),
      work('2020-10-10', '国庆节、中秋节', N2020),
    ],
  },
  2021: {
    notice: N2021,
    holidays: [
      off('元旦', '2021-01-01', '2021-01-03', N2021),
      off('春节', '2021-02-11', '2021-02-17', N2021),
      off('清明节', '2021-04-03', '2021-04-05', N2021),
      off('劳动节', '2021-05-01', '2021-05-05', N2021),
      off('端午节', '2021-06-12', '2021-06-14', N2021),
      off('中秋节', '2021-09-19', '2021-09-21', N2021),
      off('国庆节', '2021-10-01', '2021-10-07', N2021),
    ],
    makeupWorkdays: [
      work('2021-02-07', '春节', N2021),
      work('2021-02-20', '春节', N2021),
      work('2021-04-25', '劳动节', N2021),
      work('2021-05-08', '劳动节', N2021),
      work('2021-09-18', '中秋节', N2021),
      work('2021-09-26', '国庆节', N2021),
      work('2021-10-09', '国庆节', N2021),
    ],
  },
  2022: {
    notice: N2022,
    holidays: [
      off('元旦', '2022-01-01', '2022-01-03', N2022),
      off('春节', '2022-01-31', '2022-02-06', N2022),
      off('清明节', '2022-04-03', '2022-04-05', N2022),
      off('劳动节', '2022-04-30', '2022-05-04', N2022),
      off('端午节', '2022-06-03', '2022-06-05', N2022),
      off('中秋节', '2022-09-10', '2022-09-12', N2022),
      off('国庆节', '2022-10-01', '2022-10-07', N2022),
    ],
    makeupWorkdays: [
      work('2022-01-29', '春节', N2022),
      work('2022-01-30', '春节', N2022),
      work('2022-04-02', '清明节', N2022),
      work('2022-04-24', '劳动节', N2022),
      work('2022-05-07', '劳动节', N2022),
      work('2022-10-08', '国庆节', N2022),
      work('2022-10-09', '国庆节', N2022),
    ],
  },
  2023: {
    notice: N2023,
    holidays: [
      off('元旦', '2022-12-31', '2023-01-02', N2023),
      off('春节', '2023-01-21', '2023-01-27', N2023),
      off('清明节', '2023-04-05', '2023-04-05', N2023),
      off('劳动节', '2023-04-29', '2023-05-03', N2023),
      off('端午节', '2023-06-22', '2023-06-24', N2023),
      off('中秋节、国庆节', '2023-09-29', '2023-10-06', N2023),
    ],
    makeupWorkdays: [
      work('2023-01-28', '春节', N2023),
      work('2023-01-29', '春节', N2023),
      work('2023-04-23', '劳动节', N2023),
      work('2023-05-06', '劳动节', N2023),
      work('2023-06-25', '端午节', N2023),
      work('2023-10-07', '中秋节、国庆节', N2023),
      work('2023-10-08', '中秋节、国庆节', N2023),
    ],
  },
  2024: {
    notice: N2024,
    holidays: [
      off('元旦', '2024-01-01', '2024-01-01', N2024),
      // 除夕 (02-09, a Friday) is not in the range: a working day, though the notice encourages letting staff rest.
      off('春节', '2024-02-10', '2024-02-17', N2024),
      off('清明节', '2024-04-04', '2024-04-06', N2024),
      off('劳动节', '2024-05-01', '2024-05-05', N2024),
      off('端午节', '2024-06-10', '2024-06-10', N2024),
      off('中秋节', '2024-09-15', '2024-09-17', N2024),
      off('国庆节', '2024-10-01', '2024-10-07', N2024),
    ],
    makeupWorkdays: [
      work('2024-02-04', '春节', N2024),
      work('2024-02-18', '春节', N2024),
      work('2024-04-07', '清明节', N2024),
      work('2024-04-28', '劳动节', N2024),
      work('2024-05-11', '劳动节', N2024),
      work('2024-09-14', '中秋节', N2024),
      work('2024-09-29', '国庆节', N2024),
      work('2024-10-12', '国庆节', N2024),
    ],
  },
  2025: {
    notice: N2025,
    holidays: [
      off('元旦', '2025-01-01', '2025-01-01', N2025),
      // From 2025 除夕 is a statutory holiday (国务院令第795号): 01-28 is off.
      off('春节', '2025-01-28', '2025-02-04', N2025),
      off('清明节', '2025-04-04', '2025-04-06', N2025),
      off('劳动节', '2025-05-01', '2025-05-05', N2025),
      off('端午节', '2025-05-31', '2025-06-02', N2025),
      off('国庆节、中秋节', '2025-10-01', '2025-10-08', N2025),
    ],
    makeupWorkdays: [
      work('2025-01-26', '春节', N2025),
      work('2025-02-08', '春节', N2025),
      work('2025-04-27', '劳动节', N2025),
      work('2025-09-28', '国庆节、中秋节', N2025),
      work('2025-10-11', '国庆节、中秋节', N2025),
    ],
  },
  2026: {
    notice: N2026,
    holidays: [
      off('元旦', '2026-01-01', '2026-01-03', N2026),
      off('春节', '2026-02-15', '2026-02-23', N2026),
      off('清明节', '2026-04-04', '2026-04-06', N2026),
      off('劳动节', '2026-05-01', '2026-05-05', N2026),
      off('端午节', '2026-06-19', '2026-06-21', N2026),
      off('中秋节', '2026-09-25', '2026-09-27', N2026),
      off('国庆节', '2026-10-01', '2026-10-07', N2026),
    ],
    makeupWorkdays: [
      work('2026-01-04', '元旦', N2026),
      work('2026-02-14', '春节', N2026),
      work('2026-02-28', '春节', N2026),
      work('2026-05-09', '劳动节', N2026),
      work('2026-09-20', '国庆节', N2026),
      work('2026-10-10', '国庆节', N2026),
    ],
  },
};

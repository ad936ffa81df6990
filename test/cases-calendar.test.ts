import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_DATA } from '../src/cases/calendar-data.js';
import { oracleIsWorkday, oracleWorkday } from './fixtures/chinese-days.js';
import {
  addWorkingDays,
  CALENDAR_COVERAGE,
  CalendarRangeError,
  createCalendar,
  describeDay,
  isWorkingDay,
  workingDaysBetween,
} from '../src/cases/calendar.js';

/** Every date from `from` to `to`, as YYYY-MM-DD (UTC arithmetic: the host's zone plays no part). */
function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00Z`); t <= Date.parse(`${to}T00:00Z`); t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}


describe('the shipped calendar against chinese-days', () => {
  it('agrees on every day of the coverage', () => {
    const disagree = [...days(CALENDAR_COVERAGE.from, CALENDAR_COVERAGE.to)].filter((d) => isWorkingDay(d) !== oracleIsWorkday(d));
    expect(disagree).toEqual([]);
  });

  it('has the working days per year of the notices (the checksum of the data)', () => {
    const counts: Record<string, number> = {};
    for (const d of days('2019-01-01', '2026-12-31')) if (isWorkingDay(d)) counts[d.slice(0, 4)] = (counts[d.slice(0, 4)] ?? 0) + 1;
    expect(counts).toEqual({ 2019: 250, 2020: 249, 2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248 });
  });

  it('finds the n-th working day as chinese-days findWorkday does', () => {
    const starts = [...days('2019-01-01', '2026-10-31')].filter((_, i) => i % 3 === 0);
    const disagree: string[] = [];
    for (const start of starts) {
      for (const n of [1, 7, 15, 20, 40]) {
        const ours = addWorkingDays(start, n);
        if (ours !== oracleWorkday(start, n)) disagree.push(`${start}+${n}`);
        if (workingDaysBetween(start, ours) !== n) disagree.push(`${start}…${ours}`);
      }
    }
    expect(disagree).toEqual([]);
  });
});

describe('the traps', () => {
  it('make-up weekend days are working days; the weekend around them is not', () => {
    expect(isWorkingDay('2024-02-04')).toBe(true); // Sunday before 春节
    expect(isWorkingDay('2024-02-03')).toBe(false);
    expect(isWorkingDay('2024-10-12')).toBe(true); // Saturday after 国庆节
    expect(isWorkingDay('2018-12-29')).toBe(true); // a 2019 make-up day in 2018
    expect(addWorkingDays('2024-10-11', 1)).toBe('2024-10-12');
  });

  it('2019 Labour Day: 国办发明电〔2019〕3号 made 05-01…05-04 off and 04-28, 05-05 working', () => {
    expect(['2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04'].map((d) => isWorkingDay(d))).toEqual([false, false, false, false]);
    expect(isWorkingDay('2019-04-28')).toBe(true);
    expect(isWorkingDay('2019-05-05')).toBe(true);
    expect(describeDay('2019-05-02').holiday?.notice).toBe('国办发明电〔2019〕3号');
  });

  it('2020: the 春节 extension (国办发明电〔2020〕1号) made 01-31 and the make-up Saturday 02-01 days off', () => {
    expect(isWorkingDay('2020-01-31')).toBe(false);
    expect(isWorkingDay('2020-02-01')).toBe(false);
    expect(isWorkingDay('2020-02-03')).toBe(true);
    expect(addWorkingDays('2020-01-23', 1)).toBe('2020-02-03');
    expect(describeDay('2020-02-01')).toMatchObject({ working: false, holiday: { name: '春节', notice: '国办发明电〔2020〕1号' } });
  });

  it('除夕: a working day in 2024, a holiday from 2025 (国务院令第795号)', () => {
    expect(isWorkingDay('2024-02-09')).toBe(true);
    expect(isWorkingDay('2025-01-28')).toBe(false);
    expect(describeDay('2025-01-28').holiday?.notice).toBe('国办发明电〔2024〕12号');
  });

  it('2025: 劳动节 runs 05-01…05-05, 国庆节、中秋节 to 10-08', () => {
    expect(isWorkingDay('2025-05-05')).toBe(false);
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });

  it('a deadline can land on a make-up Sunday', () => {
    expect(addWorkingDays('2024-01-05', 20)).toBe('2024-02-02');
    expect(addWorkingDays('2024-01-08', 20)).toBe('2024-02-04');
  });
});

describe('the data', () => {
  it('names a notice for every holiday range and make-up day', () => {
    const numbers = Object.values(CALENDAR_DATA).flatMap((year) => [
      ...year.holidays.map((h) => h.notice),
      ...(year.makeupWorkdays ?? []).map((m) => (typeof m === 'string' ? undefined : m.notice)),
    ]);
    expect(numbers.every((n) => /^国办发明电〔\d{4}〕\d+号$/.test(n ?? ''))).toBe(true);
    expect(Object.keys(CALENDAR_DATA)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
  });

  it('passes the checks a new year is given', () => {
    expect(() => createCalendar({ years: {} })).not.toThrow();
  });

  it('CALENDAR_COVERAGE is what the calendar covers', () => {
    expect(CALENDAR_COVERAGE).toEqual({ from: '2018-12-29', to: '2026-12-31' });
    expect(createCalendar({ years: {} }).coverage).toEqual(CALENDAR_COVERAGE);
  });
});

describe('outside the coverage nothing is guessed', () => {
  it('throws a RangeError naming the missing year', () => {
    expect(() => isWorkingDay('2027-01-04')).toThrow(RangeError);
    expect(() => isWorkingDay('2027-01-04')).toThrow(/2027/);
    expect(() => isWorkingDay('2018-12-28')).toThrow(/2018/);
    expect(() => addWorkingDays('2026-12-20', 20)).toThrow(/2027/);
    expect(() => workingDaysBetween('2026-12-01', '2027-01-10')).toThrow(/2027/);
    expect(() => workingDaysBetween('2018-11-01', '2019-01-10')).toThrow(/2018/);
    try {
      addWorkingDays('2026-12-30', 5);
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarRangeError);
      expect((error as CalendarRangeError).year).toBe(2027);
    }
  });

  it('the last covered days still work', () => {
    expect(addWorkingDays('2026-12-01', 20)).toBe('2026-12-29');
    expect(addWorkingDays('2018-12-28', 1)).toBe('2018-12-29');
    expect(addWorkingDays('2030-01-01', 0)).toBe('2030-01-01');
  });

  it('bad arguments are TypeErrors', () => {
    expect(() => isWorkingDay('2024-02-30')).toThrow(TypeError);
    expect(() => addWorkingDays('2024-02-01', -1)).toThrow(TypeError);
    expect(() => addWorkingDays('2024-02-01', 1.5)).toThrow(TypeError);
    expect(() => workingDaysBetween('2024/02/01', '2024-02-05')).toThrow(TypeError);
  });

  it('workingDaysBetween is antisymmetric and 0 for a day and itself', () => {
    expect(workingDaysBetween('2024-10-23', '2024-09-20')).toBe(-20);
    expect(workingDaysBetween('2024-10-23', '2024-10-23')).toBe(0);
    expect(workingDaysBetween('2024-09-30', '2024-10-07')).toBe(0);
  });
});

describe('createCalendar', () => {
  const year2027 = {
    notice: '国办发明电〔2026〕99号',
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-06', to: '2027-02-14' },
    ],
    makeupWorkdays: ['2027-01-30', { date: '2027-02-20', for: '春节' }],
  };

  it('adds a year the day its notice appears', () => {
    const calendar = createCalendar({ years: { 2027: year2027 } });
    expect(calendar.coverage).toEqual({ from: '2018-12-29', to: '2027-12-31' });
    expect(calendar.years.at(-1)).toBe(2027);
    expect(addWorkingDays('2026-12-25', 20, { calendar })).toBe('2027-01-25');
    expect(isWorkingDay('2027-01-30', { calendar })).toBe(true);
    expect(isWorkingDay('2027-02-08', { calendar })).toBe(false);
    expect(describeDay('2027-02-20', { calendar }).makeupWorkday).toEqual({ date: '2027-02-20', for: '春节', notice: '国办发明电〔2026〕99号' });
    expect(() => isWorkingDay('2027-01-04')).toThrow(/2027/); // the shipped calendar is unchanged
  });

  it('adds local holidays to a shipped year (放假办法 第四条)', () => {
    const calendar = createCalendar({ years: { 2024: { holidays: [{ name: '古尔邦节', from: '2024-06-17', to: '2024-06-17', notice: '（自治区规定）' }] } } });
    expect(isWorkingDay('2024-06-17', { calendar })).toBe(false);
    expect(isWorkingDay('2024-06-17')).toBe(true);
    expect(isWorkingDay('2024-02-09', { calendar })).toBe(true);
  });

  it('a year with a gap before it leaves the gap uncovered', () => {
    const calendar = createCalendar({ years: { 2029: { notice: 'X', holidays: [] } } });
    expect(isWorkingDay('2029-03-01', { calendar })).toBe(true);
    expect(() => isWorkingDay('2028-03-01', { calendar })).toThrow(/2027|2028/);
    expect(() => addWorkingDays('2026-12-30', 3, { calendar })).toThrow(/2027/);
  });

  it.each([
    ['a new year without its notice', { 2027: { ...year2027, notice: undefined } }, TypeError, /notice/],
    ['a year out of range', { 1800: year2027 }, RangeError, /year/],
    ['holidays not an array', { 2027: { ...year2027, holidays: 'x' } }, TypeError, /holidays/],
    ['a holiday without a name', { 2027: { ...year2027, holidays: [{ from: '2027-05-01', to: '2027-05-03' }] } }, TypeError, /name/],
    ['a date that is not a date', { 2027: { ...year2027, holidays: [{ name: '劳动节', from: '2027-02-30', to: '2027-03-01' }] } }, RangeError, /2027-02-30/],
    ['a date in another year', { 2027: { ...year2027, holidays: [{ name: '国庆节', from: '2028-10-01', to: '2028-10-07' }] } }, RangeError, /outside 2027/],
    ['a range backwards', { 2027: { ...year2027, holidays: [{ name: '劳动节', from: '2027-05-05', to: '2027-05-01' }] } }, RangeError, /after/],
    ['a make-up day on a weekday', { 2027: { ...year2027, makeupWorkdays: ['2027-02-17'] } }, RangeError, /weekday/],
    ['a make-up day inside a holiday', { 2027: { ...year2027, makeupWorkdays: ['2027-02-13'] } }, RangeError, /inside 春节/],
    ['the same make-up day twice', { 2027: { ...year2027, makeupWorkdays: ['2027-01-30', '2027-01-30'] } }, RangeError, /twice/],
    [
      'overlapping ranges',
      { 2027: { ...year2027, holidays: [...year2027.holidays, { name: '元宵', from: '2027-02-14', to: '2027-02-15' }] } },
      RangeError,
      /overlaps/,
    ],
    ['a local holiday overlapping a national one', { 2024: { holidays: [{ name: 'X', from: '2024-10-07', to: '2024-10-08' }] } }, RangeError, /overlaps 国庆节/],
  ])('refuses %s', (_, years, kind, message) => {
    expect(() => createCalendar({ years } as never)).toThrow(kind);
    expect(() => createCalendar({ years } as never)).toThrow(message);
  });
});

describe.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])('under TZ=%s', (zone) => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same days', () => {
    process.env.TZ = zone;
    expect(isWorkingDay('2024-02-09')).toBe(true);
    expect(isWorkingDay('2025-01-28')).toBe(false);
    expect(addWorkingDays('2024-09-20', 20)).toBe('2024-10-23');
    expect(addWorkingDays('2019-03-10', 40)).toBe('2019-05-07');
    expect(workingDaysBetween('2020-01-01', '2020-12-31')).toBe(249);
  });
});

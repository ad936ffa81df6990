import { afterEach, describe, expect, it } from 'vitest';
import { daysLate, isCalendarDate, publicationDeadline } from '../src/index.js';

// Node re-reads TZ when it changes, so one process can try the zones that
// shift a calendar date the most (UTC−8 with DST, UTC+14) besides UTC and China.
// Each with its offset on 1 January (minutes, as getTimezoneOffset gives it).
const ZONES = [
  ['UTC', 0],
  ['America/Los_Angeles', 480],
  ['Pacific/Kiritimati', -840],
  ['Pacific/Pago_Pago', 660],
  ['Asia/Shanghai', -480],
] as const;
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(ZONES)('under TZ=%s', (zone, offset) => {
  it('publicationDeadline follows Article 49', () => {
    process.env.TZ = zone;
    expect(new Date(2022, 0, 1).getTimezoneOffset()).toBe(offset); // the zone really is in force
    expect(publicationDeadline(2021, 'department')).toBe('2022-01-31');
    expect(publicationDeadline(2021, 'government')).toBe('2022-03-31');
    expect(publicationDeadline(2023, 'government')).toBe('2024-03-31');
    expect(publicationDeadline(50, 'department')).toBe('0051-01-31');
  });

  it('daysLate counts calendar days, across a DST change', () => {
    process.env.TZ = zone;
    expect(daysLate('2022-01-31', 2021, 'department')).toBe(0);
    expect(daysLate('2022-02-01', 2021, 'department')).toBe(1);
    expect(daysLate('2022-04-30', 2021, 'government')).toBe(30);
    expect(daysLate('2021-12-31', 2021, 'department')).toBe(-31);
    expect(daysLate('0051-02-01', 50, 'department')).toBe(1);
  });

  it('isCalendarDate knows month lengths and leap years', () => {
    process.env.TZ = zone;
    expect(['2024-02-29', '2000-02-29', '2022-12-31', '0099-12-31', '0004-02-29'].map(isCalendarDate)).toEqual([true, true, true, true, true]);
    expect(['2023-02-29', '1900-02-29', '2022-02-30', '2022-13-01', '2022-1-31', '20220131', '2022-01-31T00:00'].map(isCalendarDate)).toEqual(
      Array(7).fill(false),
    );
  });
});

describe('bad arguments', () => {
  it.each([2021.5, 0, 9999, NaN])('publicationDeadline rejects year %s', (year) => {
    expect(() => publicationDeadline(year, 'department')).toThrow(/^publicationDeadline: year must be an integer/);
  });

  it('publicationDeadline rejects a publisher with no deadline', () => {
    expect(() => publicationDeadline(2021, 'other' as 'department')).toThrow(/^publicationDeadline: publisher must be/);
  });

  it('daysLate rejects a date that is not a calendar date', () => {
    expect(() => daysLate('2022-02-30', 2021, 'department')).toThrow(/^daysLate: not a YYYY-MM-DD calendar date/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildApplications, buildProactive, buildReport, buildReviewAndLitigation, validateReport } from '../src/index.js';
import { readExample } from './fixtures/reports.js';

describe('buildReport', () => {
  it('makes the 汴东 example from its report fields alone: every omitted count is 0', () => {
    const example = readExample<{ narrative: Record<string, string> }>('biandong-2021.json');
    expect(buildReport({ edition: '2021', year: 2021, agency: '汴东产业集聚区', narrative: example.narrative })).toEqual(example);
  });

  it('keeps a blank (null) as a blank and derives the totals around it', () => {
    const table = buildApplications('2019', { received: { naturalPerson: 5, commercialEnterprise: null } });
    expect(table.received).toMatchObject({ naturalPerson: 5, commercialEnterprise: null, total: 5 });
  });

  it('keeps a total that is given, even a wrong one, for the validator to check', () => {
    const report = buildReport({ edition: '2021', year: 2021, reviewAndLitigation: { administrativeReview: { upheld: 1, total: 3 } } });
    expect(report.reviewAndLitigation.administrativeReview.total).toBe(3);
    expect(validateReport(report).findings.map((f) => f.code)).toEqual(['reviewAndLitigation.total']);
  });

  it('derives （七）总计 and every 总计, including the corner cell, from the leaves', () => {
    const table = buildApplications('2021', {
      outcomes: { granted: { naturalPerson: 2, otherOrganization: 1 }, otherHandling: { feeNotPaidInTime: { naturalPerson: 4 } } },
    });
    expect(table.outcomes.granted.total).toBe(3);
    expect(table.outcomes.otherHandling.feeNotPaidInTime.total).toBe(4);
    expect(table.outcomes.total).toMatchObject({ naturalPerson: 6, otherOrganization: 1, total: 7 });
  });

  it('copies the report fields and does not share the narrative object', () => {
    const narrative = { otherMatters: '无。' };
    const report = buildReport({ edition: '2019', year: 2020, publisher: 'government', publishedOn: '2021-03-30', narrative });
    expect(report).toMatchObject({ publisher: 'government', publishedOn: '2021-03-30', narrative });
    expect(report.narrative).not.toBe(narrative);
  });
});

describe('table builders', () => {
  it('buildProactive formats amounts to four decimals and fills the rest with 0', () => {
    expect(buildProactive('2021', { fees: { amount: 1.5 } })).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: { decisions: 0 },
      penalties: { decisions: 0 },
      coercion: { decisions: 0 },
      fees: { amount: '1.5000' },
    });
    expect(buildProactive('2019', { procurement: { amount: '25.1' }, fees: { change: -1 } })).toMatchObject({
      procurement: { projects: 0, amount: '25.1000' },
      fees: { previousCount: 0, change: -1 },
    });
  });

  it('buildReviewAndLitigation derives each group total', () => {
    expect(buildReviewAndLitigation({ administrativeReview: { upheld: 5, pending: 2 }, litigationAfterReview: { corrected: 1 } })).toEqual({
      administrativeReview: { upheld: 5, corrected: 0, otherResult: 0, pending: 2, total: 7 },
      litigationWithoutReview: { upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 },
      litigationAfterReview: { upheld: 0, corrected: 1, otherResult: 0, pending: 0, total: 1 },
    });
  });

  it('returns fresh objects: building twice shares nothing', () => {
    const a = buildApplications('2021');
    const b = buildApplications('2021');
    a.received.naturalPerson = 9;
    expect(b.received.naturalPerson).toBe(0);
  });
});

/** What `build` throws, or undefined when it builds. */
function thrown(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  return undefined;
}

const REVIEW_FIELDS = 'upheld, corrected, otherResult, pending, total';
const RECEIVED = '/applications/received/naturalPerson';
const FEE = '/proactive/fees/amount';

describe('builders refuse what the validator would reject, naming the place', () => {
  it.each<[string, () => unknown, string]>([
    [
      'a misspelt field',
      () => buildReport({ edition: '2021', year: 2021, reviewAndLitigation: { administrativeReview: { uphled: 5 } as never } }),
      `/reviewAndLitigation/administrativeReview/uphled: not a field of the 2021 edition (the fields here: ${REVIEW_FIELDS})`,
    ],
    [
      'an unknown row of a table',
      () => buildApplications('2021', { recieved: { naturalPerson: 1 } } as never),
      '/applications/recieved: not a field of the 2021 edition (the fields here: received, carriedOver, outcomes, carriedForward)',
    ],
    [
      'a row of the other edition',
      () => buildProactive('2021', { procurement: { projects: 1 } } as never),
      '/proactive/procurement: not a field of the 2021 edition (the fields here: regulations, normativeDocuments, licensing, penalties, coercion, fees)',
    ],
    [
      'an unknown table of a report',
      () => buildReport({ edition: '2019', year: 2020, proactiv: {} } as never),
      '/proactiv: not a field of the 2019 edition (the fields here: edition, year, agency, publisher, publishedOn, narrative, proactive, applications, reviewAndLitigation)',
    ],
    [
      'a row given as a string',
      () => buildReviewAndLitigation({ administrativeReview: 'none' as never }),
      `/reviewAndLitigation/administrativeReview: must be an object of the fields ${REVIEW_FIELDS}, not the string "none"`,
    ],
    [
      'a row given as a number',
      () => buildReviewAndLitigation({ litigationWithoutReview: 3 as never }),
      `/reviewAndLitigation/litigationWithoutReview: must be an object of the fields ${REVIEW_FIELDS}, not 3`,
    ],
    [
      'a row given as an array',
      () => buildReviewAndLitigation({ litigationAfterReview: [1, 0, 0, 0] as never }),
      `/reviewAndLitigation/litigationAfterReview: must be an object of the fields ${REVIEW_FIELDS}, not an array`,
    ],
    [
      'a row given as null (only a 总计 row may be)',
      () => buildReviewAndLitigation({ administrativeReview: null as never }),
      `/reviewAndLitigation/administrativeReview: must be an object of the fields ${REVIEW_FIELDS}, not null`,
    ],
    [
      'a count given as a string',
      () => buildApplications('2021', { received: { naturalPerson: '5' as never } }),
      `${RECEIVED}: a count must be a number, not the string "5"`,
    ],
    [
      'a given total as a string',
      () => buildApplications('2021', { outcomes: { granted: { total: '3' as never } } }),
      '/applications/outcomes/granted/total: a count must be a number, not the string "3"',
    ],
    ['a count given as a boolean', () => buildApplications('2019', { received: { naturalPerson: true as never } }), `${RECEIVED}: a count must be a number, not true`],
    ['an amount given as an object', () => buildProactive('2021', { fees: { amount: {} as never } }), `${FEE}: an amount must be a decimal string or a number, not an object`],
    ['an edition that does not exist', () => buildProactive('2020' as never), '/edition: not an edition (2019, 2021): the string "2020"'],
  ])('%s: TypeError', (_, build, message) => {
    const error = thrown(build);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(`build: ${message}`);
  });

  it.each<[string, () => unknown, string]>([
    ['a negative count', () => buildApplications('2021', { received: { naturalPerson: -1 } }), `${RECEIVED}: a count must not be negative, not -1`],
    ['a fractional count', () => buildApplications('2021', { received: { naturalPerson: 1.5 } }), `${RECEIVED}: a count must be a whole number, not 1.5`],
    ['a NaN count', () => buildApplications('2021', { received: { naturalPerson: NaN } }), `${RECEIVED}: a count must be a whole number, not NaN`],
    ['an infinite count', () => buildApplications('2021', { received: { naturalPerson: Infinity } }), `${RECEIVED}: a count must be a whole number, not Infinity`],
    [
      'a count past 2^53',
      () => buildApplications('2021', { received: { naturalPerson: 2 ** 60 } }),
      `${RECEIVED}: a count must be within 2^53, not ${2 ** 60}`,
    ],
    [
      'a fractional change (本年增/减) of the 2019 edition',
      () => buildProactive('2019', { fees: { change: -0.5 } }),
      '/proactive/fees/change: a count must be a whole number, not -0.5',
    ],
    ['a negative amount', () => buildProactive('2021', { fees: { amount: '-1' } }), `${FEE}: an amount must not be negative, not the string "-1"`],
    ['"-0" as an amount', () => buildProactive('2021', { fees: { amount: '-0' } }), `${FEE}: an amount must not be negative, not the string "-0"`],
    [
      'an amount with a unit',
      () => buildProactive('2021', { fees: { amount: '1.5万元' } }),
      `${FEE}: an amount must be a plain decimal in 万元 such as "12.5", not the string "1.5万元"`,
    ],
    [
      'an amount with a separator',
      () => buildProactive('2021', { fees: { amount: '1,000' } }),
      `${FEE}: an amount must be a plain decimal in 万元 such as "12.5", not the string "1,000"`,
    ],
    ['a NaN amount', () => buildProactive('2021', { fees: { amount: NaN } }), `${FEE}: an amount must be a plain decimal in 万元 such as "12.5", not NaN`],
  ])('%s: RangeError', (_, build, message) => {
    const error = thrown(build);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(`build: ${message}`);
  });

  it('a total beyond 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(() => buildReviewAndLitigation({ administrativeReview: { upheld: big, pending: big } })).toThrow(
      'build: /reviewAndLitigation/administrativeReview/total: the total is beyond 2^53',
    );
  });
});

describe('what the builders accept as the validator does', () => {
  it('rounds an amount with more than four decimals half-up to four, as validateReport returns it', () => {
    expect(buildProactive('2021', { fees: { amount: '4166.241619' } }).fees.amount).toBe('4166.2416');
    expect(buildProactive('2021', { fees: { amount: '0.00005' } }).fees.amount).toBe('0.0001');
    const report = buildReport({ edition: '2021', year: 2021, proactive: { fees: { amount: '4166.241619' } } });
    expect(validateReport({ ...report, proactive: { ...report.proactive, fees: { amount: '4166.241619' } } }).report).toEqual(report);
  });

  it('a null 总计 row is derived; -0 is 0; a negative change (本年增/减) of the 2019 edition is kept', () => {
    const table = buildApplications('2021', { received: { naturalPerson: -0, commercialEnterprise: 2 }, outcomes: { total: null as never } });
    expect(Object.is(table.received.naturalPerson, 0)).toBe(true);
    expect(table.outcomes.total.total).toBe(0);
    expect(buildProactive('2019', { fees: { change: -3 } }).fees.change).toBe(-3);
  });
});

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

describe('builders refuse what the validator would reject', () => {
  it.each([
    [{ received: { naturalPerson: 1.5 } }, /\/applications\/received\/naturalPerson.*non-negative integer/],
    [{ received: { naturalPerson: -1 } }, /^build: \/applications\/received\/naturalPerson: 一、本年新收政府信息公开申请数量 · 自然人.*must not be negative/],
    [{ outcomes: { granted: { total: '3' } } }, /（一）予以公开 · 总计.*non-negative integer/],
  ])('applications %j', (draft, message) => {
    expect(() => buildApplications('2021', draft as never)).toThrow(RangeError);
    expect(() => buildApplications('2021', draft as never)).toThrow(message);
  });

  it.each(['-1', '1.5万元', 'abc'])('an amount of %j', (amount) => {
    expect(() => buildProactive('2021', { fees: { amount } })).toThrow(/^build: \/proactive\/fees\/amount: 第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）/);
  });

  it('a total beyond 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(() => buildReviewAndLitigation({ administrativeReview: { upheld: big, pending: big } })).toThrow(
      'build: /reviewAndLitigation/administrativeReview/total: the total is beyond 2^53',
    );
  });
});

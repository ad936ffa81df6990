/**
 * sumReports: counts and amounts summed, totals derived, blanks kept where
 * every part is blank, each part's findings under /parts/<index>, parts of
 * another year or edition left out with an error, never a throw; and, by
 * fast-check, the sum of valid reports validates, summing is associative
 * and independent of order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, layoutOf, sumReports, validateReport, type Edition, type Report, type Report2021 } from '../src/index.js';
import { getPath, reportArbitrary } from './fixtures/arbitrary.js';
import { busyReport2019, busyReport2021 } from './fixtures/reports.js';

const OPTIONS = { agency: '某市司法局（本级汇总）', year: 2022 } as const;
const at = (findings: { code: string; path: string }[]) => findings.map((f) => `${f.code} ${f.path}`);
const tables = (report: Report) => ({ proactive: report.proactive, applications: report.applications, reviewAndLitigation: report.reviewAndLitigation });

describe('sumReports: the sum', () => {
  it('sums every count and derives every total; the sum validates with no finding', () => {
    const a = busyReport2021();
    const b = busyReport2021();
    const { report, findings, summed } = sumReports([a, b], { ...OPTIONS, publisher: 'government' });
    expect(findings).toEqual([]);
    expect(summed).toEqual([0, 1]);
    expect(report).toMatchObject({ edition: '2021', year: 2022, agency: OPTIONS.agency, publisher: 'government' });
    expect(report.applications.received).toEqual({ naturalPerson: 80, commercialEnterprise: 10, researchInstitution: 0, publicInterestOrganization: 0, legalServiceAgency: 4, otherOrganization: 0, total: 94 });
    expect(report.applications.outcomes.total.total).toBe(92);
    expect(report.reviewAndLitigation.administrativeReview).toEqual({ upheld: 6, corrected: 2, otherResult: 0, pending: 2, total: 10 });
    expect(report.proactive).toMatchObject({ licensing: { decisions: 3040 }, fees: { amount: '25.0000' } });
    expect(validateReport(report)).toMatchObject({ ok: true, findings: [] });
  });

  it('a blank part counts as 0; a cell is blank only when every part left it blank, and so is a total of blank parts', () => {
    const a = busyReport2021();
    const b = busyReport2021();
    a.applications.received.researchInstitution = null;
    b.applications.received.researchInstitution = null;
    a.applications.received.naturalPerson = null;
    a.reviewAndLitigation.litigationAfterReview = { upheld: null, corrected: null, otherResult: null, pending: null, total: null };
    b.reviewAndLitigation.litigationAfterReview = { upheld: null, corrected: null, otherResult: null, pending: null, total: null };
    const { report } = sumReports([a, b], OPTIONS);
    expect(report.applications.received.researchInstitution).toBeNull();
    expect(report.applications.received.naturalPerson).toBe(40);
    expect(report.reviewAndLitigation.litigationAfterReview).toEqual({ upheld: null, corrected: null, otherResult: null, pending: null, total: null });
  });

  it('a total a part gave over blank parts (only 总计 filled: 0) is 0 in the sum, not blank', () => {
    const a = busyReport2021();
    const b = busyReport2021();
    a.reviewAndLitigation.litigationAfterReview = { upheld: null, corrected: null, otherResult: null, pending: null, total: 0 };
    b.reviewAndLitigation.litigationAfterReview = { upheld: null, corrected: null, otherResult: null, pending: null, total: null };
    for (const parts of [[a, b], [a], [b, a]]) {
      const { report } = sumReports(parts, OPTIONS);
      expect(report.reviewAndLitigation.litigationAfterReview).toEqual({ upheld: null, corrected: null, otherResult: null, pending: null, total: 0 });
      expect(validateReport(report).ok).toBe(true);
    }
    expect(sumReports([b], OPTIONS).report.reviewAndLitigation.litigationAfterReview.total).toBeNull();
    // A total of 7 over blank parts is a part's own error: not summed, as no part gives a figure under it.
    a.reviewAndLitigation.litigationAfterReview.total = 7;
    expect(sumReports([a, b], OPTIONS).report.reviewAndLitigation.litigationAfterReview.total).toBeNull();
  });

  it('a total a part printed wrong is not summed: totals are derived from the summed parts', () => {
    const a = busyReport2021();
    a.applications.received.total = 99;
    const { report, findings } = sumReports([a, busyReport2021()], OPTIONS);
    expect(report.applications.received.total).toBe(94);
    expect(at(findings)).toEqual(['applications.balance /parts/0/applications/carriedForward/total', 'applications.applicantTotal /parts/0/applications/received/total']);
    expect(validateReport(report).ok).toBe(true);
  });

  it('sums amounts exactly as the parts give them and rounds half-up once, at the end', () => {
    const withFee = (amount: string) => ({ ...busyReport2021(), proactive: { ...busyReport2021().proactive, fees: { amount } } });
    // Each rounds to 0.0000; their sum, 0.00008, to 0.0001.
    const { report, findings } = sumReports([withFee('0.00004'), withFee('0.00004')], OPTIONS);
    expect(report.proactive).toMatchObject({ fees: { amount: '0.0001' } });
    expect(at(findings)).toEqual(['money.precision /parts/0/proactive/fees/amount', 'money.precision /parts/1/proactive/fees/amount']);
    expect(sumReports([withFee('12.34565'), withFee('0.00005')], OPTIONS).report.proactive).toMatchObject({ fees: { amount: '12.3457' } });
    expect(sumReports([withFee('99999999999999999.9999'), withFee('0.0001')], OPTIONS).report.proactive).toMatchObject({ fees: { amount: '100000000000000000.0000' } });
    const blankFee = { ...busyReport2021(), proactive: { ...busyReport2021().proactive, fees: { amount: null } } };
    expect(sumReports([blankFee, blankFee], OPTIONS).report.proactive).toMatchObject({ fees: { amount: null } });
    expect(sumReports([blankFee, withFee('3')], OPTIONS).report.proactive).toMatchObject({ fees: { amount: '3.0000' } });
  });

  it('sums 2019-edition reports, signed changes and amounts included', () => {
    const { report, findings } = sumReports([busyReport2019(), busyReport2019()], { agency: '某区', year: 2020 });
    expect(findings).toEqual([]);
    expect(report.edition).toBe('2019');
    expect(report.proactive).toMatchObject({ licensing: { previousCount: 80, change: -16, decisions: 2400 }, procurement: { projects: 12, amount: '50.2000' } });
    expect(validateReport(report).ok).toBe(true);
  });

  it('a count whose sum passes 2^53 is left blank with cell.tooLarge at its pointer in the sum', () => {
    const big = buildReport({ edition: '2021', year: 2022, proactive: { licensing: { decisions: Number.MAX_SAFE_INTEGER } } });
    const { report, findings } = sumReports([big, big], OPTIONS);
    expect(at(findings)).toEqual(['cell.tooLarge /proactive/licensing/decisions']);
    expect(findings[0]).toMatchObject({ severity: 'error', actual: '18014398509481982' });
    expect(report.proactive).toMatchObject({ licensing: { decisions: null } });
  });

  it('no parts: a blank report of the edition for the year', () => {
    const { report, summed } = sumReports([], { agency: '某县', year: 2020 });
    expect(summed).toEqual([]);
    expect(report.edition).toBe('2019');
    expect(report.applications.received.total).toBeNull();
    expect(validateReport(report).ok).toBe(true);
  });
});

describe('sumReports: the parts', () => {
  it("each part's findings come back under /parts/<index>, cells too, the part named in the message", () => {
    const b = busyReport2021();
    b.agency = '乙局';
    b.applications.received.total = 46;
    const findings = sumReports([busyReport2021(), b], OPTIONS).findings;
    expect(at(findings)).toEqual(['applications.balance /parts/1/applications/carriedForward/total', 'applications.applicantTotal /parts/1/applications/received/total']);
    expect(findings[1]).toMatchObject({ severity: 'error', expected: 47, actual: 46 });
    expect(findings[1]!.cells).toContain('/parts/1/applications/received/naturalPerson');
    expect(findings[1]!.message).toMatch(/^第 2 份报告（乙局）：一、本年新收政府信息公开申请数量 · 总计：应为 47，实为 46（/);
    const [, en] = sumReports([busyReport2021(), b], { ...OPTIONS, locale: 'en' }).findings;
    expect(en!.message).toMatch(/^report 2 \(乙局\): 一、本年新收政府信息公开申请数量 · 总计 \(.*\): expected 47/);
  });

  it('rollup.year and rollup.edition: a part of another year or edition is left out, with an error', () => {
    const lastYear = { ...busyReport2021(), year: 2021, publishedOn: '2022-01-20' };
    const findings = sumReports([busyReport2021(), lastYear, busyReport2019(), { ...busyReport2019(), year: 2022 }], OPTIONS);
    expect(findings.summed).toEqual([0]);
    expect(at(findings.findings)).toEqual([
      'edition.year /parts/3/edition',
      'rollup.year /parts/1/year',
      'rollup.year /parts/2/year',
      'rollup.edition /parts/2/edition',
      'rollup.edition /parts/3/edition',
    ]);
    const year = findings.findings.find((f) => f.code === 'rollup.year')!;
    expect(year).toMatchObject({ severity: 'error', part: 1, expected: 2022, actual: 2021 });
    expect(year.message).toBe('汇总的第 2 份报告为 2021 年度，汇总为 2022 年度，未计入汇总');
    expect(findings.findings.find((f) => f.code === 'rollup.edition')).toMatchObject({ part: 2, expected: '2021', actual: '2019' });
    expect(findings.report.applications.received.total).toBe(47);
  });

  it('the edition option decides the edition; parts of the other are left out', () => {
    const { summed, findings, report } = sumReports([busyReport2021()], { ...OPTIONS, edition: '2019' });
    expect(summed).toEqual([]);
    expect(at(findings)).toEqual(['rollup.edition /parts/0/edition']);
    expect(report.edition).toBe('2019');
  });

  it('never throws: a part that is not a report is left out with rollup.unreadable after its own findings', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const { findings, summed } = sumReports([null, 'x', busyReport2021(), revoked.proxy, { edition: '2021' }], OPTIONS);
    expect(summed).toEqual([2]);
    expect(at(findings)).toEqual([
      'shape.type /parts/0',
      'shape.type /parts/1',
      'shape.unreadable /parts/3',
      'shape.required /parts/4/year',
      ...layoutOf('2021').tables.map((t) => `shape.required /parts/4${t.pointer}`),
      'rollup.unreadable /parts/0',
      'rollup.unreadable /parts/1',
      'rollup.unreadable /parts/3',
      'rollup.unreadable /parts/4',
    ]);
    expect(() => sumReports(null as never, OPTIONS)).not.toThrow();
  });

  it('a thousand parts: findings of one code past the limit are counted, not listed', () => {
    const blank = busyReport2021();
    blank.applications.received.researchInstitution = null;
    const { findings } = sumReports(Array.from({ length: 1000 }, () => blank), OPTIONS);
    expect(findings.filter((f) => f.code === 'cell.blank')).toHaveLength(500);
    expect(findings.at(-1)).toMatchObject({ code: 'findings.omitted', rule: 'cell.blank', omitted: 500 });
  });
});

describe('sumReports: properties (fast-check)', () => {
  /** Reports of one edition and year. */
  const sameYear = (edition: Edition, n: number) =>
    fc.tuple(...Array.from({ length: n }, () => reportArbitrary(edition))).map((reports) => reports.map((r) => ({ ...r, year: reports[0]!.year }) as Report));

  it.each(['2021', '2019'] as const)('the sum of valid %s reports validates with no error', (edition) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => sameYear(edition, n)), (reports) => {
        const { report, findings, summed } = sumReports(reports, { agency: '汇总', year: reports[0]!.year });
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(summed).toHaveLength(reports.length);
        const result = validateReport(report);
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['2021', '2019'] as const)('%s: summing is associative and independent of order', (edition) => {
    fc.assert(
      fc.property(sameYear(edition, 3), ([a, b, c]) => {
        const options = { agency: '汇总', year: a!.year };
        const sum = (parts: Report[]) => sumReports(parts, options).report;
        const all = tables(sum([a!, b!, c!]));
        expect(tables(sum([sum([a!, b!]), c!]))).toEqual(all);
        expect(tables(sum([a!, sum([b!, c!])]))).toEqual(all);
        expect(tables(sum([c!, a!, b!]))).toEqual(all);
        expect(tables(sum([b!, c!, a!]))).toEqual(all);
      }),
      { numRuns: 60 },
    );
  });

  it('each leaf of the sum is the sum of the parts (blanks as 0, blank only when all are)', () => {
    fc.assert(
      fc.property(sameYear('2021', 3), (reports) => {
        const { report } = sumReports(reports, { agency: '汇总', year: reports[0]!.year });
        for (const cell of layoutOf('2021').cells) {
          if (cell.derived || cell.kind === 'money') continue;
          const parts = reports.map((r) => getPath(r, cell.path) as number | null);
          const expected = parts.every((v) => v === null) ? null : parts.reduce<number>((s, v) => s + (v ?? 0), 0);
          expect(getPath(report, cell.path), cell.pointer).toBe(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});

// A report built as a consumer would: the sum is a Report2021 when its parts are.
const typed: Report2021 = sumReports([busyReport2021()], OPTIONS).report as Report2021;
void typed;

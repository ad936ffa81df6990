import { describe, expect, it } from 'vitest';
import { validateReport, type Report2019 } from '../src/index.js';
import { readExample } from './fixtures/reports.js';

describe('the bundled examples', () => {
  it('汴东产业集聚区 2021 validates with no finding', () => {
    const example = readExample('biandong-2021.json');
    const result = validateReport(example);
    expect(result).toEqual({ ok: true, report: example, findings: [] });
  });

  it('上海市人民政府办公厅 2019 validates with no error; its figures are those of format.md §2.6', () => {
    const example = readExample<Report2019>('shanghai-2019.json');
    const result = validateReport(example);
    expect(result.ok).toBe(true);
    // The canonical report: the totals the page left blank are derived, unless every part is blank too;
    // blank leaf cells stay blank.
    const outcomes = result.report!.applications.outcomes as Report2019['applications']['outcomes'];
    expect(outcomes.unableToProvide.notHeld).toMatchObject({ researchInstitution: null, total: 265 });
    expect(outcomes.denied.stateSecret.total).toBe(14);
    expect(outcomes.denied.prohibitedByLawOrRegulation.total).toBeNull();
    expect(validateReport(result.report).report).toEqual(result.report);
    const { applications, reviewAndLitigation, proactive } = example;
    expect(applications.received).toEqual({
      naturalPerson: 821, commercialEnterprise: 35, researchInstitution: null, publicInterestOrganization: null,
      legalServiceAgency: 2, otherOrganization: 1, total: 859,
    });
    expect(applications.outcomes.total).toMatchObject({ naturalPerson: 767, commercialEnterprise: 35, total: 805 });
    expect(applications.outcomes.unableToProvide.notHeld).toMatchObject({ naturalPerson: 252, commercialEnterprise: 12, legalServiceAgency: 1, total: null });
    expect(applications.carriedForward).toMatchObject({ naturalPerson: 72, total: 72 });
    expect(reviewAndLitigation.administrativeReview).toEqual({ upheld: 5, corrected: null, otherResult: null, pending: 2, total: 7 });
    expect(proactive.procurement).toEqual({ projects: 6, amount: '25.1000' });
  });

  it('上海 2019: a changed figure is caught against （七）总计, including through the blank 总计 column', () => {
    const example = readExample<Report2019>('shanghai-2019.json');
    example.applications.outcomes.granted.naturalPerson = 259;
    const result = validateReport(example);
    expect(result.ok).toBe(false);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path, f.expected, f.actual])).toEqual([
      ['applications.outcomeTotal', '/applications/outcomes/total/naturalPerson', 768, 767],
      ['applications.outcomeTotal', '/applications/outcomes/total/total', 806, 805],
    ]);
  });
});

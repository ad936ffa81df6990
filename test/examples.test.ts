import { describe, expect, it } from 'vitest';
import { layoutOf, validateReport, type Report2019, type Report2021 } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { renderReport } from '../src/render.js';
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

describe('the synthetic 2021 example: a distinct figure in every cell of table 三', () => {
  const example = readExample<Report2021>('synthetic-2021.json');
  const applicationCells = layoutOf('2021').cells.filter((cell) => cell.table.key === 'applications' && !cell.derived);
  const valueAt = (report: unknown, path: readonly string[]) => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report);

  it('validates with no finding', () => {
    expect(validateReport(example)).toEqual({ ok: true, report: example, findings: [] });
  });

  it('has no zero and no repeated figure among the cells of table 三, so a swapped row or column shows', () => {
    const figures = applicationCells.map((cell) => valueAt(example, cell.path));
    expect(figures.every((v) => typeof v === 'number' && v > 0)).toBe(true);
    expect(new Set(figures).size).toBe(applicationCells.length);
  });

  it('renders as HTML in the official layout and parses back exactly', async () => {
    const parsed = await parseReport(renderReport(example, { to: 'html' }));
    expect(parsed.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(parsed.report?.applications).toEqual(example.applications);
    expect(parsed.report?.proactive).toEqual(example.proactive);
    expect(parsed.report?.reviewAndLitigation).toEqual(example.reviewAndLitigation);
  });

  it('a swapped pair of columns in the published table is caught: by the arithmetic, or the figures differ', async () => {
    const html = renderReport(example, { to: 'html' });
    const { granted } = example.applications.outcomes;
    // Swap 自然人 and 商业企业 in the 予以公开 row of the page, as a careless copy would.
    const at = (key: string) => `data-pointer="/applications/outcomes/granted/${key}">`;
    const swapped = html
      .replace(`${at('naturalPerson')}${granted.naturalPerson}<`, `${at('naturalPerson')}${granted.commercialEnterprise}<`)
      .replace(`${at('commercialEnterprise')}${granted.commercialEnterprise}<`, `${at('commercialEnterprise')}${granted.naturalPerson}<`);
    expect(swapped).not.toBe(html);
    const parsed = await parseReport(swapped);
    expect(parsed.ok).toBe(false);
    expect(parsed.report?.applications).not.toEqual(example.applications);
  });
});

/**
 * The validator at its edges: canonical output, exact sums near 2^53, output
 * that does not grow with a hostile input, and findings typed per code.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, validateReport, type Report2021 } from '../src/index.js';
import { FINDINGS_PER_CODE, FindingList } from '../src/validate/finding.js';
import { busyReport2021, previousOfBusy2021 } from './fixtures/reports.js';

const MAX = Number.MAX_SAFE_INTEGER;
type Json = Record<string, any>;

describe('validateReport(…).report is canonical', () => {
  it('fills every total that was omitted or null from its parts', () => {
    const input = busyReport2021() as Json;
    delete input.applications.outcomes.total;
    input.applications.received.total = null;
    input.reviewAndLitigation.administrativeReview.total = null;
    const { ok, report } = validateReport(input);
    expect(ok).toBe(true);
    expect(report).toEqual(busyReport2021());
  });

  it('keeps blank leaf cells null, counts them as 0 in a total, and leaves a total of blanks blank', () => {
    const input = busyReport2021() as Json;
    input.applications.outcomes.granted = { naturalPerson: 20, commercialEnterprise: 3, researchInstitution: null, publicInterestOrganization: null, legalServiceAgency: null, otherOrganization: null, total: null };
    const blankRow = { naturalPerson: null, commercialEnterprise: null, researchInstitution: null, publicInterestOrganization: null, legalServiceAgency: null, otherOrganization: null, total: null };
    input.applications.outcomes.denied.stateSecret = blankRow;
    const report = validateReport(input).report as Report2021;
    expect(report.applications.outcomes.granted).toMatchObject({ researchInstitution: null, total: 23 });
    expect(report.applications.outcomes.denied.stateSecret).toEqual(blankRow);
  });

  it('agrees with the builders: validating a built report gives it back unchanged', () => {
    const blank = { naturalPerson: null, commercialEnterprise: null, researchInstitution: null, publicInterestOrganization: null, legalServiceAgency: null, otherOrganization: null };
    const built = buildReport({ edition: '2021', year: 2021, applications: { received: { naturalPerson: 2, researchInstitution: null }, outcomes: { granted: blank } } });
    expect(built.applications.outcomes.granted.total).toBeNull();
    expect(built.applications.received.total).toBe(2);
    expect(validateReport(built).report).toEqual(built);
  });

  it('a derived total beyond 2^53 is an error on that cell, not a wrong number', () => {
    const input = busyReport2021() as Json;
    input.reviewAndLitigation.administrativeReview = { upheld: MAX, corrected: 5, otherResult: 0, pending: 0, total: null };
    const { ok, findings } = validateReport(input);
    expect(ok).toBe(false);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'cell.tooLarge', path: '/reviewAndLitigation/administrativeReview/total', actual: '9007199254740996' }));
  });
});

describe('the sums are exact for every safe integer', () => {
  /** received = MAX, carriedOver 2, granted 3: the balance passes 2^53 on the way and comes back. */
  const nearMax = (carriedForward: number) => {
    const report = buildReport({ edition: '2021', year: 2021 }) as Json;
    const { applications: a } = report;
    a.received.naturalPerson = MAX;
    a.carriedOver.naturalPerson = 2;
    a.outcomes.granted.naturalPerson = 3;
    a.carriedForward.naturalPerson = carriedForward;
    for (const row of [a.received, a.carriedOver, a.outcomes.granted, a.outcomes.total, a.carriedForward]) row.total = null;
    delete a.outcomes.total;
    return report;
  };
  const balance = (report: Json) => validateReport(report).findings.filter((f) => f.code === 'applications.balance');

  it('applications.balance: MAX + 2 − 3 is MAX − 1, exactly', () => {
    expect(balance(nearMax(MAX - 1))).toEqual([]);
    expect(balance(nearMax(MAX - 2))).toEqual([
      expect.objectContaining({ path: '/applications/carriedForward/naturalPerson', expected: MAX - 1, actual: MAX - 2 }),
    ]);
  });

  it('continuity.inForce: last year’s MAX + issued 2 − repealed 3, exactly', () => {
    const previous = previousOfBusy2021() as Json;
    previous.proactive.regulations.inForce = MAX;
    const current = busyReport2021() as Json;
    current.proactive.regulations = { issued: 2, repealed: 3, inForce: MAX - 1 };
    const inForce = (report: Json) => validateReport(report, { previous }).findings.filter((f) => f.code === 'continuity.inForce');
    expect(inForce(current)).toEqual([]);
    current.proactive.regulations.inForce = MAX - 2;
    expect(inForce(current)).toEqual([expect.objectContaining({ path: '/proactive/regulations/inForce', expected: MAX - 1, actual: MAX - 2 })]);
  });
});

describe('output that does not grow with the attack', () => {
  it('300 000 unknown keys give at most FINDINGS_PER_CODE findings and one findings.omitted', () => {
    const input = busyReport2021() as Json;
    for (let i = 0; i < 300_000; i++) input.applications[`x${i}`] = 1;
    const { ok, findings } = validateReport(input);
    expect(ok).toBe(false);
    expect(findings.filter((f) => f.code === 'shape.unknownKey')).toHaveLength(FINDINGS_PER_CODE);
    expect(findings.at(-1)).toMatchObject({ code: 'findings.omitted', severity: 'info', rule: 'shape.unknownKey', omitted: 300_000 - FINDINGS_PER_CODE });
    expect(JSON.stringify(findings).length).toBeLessThan(200_000);
  });

  it('a 10 MB key name is cut where a finding echoes it', () => {
    const input = busyReport2021() as Json;
    input['k'.repeat(10_000_000)] = 1;
    const [finding] = validateReport(input).findings;
    expect(finding?.code).toBe('shape.unknownKey');
    expect(finding!.path.length + finding!.message.length).toBeLessThan(1_000);
  });
});

describe('findings are typed per code', () => {
  it('a code cannot be raised without the values its message needs (checked by tsc)', () => {
    const out = new FindingList('en');
    // @ts-expect-error publication.late needs expected, actual and daysLate
    out.add('publication.late', '/publishedOn');
    // @ts-expect-error daysLate is a number
    out.add('publication.late', '/publishedOn', { expected: '2022-01-31', actual: '2022-02-03', daysLate: '3' });
    out.add('publication.late', '/publishedOn', { expected: '2022-01-31', actual: '2022-02-03', daysLate: 3 });
    expect(out.items.at(-1)).toMatchObject({ code: 'publication.late', daysLate: 3, message: expect.stringContaining('3 days late') });
  });

  it('a row printed twice gives its two printings as candidates, never “undefined”', () => {
    const out = new FindingList('zh-CN');
    out.add('parse.ambiguous', '/applications/outcomes/granted', { candidates: ['8|0|8', '0|8|8'] });
    expect(out.items[0]!.message).toBe('/applications/outcomes/granted：此行印出两次且数字不同（8|0|8；0|8|8），记为空');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, formatFee, layoutOf, validateReport, type Edition } from '../src/index.js';
import { getPath, longAmount, nearMaxApplications, reportArbitrary, roundHalfUp4 } from './fixtures/arbitrary.js';

const EDITIONS: Edition[] = ['2021', '2019'];

describe.each(EDITIONS)('edition %s', (edition) => {
  const reports = reportArbitrary(edition);

  it('every report the builders make validates with no error', () => {
    fc.assert(
      fc.property(reports, (report) => {
        const result = validateReport(report);
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(result.ok).toBe(true);
        // Blanks are the only thing a built report is warned about.
        expect(result.findings.every((f) => f.code === 'cell.blank')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('validation returns the report it was given, unchanged', () => {
    fc.assert(
      fc.property(reports, (report) => {
        expect(validateReport(report).report).toEqual(report);
      }),
      { numRuns: 100 },
    );
  });

  it('changing any one count cell of table 三 or 四 yields an error that names that cell', () => {
    const layout = layoutOf(edition);
    const pointers = layout.cells.filter((c) => c.table.key !== 'proactive').map((c) => c.pointer);
    fc.assert(
      fc.property(reports, fc.constantFrom(...pointers), fc.integer({ min: 1, max: 1000 }), (report, pointer, delta) => {
        const cell = layout.cellAt.get(pointer)!;
        const changed = structuredClone(report) as unknown as Record<string, Record<string, unknown>>;
        const row = getPath(changed, cell.path.slice(0, -1)) as Record<string, number | null>;
        const before = row[cell.column.key] ?? 0;
        row[cell.column.key] = before >= delta && delta % 2 === 0 ? before - delta : before + delta;
        const errors = validateReport(changed).findings.filter((f) => f.severity === 'error');
        expect(errors.some((f) => f.cells?.includes(pointer))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('amounts with more than four decimals, ties among them', () => {
  it('are rounded half-up to four decimals, as the digits say, by formatFee, the builders and the validator alike', () => {
    fc.assert(
      fc.property(longAmount, (amount) => {
        const rounded = roundHalfUp4(amount);
        expect(formatFee(amount)).toBe(rounded);
        const built = buildReport({ edition: '2021', year: 2021, proactive: { fees: { amount } } });
        expect(built.proactive.fees.amount).toBe(rounded);
        const draft = structuredClone(built) as unknown as { proactive: { fees: { amount: string } } };
        draft.proactive.fees.amount = amount;
        const result = validateReport(draft);
        expect(result.report?.proactive).toEqual(built.proactive);
        const precision = result.findings.filter((f) => f.code === 'money.precision');
        const extraDecimals = (amount.split('.')[1] ?? '').replace(/0+$/, '').length > 4;
        expect(precision).toEqual(extraDecimals ? [expect.objectContaining({ path: '/proactive/fees/amount', expected: rounded, actual: amount })] : []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('counts near 2^53', () => {
  it('a balanced column whose sums pass 2^53 on the way validates, and one off by one is caught with the exact figure', () => {
    fc.assert(
      fc.property(nearMaxApplications, fc.constantFrom(1, -1), (report, sign) => {
        expect(validateReport(report).findings).toEqual([]);
        const changed = structuredClone(report) as unknown as { applications: { carriedForward: { naturalPerson: number; total: number | null } } };
        const forward = changed.applications.carriedForward;
        const delta = forward.naturalPerson === 0 ? 1 : sign;
        forward.naturalPerson += delta;
        forward.total = null;
        const balance = validateReport(changed).findings.filter((f) => f.code === 'applications.balance');
        expect(balance).toEqual([expect.objectContaining({ path: '/applications/carriedForward/naturalPerson', expected: forward.naturalPerson - delta, actual: forward.naturalPerson })]);
      }),
      { numRuns: 200 },
    );
  });
});

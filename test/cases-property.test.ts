import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICANT_KEYS, tallyApplications, type CaseRecord, type OutcomeId } from '../src/cases.js';
import { dayFromParts, formatDay } from '../src/cases/day.js';
import { buildReport, outcomeCodes, validateReport, type Edition } from '../src/index.js';

const OUTCOMES = outcomeCodes('2021')
  .map((o) => o.id)
  .filter((id) => id !== 'total') as OutcomeId[];
const FIRST = dayFromParts(2019, 1, 1);
const LAST = dayFromParts(2026, 12, 31);

/** A register of sound records with unique ids: received 2019–2026, open or closed up to 120 days later, some corrected or extended. */
const registers = fc
  .array(
    fc.record({
      applicant: fc.constantFrom(...APPLICANT_KEYS),
      received: fc.integer({ min: FIRST, max: LAST }),
      closedAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      outcome: fc.constantFrom(...OUTCOMES),
      extension: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
      onTheSpot: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map((row, i): CaseRecord => {
      const receivedOn = formatDay(row.received);
      return {
        id: `R-${i}`,
        applicant: row.applicant,
        receivedOn,
        ...(row.onTheSpot && { onTheSpot: true }),
        ...(row.extension !== undefined && { extension: { notifiedOn: formatDay(row.received + 10), workingDays: row.extension } }),
        ...(row.closedAfter !== undefined && { outcome: row.outcome, closedOn: formatDay(row.received + row.closedAfter) }),
      };
    }),
  );

/** Sound records with anything at all mixed in. */
const messyRegisters = fc.tuple(registers, fc.array(fc.anything(), { maxLength: 10 })).map(([register, junk]) => [...junk, ...register]);

const years = fc.integer({ min: 2019, max: 2026 });
const editions = fc.constantFrom<Edition>('2021', '2019');

/** Every count of a table, by pointer. */
function cells(node: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'number') out.set(`${path}/${key}`, value);
    else for (const [k, v] of cells(value, `${path}/${key}`)) out.set(k, v);
  }
  return out;
}

describe('properties of the tally over generated registers', () => {
  it('the table always validates with no applications.* error, junk records or not', () => {
    fc.assert(
      fc.property(messyRegisters, years, editions, (register, year, edition) => {
        const { applications } = tallyApplications(register, { year, edition });
        const report = edition === '2021' ? buildReport({ edition, year, applications: applications as never }) : buildReport({ edition, year, applications: applications as never });
        expect(validateReport(report).findings.filter((f) => f.code.startsWith('applications.'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("Y's carriedForward is Y + 1's carriedOver", () => {
    fc.assert(
      fc.property(registers, fc.integer({ min: 2019, max: 2025 }), editions, (register, year, edition) => {
        const thisYear = tallyApplications(register, { year, edition }).applications;
        const nextYear = tallyApplications(register, { year: year + 1, edition }).applications;
        expect(thisYear.carriedForward).toEqual(nextYear.carriedOver);
      }),
      { numRuns: 150 },
    );
  });

  it('the tally of a register is the sum of the tallies of any split of it', () => {
    fc.assert(
      fc.property(registers, fc.array(fc.nat(), { maxLength: 4 }), years, editions, (register, cuts, year, edition) => {
        const points = [...new Set(cuts.map((c) => (register.length === 0 ? 0 : c % (register.length + 1))))].sort((a, b) => a - b);
        const parts = [0, ...points, register.length].slice(1).map((end, i, ends) => register.slice(i === 0 ? 0 : ends[i - 1], end));
        const whole = cells(tallyApplications(register, { year, edition }).applications);
        const sum = new Map<string, number>();
        for (const part of parts) for (const [k, v] of cells(tallyApplications(part, { year, edition }).applications)) sum.set(k, (sum.get(k) ?? 0) + v);
        expect(sum).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('a sound register gives no error, only warnings', () => {
    fc.assert(
      fc.property(registers, fc.integer({ min: 2020, max: 2025 }), (register, year) => {
        const { findings } = tallyApplications(register, { year });
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

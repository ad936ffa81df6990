import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutOf, validateReport, type Edition } from '../src/index.js';
import { getPath, reportArbitrary } from './fixtures/arbitrary.js';

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

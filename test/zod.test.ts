import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../src/index.js';
import { report2019Schema, report2021Schema, reportSchema } from '../src/zod.js';
import { reportArbitrary } from './fixtures/arbitrary.js';
import { MALFORMED } from './fixtures/malformed.js';
import { readExample } from './fixtures/reports.js';

/** Whether validateReport finds the input well-formed: no shape, cell or money error (rule errors aside). */
const wellFormed = (input: unknown) =>
  !validateReport(input).findings.some((f) => f.severity === 'error' && /^(shape|cell|money)\./.test(f.code));

describe('the zod schemas and the shape layer of validateReport agree', () => {
  it.each(MALFORMED)('on $name', ({ input }) => {
    expect(reportSchema.safeParse(input).success).toBe(wellFormed(input));
  });

  it.each(['biandong-2021.json', 'shanghai-2019.json'])('on the example %s', (name) => {
    expect(reportSchema.safeParse(readExample(name)).success).toBe(true);
  });

  it('on every built report of either edition', () => {
    fc.assert(
      fc.property(fc.oneof(reportArbitrary('2021'), reportArbitrary('2019')), (report) => {
        expect(reportSchema.safeParse(report).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the JSON Schema they give', () => {
  it('titles each property with its official label', () => {
    const schema = z.toJSONSchema(report2021Schema) as { $defs: Record<string, { properties: Record<string, { title: string; description: string }> }> };
    expect(schema.$defs.FeeAmount!.properties.amount!.title).toBe('第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）');
    expect(schema.$defs.Proactive2021!.properties.fees!.description).toContain('第二十条第（八）项：行政事业性收费项目及其依据、标准');
  });

  it('gives one schema of both editions, their shared shapes named once', () => {
    const schema = z.toJSONSchema(reportSchema) as { $defs: Record<string, unknown> };
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['ApplicantCounts', 'Applications2021', 'Applications2019']));
  });

  it('tells the editions apart', () => {
    expect(report2019Schema.safeParse(readExample('biandong-2021.json')).success).toBe(false);
    expect(report2021Schema.safeParse(readExample('shanghai-2019.json')).success).toBe(false);
  });
});

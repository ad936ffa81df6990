import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../src/index.js';
import { reportJsonSchema } from '../src/zod.js';
import { reportArbitrary } from './fixtures/arbitrary.js';
import { ROOT } from './fixtures/cli.js';
import { MALFORMED } from './fixtures/malformed.js';
import { readExample } from './fixtures/reports.js';

// The schemas as the package ships them (written by the build, which the test setup runs).
const shipped = (name: string) => JSON.parse(readFileSync(`${ROOT}schema/${name}.json`, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(shipped('report'));

/** Whether validateReport's shape layer takes the input: no shape, cell or money error (rule errors aside). */
const wellFormed = (input: unknown) =>
  !validateReport(input).findings.some((f) => f.severity === 'error' && /^(shape|cell|money)\./.test(f.code));

// JSON Schema speaks of JSON documents: the cases a JSON text can carry (no NaN, undefined, Proxy…).
const jsonCases = MALFORMED.filter(({ input }) => {
  try {
    return isDeepStrictEqual(JSON.parse(JSON.stringify(input)), input);
  } catch {
    return false;
  }
});

describe('the shipped JSON Schema and validateReport agree', () => {
  it('on most of the malformed catalogue (every case a JSON text can carry)', () => {
    expect(jsonCases.length).toBeGreaterThan(90);
  });

  it.each(jsonCases)('on $name', ({ input }) => {
    expect(validate(input)).toBe(wellFormed(input));
  });

  it.each(['biandong-2021.json', 'shanghai-2019.json'])('on the example %s', (name) => {
    expect(validate(readExample(name))).toBe(true);
  });

  it('on every built report of either edition', () => {
    fc.assert(
      fc.property(fc.oneof(reportArbitrary('2021'), reportArbitrary('2019')), (report) => {
        expect(validate(report)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the shipped JSON Schema files', () => {
  it.each(['2021', '2019'] as const)('schema/%s.json is the schema of that edition, draft 2020-12', (edition) => {
    const schema = shipped(edition);
    expect(schema).toEqual(reportJsonSchema(edition));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('schema/report.json: the edition picks the schema, so the errors are about that edition', () => {
    const schema = shipped('report');
    expect(schema).toEqual(reportJsonSchema());
    expect(ajv.validateSchema(schema)).toBe(true);
    const report = structuredClone(readExample('shanghai-2019.json')) as { proactive: { regulations: { newlyMade: unknown } } };
    report.proactive.regulations.newlyMade = -1;
    expect(validate(report)).toBe(false);
    const paths = validate.errors!.map((e) => e.instancePath);
    expect(paths).toContain('/proactive/regulations/newlyMade');
    // Nothing about the other edition's fields (a 2021 report has no newlyMade).
    expect(paths.filter((p) => p !== '/proactive/regulations/newlyMade' && p !== '')).toEqual([]);
    expect(validate({ edition: '2020' })).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/edition');
  });

  /** A schema's properties and `$defs`, each object in them with its place. */
  type Node = { title?: string; description?: string; $ref?: string; properties?: Record<string, Node>; $defs?: Record<string, Node>; anyOf?: Node[] };
  const propertiesOf = (node: Node): Node[] =>
    [...Object.values(node.properties ?? {}), ...Object.values(node.$defs ?? {}), ...(node.anyOf ?? [])].flatMap((child) => [
      ...(node.properties && Object.values(node.properties).includes(child) ? [child] : []),
      ...propertiesOf(child),
    ]);

  it.each(['2021', '2019'] as const)('schema/%s.json: every property has a title of its own', (edition) => {
    const titles = propertiesOf(shipped(edition) as Node).map((p) => p.title);
    expect(titles.length).toBeGreaterThan(60);
    expect(titles.filter((t) => t === undefined)).toEqual([]);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(['2021', '2019'] as const)('schema/%s.json: each table and row is a schema named in English in $defs, shared by rows alike', (edition) => {
    const schema = shipped(edition) as Node;
    const defs = schema.$defs!;
    for (const [name, def] of Object.entries(defs)) {
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      // quicktype names a type by its title, not by its $defs name.
      expect(def.title).toBe(name);
    }
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['ApplicantCounts', 'ApplicantTotals', 'ReviewOutcomes', 'Amount', `Applications${edition}`]));
    const applications = defs[`Applications${edition}`]!.properties!;
    expect(applications.received).toMatchObject({ title: '一、本年新收政府信息公开申请数量', $ref: '#/$defs/ApplicantCounts' });
    expect(defs.ReviewAndLitigation!.properties!.administrativeReview).toMatchObject({ $ref: '#/$defs/ReviewOutcomes' });
    // Every object is a $ref: no property holds an object schema of its own.
    expect(propertiesOf(schema).filter((p) => (p as { type?: string }).type === 'object')).toEqual([]);
  });

  it('titles each property with its official label: a table, a row, a cell', () => {
    const schema = shipped('2021') as Node;
    const defs = schema.$defs!;
    expect(schema.properties!.applications!.title).toBe('三、收到和处理政府信息公开申请情况');
    const regulations = defs.Proactive2021!.properties!.regulations!;
    expect(regulations.title).toBe('第二十条第（一）项 · 规章');
    expect(regulations.description).toContain('第二十条第（一）项：行政法规、规章和规范性文件');
    // A column of rows alike is titled with what they share; a row's own cells with their full labels.
    expect(defs.DocumentCounts!.properties!.issued!.title).toBe('第二十条第（一）项 · 本年制发件数');
    expect(defs.ApplicantCounts!.properties!.total!.title).toBe('三、收到和处理政府信息公开申请情况 · 总计');
    expect(defs.ApplicantTotals!.properties!.total!.title).toBe('三、本年度办理结果（七）总计 · 总计');
    expect(defs.Outcomes2021!.properties!.granted!.title).toBe('三、本年度办理结果（一）予以公开');
  });

  it('schema/report.json keeps each edition’s named schemas with it', () => {
    const defs = (shipped('report') as Node).$defs!;
    const applications = defs.edition2021!.$defs!.Applications2021!.properties!.received!;
    expect(applications.$ref).toBe('#/$defs/edition2021/$defs/ApplicantCounts');
  });
});

/**
 * The shipped schemas' patterns read alike in every regex engine: the one
 * list of cases in test/fixtures/schema-patterns.json, judged by ajv (and by
 * the validator and the zod schemas) here, and by python-jsonschema in
 * test/schema_patterns.py, and by gojsonschema (Go's RE2) in
 * test/schema-patterns/main.go, which run here when python3 has jsonschema
 * and Go has gojsonschema, and in .ci/run always.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../src/index.js';
import { caseRecordSchema, reportSchema } from '../src/zod.js';
import { ROOT } from './fixtures/cli.js';
import { readExample } from './fixtures/reports.js';

interface Place {
  schema: string;
  pointer: string;
  example?: string;
  record?: Record<string, unknown>;
}
interface Fixture {
  places: Record<string, Place[]>;
  cases: { kind: string; value: unknown; valid: boolean; why: string }[];
}

const fixture = JSON.parse(readFileSync(`${ROOT}test/fixtures/schema-patterns.json`, 'utf8')) as Fixture;
const shipped = (name: string) => JSON.parse(readFileSync(`${ROOT}schema/${name}.json`, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorOf = (name: string) => validators.get(name) ?? validators.set(name, ajv.compile(shipped(name))).get(name)!;

/** The value at its place: a copy of the example or record with the one value changed. */
function instance(place: Place, value: unknown): Record<string, unknown> {
  const document = structuredClone(place.record ?? readExample<Record<string, unknown>>(place.example!));
  const keys = place.pointer.split('/').slice(1);
  const parent = keys.slice(0, -1).reduce((object, key) => object[key] as Record<string, unknown>, document);
  parent[keys.at(-1)!] = value;
  return document;
}

const runs = fixture.cases.flatMap((c) => fixture.places[c.kind]!.map((place) => ({ ...c, place, schema: place.schema, pointer: place.pointer, shown: JSON.stringify(c.value) })));

describe('the shipped schemas judge each case of the fixture as it says', () => {
  it('the fixture has the cases the issue quotes', () => {
    const values = fixture.cases.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['１８６５１.０６', '18651.06\n', '2025-03-20\n', '١٨٦٥١.٠٦', '18651.06\r\n', '18651.06\u2028']));
  });

  it.each(runs)('ajv: schema/$schema.json $pointer = $shown ($why)', ({ place, value, valid }) => {
    expect(validatorOf(place.schema)(instance(place, value))).toBe(valid);
  });

  it.each(runs)('validateReport and the zod schemas: $pointer = $shown ($why)', ({ place, value, valid }) => {
    const input = instance(place, value);
    if (place.schema === 'case') {
      expect(caseRecordSchema.safeParse(input).success).toBe(valid);
      return;
    }
    expect(reportSchema.safeParse(input).success).toBe(valid);
    expect(validateReport(input).findings.some((f) => f.severity === 'error' && /^(shape|cell|money)\./.test(f.code))).toBe(!valid);
  });

  const go = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode' };
  const gojsonschema = spawnSync('go', ['list', 'github.com/xeipuuv/gojsonschema'], { encoding: 'utf8', env: go });
  it.skipIf(gojsonschema.status !== 0)('gojsonschema, whose patterns run in RE2 (test/schema-patterns/main.go)', () => {
    const run = spawnSync('go', ['run', './test/schema-patterns'], { cwd: ROOT, encoding: 'utf8', env: go });
    expect(run.stdout + run.stderr).toMatch(/^gojsonschema: (\d+) of \1 cases as the fixture says\n$/);
    expect(run.status).toBe(0);
  });

  const python = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('python-jsonschema (test/schema_patterns.py)', () => {
    const run = spawnSync('python3', [`${ROOT}test/schema_patterns.py`], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/python-jsonschema [\d.]+: (\d+) of \1 cases as the fixture says\n$/);
    expect(run.status).toBe(0);
  });
});

describe('every pattern of the shipped schemas is portable', () => {
  /** Every schema object with a `pattern`, in all four files. */
  function patterned(node: unknown, into: Record<string, unknown>[] = []): Record<string, unknown>[] {
    if (Array.isArray(node)) node.forEach((item) => patterned(item, into));
    else if (typeof node === 'object' && node !== null) {
      if (typeof (node as { pattern?: unknown }).pattern === 'string') into.push(node as Record<string, unknown>);
      Object.values(node).forEach((item) => patterned(item, into));
    }
    return into;
  }
  const schemas = ['2021', '2019', 'report', 'case'].flatMap((name) => patterned(shipped(name)));

  it('no \\d, \\w or \\b, which Python reads as Unicode classes; no \\s, ASCII only in Java and RE2; no \\u or lookaround, which RE2 lacks', () => {
    expect(schemas.length).toBeGreaterThan(10);
    for (const { pattern } of schemas) expect(pattern).not.toMatch(/\\[dDwWbBsSu]|\(\?[=!<]/);
  });

  it("the white space a case's id may not be made of is ECMAScript's \\s, code unit for code unit", () => {
    const notBlank = new RegExp((shipped('case') as { properties: { id: { pattern: string } } }).properties.id.pattern);
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      if (notBlank.test(c) === /\s/.test(c)) expect.fail(`U+${unit.toString(16).padStart(4, '0')}`);
    }
  });

  it('a pattern anchored with $ comes with `not` the characters outside its alphabet, line breaks among them', () => {
    for (const schema of schemas.filter(({ pattern }) => (pattern as string).endsWith('$'))) {
      const not = (schema.not as { pattern: string }).pattern;
      expect(not).toMatch(/^\[\^[^\s\]]+\]$/);
      for (const lineBreak of ['\n', '\r', '\u0085', '\u2028', '\u2029']) expect(new RegExp(not).test(lineBreak)).toBe(true);
    }
  });
});

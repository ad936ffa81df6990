import { describe, expect, it } from 'vitest';
import { RULES, validateReport, type Finding, type RuleCode, type ValidationResult } from '../src/index.js';
import { MALFORMED, type MalformedCase } from './fixtures/malformed.js';
import { readExample } from './fixtures/reports.js';

const isRuleCode = (code: string): code is RuleCode => Object.hasOwn(RULES, code);

/** Validates in both locales; neither call may throw. */
function validateBoth(input: unknown): ValidationResult[] {
  const results: ValidationResult[] = [];
  expect(() => results.push(validateReport(input))).not.toThrow();
  expect(() => results.push(validateReport(input, { locale: 'en' }))).not.toThrow();
  return results;
}

const listed = (findings: readonly Finding[]) => findings.map((f) => `${f.code} ${f.path}`).join('\n');

/**
 * The message with the value it quotes taken out: the input's own text (a
 * string "undefined", or the type name of an `undefined` input) may say
 * anything; the template around it must not leak `undefined` or `[object Object]`.
 */
const template = (f: Finding): string => (f.actual === undefined ? f.message : f.message.replace(String(f.actual), ''));

describe('the malformed catalogue', () => {
  it('has at least 50 cases with distinct names', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
    expect(new Set(MALFORMED.map((c) => c.name)).size).toBe(MALFORMED.length);
  });

  it('names only codes of the rule catalogue', () => {
    expect(MALFORMED.filter((c) => !isRuleCode(c.code)).map((c) => c.code)).toEqual([]);
  });
});

describe('each malformed input gives its finding', () => {
  it.each(MALFORMED)('$name', (c: MalformedCase) => {
    for (const result of validateBoth(c.input)) {
      const matches = result.findings.filter((f) => f.code === c.code && f.path === c.path);
      expect(matches.length, `${c.code} at "${c.path}" among:\n${listed(result.findings)}`).toBeGreaterThan(0);
      if (!isRuleCode(c.code)) throw new Error(`not a rule code: ${c.code}`);
      const { severity } = RULES[c.code];
      for (const finding of matches) {
        expect(finding.severity).toBe(severity);
        expect(typeof finding.message).toBe('string');
        expect(finding.message.trim()).not.toBe('');
        expect(template(finding)).not.toContain('undefined');
        expect(finding.message).not.toContain('[object Object]');
        // A 1,000,000-character input is quoted, not copied, into the message.
        expect(finding.message.length).toBeLessThan(1000);
      }
      if (severity === 'error') {
        if (/^(shape|cell|money)\./.test(c.code)) {
          expect(result.ok).toBe(false);
          expect(result.report).toBeUndefined();
        }
      } else {
        expect(result.ok, listed(result.findings)).toBe(true);
      }
    }
  });

  it('a "__proto__" key never reaches Object.prototype', () => {
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('derived totals', () => {
  // model.md §1.1: "A derived total (every `total`, and `outcomes.total`) may be omitted or `null` on input."
  it('model.md §1.1: applications.outcomes.total may be null, like an omitted one', () => {
    const report = readExample<{ applications: { outcomes: Record<string, unknown> } }>('biandong-2021.json');
    report.applications.outcomes.total = null;
    for (const result of validateBoth(report)) {
      expect(result.findings, listed(result.findings)).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });
});

describe('hostile input', () => {
  const expectUnreadable = (input: unknown) => {
    for (const result of validateBoth(input)) {
      expect(result.ok).toBe(false);
      expect(result.report).toBeUndefined();
      const finding = result.findings.find((f) => f.code === 'shape.unreadable');
      expect(finding, listed(result.findings)).toBeDefined();
      expect(finding?.severity).toBe(RULES['shape.unreadable'].severity);
      expect(finding?.message).toMatch(/\S/);
    }
  };

  it('a getter for year that throws gives shape.unreadable', () => {
    const input = readExample<Record<string, unknown>>('biandong-2021.json');
    Object.defineProperty(input, 'year', {
      enumerable: true,
      get(): never {
        throw new Error('year is not readable');
      },
    });
    expectUnreadable(input);
  });

  it('a Proxy whose ownKeys trap throws gives shape.unreadable', () => {
    const input = new Proxy(readExample<object>('biandong-2021.json'), {
      ownKeys(): never {
        throw new Error('keys are not readable');
      },
    });
    expectUnreadable(input);
  });
});

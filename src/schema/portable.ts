/**
 * Patterns that every schema validator reads alike: ECMA-262 (ajv),
 * Python's `re` (python-jsonschema), `java.util.regex` and RE2 (Go).
 *
 * Two constructs differ between them. `\d` is any Unicode digit in Python
 * (and in .NET), so the classes are written `[0-9]`. `$` also matches before
 * a final line break in Python and Java, and RE2 has no lookahead to say
 * "end of string" otherwise; so each pattern goes with `not: { pattern }`,
 * which rejects any character outside the pattern's alphabet, line breaks
 * among them. With no line break in the string, `$` is its end everywhere.
 *
 * @module
 */
import { z } from 'zod';

/** The JSON Schema keywords that hold a string to `pattern` and to the characters of `alphabet` (a class body, e.g. `0-9.`). */
export function portablePattern(pattern: RegExp, alphabet: string): { readonly pattern: string; readonly not: { readonly pattern: string } } {
  return { pattern: pattern.source, not: { pattern: `[^${alphabet}]` } };
}

/** zod's own date pattern (leap years included), with `[0-9]` for `\d`. */
const DATE_PATTERN = new RegExp(z.regexes.date.source.replaceAll(String.raw`\d`, '[0-9]'));

/**
 * A `YYYY-MM-DD` date: `z.iso.date()`, whose JSON Schema carries a portable
 * pattern next to `format: date` (which ajv checks only with ajv-formats).
 */
export function isoDate() {
  return z.iso.date().meta(portablePattern(DATE_PATTERN, '0-9-'));
}

/**
 * Patterns that every schema validator reads alike: ECMA-262 (ajv),
 * Python's `re` (python-jsonschema), `java.util.regex` and RE2 (Go).
 *
 * Three constructs differ between them. `\d` is any Unicode digit in Python
 * (and in .NET), so the classes are written `[0-9]`. `\s` is ASCII white
 * space only in Java and RE2, so white space is spelt out as its
 * characters ({@link notBlank}). `$` also matches before
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

/** A character other than ECMAScript's white space (`\s`, what `trim` takes away), the white space spelt out as the characters themselves. */
const NOT_WHITE_SPACE = '[^\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]';

/**
 * A string with a character other than white space, where white space is
 * ECMAScript's: U+3000 among it, which a register typed in Chinese holds.
 * RE2 and Java read `\S` as "not ASCII white space", so its JSON Schema
 * spells the characters out, as themselves: a RegExp's `source` would
 * escape U+2028 as `\u2028`, which RE2 cannot read.
 *
 * @example
 * ```ts
 * import { notBlank } from './portable.js';
 * notBlank().safeParse('\u3000').success; // false
 * notBlank().safeParse(' 2024-042 ').success; // true
 * ```
 */
export function notBlank() {
  return z
    .string()
    .regex(new RegExp(NOT_WHITE_SPACE))
    .meta({ pattern: NOT_WHITE_SPACE });
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

/**
 * Every `@example` in `src` runs, or is marked as a type-only snippet.
 *
 * What this test guarantees, for each ```ts block under an `@example` tag in
 * the TSDoc of `src/**\/*.ts`:
 *
 * - It type-checks (all blocks in one compiler run, with the project's options
 *   but for unused names and unchecked indexed access, as in a consumer's
 *   `strict` project), its imports of `gov-disclosure-report`,
 *   `…/render`, `…/parse`, `…/zod` and `…/cases` pointing to the source entry
 *   files. An example of a module that is not in the package imports it by a
 *   path relative to the documented file (`from './io.js'`).
 * - It runs (top-level `await` allowed), with `console` quiet, and its value
 *   comments hold. A value comment follows a statement: at the end of its last
 *   line, or on the `//` lines right after it.
 *   - `expr; // <literal>`: `expr` deep-equals the literal (a number, a string
 *     in quotes, `true`, `false`, `null`, `undefined`, or an array or object of
 *     them). `…` stands for what the comment leaves out: inside a string any
 *     text; in an object the other keys (`{ key: 'x', … }`) or a key's value
 *     (`cell: …`); in an array the other items. The literal may be followed
 *     by `: words` or ` (words)`.
 *   - `const x = expr; // <literal>` checks `x` the same way.
 *   - `expr; // TypeError: message` checks that `expr` throws (or rejects
 *     with) that error, `…` in the message standing for any text.
 *   - Any other comment is prose, and is not checked.
 *
 * A type-only snippet is marked by its first line:
 *
 *     // type-only: <why it cannot run, e.g. it reads a file>
 *
 * It is type-checked but not run, and may `declare const text: string;` for
 * what it assumes. Use it only for what an example cannot have (a file, a
 * URL, last year's report); prefer a self-contained example built with
 * `buildReport`.
 *
 * Fenced blocks in another language (```sh, ```html) are not code to run and
 * are left alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkClaim, claimOf, findDocExamples, rewriteImports, rewriteValueComments, typeCheckExamples, type DocExample } from './fixtures/doc-examples.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/doc-examples.ts', import.meta.url));
const examples = findDocExamples(ROOT);

const title = (example: DocExample) => {
  const siblings = examples.filter((e) => e.file === example.file && e.symbol === example.symbol);
  const n = siblings.length > 1 ? ` #${siblings.indexOf(example) + 1}` : '';
  return `${example.file} ${example.symbol}${n} (line ${example.line})`;
};

let typeErrors: Map<DocExample, string[]> | undefined;
function typeErrorsOf(example: DocExample): string[] {
  typeErrors ??= typeCheckExamples(ROOT, examples);
  return typeErrors.get(example) ?? [];
}

// The modules made from the blocks go to a folder of their own under test-output/ (not committed),
// where the package's dependencies resolve as they do for the sources.
let dir: string | undefined;
function moduleOf(example: DocExample): string {
  if (!dir) {
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'test-output', 'examples-in-docs-'));
  }
  const { code } = rewriteValueComments(
    rewriteImports(example, ROOT, (file) => file),
    '__check',
  );
  const file = join(dir, `${example.file.replaceAll('/', '_')}-${example.line}.ts`);
  writeFileSync(
    file,
    [
      `import { checkClaim as __checkClaim, ELIDED as __elided } from ${JSON.stringify(FIXTURE)};`,
      `const __check = (run: () => Promise<unknown>, claim: Parameters<typeof __checkClaim>[1], line: number) =>`,
      `  __checkClaim(run, claim, \`${example.file}:\${${example.line} + line}\`);`,
      code,
    ].join('\n'),
  );
  return file;
}
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the value comments', () => {
  it('are literals, maybe with words after them; anything else is prose', () => {
    expect(claimOf(" 'a~1b'")).toEqual({ kind: 'value', literal: "'a~1b'" });
    expect(claimOf(' true: 2024 worked its 除夕')).toEqual({ kind: 'value', literal: 'true' });
    expect(claimOf(' { a: [1, -2], b: null }')).toEqual({ kind: 'value', literal: '{ a: [1, -2], b: null }' });
    expect(claimOf(' RangeError: parseFee: …')).toEqual({ kind: 'throws', error: 'RangeError', message: 'parseFee: …' });
    expect(claimOf(' a date in January 2027')).toBeUndefined();
    expect(claimOf(' parse.subtotal where a row does not add up')).toBeUndefined();
  });

  it('become checks that catch a wrong value', async () => {
    const { code, values } = rewriteValueComments("f(1); // 2\nconst x = g(); // { a: 1, … }\nh();\n// [\n//   'long',\n// ]", 'check');
    expect(values.map((v) => [v.line, v.expression])).toEqual([[1, 'f(1)'], [2, 'x'], [3, 'h()']]);
    expect(code).toContain("await check(async () => (f(1)), { kind: 'value', literal: (2) }, 1);");
    await expect(checkClaim(async () => 3, { kind: 'value', literal: 2 }, 'where')).rejects.toThrow('where');
    await expect(checkClaim(async () => 'ab…yz', { kind: 'value', literal: 'ab…' }, 'where')).resolves.toBeUndefined();
    await expect(checkClaim(async () => 1, { kind: 'throws', error: 'TypeError', message: '…' }, 'where')).rejects.toThrow('not a thrown TypeError');
  });
});

describe('the @example blocks in src', () => {
  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('are found', () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  for (const example of examples) {
    const name = title(example);
    // The first one to run compiles all the blocks: a few seconds.
    it(`${name} type-checks`, { timeout: 60_000 }, () => {
      const errors = typeErrorsOf(example);
      if (errors.length > 0) expect.fail(errors.join('\n'));
    });
    if (example.typeOnly !== undefined) {
      it.skip(`${name} runs: type-only, ${example.typeOnly}`, () => {});
      continue;
    }
    it(`${name} runs, and its value comments hold`, async () => {
      await import(moduleOf(example));
    });
  }
});

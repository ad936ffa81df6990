/**
 * Every fact of the format has one home, src/format: no module elsewhere
 * writes out the list of editions, guesses a unit from a label's text, or
 * spells the title phrase. (Adding an edition touches src/format.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/cli.js';

/** Every source file outside src/format, its code lines only (no comments, where examples may show anything). */
function codeOutsideFormat(): { file: string; line: number; text: string }[] {
  const lines: { file: string; line: number; text: string }[] = [];
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name).slice(ROOT.length);
    if (file.startsWith('src/format/')) continue;
    readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((text, i) => {
      if (!/^\s*(\*|\/\/|\/\*)/.test(text)) lines.push({ file, line: i + 1, text });
    });
  }
  return lines;
}

describe('one home for every fact', () => {
  const code = codeOutsideFormat();
  const offending = (pattern: RegExp) => code.filter(({ text }) => pattern.test(text)).map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`);

  it('the list of editions is EDITION_KEYS, not written out', () => {
    expect(offending(/['"]20(19|21)['"]\s*(\||,|\|\|)\s*(\w+\s*===\s*)?['"]20(19|21)['"]/)).toEqual([]);
  });

  it('a unit comes from the metadata, not from a label’s text', () => {
    expect(offending(/(label|header)\w*\.includes\(['"](万元|元)['"]\)/)).toEqual([]);
  });

  it('the title phrase is REPORT_TITLE_PHRASE', () => {
    expect(offending(/['"`]政府信息公开工作年度报告['"`]/)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/index.js';
import { rulesMarkdown } from '../scripts/rules-doc.js';

describe('docs/rules.md', () => {
  const page = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');

  it('is what npm run docs:rules writes from the catalogue and the metadata', () => {
    expect(page).toBe(rulesMarkdown());
  });

  it('has one row per rule code, each with a message in both languages', () => {
    for (const code of Object.keys(RULES)) {
      const row = page.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row!.split('<br>')).toHaveLength(3);
      expect(row).not.toMatch(/undefined|\[object/);
    }
  });
});

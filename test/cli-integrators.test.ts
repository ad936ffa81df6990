/**
 * What an integrator calling the command from another language relies on:
 * one line and exit 2 on a Node.js too old for it, nothing but the output on
 * standard output, and no dependency files read at start-up.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './fixtures/cli.js';

describe('the command, as another language calls it', () => {
  it('on a Node.js older than 20.12: one line on standard error and exit 2, not a SyntaxError and exit 1', () => {
    const olderNode = 'data:text/javascript,Object.defineProperty(process, "versions", { value: { ...process.versions, node: "18.19.0" } })';
    const run = spawnSync(process.execPath, ['--import', olderNode, join(ROOT, 'dist/bin.js'), 'validate', 'examples/biandong-2021.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('gov-disclosure-report: needs Node.js 20.12 or later; this is Node.js 18.19.0\n');
  });

  it('parse FILE.pdf --json prints valid JSON: what pdf.js says on the console goes to standard error', () => {
    const run = cli(['parse', 'test/corpus/pdf/009.pdf', '--json']);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it('reads no file of date-fns at run time: the command and the entries have it bundled', () => {
    for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => /\.(c?js)$/.test(f))) {
      expect(readFileSync(join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(/(from|require\(|import\()\s*['"]date-fns/);
    }
  });
});

/**
 * The package's declarations compile in a consumer's project that sets no
 * `lib` or `target` (TypeScript's defaults, without the ES2015 collections),
 * as `tsc --module esnext --moduleResolution bundler` sees them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/cli.js';

describe('the published types', () => {
  it('compile with the default lib: the core, render and parse entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-consumer-'));
    const pkg = join(dir, 'node_modules/gov-disclosure-report');
    mkdirSync(pkg, { recursive: true });
    for (const part of ['dist', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import { layoutOf, validateReport } from 'gov-disclosure-report';",
        "import { renderReport } from 'gov-disclosure-report/render';",
        "import { parseReport } from 'gov-disclosure-report/parse';",
        "export const uses = [layoutOf('2021').cellAt.get('/proactive/fees/amount'), validateReport, renderReport, parseReport];",
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = () => execFileSync(process.execPath, [tsc, '--module', 'esnext', '--moduleResolution', 'bundler', '--noEmit', 'consumer.ts'], { cwd: dir, encoding: 'utf8' });
    expect(run).not.toThrow();
  });
});

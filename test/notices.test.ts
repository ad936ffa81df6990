/**
 * The build ships the license of every package whose code it bundles into
 * dist (date-fns, htmlparser2's tokenizer and picomatch in the Node.js
 * builds, everything the browser build reaches), as those licenses ask of a
 * copy of the code.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/cli.js';

const notices = readFileSync(join(ROOT, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
/** name → the license text under its heading. */
const licenses = new Map(
  notices
    .split(`\n${'-'.repeat(72)}\n\n`)
    .map((section) => /^(\S+) \d+\.\d+\.\d+\S* \((\S+)\)\n\n([\s\S]+)$/m.exec(section))
    .filter((m) => m !== null)
    .map((m) => [m[1]!, m[3]!]),
);

/** The packages that the unminified bundles say they hold, from the comments esbuild writes above each module. */
function bundledPackages(): Set<string> {
  const named = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => /\.(c?js)$/.test(f) && !f.endsWith('.global.js'))) {
    for (const m of readFileSync(join(ROOT, 'dist', file), 'utf8').matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) named.add(m[1]!);
  }
  return named;
}

describe('dist/THIRD-PARTY-NOTICES.txt', () => {
  it('names every package that the unminified bundles say they hold', () => {
    const named = bundledPackages();
    expect([...named].sort()).toEqual(expect.arrayContaining(['date-fns', 'entities', 'htmlparser2', 'picomatch']));
    for (const name of named) expect(licenses.has(name), name).toBe(true);
  });

  it("bundles htmlparser2's tokenizer and parser without the DOM modules its index loads", () => {
    expect([...bundledPackages()].filter((name) => name.startsWith('dom'))).toEqual([]);
    const script = "require('./dist/parse.cjs'); console.log(JSON.stringify(Object.keys(require.cache)))";
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
    expect(loaded.filter((path) => /node_modules\/(htmlparser2|entities|dom)/.test(path))).toEqual([]);
  });

  it('names the packages of the browser build and pdf.js, each with its license text', () => {
    for (const name of ['decimal.js', 'fflate', 'htmlparser2', 'entities', 'date-fns', 'pdfjs-dist']) expect(licenses.has(name), name).toBe(true);
    for (const [name, text] of licenses) expect(text, name).toMatch(/Permission is hereby granted|TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION|Redistribution and use in source and binary forms/);
  });
});

/**
 * The build ships the license of every package whose code it bundles into
 * dist (date-fns and picomatch in the Node.js builds, everything the browser
 * build reaches), as those licenses ask of a copy of the code.
 */
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

describe('dist/THIRD-PARTY-NOTICES.txt', () => {
  it('names every package that the unminified bundles say they hold', () => {
    const named = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => /\.(c?js)$/.test(f) && !f.endsWith('.global.js'))) {
      for (const m of readFileSync(join(ROOT, 'dist', file), 'utf8').matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) named.add(m[1]!);
    }
    expect([...named].sort()).toEqual(expect.arrayContaining(['date-fns', 'picomatch']));
    for (const name of named) expect(licenses.has(name), name).toBe(true);
  });

  it('names the packages of the browser build and pdf.js, each with its license text', () => {
    for (const name of ['decimal.js', 'fflate', 'htmlparser2', 'entities', 'date-fns', 'pdfjs-dist']) expect(licenses.has(name), name).toBe(true);
    for (const [name, text] of licenses) expect(text, name).toMatch(/Permission is hereby granted|TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION|Redistribution and use in source and binary forms/);
  });
});

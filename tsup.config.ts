import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { EDITION_KEYS } from './src/format/layout.js';
import { outputJsonSchema } from './src/cli/output-schema.js';
import { caseJsonSchema } from './src/schema/case.js';
import { reportJsonSchema } from './src/schema/json-schema.js';

/**
 * Writes the JSON Schema of each edition, of a case record and of the command's `--format json`
 * output at the package root, where even node10 resolution finds them: gov-disclosure-report/schema/2021.json.
 */
function writeSchemas(): void {
  mkdirSync('schema', { recursive: true });
  for (const edition of [...EDITION_KEYS, undefined]) {
    writeFileSync(`schema/${edition ?? 'report'}.json`, `${JSON.stringify(reportJsonSchema(edition), null, 2)}\n`);
  }
  writeFileSync('schema/case.json', `${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
  writeFileSync('schema/output.json', `${JSON.stringify(outputJsonSchema(), null, 2)}\n`);
}

export default defineConfig([
  {
    entry: { index: 'src/index.ts', zod: 'src/zod.ts', render: 'src/render.ts', parse: 'src/parse.ts', cases: 'src/cases.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    treeshake: true,
    target: 'node20',
    // date-fns is bundled, the few functions used and nothing else: no file of it is read at run time, and
    // require() gets as little of it as import.
    noExternal: ['date-fns'],
    onSuccess: async () => writeSchemas(),
  },
  {
    // The worker script of --jobs sits beside the command, which starts it by its file.
    entry: { bin: 'src/bin.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node20',
    // picomatch (the quoted globs of validate and parse) is bundled too: the command needs no package more
    // installed for it.
    noExternal: ['date-fns', 'picomatch'],
  },
  {
    // The browser build: everything bundled into one classic script, for pages with no bundler.
    entry: { browser: 'src/browser.ts' },
    format: ['iife'],
    globalName: 'GovDisclosureReport',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    noExternal: [/.*/],
    // pdf.js (1.7 MB) stays out of it: the PDF reader's import of it gets the module that loads
    // dist/pdfjs.global.js when a PDF comes.
    esbuildPlugins: [
      {
        name: 'pdfjs-on-demand',
        setup(build) {
          build.onResolve({ filter: /^pdfjs-dist(\/|$)/ }, () => ({ path: resolve('src/browser/pdfjs-on-demand.ts') }));
        },
      },
    ],
  },
  {
    // pdf.js and its worker as one classic script, for the browser build to load on demand.
    entry: { pdfjs: 'src/browser/pdfjs-script.ts' },
    format: ['iife'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    noExternal: [/.*/],
    // pdf.js's license notice (Apache-2.0), which minifying would drop: it opens with @licstart, not @license.
    banner: { js: readFileSync('node_modules/pdfjs-dist/legacy/build/pdf.mjs', 'utf8').match(/^\/\*\*[\s\S]*?\*\//)![0].replace('/**', '/*!') },
  },
]);

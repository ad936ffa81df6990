import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
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

/** The folders of the packages whose code a build bundled, over every build of this file. */
const bundled = new Set<string>();

/**
 * Writes dist/THIRD-PARTY-NOTICES.txt: the name, version, license and license text of every package
 * bundled into dist, as their licenses (MIT, Apache-2.0, BSD) ask of a copy of their code. Each build
 * adds what it bundled, told by esbuild's metafile, and writes the notices of all so far: the last
 * to end writes them all.
 */
const thirdPartyNotices: Plugin = {
  name: 'third-party-notices',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      // The files with code in an output: those tree-shaking left out are not copied, nor their licenses.
      const inputs = Object.values(result.metafile?.outputs ?? {}).flatMap((output) => Object.entries(output.inputs));
      for (const [input, { bytesInOutput }] of inputs) {
        const at = input.lastIndexOf('node_modules/');
        if (at < 0 || bytesInOutput === 0) continue;
        const name = input.slice(at + 'node_modules/'.length).split('/');
        bundled.add(input.slice(0, at + 'node_modules/'.length) + name.slice(0, name[0]!.startsWith('@') ? 2 : 1).join('/'));
      }
      const notices = [...bundled].sort().map((folder) => {
        const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
        const file = readdirSync(folder).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
        if (!file) throw new Error(`${pkg.name}: no license file to copy into the notices`);
        return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${readFileSync(join(folder, file), 'utf8').trim()}\n`;
      });
      mkdirSync('dist', { recursive: true });
      writeFileSync('dist/THIRD-PARTY-NOTICES.txt', `The packages whose code is bundled into these files, and their licenses.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);
    });
  },
};

/**
 * htmlparser2's Tokenizer and Parser, bundled without the rest of the package: its index loads
 * domhandler, domutils and dom-serializer too, which no reader uses, and which took about 45 ms of
 * every start of the parser, in the command and in each of its worker threads. Both are public
 * exports of htmlparser2, here taken from their own files, which its exports map does not list: a
 * version that moves them fails this build, loudly.
 */
const htmlparser2Parts: Plugin = {
  name: 'htmlparser2-parts',
  setup(build) {
    build.onResolve({ filter: /^htmlparser2$/ }, () => ({ path: 'htmlparser2', namespace: 'htmlparser2-parts' }));
    build.onLoad({ filter: /.*/, namespace: 'htmlparser2-parts' }, () => ({
      contents: "export { Parser } from './Parser.js'; export { default as Tokenizer } from './Tokenizer.js';",
      resolveDir: resolve('node_modules/htmlparser2/dist/esm'),
      loader: 'js',
    }));
  },
};

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
    // htmlparser2, a devDependency, is bundled as its tokenizer and parser alone.
    esbuildPlugins: [htmlparser2Parts, thirdPartyNotices],
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
    esbuildPlugins: [htmlparser2Parts, thirdPartyNotices],
    // Chunks of their own name: the library's build writes chunks to dist/ at the same time, and one with the
    // same content hash (dist/chunk-….js) was written by both, slightly differently.
    esbuildOptions(options) {
      options.chunkNames = 'cli-[name]-[hash]';
    },
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
      htmlparser2Parts,
      thirdPartyNotices,
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
    esbuildPlugins: [thirdPartyNotices],
    // pdf.js's license notice (Apache-2.0), which minifying would drop: it opens with @licstart, not @license.
    banner: { js: readFileSync('node_modules/pdfjs-dist/legacy/build/pdf.mjs', 'utf8').match(/^\/\*\*[\s\S]*?\*\//)![0].replace('/**', '/*!') },
  },
]);

/**
 * npm run bench (size): what an application ships when it imports the
 * validator, bundled and minified with esbuild, beside the zod schemas and a
 * bare zod schema of the same report, so the ratios show what each costs;
 * and the built package imported (ESM) and required (CommonJS), which
 * should cost the same.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

async function bundled(code: string, format: 'esm' | 'cjs' = 'esm'): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir: new URL('..', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format,
    platform: format === 'cjs' ? 'node' : 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  return { min: bytes.length, gzip: gzipSync(bytes).length };
}

const contenders = {
  'validateReport (core entry)': `export { validateReport } from './src/index.ts';`,
  'the whole core entry': `export * from './src/index.ts';`,
  'reportSchema (zod entry)': `export { reportSchema } from './src/zod.ts';`,
  'zod alone (z.object)': `import { z } from 'zod'; export const s = z.strictObject({ a: z.number().int().nullable() });`,
};

const sizes = new Map<string, { min: number; gzip: number }>();
for (const [name, code] of Object.entries(contenders)) sizes.set(name, await bundled(code));
// The built package as an application gets it: import (ESM) and require() (CommonJS) of the same function.
sizes.set('import of dist (ESM)', await bundled(`export { validateReport } from './dist/index.js';`));
sizes.set('require() of dist (CJS)', await bundled(`module.exports = require('./dist/index.cjs').validateReport;`, 'cjs'));
const reference = sizes.get('zod alone (z.object)')!;
console.log('\nbundle size (esbuild, minified); ratio = gzip size against zod alone\n');
for (const [name, { min, gzip }] of sizes) {
  console.log(`${name.padEnd(30)} ${(min / 1024).toFixed(1).padStart(7)} KiB min ${(gzip / 1024).toFixed(1).padStart(7)} KiB gzip   ×${(gzip / reference.gzip).toFixed(2)}`);
}

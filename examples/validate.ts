/**
 * Validates report JSON files and prints their findings: the Quick start's
 * main job until the command line lands. Usage: tsx examples/validate.ts FILE… [--en]
 */
import { readFileSync } from 'node:fs';
import { validateReport } from '../src/index.js';

const args = process.argv.slice(2);
const locale = args.includes('--en') ? 'en' : 'zh-CN';
let failed = false;
for (const file of args.filter((a) => a !== '--en')) {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
    continue;
  }
  const { ok, findings } = validateReport(input, { locale });
  failed ||= !ok;
  console.log(`${file}: ${ok ? 'no error' : 'ERRORS'}, ${findings.length} finding(s)`);
  for (const f of findings) console.log(`  ${f.severity.padEnd(7)} ${f.code.padEnd(28)} ${f.path}\n          ${f.message}`);
}
if (failed && !process.exitCode) process.exitCode = 1;

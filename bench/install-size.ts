/**
 * npm run bench (install size): what `npm install gov-disclosure-report`
 * puts on a consumer's disk, from the packed tarball into an empty project,
 * with the registry's dependencies. Optional peers (pdf.js for reading PDFs,
 * zod for the ./zod entry) are not installed unless asked for. Target for a
 * consumer who validates reports: at most 15 MB, nothing native.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Bytes under a folder, and the native addons (.node files) in it. */
function measure(dir: string): { bytes: number; native: string[] } {
  let bytes = 0;
  const native: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    bytes += statSync(path).size;
    if (entry.name.endsWith('.node')) native.push(path.slice(dir.length + 1));
  }
  return { bytes, native };
}

const work = mkdtempSync(join(tmpdir(), 'gdr-install-'));
try {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const npm = (...args: string[]) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--silent'], { cwd: work, stdio: 'ignore' });
  npm('init', '-y');
  npm('install', join(work, tarball));
  const core = measure(join(work, 'node_modules'));
  npm('install', 'pdfjs-dist@4', '--omit=optional');
  const withPdf = measure(join(work, 'node_modules'));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log('\ninstall size (npm install of the packed tarball into an empty project)\n');
  console.log(`gov-disclosure-report and its dependencies   ${mb(core.bytes).padStart(8)}   native addons: ${core.native.length || 'none'}`);
  console.log(`… with pdfjs-dist@4 for PDFs (--omit=optional) ${mb(withPdf.bytes).padStart(6)}   native addons: ${withPdf.native.length || 'none'}`);
  const met = core.bytes <= 15e6 && core.native.length === 0;
  console.log(`\na consumer who validates: ${mb(core.bytes)}, ${core.native.length} native (target ≤ 15 MB, none) — ${met ? 'met' : 'NOT met'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

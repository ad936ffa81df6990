/**
 * tsx bench/pdf.bench.ts: parseReport of a ~10 MB and a ~20 MB PDF, each in
 * a fresh process, for the time and the peak memory (maximum resident set).
 * CPU time is the figure to compare on a shared machine. The PDFs are made here, not kept: copies of a printed corpus page
 * (test/corpus/printed/chromium/P013.pdf, 11 pages, its tables cut by page
 * breaks) joined by poppler's `pdfunite`. Reading is linear when the 20 MB
 * file takes about twice the time of the 10 MB one, and memory is bounded
 * when it grows no faster than the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const PAGE = join(SELF, '../../test/corpus/printed/chromium/P013.pdf');

if (process.argv[2] === '--one') {
  // The child: one file read, its time and what the process held at most.
  const { parseReport } = await import('../src/parse.js');
  const bytes = readFileSync(process.argv[3]!);
  const start = performance.now();
  const result = await parseReport(bytes);
  const ms = performance.now() - start;
  const figures = Object.keys(result.provenance).length;
  // CPU time as well as wall time: on a shared machine the CPU time is what the reading cost.
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024, figures }));
  process.exit(0);
}

try {
  execFileSync('pdfunite', ['-v'], { stdio: 'ignore' });
} catch {
  console.log('pdf bench skipped: pdfunite (poppler-utils) is not installed');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'gdr-pdf-bench-'));
try {
  const copies = (mb: number) => Math.ceil((mb * 1024 * 1024) / statSync(PAGE).size);
  const rows: { mb: number; pages: number; ms: number; cpuMs: number; maxRssMb: number; figures: number }[] = [];
  for (const target of [10, 20]) {
    const file = join(dir, `${target}mb.pdf`);
    execFileSync('pdfunite', [...Array.from({ length: copies(target) }, () => PAGE), file]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
    const child = spawnSync(process.execPath, [...process.execArgv, SELF, '--one', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`reading ${target} MB failed: ${child.stderr.split('\n')[0]}`);
    rows.push({ mb: statSync(file).size / 1024 / 1024, pages, ...JSON.parse(child.stdout) });
  }
  console.log('parseReport of a PDF (copies of a printed corpus page), each in a fresh process');
  for (const r of rows) {
    console.log(`  ${r.mb.toFixed(1).padStart(5)} MB, ${String(r.pages).padStart(5)} pages: ${(r.ms / 1000).toFixed(1).padStart(6)} s wall, ${(r.cpuMs / 1000).toFixed(1).padStart(6)} s CPU (${(r.cpuMs / r.mb).toFixed(0)} ms/MB), peak RSS ${r.maxRssMb.toFixed(0)} MB, ${r.figures} figures`);
  }
  const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const size = large.mb / small.mb;
  console.log(`  20 MB / 10 MB: size ×${size.toFixed(2)}, CPU time ×${(large.cpuMs / small.cpuMs).toFixed(2)}, wall time ×${(large.ms / small.ms).toFixed(2)}, peak memory ×${(large.maxRssMb / small.maxRssMb).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

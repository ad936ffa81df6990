/**
 * npm run corpus: runs the parser over the corpus of real published
 * reports, kind of file by kind of file (HTML pages, the pages as .docx, .doc
 * and printed PDFs, text extractions, published PDFs), and prints, per
 * file, how many figures of its truth file match, differ or are missing and
 * its findings; then the totals of each kind, the median parse time of an
 * HTML page, and the time for large adversarial inputs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { compare, corpusEditions, keyFigures, type Json } from './corpus-compare.js';
import { parseReport, type ParseResult } from '../src/parse.js';

const CORPUS = new URL('../test/corpus/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, CORPUS));

function summary(result: ParseResult): string {
  const counts = new Map<string, number>();
  for (const f of result.findings) if (f.code !== 'cell.blank') counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code}×${n}` : code)).join(' ') || '—';
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

/** The files of a corpus folder with one of the extensions, sorted; none when the folder is not there (yet). */
function filesIn(folder: string, ...extensions: string[]): string[] {
  if (!existsSync(new URL(folder, CORPUS))) return [];
  return readdirSync(new URL(folder, CORPUS)).filter((f) => extensions.some((e) => f.endsWith(e))).sort().map((f) => `${folder}${f}`);
}

const idOf = (path: string) => path.split('/').at(-1)!.replace(/\.[a-z]+$/, '');
type Tally = { files: number; match: number; differ: number; missing: number; blank: number };
const kinds = new Map<string, Tally & { against: string }>();
const times: number[] = [];

/** Each file of a kind against its truth, one line each: every cell (html/truth) or the key figures (truth/). */
async function report(kind: string, what: string, paths: string[], against: 'every cell' | 'key figures'): Promise<void> {
  const tally = { files: 0, match: 0, differ: 0, missing: 0, blank: 0, against };
  kinds.set(kind, tally);
  console.log(`\n${kind} (${what}): ${against} against ${against === 'every cell' ? 'html/truth' : 'truth'}${paths.length === 0 ? ' — no files' : ''}`);
  for (const path of paths) {
    const id = idOf(path);
    const input = path.endsWith('.html') ? read(path).toString('utf8') : new Uint8Array(read(path));
    let result: ParseResult;
    if (path.endsWith('.html')) {
      // The median of several runs, after a warm-up: one run on a shared machine says little.
      await parseReport(input);
      const runs = [];
      for (let i = 0; i < 15; i++) runs.push(await timed(() => parseReport(input)));
      result = runs[0]!.value;
      times.push(runs.map((r) => r.ms).sort((x, y) => x - y)[7]!);
    } else {
      result = await parseReport(input);
    }
    let line = 'no truth file';
    let details: string[] = [];
    const truthPath = against === 'every cell' ? `html/truth/${id}.json` : `truth/${id}.json`;
    if (existsSync(new URL(truthPath, CORPUS))) {
      const truth = JSON.parse(read(truthPath).toString('utf8')) as Json;
      const { match, differ, missing, blank } = compare(against === 'every cell' ? truth : keyFigures(truth, editions.get(id)), result.report, against === 'every cell' ? {} : result.provenance);
      tally.files++;
      tally.match += match;
      tally.differ += differ.length;
      tally.missing += missing.length;
      tally.blank += blank.length;
      line = `${String(match).padStart(4)} match ${String(differ.length).padStart(3)} differ ${String(missing.length).padStart(3)} missing${blank.length > 0 ? ` ${blank.length} blank` : ''}`;
      if (against === 'every cell') details = [...differ, ...missing.map((m) => `${m}: missing`)].slice(0, 10);
    }
    console.log(`${path.padEnd(34)} ${line.padEnd(36)} ${summary(result)}`);
    for (const detail of details) console.log(`${' '.repeat(35)}${detail}`);
  }
}

const editions = corpusEditions(read('index.tsv').toString('utf8'));
await report('HTML pages', 'published web pages', filesIn('html/', '.html'), 'every cell');
await report('.docx', 'the pages saved by LibreOffice', filesIn('docx/', '.docx'), 'every cell');
await report('.doc', 'the pages saved by LibreOffice as Word 97–2003', filesIn('doc/', '.doc'), 'every cell');
await report('printed PDF, Chromium', 'the pages printed by Chromium', filesIn('printed/chromium/', '.pdf'), 'every cell');
await report('printed PDF, LibreOffice', 'the pages printed by LibreOffice', filesIn('printed/libreoffice/', '.pdf'), 'every cell');
await report('text extractions', 'raw/ and fragments/', [...filesIn('raw/', '.txt'), ...filesIn('fragments/', '.txt')], 'key figures');
await report('published PDFs', 'pdf/', filesIn('pdf/', '.pdf'), 'key figures');

console.log('\ntotals by kind of file                    files  match differ missing');
for (const [kind, t] of kinds) {
  const blank = t.blank > 0 ? ` (${t.blank} printed blank: null where the truth file says 0)` : '';
  console.log(`${`${kind} (${t.against})`.padEnd(40)} ${String(t.files).padStart(6)} ${String(t.match).padStart(6)} ${String(t.differ).padStart(6)} ${String(t.missing).padStart(7)}${blank}`);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`median parse time per HTML page: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} ms (target < 5 ms)`);

// Adversarial inputs: 1 MB, then 2 MB; the second should take about twice as long.
const adversarial = {
  'deeply nested HTML': (n: number) => '<div>'.repeat(n / 10) + '<table><tr><td>1</td></tr></table>' + '</div>'.repeat(n / 10),
  'thousands of repeated labels': (n: number) =>
    `<table>${'<tr><td>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr>'.repeat(n / 120)}</table>`,
  'a long digit run in a cell': (n: number) => `<table><tr><td>一、本年新收政府信息公开申请数量</td><td>${'7'.repeat(n)}</td></tr></table>`,
  'a long glued digit run (text)': (n: number) => `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量${'7'.repeat(n)}`,
  'one 1 MB line of glued labels': (n: number) => '二、主动公开政府信息情况规章000'.repeat(n / 20),
  'thousands of heading lines': (n: number) => '一、总体情况\n二、主动公开政府信息情况\n'.repeat(n / 30),
  'thousands of lines almost naming a row': (n: number) =>
    `三、收到和处理政府信息公开申请情况\n${Array.from({ length: n / 30 }, (_, i) => `2.其他法律行政法规XYZ${i}`).join('\n')}`,
  'thousands of rows over lines (PDF text)': (n: number) =>
    `三、收到和处理政府信息公开申请情况\n${'（二）部分公开（区分处理的，只计这一情\n4 0 0 0 0 0 4\n形，不计其他情形）\n1 0 0 0 0 0 1\n1.属于国家秘密\n- 3 -\n'.repeat(n / 130)}`,
};
console.log('\nadversarial input                        1 MB        2 MB   ratio');
for (const [name, make] of Object.entries(adversarial)) {
  const one = (await timed(() => parseReport(make(1_000_000)))).ms;
  const two = (await timed(() => parseReport(make(2_000_000)))).ms;
  console.log(`${name.padEnd(40)} ${one.toFixed(0).padStart(6)} ms ${two.toFixed(0).padStart(8)} ms   ×${(two / one).toFixed(2)}`);
}

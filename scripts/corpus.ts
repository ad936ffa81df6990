/**
 * npm run corpus: runs the parser over the corpus of real published
 * reports and prints, per report, how many figures of its truth file match,
 * differ or are missing, its findings and the time taken; then totals, the
 * median parse time, and the time for large adversarial inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

const totals = { match: 0, differ: 0, missing: 0 };
const times: number[] = [];
console.log('HTML pages: every table cell against html/truth\n');
for (const name of readdirSync(new URL('html/', CORPUS)).filter((f) => f.endsWith('.html')).sort()) {
  const html = read(`html/${name}`).toString('utf8');
  // The median of several runs, after a warm-up: one run on a shared machine says little.
  await parseReport(html);
  const runs = [];
  for (let i = 0; i < 15; i++) runs.push(await timed(() => parseReport(html)));
  const result = runs[0]!.value;
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[7]!;
  times.push(ms);
  const truth = JSON.parse(read(`html/truth/${name.replace('.html', '.json')}`).toString('utf8')) as Json;
  const { match, differ, missing } = compare(truth, result.report);
  totals.match += match;
  totals.differ += differ.length;
  totals.missing += missing.length;
  console.log(`${name.padEnd(10)} ${String(match).padStart(4)} match ${String(differ.length).padStart(3)} differ ${String(missing.length).padStart(3)} missing  ${ms.toFixed(1).padStart(5)} ms  ${summary(result)}`);
  for (const line of [...differ, ...missing.map((m) => `${m}: missing`)].slice(0, 10)) console.log(`           ${line}`);
}

console.log('\nText extractions and PDFs (raw/, fragments/, pdf/): key figures against truth/\n');
const keyTotals = { match: 0, differ: 0, missing: 0, blank: 0 };
const editions = corpusEditions(read('index.tsv').toString('utf8'));
const others = [
  ...readdirSync(new URL('raw/', CORPUS)).map((f) => `raw/${f}`),
  ...readdirSync(new URL('fragments/', CORPUS)).filter((f) => f.endsWith('.txt')).map((f) => `fragments/${f}`),
  ...readdirSync(new URL('pdf/', CORPUS)).map((f) => `pdf/${f}`),
].sort();
for (const path of others) {
  const result = await parseReport(new Uint8Array(read(path)));
  const id = path.split('/')[1]!.replace(/\.(txt|pdf)$/, '');
  const truthName = `truth/${id}.json`;
  let tally = '';
  try {
    const truth = keyFigures(JSON.parse(read(truthName).toString('utf8')) as Json, editions.get(id));
    const { match, differ, missing, blank } = compare(truth, result.report, result.provenance);
    keyTotals.match += match;
    keyTotals.differ += differ.length;
    keyTotals.missing += missing.length;
    keyTotals.blank += blank.length;
    tally = `${match} match ${differ.length} differ ${missing.length} unread${blank.length > 0 ? ` ${blank.length} blank` : ''}`;
  } catch {
    tally = 'no truth file';
  }
  console.log(`${path.padEnd(18)} ${tally.padEnd(34)} ${summary(result)}`);
}

const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`\ntotals (HTML, every cell): ${totals.match} match, ${totals.differ} differ, ${totals.missing} missing`);
console.log(
  `totals (text and PDF, key figures): ${keyTotals.match} match, ${keyTotals.differ} differ, ${keyTotals.missing} unread, ` +
    `${keyTotals.blank} printed blank (null; the truth files read them as 0)`,
);
console.log(`median parse time per HTML page: ${median.toFixed(2)} ms (target < 5 ms)`);

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

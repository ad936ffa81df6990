/**
 * Word files of 10 and 20 MB through parseReport: the time of each (the
 * median of three runs), the ratio 20 MB / 10 MB (about 2 when reading is
 * linear), and the peak memory of a run beyond the file itself (resident
 * set, sampled while it runs). Each file is the report of the tests, then
 * filler: paragraphs and small tables (.doc), paragraphs (.docx, stored so
 * that its parts stay inside the 50 MB budget). Run with
 * `npx tsx --expose-gc bench/files.bench.ts`.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseReport } from '../src/parse.js';
import { renderReport } from '../src/render.js';
import { readOffice } from '../src/parse/office.js';
import { busyReport2021 } from '../test/fixtures/reports.js';
import { word97Report, type WordBlock } from '../test/fixtures/word97.js';

const report = busyReport2021();
const line = '本年度，本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息一千五百七十一条，其中规章零件、规范性文件三件。';

function doc(mb: number): Uint8Array {
  const filler: WordBlock[] = [];
  // One copy of the filler is about 5 KB of text and properties.
  for (let i = 0; i < mb * 200; i++) filler.push(...Array<string>(40).fill(line), { rows: [{ edges: [0, 300, 600], cells: ['附表项目', '数量'] }, { edges: [0, 300, 600], cells: ['其他事项', String(i)] }] });
  return word97Report(report, filler);
}

function docx(mb: number): Uint8Array {
  const parts = unzipSync(renderReport(report, { to: 'docx' }));
  const xml = strFromU8(parts['word/document.xml']!);
  const paragraph = `<w:p><w:r><w:t>${line}</w:t></w:r></w:p>`;
  const at = xml.indexOf('</w:p>') + 6;
  parts['word/document.xml'] = strToU8(xml.slice(0, at) + paragraph.repeat(Math.ceil((mb * 1_000_000) / strToU8(paragraph).length)) + xml.slice(at));
  return zipSync(parts, { level: 0 });
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The median time of three runs, and the largest rise of the resident set over what it was before a run. */
async function measure(run: () => unknown): Promise<{ ms: number; peakMb: number }> {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < 3; i++) {
    gc?.();
    const before = process.memoryUsage().rss;
    let high = before;
    const sampler = setInterval(() => (high = Math.max(high, process.memoryUsage().rss)), 5);
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
    clearInterval(sampler);
    high = Math.max(high, process.memoryUsage().rss);
    peak = Math.max(peak, (high - before) / 1e6);
  }
  return { ms: times.sort((a, b) => a - b)[1]!, peakMb: peak };
}

console.log(`file                        10 MB        20 MB   ratio   peak memory at 20 MB${gc ? '' : ' (run with --expose-gc for steadier figures)'}`);
for (const [name, make] of Object.entries({ '.doc': doc, '.docx': docx })) {
  const [ten, twenty] = [make(10), make(20)];
  for (const [stage, run] of Object.entries({
    'read (tables and lines)': (bytes: Uint8Array) => readOffice(bytes),
    'parseReport (all of it)': (bytes: Uint8Array) => parseReport(bytes),
  })) {
    const a = await measure(() => run(ten));
    const b = await measure(() => run(twenty));
    const label = `${name} ${stage}`;
    console.log(`${label.padEnd(28)}${a.ms.toFixed(0).padStart(5)} ms ${b.ms.toFixed(0).padStart(7)} ms   ×${(b.ms / a.ms).toFixed(2)}   ${b.peakMb.toFixed(0)} MB (file ${(twenty.length / 1e6).toFixed(1)} MB)`);
  }
}

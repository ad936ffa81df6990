import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { renderReport } from '../src/render.js';
import { getPath } from './fixtures/arbitrary.js';
import { ROOT } from './fixtures/cli.js';
import { busyReport2021 } from './fixtures/reports.js';
import { compoundFile, word97, word97Report, type WordBlock } from './fixtures/word97.js';

const refused = async (bytes: Uint8Array) => {
  const result = await parseReport(bytes, { locale: 'en' });
  expect(result.ok).toBe(false);
  expect(result.report).toBeUndefined();
  return result.findings.map((f) => `${f.code}: ${f.message}`);
};
/**
 * The findings of the built parseReport, run in a worker: a loop that never
 * ends is stopped after `ms` and a heap past `heapMb` ends the worker, each
 * failing the test instead of hanging the suite or crashing it.
 */
const refusedInWorker = (bytes: Uint8Array, { ms = 10_000, heapMb = 64 } = {}) =>
  new Promise<string[]>((resolve, reject) => {
    const code = `const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.url).then(async ({ parseReport }) => {
        const result = await parseReport(workerData.bytes, { locale: 'en' });
        parentPort.postMessage({ ok: result.ok, findings: result.findings.map((f) => f.code + ': ' + f.message) });
      });`;
    const url = pathToFileURL(join(ROOT, 'dist/parse.js')).href;
    const worker = new Worker(code, { eval: true, workerData: { url, bytes }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const timer = setTimeout(() => void worker.terminate().then(() => reject(new Error(`still reading after ${ms} ms`))), ms);
    worker.once('message', (message: { ok: boolean; findings: string[] }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.ok) reject(new Error('read as a report'));
      else resolve(message.findings);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
const CONTENT_TYPES = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

describe('Word and Excel files that cannot be read give a parse.unsupportedInput finding, never a crash or a hang', () => {
  it('a zip bomb: a part that inflates past 50 MB stops there', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    expect((await refused(bomb)).join()).toMatch(/parse.unsupportedInput.*more than 50 MB/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a part whose bytes were damaged fails its CRC-32 instead of giving other figures', async () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>1520</w:t></w:r></w:p></w:body></w:document>') }, { level: 0 });
    const at = Buffer.from(bytes).indexOf('1520');
    bytes[at] = '7'.charCodeAt(0);
    expect((await refused(bytes)).join()).toMatch(/CRC-32/);
  });

  it.each([
    ['cut short', (b: Uint8Array) => b.subarray(0, b.length / 2), /central directory/],
    ['a deflate stream of noise', (b: Uint8Array) => b.map((x, i) => (i > 200 && i < b.length - 400 ? (x * 31 + i) & 0xff : x)), /cannot be read/],
    ['a zip that is no Office document', () => zipSync({ 'a.txt': strToU8('hello') }), /no \[Content_Types\]\.xml/],
    ['an Office package that is neither workbook nor document', () => zipSync({ '[Content_Types].xml': strToU8('<Types/>') }), /neither a workbook/],
    ['only the signature', () => new Uint8Array([0x50, 0x4b, 3, 4]), /cannot be read/],
  ])('%s', async (_, damage, reason) => {
    const docx = renderReport(busyReport2021(), { to: 'docx' });
    const findings = await refused(damage(docx));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^parse\.unsupportedInput/);
    expect(findings[0]).toMatch(reason);
  });

  it('a zip of 20 000 entries is refused from its directory, before anything is inflated', async () => {
    const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CONTENT_TYPES) };
    for (let i = 0; i < 20_000; i++) files[`x/${i}`] = new Uint8Array(0);
    expect((await refused(zipSync(files))).join()).toMatch(/20001 entries/);
  });
});

describe('Word 97–2003 (.doc) and other compound files that cannot be read give a parse.* finding, never a crash, a hang or a large allocation', () => {
  const P001 = () => new Uint8Array(readFileSync(join(ROOT, 'test/corpus/doc/P001.doc')));
  const int = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getInt32(at, true);
  const setInt = (b: Uint8Array, at: number, value: number) => new DataView(b.buffer, b.byteOffset).setInt32(at, value, true);
  // Where an entry of the allocation table stands (the file's first FAT sectors are listed in its header), and a stream's directory entry.
  const fatAt = (b: Uint8Array, n: number) => (int(b, 0x4c + Math.floor(n / 128) * 4) + 1) * 512 + (n % 128) * 4;
  const entryAt = (b: Uint8Array, name: string) => {
    for (let sector = int(b, 0x30), i = 0; sector >= 0; sector = int(b, fatAt(b, sector))) {
      for (let e = 0; e < 4; e++, i++) {
        const at = (sector + 1) * 512 + e * 128;
        if (new TextDecoder('utf-16le').decode(b.subarray(at, at + b[at + 0x40]! - 2)) === name) return at;
      }
    }
    throw new Error(`no ${name}`);
  };
  const wordStart = (b: Uint8Array) => int(b, entryAt(b, 'WordDocument') + 0x74);
  const fibAt = (b: Uint8Array, offset: number) => (wordStart(b) + 1) * 512 + offset;

  it.each([
    ['cut short', (b: Uint8Array) => b.subarray(0, b.length / 2), /cut short|past the end/],
    ['only the signature', (b: Uint8Array) => b.subarray(0, 8), /cut short in its header/],
    ['a chain of sectors that loops', (b: Uint8Array) => (setInt(b, fatAt(b, wordStart(b)), wordStart(b)), b), /WordDocument whose chain of sectors loops/],
    ['a chain of sectors that breaks', (b: Uint8Array) => (setInt(b, fatAt(b, wordStart(b)), -1), b), /chain of sectors is broken/],
    ['a stream declared 4 GB long', (b: Uint8Array) => (setInt(b, entryAt(b, 'WordDocument') + 0x78, -16), b), /of 4294967280 bytes/],
    ['a DIFAT chain of two billion sectors', (b: Uint8Array) => (setInt(b, 0x44, 1), setInt(b, 0x48, 0x7fffffff), b), /parse\.unsupportedInput/],
    ['sectors of 2^15 bytes', (b: Uint8Array) => ((b[0x1e] = 15), b), /sectors of 2\^15 bytes/],
    ['a piece table past the end of its stream', (b: Uint8Array) => (setInt(b, fibAt(b, 0x1a2), 0x7fff0000), b), /damaged: an offset past its end/],
    ['a page of paragraph properties past the end', (b: Uint8Array) => (setInt(b, fibAt(b, 0x102), 0x7fff0000), b), /damaged/],
    ['a Word 95 document', (b: Uint8Array) => ((b[fibAt(b, 2)] = 0x68), (b[fibAt(b, 3)] = 0), b), /Word 6 or Word 95 document.*save it as \.docx/],
    ['an encrypted document', (b: Uint8Array) => ((b[fibAt(b, 0x0b)]! |= 0x01), b), /encrypted/],
    ['an Excel 97–2003 workbook', () => compoundFile([['Workbook', new Uint8Array(5000)]]), /\.xls.*save it as \.xlsx/],
    ['a compound file that is no Word document', () => compoundFile([['Contents', new Uint8Array(5000)]]), /neither a Word document nor an Excel workbook/],
  ])('%s', async (_, damage, reason) => {
    const started = Date.now();
    const findings = await refused(damage(P001()));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^parse\.unsupportedInput/);
    expect(findings[0]).toMatch(reason);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['a fast save\'s formatting of −3 bytes (it would be read again and again)', { beforePieces: new Uint8Array([1, 0xfd, 0xff]) }, /damaged|without its piece table/],
    ['a fast save\'s formatting that goes back to the one before', { beforePieces: new Uint8Array([1, 0, 0, 1, 0xfa, 0xff]) }, /damaged|without its piece table/],
    ['100 000 pieces of the same 20 000 characters (2 billion, from a 1.3 MB file)', { pieces: 100_000 }, /pieces of text are longer than its stream/],
  ])('%s', async (_, damage, reason) => {
    const findings = await refusedInWorker(word97(['年度报告'.repeat(5_000)], damage));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^parse\.unsupportedInput/);
    expect(findings[0]).toMatch(reason);
  });

  it('its pages of paragraph properties listed 40 000 times over (millions of runs from a 1 MB file)', async () => {
    const table = { rows: Array.from({ length: 10 }, () => ({ edges: [0, 300, 600], cells: ['年度', '报告'] })) };
    const findings = await refusedInWorker(word97([table], { pageLists: 40_000 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/parse\.unsupportedInput.*names more pages than its stream holds/);
  });

  it('a DIFAT chain through every sector of a 64 MB file is refused before it lists 16 million allocation sectors', async () => {
    const bytes = new Uint8Array(64 * 1024 * 1024);
    const view = new DataView(bytes.buffer);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    view.setUint16(0x1e, 9, true);
    // Every sector a DIFAT sector naming allocation sector 0 127 times, then the next DIFAT sector.
    const sectors = bytes.length / 512 - 1;
    view.setInt32(0x44, 0, true);
    for (let d = 0; d < sectors; d++) view.setInt32((d + 2) * 512 - 4, d + 1 < sectors ? d + 1 : -2, true);
    const findings = await refusedInWorker(bytes, { heapMb: 48 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/parse\.unsupportedInput.*allocation table is larger than the file/);
  });

  it('a directory whose links loop is walked once: the document still reads', async () => {
    const bytes = P001();
    const root = entryAt(bytes, 'Root Entry');
    // Every free left link points back to the root's first child: the tree's own links stay, a loop is added.
    for (let i = 1; i < 8; i++) if (int(bytes, root + i * 128 + 0x44) === -1) setInt(bytes, root + i * 128 + 0x44, int(bytes, root + 0x4c));
    const result = await parseReport(bytes);
    expect(result.report?.applications.received.total).toBe(6);
  });

  it('bytes damaged anywhere: a report or a finding, never an exception (fast-check)', async () => {
    const original = P001();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.nat(255)), { minLength: 1, maxLength: 16 }), async (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        const result = await parseReport(bytes);
        expect(result.report !== undefined || result.findings.some((f) => f.code.startsWith('parse.'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a 20 MB Word file is read whole, within the bounds (timings: bench/files.bench.ts)', () => {
  const report = busyReport2021();
  const cellsOf = (r: unknown) => layoutOf('2021').cells.map((cell) => getPath(r, cell.path));
  const line = '本年度，本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息一千五百七十一条，其中规章零件、规范性文件三件。';

  it('.doc: the report, then 20 MB of paragraphs and tables', async () => {
    const filler: WordBlock[] = [];
    for (let i = 0; i < 4_000; i++) filler.push(...Array<string>(40).fill(line), { rows: [{ edges: [0, 300, 600], cells: ['附表项目', '数量'] }, { edges: [0, 300, 600], cells: ['其他事项', String(i)] }] });
    const bytes = word97Report(report, filler);
    expect(bytes.length).toBeGreaterThan(18_000_000);
    const result = await parseReport(bytes);
    expect(cellsOf(result.report)).toEqual(cellsOf(report));
  }, 120_000);

  it('.docx: the report, then 20 MB of paragraphs (stored, not deflated, so as not to pass the 50 MB budget)', async () => {
    const parts = unzipSync(renderReport(report, { to: 'docx' }));
    const xml = strFromU8(parts['word/document.xml']!);
    const paragraph = `<w:p><w:r><w:t>${line}</w:t></w:r></w:p>`;
    const at = xml.indexOf('</w:p>') + 6;
    parts['word/document.xml'] = strToU8(xml.slice(0, at) + paragraph.repeat(Math.ceil(20_000_000 / paragraph.length)) + xml.slice(at));
    const bytes = zipSync(parts, { level: 0 });
    expect(bytes.length).toBeGreaterThan(20_000_000);
    const result = await parseReport(bytes);
    expect(cellsOf(result.report)).toEqual(cellsOf(report));
  }, 120_000);
});

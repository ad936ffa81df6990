import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../src/parse.js';
import { ROOT } from './fixtures/cli.js';

const CORPUS = `${ROOT}test/corpus/`;
const page = (id: string) => readFileSync(`${CORPUS}html/${id}.html`, 'utf8');
const raws = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, p]) => [pointer, p.raw]));
const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);

// Node has no GB18030 encoder: the table is made from its decoder, over the two-byte (GBK) range every page here needs.
const GBK = (() => {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a character.
      }
    }
  }
  return table;
})();
function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (GBK.has(ch)) bytes.push(...GBK.get(ch)!);
    else bytes.push(0x3f); // outside GBK (none in the report text): "?"
  }
  return new Uint8Array(bytes);
}
const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bigEndian ? new Uint8Array(le.swap16()) : new Uint8Array(le);
};

describe('pages in GB18030/GBK and UTF-16 are decoded by their own declaration or byte-order mark', () => {
  const id = 'P016';
  const expected = async () => parseReport(page(id));
  const same = async (bytes: Uint8Array) => {
    const [result, reference] = [await parseReport(bytes), await expected()];
    expect(result.report).toEqual(reference.report);
    expect(raws(result)).toEqual(raws(reference));
    expect(codes(result)).toEqual(codes(reference));
    expect(Object.keys(raws(result)).length).toBe(200);
  };

  it.each([
    ['<meta charset="gb2312">', '<meta charset="gb2312" />'],
    ['<meta charset="GBK">', '<meta charset="GBK" />'],
    ['http-equiv content-type gb2312', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'],
  ])('%s', async (_, meta) => {
    const bytes = gb18030(page(id).replace('<meta charset="UTF-8" />', meta));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await same(bytes);
  });

  it.each([
    ['UTF-16LE', false],
    ['UTF-16BE', true],
  ])('%s with its byte-order mark', async (_, bigEndian) => {
    await same(utf16(page(id), bigEndian));
  });

  it('text with no declaration that is not UTF-8 but is GB18030 throughout', async () => {
    const text = readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8');
    const [result, reference] = [await parseReport(gb18030(text)), await parseReport(text)];
    expect(result.report).toEqual(reference.report);
  });

  it('UTF-8 stays UTF-8, with or without its byte-order mark', async () => {
    await same(new TextEncoder().encode(page(id)));
    await same(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page(id))]));
  });
});

describe('a PDF with junk before %PDF- is read, as PDF readers read it', () => {
  const pdf = readFileSync(`${CORPUS}pdf/009.pdf`);
  const junk = (n: number) => new Uint8Array(Array.from({ length: n }, (_, i) => (i % 60 === 59 ? 0x0a : 0x41 + (i % 26))));

  it('up to a kilobyte of it', async () => {
    const reference = await parseReport(pdf);
    const result = await parseReport(new Uint8Array([...junk(1000), ...pdf]));
    expect(result.report).toEqual(reference.report);
    expect(raws(result)).toEqual(raws(reference));
  });

  it('more than a kilobyte is not a PDF', async () => {
    const result = await parseReport(new Uint8Array([...junk(2000), ...pdf]));
    expect(result.ok).toBe(false);
    expect(codes(result)).toContain('parse.unsupportedInput ');
  });
});

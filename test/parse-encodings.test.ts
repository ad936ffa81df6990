import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, type Json } from '../scripts/corpus-compare.js';
import { parseReport, type ParseResult } from '../src/parse.js';
import { archivedPage } from '../src/parse/mhtml.js';
import { launch } from './fixtures/browser.js';
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

/** Quoted-printable (RFC 2045) as Word writes it: lines of at most 76 characters, "=" at the end of one cut short, every byte outside printable ASCII and "=" itself as =XX. */
function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      lines.push(line.replace(/\r$/, ''));
      line = '';
      continue;
    }
    const code = (byte >= 0x20 && byte < 0x7f && byte !== 0x3d) || byte === 0x09 || byte === 0x0d ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + code.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += code;
  }
  return [...lines, line].join('\r\n');
}

/** A web archive of the given parts (headers and body each), with the boundary Word writes. */
const archive = (parts: [string, string][], boundary = '----=_NextPart_01DA0B2C.5E6F7A80') =>
  `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${boundary}"\r\n\r\n此文档为"单个文件网页"，也称为"Web 档案"文件。\r\n\r\n` +
  parts.map(([headers, body]) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n\r\n`).join('') +
  `--${boundary}--\r\n`;
const encode8 = (text: string) => new TextEncoder().encode(text);
const IMAGE = ['Content-Location: file:///C:/report.files/image001.png\r\nContent-Transfer-Encoding: base64\r\nContent-Type: image/png', Buffer.from('\x89PNG\r\n\x1a\n=--图').toString('base64')] as [string, string];

describe('web archives (.mht, .mhtml, and .doc files systems save so) are read by the page they hold', () => {
  const sameAsPage = async (id: string, input: Uint8Array | string) => {
    const [result, reference] = [await parseReport(input), await parseReport(page(id))];
    expect(result.report).toEqual(reference.report);
    expect(raws(result)).toEqual(raws(reference));
    expect(codes(result)).toEqual(codes(reference));
  };
  const ids = ['P001', 'P004', 'P006', 'P008', 'P013', 'P016'];

  it.each(ids)('%s: as Word saves a GB2312 page, quoted-printable (a tag, a figure and a character cut at line ends), an image before and after', async (id) => {
    const html = page(id).replace(/<meta charset="UTF-8" \/>/i, '<meta http-equiv=Content-Type content="text/html; charset=gb2312">');
    const body = quotedPrintable(gb18030(html));
    expect(body).toMatch(/=\r\n/);
    const mht = archive([IMAGE, ['Content-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"', body], IMAGE]);
    await sameAsPage(id, new TextEncoder().encode(mht));
  });

  it('base64, line breaks alone, a boundary not quoted, a charset the page does not declare', async () => {
    const html = page('P016').replace('<meta charset="UTF-8" />', '');
    const body = Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\n');
    const mht = archive([['Content-Type: text/html;\n\tcharset=utf-8\nContent-Transfer-Encoding: base64', body]], 'simple').replace(/\r\n/g, '\n').replace('boundary="simple"', 'boundary=simple');
    await sameAsPage('P016', new TextEncoder().encode(mht));
  });

  it('an archive of one HTML part, and an archive given as text', async () => {
    const single = `MIME-Version: 1.0\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(new TextEncoder().encode(page('P004')))}`;
    await sameAsPage('P004', new TextEncoder().encode(single));
    await sameAsPage('P004', single);
  });

  it.each([
    ['no boundary', 'MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<table></table>', /without its boundary/],
    ['no HTML part', archive([IMAGE]), /without an HTML page/],
    ['cut short in its part headers', archive([IMAGE]).slice(0, 180), /without an HTML page/],
  ])('%s: a parse.unsupportedInput finding', async (_, mht, reason) => {
    const result = await parseReport(new TextEncoder().encode(mht));
    expect(codes(result)).toEqual(['parse.unsupportedInput ']);
    expect(result.findings[0]!.message).toMatch(reason);
  });

  it('an archive damaged anywhere (its headers, boundaries, encoded bytes): a report or a parse.* finding, never an exception (fast-check)', async () => {
    const mht = encode8(archive([IMAGE, ['Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="utf-8"', quotedPrintable(encode8(page('P001')))]]));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0x3d, 0x0d, 0x0a, 0x2d, 0x3a, 0x3b, 0x22, 0x41, 0x7a)), { minLength: 1, maxLength: 12 }), async (edits) => {
        const bytes = mht.slice();
        // Most edits in the first kilobyte, where the headers and the first boundaries are.
        for (const [at, value] of edits) bytes[Math.floor(at * at * bytes.length)] = value;
        const result = await parseReport(bytes);
        expect(result.report !== undefined || result.findings.some((f) => f.code.startsWith('parse.'))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('an HTML page in a nested multipart (multipart/alternative, as Outlook saves one), a boundary that starts a longer one, an 8bit part given as text', async () => {
    const html = quotedPrintable(encode8(page('P013')));
    const inner = `Content-Type: multipart/alternative; boundary="in"\r\n\r\n--in\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n纯文本\r\n--in\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${html}\r\n--in--`;
    const nested = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="out"\r\n\r\n--out\r\n${IMAGE[0]}\r\n\r\n${IMAGE[1]}\r\n--out\r\n${inner}\r\n--out--\r\n`;
    await sameAsPage('P013', encode8(nested));
    // Boundary "b": a line "--bb" in the page is no delimiter.
    const withLine = page('P013').replace('</body>', '<p>\n--bb\n</p></body>');
    const single = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${withLine}\r\n--b--\r\n`;
    const result = archivedPage(encode8(single));
    expect(result && 'html' in result && new TextDecoder().decode(result.html)).toBe(withLine);
    // Given as text, a page in 8 bits was decoded already: its charset is no longer its bytes'.
    const gb = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${page('P013')}\r\n--b--\r\n`;
    await sameAsPage('P013', gb);
  });

  it('a page that only starts like headers is a page', async () => {
    const text = `Subject: 年度报告\r\n\r\n${page('P006')}`;
    const [result, reference] = [await parseReport(text), await parseReport(page('P006'))];
    expect(raws(result)).toEqual(raws(reference));
  });
});

describe('a page Chromium saves as a web archive (Page.captureSnapshot: its "webpage, single file")', () => {
  it.each(['P001', 'P013'])('%s: every cell as from the page', async (id) => {
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(`${CORPUS}html/${id}.html`).href);
      const session = await tab.context().newCDPSession(tab);
      const { data } = (await session.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
      expect(data).toMatch(/^From: <Saved by Blink>/);
      expect(data).toMatch(/Content-Transfer-Encoding: quoted-printable/);
      const [result, reference] = [await parseReport(new TextEncoder().encode(data)), await parseReport(page(id))];
      const { match, differ, missing } = compare(JSON.parse(readFileSync(`${CORPUS}html/truth/${id}.json`, 'utf8')) as Json, result.report);
      expect({ differ, missing }).toEqual({ differ: [], missing: [] });
      expect(match).toBeGreaterThanOrEqual(201);
      expect(raws(result)).toEqual(raws(reference));
    } finally {
      await browser.close();
    }
  });
});

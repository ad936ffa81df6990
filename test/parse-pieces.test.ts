/**
 * A page's bytes are decoded and read in pieces (src/parse/pieces.ts), so that
 * no string of the whole page is made. Read in pieces, a page must read as it
 * does whole: the same tables, cells, lines and offsets, wherever the pieces
 * are cut.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/parse.js';
import { decodePieces } from '../src/parse/encoding.js';
import { readHtml } from '../src/parse/html.js';
import { matchesIn, pieced, PIECE_BYTES } from '../src/parse/pieces.js';
import { isInvisible, visiblePieces } from '../src/parse/visible-text.js';
import { ROOT } from './fixtures/cli.js';

const HTML = `${ROOT}test/corpus/html/`;
const pages = readdirSync(HTML)
  .filter((name) => name.endsWith('.html'))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${HTML}${name}`)) }));

/** The text cut at the given offsets (sorted, duplicates giving empty pieces). */
const cutAt = (text: string, cuts: readonly number[]) => {
  const at = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  return at.slice(1).map((end, i) => text.slice(at[i], end));
};

describe('decodePieces', () => {
  it('decodes each corpus page to its text, in pieces under the large-object size', () => {
    for (const { bytes } of pages) {
      const pieces = decodePieces(bytes);
      expect(pieces.join('')).toBe(new TextDecoder().decode(bytes));
      expect(pieces.length).toBe(Math.ceil(bytes.length / PIECE_BYTES));
    }
  });

  it('never cuts a character in two: a UTF-8 sequence or a surrogate pair across the end of a piece', () => {
    // '𝟙' (U+1D7D9) is four bytes in UTF-8 and two units in UTF-16, here across the first piece's end.
    const text = `${'a'.repeat(PIECE_BYTES - 2)}𝟙${'政'.repeat(10)}`;
    const utf8 = decodePieces(new TextEncoder().encode(text));
    expect(utf8.join('')).toBe(text);
    expect(utf8[0]).toBe('a'.repeat(PIECE_BYTES - 2));
    const le = new Uint8Array(Buffer.from(`\ufeff${'a'.repeat(PIECE_BYTES / 2 - 2)}𝟙b`, 'utf16le'));
    const utf16 = decodePieces(le);
    expect(utf16.join('')).toBe(`${'a'.repeat(PIECE_BYTES / 2 - 2)}𝟙b`);
    for (const piece of utf16) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(piece)).toBe(false);
  });

  it('tells GB18030 from UTF-8 when the bytes that are not UTF-8 come after the first piece', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a'.repeat(PIECE_BYTES + 5)), 0xd5, 0xfe, 0xb8, 0xae]);
    expect(decodePieces(bytes).join('')).toBe(`${'a'.repeat(PIECE_BYTES + 5)}政府`);
  });

  it('a page declaring gb2312 with a character across the end of a piece, and UTF-16BE', () => {
    const head = new TextEncoder().encode('<meta charset="gb2312">');
    const gbk = new Uint8Array([...head, ...new Uint8Array(PIECE_BYTES - head.length - 1).fill(0x61), 0xd5, 0xfe, 0xb8, 0xae]);
    expect(decodePieces(gbk).join('').slice(-3)).toBe('a政府');
    const be = new Uint8Array(Buffer.from(`\ufeff${'a'.repeat(PIECE_BYTES / 2 - 1)}政府`, 'utf16le').swap16());
    expect(decodePieces(be).join('')).toBe(`${'a'.repeat(PIECE_BYTES / 2 - 1)}政府`);
  });

  it('a page declaring a single-byte encoding: bytes 0x80 to 0x9F are its characters (windows-1252 “ ”), not control codes', () => {
    // Node 20.19 and later decode latin1, iso-8859-1 and windows-1252 in one go as Latin-1 (nodejs/node#56542), so
    // 0x93 became U+0093, which the parser then took out as a control code; decoded in pieces, it is “ as the label says.
    const page = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>'), 0x93, 0x41, 0x94, ...new TextEncoder().encode('</p>')]);
    expect(decodePieces(page).join('')).toBe('<meta charset="iso-8859-1"><p>“A”</p>');
  });
});

describe('matchesIn', () => {
  it('finds a match within a piece, across two, and across a piece shorter than the match', () => {
    const tag = /<table[\s>]/i;
    expect(matchesIn(['x<TABLE>'], tag, 7)).toBe(true);
    expect(matchesIn(['x<ta', 'ble>'], tag, 7)).toBe(true);
    expect(matchesIn(['x<t', 'ab', '', 'le '], tag, 7)).toBe(true);
    expect(matchesIn(['x<ta', 'bl', 'e'], tag, 7)).toBe(false);
    expect(matchesIn([], tag, 7)).toBe(false);
  });

  it('agrees with the pattern on the whole text, wherever it is cut (fast-check)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[<tabler >p]{0,30}$/), fc.array(fc.nat(30)), (text, cuts) => {
        const pattern = /<table[\s>]|<p[\s>]/i;
        expect(matchesIn(cutAt(text, cuts.map((c) => c % (text.length + 1))), pattern, 7)).toBe(pattern.test(text));
      }),
    );
  });
});

describe('pieced', () => {
  it('slices the text the pieces make, forward and back, across any number of pieces (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.nat(40)), fc.array(fc.tuple(fc.nat(40), fc.nat(40))), (text, cuts, slices) => {
        const { length, slice } = pieced(cutAt(text, cuts.map((c) => c % (text.length + 1))));
        expect(length).toBe(text.length);
        for (const [a, b] of slices) {
          const [start, end] = [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)];
          if (start <= end) expect(slice(start, end)).toBe(text.slice(start, end));
        }
      }),
    );
  });
});

describe('visiblePieces', () => {
  it('takes out each invisible character, its offsets mapped back, wherever the text is cut (fast-check)', () => {
    const ch = fc.constantFrom('2', '4', '许', '\u200b', '\u00ad', '\ufeff', '\u0007', 'x', '\u{e0001}');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 20 }), fc.array(fc.nat(40)), (chars, cuts) => {
        const text = chars.join('');
        // The offset in the text of each character kept, in order.
        const kept: number[] = [];
        let offset = 0;
        for (const c of chars) {
          if (!isInvisible(c)) for (let k = 0; k < c.length; k++) kept.push(offset + k);
          offset += c.length;
        }
        // A cut between the two units of a surrogate pair is never made (decodePieces keeps them together).
        const whole = [...Array(text.length + 1).keys()].filter((i) => !/[\udc00-\udfff]/.test(text[i] ?? ''));
        const { pieces, originOf } = visiblePieces(cutAt(text, cuts.map((c) => whole[c % whole.length]!)));
        expect(pieces.join('')).toBe(chars.filter((c) => !isInvisible(c)).join(''));
        expect(kept.map((_, i) => originOf(i))).toEqual(kept);
        expect(originOf(kept.length)).toBe(text.length);
      }),
    );
  });
});

describe('readHtml in pieces', () => {
  it('reads each corpus page as it reads it whole, cut at random places (fast-check)', () => {
    const texts = pages.map(({ bytes }) => new TextDecoder().decode(bytes));
    const wholes = texts.map((text) => readHtml(text));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (k, fractions) => {
        const text = texts[k]!;
        expect(readHtml(cutAt(text, fractions.map((f) => Math.floor(f * text.length))))).toEqual(wholes[k]);
      }),
      { numRuns: 30 },
    );
  });

  it('reads markup cut inside tags, attributes, entities, comments and scripts as it reads it whole', () => {
    const html =
      '<html><head><title>报告&amp;表</title><script>var a = "</td>";</script><style>td{}</style></head><body>' +
      '<p>一、总体&nbsp;情况</p><!-- <table> --><table><tr><td colspan="2" ROWSPAN=\'3\'>行政&#x8BB8;可</td><td>1&#8203;2</td></tr>' +
      '<tr><th rowspan=2>收到</th><td>3<br>4</td></tr><tr><td colspan="&#50;" rowspan=&#51;>&notit; &not &amp &#x32 &shy;x<textarea>&lt;/td></textarea><![CDATA[</td>]]></td></tr>' +
      '</table><p>二、<b>主动</b>公开</p><xmp></p></xmp>\r\n<p>三、</ p></body></html>';
    const whole = readHtml(html);
    expect(whole.tables[0]!.rows[0]![0]).toMatchObject({ text: '行政许可', colspan: 2, rowspan: 3 });
    expect(whole.tables[0]!.rows[2]![0]).toMatchObject({ colspan: 2, rowspan: 3 });
    for (let cut = 0; cut <= html.length; cut++) expect(readHtml([html.slice(0, cut), html.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    // One character a piece.
    expect(readHtml([...html])).toEqual(whole);
  });
});

describe('parseReport of bytes, read in pieces', () => {
  it('tells an empty page and binary data by all of their pieces', async () => {
    const blank = await parseReport(new TextEncoder().encode(' \n'.repeat(PIECE_BYTES)));
    expect(blank.findings).toEqual([expect.objectContaining({ code: 'parse.unsupportedInput', reason: 'empty' })]);
    // The first piece is text; the control codes in the second make one character in twenty of the first 65,536.
    const junk = new Uint8Array([...new TextEncoder().encode('<p>'.padEnd(PIECE_BYTES, 'a')), ...new Uint8Array(4000).fill(1)]);
    expect((await parseReport(junk)).findings).toEqual([expect.objectContaining({ code: 'parse.unsupportedInput', reason: 'binary data' })]);
  });

  it('gives what it gives for the same page as one string, provenance and all', async () => {
    for (const { name, bytes } of pages) {
      expect(decodePieces(bytes).length, name).toBeGreaterThan(1);
      expect(await parseReport(bytes), name).toEqual(await parseReport(new TextDecoder().decode(bytes)));
    }
  });

  it('reads a page with an escaped quote in a later piece, and a page whose first tag is cut between pieces', async () => {
    const page = new TextDecoder().decode(pages[0]!.bytes);
    // A page kept inside a JavaScript string: its quotes escaped, the first of them well past the first piece.
    const escaped = `${' '.repeat(PIECE_BYTES)}${page.replaceAll('"', '\\"')}`;
    const read = await parseReport(new TextEncoder().encode(escaped));
    expect(read.report).toEqual((await parseReport(page)).report);
    // Nothing but a <p> tag cut in two tells this text is a page, whose title is read without its tags.
    const cut = `${' '.repeat(PIECE_BYTES - 2)}<p>汴东产业集聚区2021年政府信息公开工作年度报告</p>`;
    expect(decodePieces(new TextEncoder().encode(cut))[0]!.endsWith('<p')).toBe(true);
    const title = await parseReport(new TextEncoder().encode(cut));
    expect(title.report).toMatchObject({ agency: '汴东产业集聚区', year: 2021 });
    expect(title).toEqual(await parseReport(cut));
  });
});

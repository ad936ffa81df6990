import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../src/parse.js';
import { visiblePieces } from '../src/parse/visible-text.js';
import { ROOT } from './fixtures/cli.js';

// A figure with a thousands separator or a character that shows nothing inside it is read whole or
// left blank with a finding, never cut to its first digits (2,418 read as 2).
const CORPUS = `${ROOT}test/corpus/`;
const read = (path: string) => readFileSync(`${CORPUS}${path}`, 'utf8');
const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);

const INVISIBLES = [
  ['a zero-width space', '\u200b'],
  ['a soft hyphen', '\u00ad'],
  ['a word joiner', '\u2060'],
  ['a NUL', '\u0000'],
] as const;

/** `text` with `ch` between every two digits of every figure `figure` matches. */
function withInside(text: string, ch: string, figure: RegExp): string {
  const edited = text.replace(figure, (run) => run.replace(/(\d)(?=\d)/g, `$1${ch}`));
  expect(edited).not.toBe(text);
  return edited;
}

// The figures of table 二 after their labels, in text (glued or a row a line).
const TABLE_2_FIGURES = /(?<=行政许可|行政处罚|行政强制|行政事业性收费)\s*\d[\d.]*/g;

describe('a character that shows nothing, inside every figure, is read through', () => {
  const glued = read('raw/001.txt');
  const lines = read('raw/009.txt');
  const html = read('html/P016.html');

  it.each(INVISIBLES)('%s: raw/001 (cells glued together) reads as without it', async (_, ch) => {
    const [plain, edited] = [await parseReport(glued), await parseReport(withInside(glued, ch, TABLE_2_FIGURES))];
    expect(edited.report?.proactive).toMatchObject({ licensing: { decisions: 2418 }, penalties: { decisions: 644 }, coercion: { decisions: 64 }, fees: { amount: '4166.2416' } });
    expect(edited.report).toEqual(plain.report);
    expect(codes(edited)).toEqual(codes(plain));
  });

  it.each(INVISIBLES)('%s: raw/009 (a row a line) reads as without it', async (_, ch) => {
    const [plain, edited] = [await parseReport(lines), await parseReport(withInside(lines, ch, TABLE_2_FIGURES))];
    expect(edited.report?.proactive).toMatchObject({ licensing: { decisions: 550 }, penalties: { decisions: 4119 }, fees: { amount: '7730.2800' } });
    expect(edited.report).toEqual(plain.report);
  });

  it.each([...INVISIBLES, ['an entity, &shy;', '&shy;'], ['an entity, &#8203;', '&#8203;']] as const)('%s: an HTML page reads as without it', async (_, ch) => {
    // Every figure of every table.
    const edited = withInside(html, ch, />\d[\d.]*</g);
    const [plain, result] = [await parseReport(html), await parseReport(edited)];
    expect(result.report).toEqual(plain.report);
    expect(result.report?.proactive).toMatchObject({ licensing: { decisions: 7677 } });
    // Offsets still point into the input as given.
    const cell = result.provenance['/proactive/licensing/decisions']!;
    expect(edited.slice(cell.offset, cell.offset + 3)).toBe('<td');
  });

  it('maps offsets back past what was taken out', () => {
    const { pieces: [text = ''], originOf } = visiblePieces(['许可2\u200b41\u00ad8 x\u{e0001}y']);
    expect(text).toBe('许可2418 xy');
    expect([...text].map((_, i) => originOf(i))).toEqual([0, 1, 2, 4, 5, 7, 8, 9, 12]);
  });

  // The quick scan that lets most pages through untouched must see every character the full rule takes out.
  it('takes out every format character and control code of Unicode, each alone in a text', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (/[\p{Cf}\p{Cc}]/u.test(ch) && !'\t\n\v\f\r'.includes(ch) && visiblePieces([`a${ch}b`]).pieces[0] !== 'ab') missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
    expect(visiblePieces(['政府信息公开“2024年”—— 3\u3000件']).pieces[0]).toBe('政府信息公开“2024年”—— 3\u3000件');
  });
});

describe('a thousands separator inside a figure leaves it blank, with a finding', () => {
  it('raw/001 (glued): 行政许可2,418 is not 2, 行政事业性收费4,166.241619 is not 4', async () => {
    const text = read('raw/001.txt').replace('行政许可2418', '行政许可2,418').replace('行政事业性收费4166.241619', '行政事业性收费4,166.241619');
    const result = await parseReport(text);
    expect(result.report?.proactive).toMatchObject({ licensing: { decisions: null }, penalties: { decisions: 644 }, fees: { amount: null } });
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'parse.unreadableCell', path: '/proactive/licensing', actual: '2,418' }));
    expect(codes(result)).toContain('parse.unreadableCell /proactive/fees');
  });

  it('raw/001 (glued): a full-width separator too (2，418)', async () => {
    const result = await parseReport(read('raw/001.txt').replace('行政许可2418', '行政许可2，418'));
    expect(result.report?.proactive.licensing.decisions).toBeNull();
    expect(codes(result)).toContain('parse.unreadableCell /proactive/licensing');
  });

  it('raw/009 (a row a line) and an HTML page: not 5 or 7, blank with a finding', async () => {
    const lines = await parseReport(read('raw/009.txt').replace('行政许可 550', '行政许可 5,50'));
    expect(lines.report?.proactive.licensing.decisions).toBeNull();
    expect(codes(lines)).toContain('parse.rowMissing /proactive/licensing');
    const html = await parseReport(read('html/P016.html').replace('>7677<', '>7,677<'));
    expect(html.report?.proactive.licensing.decisions).toBeNull();
    expect(codes(html)).toContain('parse.unreadableCell /proactive/licensing/decisions');
  });
});

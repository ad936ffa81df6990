/**
 * Word's automatic numbering: a heading Word numbers ("一、" as an item of a
 * list) is read with its number, as Word and LibreOffice show it, so the
 * report's sections are found in a .docx whose headings are numbered so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { reader } from '../src/parse/doc-bytes.js';
import { readDocLists, readDocStyleNumbering } from '../src/parse/doc-lists.js';
import { readNumbering, readStyleNumbering } from '../src/parse/docx-lists.js';
import { readOffice } from '../src/parse/office.js';
import { formatNumber, inheritNumbering, listNumbers, paragraphNumber, type ListLevel, type WordList } from '../src/parse/word-lists.js';
import { renderReport } from '../src/render.js';
import { getPath } from './fixtures/arbitrary.js';
import { busyReport2021 } from './fixtures/reports.js';
import { HEADINGS, lines, numbered, numberHeadings, NUMBERING, W, withNumbering } from './fixtures/numbered-docx.js';
import { convert, NO_SOFFICE, SOFFICE } from './fixtures/soffice.js';
import { word97, word97Blocks, type TablePart, type WordBlock } from './fixtures/word97.js';

const level = (format: string, text: string, start = 1): ListLevel => ({ start, format, text, suffix: '' });

describe('formatNumber', () => {
  it('writes Chinese counting as Word does: 十 for ten, 十一, 二十, 一百零五', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1001].map((n) => formatNumber('chineseCounting', n))).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千', '一千零一',
    ]);
    for (const format of ['chineseCountingThousand', 'taiwaneseCountingThousand', 'japaneseCounting']) expect(formatNumber(format, 12)).toBe('十二');
  });

  it('writes the other formats of Word that reports use', () => {
    const cases: [string, number, string][] = [
      ['chineseLegalSimplified', 11, '壹拾壹'],
      ['ideographLegalTraditional', 3, '參'],
      ['ideographDigital', 105, '一〇五'],
      ['ideographTraditional', 3, '丙'],
      ['ideographTraditional', 11, '11'],
      ['ideographZodiac', 12, '亥'],
      ['decimal', 7, '7'],
      ['decimalZero', 7, '07'],
      ['decimalFullWidth', 12, '１２'],
      ['decimalEnclosedCircleChinese', 20, '⑳'],
      ['decimalEnclosedCircle', 21, '21'],
      ['decimalEnclosedParen', 2, '⑵'],
      ['decimalEnclosedFullstop', 2, '⒉'],
      ['ideographEnclosedCircle', 10, '㊉'],
      ['upperLetter', 27, 'AA'],
      ['lowerLetter', 2, 'b'],
      ['upperRoman', 1994, 'MCMXCIV'],
      ['lowerRoman', 4, 'iv'],
      ['none', 4, ''],
      ['bullet', 4, ''],
      ['cardinalText', 4, '4'],
      ['chineseCounting', 0, '0'],
    ];
    expect(cases.map(([format, n]) => formatNumber(format, n))).toEqual(cases.map(([, , text]) => text));
  });
});

describe('listNumbers', () => {
  const headings: WordList = { definition: 'a', levels: [level('chineseCounting', '%1、'), level('chineseCounting', '（%2）'), level('decimal', '%1.%2.%3')], starts: new Map() };

  it('counts each level, restarting a level after one above it, and writes the numbers of the levels above, each in its own format', () => {
    const next = listNumbers(new Map([['1', headings]]));
    expect([next('1', 0), next('1', 1), next('1', 1), next('1', 2), next('1', 0), next('1', 1), next('1', 2)]).toEqual(['一、', '（一）', '（二）', '一.二.1', '二、', '（一）', '二.一.1']);
  });

  it('lists of one definition share their numbers; a list restarting a level starts it again where it is first used', () => {
    const next = listNumbers(
      new Map([
        ['1', headings],
        ['2', headings],
        ['3', { ...headings, starts: new Map([[0, 5]]) }],
      ]),
    );
    expect([next('1', 0), next('2', 0), next('3', 0), next('3', 0), next('1', 0)]).toEqual(['一、', '二、', '五、', '六、', '七、']);
  });

  it('gives nothing for a list or a level not defined, and for a bullet; a legal level writes Arabic numerals; the suffix follows', () => {
    const next = listNumbers(
      new Map<string, WordList>([
        ['1', headings],
        ['b', { definition: 'b', levels: [level('bullet', '\uf0b7')], starts: new Map() }],
        ['l', { definition: 'l', levels: [level('chineseCounting', '%1、'), { ...level('decimal', '%1.%2'), legal: true, suffix: '\t' }], starts: new Map() }],
      ]),
    );
    expect([next('9', 0), next('1', 5), next('b', 0), next('l', 0), next('l', 1)]).toEqual(['', '', '', '一、', '1.1\t']);
  });
});

describe('a paragraph\'s numbering from its own and its styles\'', () => {
  it('a style takes each of list and level from the style it is based on where it sets none, through a chain of at most 16, never round a circle', () => {
    const chain = new Map(Array.from({ length: 20 }, (_, i) => [i, i === 19 ? { ref: { list: '7', level: 2 } } : { based: i + 1, ref: i === 0 ? { level: 1 } : {} }]));
    expect(inheritNumbering(chain).get(0)).toBeUndefined();
    expect(inheritNumbering(chain).get(3)).toEqual({ list: '7', level: 2 });
    const styles = new Map<string, { based?: string; ref: { list?: string; level?: number } }>([
      ['h1', { ref: { list: '4' } }],
      ['h2', { based: 'h1', ref: { level: 1 } }],
      ['off', { based: 'h1', ref: { list: '0' } }],
      ['a', { based: 'b', ref: { level: 3 } }],
      ['b', { based: 'a', ref: {} }],
    ]);
    expect([...inheritNumbering(styles)]).toEqual([['h1', { list: '4' }], ['h2', { list: '4', level: 1 }], ['off', { list: '0' }]]);
  });

  it('the paragraph\'s own list and level come before its style\'s; list 0 numbers nothing', () => {
    const calls: [string, number][] = [];
    const next = (list: string, level: number) => (calls.push([list, level]), `${list}.${level}`);
    expect([
      paragraphNumber(next, {}, undefined),
      paragraphNumber(next, {}, { list: '2', level: 1 }),
      paragraphNumber(next, { level: 3 }, { list: '2', level: 1 }),
      paragraphNumber(next, { list: '5' }, { list: '2', level: 1 }),
      paragraphNumber(next, { list: '5' }, undefined),
      paragraphNumber(next, { list: '0' }, { list: '2', level: 1 }),
    ]).toEqual(['', '2.1', '2.3', '5.1', '5.0', '']);
    expect(calls).toHaveLength(4);
  });
});

describe('listNumbers: damage and legal numbering', () => {
  it('a number text longer than 64 characters is damage: no number, so a list cannot repeat a long text on every paragraph', () => {
    const next = listNumbers(new Map([['1', { definition: '1', levels: [level('decimal', `${'长'.repeat(64)}%1`), level('decimal', `${'长'.repeat(62)}%2`)], starts: new Map() }]]));
    expect([next('1', 0), next('1', 1)]).toEqual(['', `${'长'.repeat(62)}1`]);
  });

  it('legal numbering writes every level in Arabic numerals, keeping a level\'s leading zero', () => {
    const levels = [level('chineseCounting', '%1、'), level('decimalZero', '%2'), { ...level('upperRoman', '%1.%2.%3'), legal: true }];
    const next = listNumbers(new Map([['1', { definition: '1', levels, starts: new Map() }]]));
    expect([next('1', 0), next('1', 1), next('1', 2)]).toEqual(['一、', '01', '1.01.1']);
  });
});

describe('the numbering part and the styles of a .docx', () => {
  it('reads levels, a list overriding a level or its start, and a style numbering through the style it is based on', () => {
    const lists = readNumbering(
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
        `<w:lvl w:ilvl="1"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:suff w:val="space"/><w:isLgl/></w:lvl></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:lvlOverride></w:num></w:numbering>`,
    );
    expect(lists.get('1')).toEqual({ definition: '7', levels: [{ ...level('chineseCounting', '%1、'), suffix: '\t' }, { start: 2, format: 'decimal', text: '%2.', suffix: ' ', legal: true }], starts: new Map() });
    expect(lists.get('2')).toEqual({ definition: '7', levels: [{ ...level('chineseCounting', '%1、'), suffix: '\t' }, { start: 1, format: 'upperLetter', text: '%2)', suffix: '\t' }], starts: new Map([[0, 3]]) });
    const styles = readStyleNumbering(
      `<w:styles ${W}><w:style w:type="paragraph" w:styleId="h"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="h2"><w:basedOn w:val="h"/></w:style><w:style w:type="paragraph" w:styleId="x"><w:basedOn w:val="y"/></w:style>` +
        `<w:style w:type="paragraph" w:styleId="y"><w:basedOn w:val="x"/></w:style><w:style w:type="character" w:styleId="c"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`,
    );
    expect([...styles]).toEqual([
      ['h', { list: '2', level: 1 }],
      ['h2', { list: '2', level: 1 }],
    ]);
  });
});


describe('a .docx whose headings Word numbers', () => {
  const report = busyReport2021();
  report.narrative = { overview: '本年度，本机关收到政府信息公开申请 17 件。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
  const plain = renderReport(report, { to: 'docx' });
  const numberedDocx = withNumbering(plain, NUMBERING, numberHeadings);

  it('reads each heading with its number, and the report as from the same file with the numbers typed', async () => {
    const xml = strFromU8(unzipSync(numberedDocx)['word/document.xml']!);
    expect(HEADINGS.filter((heading) => xml.includes(heading))).toEqual([]);
    expect(lines(numberedDocx)).toEqual(lines(plain));
    const [fromNumbered, fromPlain] = [await parseReport(numberedDocx), await parseReport(plain)];
    expect(fromNumbered.report).toEqual(fromPlain.report);
    expect(fromNumbered.report).toMatchObject({ narrative: report.narrative });
    expect(fromNumbered.findings).toEqual(fromPlain.findings);
  });

  it('a numbered paragraph deleted with the change tracked (its mark too) has no number and takes none from those after it', () => {
    const gone = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="7" w:author="审核" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>' +
      '<w:del w:id="8" w:author="审核" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>删去的一节</w:delText></w:r></w:del></w:p>';
    const body = numbered('1', 0, '总体情况') + gone + numbered('1', 0, '主动公开政府信息情况') + numbered('1', 1, '规章');
    const docx = withNumbering(renderReport(report, { to: 'docx' }), NUMBERING, (xml) => xml.replace(/<w:body>.*<w:sectPr/s, `<w:body>${body}<w:sectPr`));
    expect(lines(docx).filter(Boolean)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '（一）规章']);
  });

  it('numbers paragraphs in table cells and by their style, not by a numbering an edit took away, and never a w:numId 0', () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const body =
      numbered('1', 0, '总体情况') +
      '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>主动公开</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>编号已删去</w:t></w:r></w:p>' +
      `<w:tbl><w:tr><w:tc>${numbered('1', 1, '予以公开')}</w:tc></w:tr></w:tbl>` +
      numbered('1', 0, '主动公开政府信息情况');
    const docx = withNumbering(renderReport(report, { to: 'docx' }), NUMBERING, (xml) => xml.replace(/<w:body>.*<w:sectPr/s, `<w:body>${body}<w:sectPr`));
    const files = unzipSync(docx);
    files['word/styles.xml'] = strToU8(styles);
    const read = readOffice(zipSync(files));
    if ('reason' in read) throw new Error(read.reason);
    expect(read.doc.lines.map((l) => l.text)).toEqual(['一、总体情况', '（一）主动公开', '不编号', '编号已删去', '二、主动公开政府信息情况']);
    expect(read.doc.tables[0]!.rows[0]![0]!.text.trim()).toBe('（二）予以公开');
  });
});

/** Little-endian bytes: each value (a signed one as its two's complement) in its size. */
const le = (...values: [number, 1 | 2 | 4][]): number[] => values.flatMap(([value, size]) => Array.from({ length: size }, (_, i) => (value >> (8 * i)) & 0xff));
const utf16 = (text: string) => [...text].flatMap((c) => le([c.charCodeAt(0), 2]));
const ILFO = (n: number) => [0x0b, 0x46, ...le([n, 2])];
const ILVL = (n: number) => [0x0a, 0x26, n];

/** A list level (LVL) of a .doc: its number text with the levels' numbers as characters 0–8, at the places (from 1) `places` names. */
const lvl = ({ start = 1, nfc, legal = false, follow = 2, text, places = [], papx = [] }: { start?: number; nfc: number; legal?: boolean; follow?: number; text: string; places?: number[]; papx?: number[] }) => [
  ...le([start, 4], [nfc, 1], [legal ? 0x04 : 0, 1]),
  ...Array.from({ length: 9 }, (_, i) => places[i] ?? 0),
  ...le([follow, 1], [0, 4], [0, 4], [0, 1], [papx.length, 1], [0, 1], [0, 1]),
  ...papx,
  ...le([text.length, 2]),
  ...utf16(text),
];
const NONE = lvl({ nfc: 0xff, text: '' });

/**
 * The lists of the .doc tests: list 100 numbers 一、 (一) and a legal 1.1.1;
 * list −5 is one level of bullets. Paragraphs name them by overrides 1 to 5:
 * list 100; list 100 starting again at 五; list 100 with its second level
 * lettered; the bullets; a list not defined; list 100 restarted at 七 with
 * its first level replaced (第七章).
 */
function docLists(): TablePart[] {
  const lists = [
    { lsid: 100, levels: [lvl({ nfc: 0x25, text: '\u0000、', places: [1] }), lvl({ nfc: 0x25, text: '（\u0001）', places: [2] }), lvl({ nfc: 0, legal: true, follow: 0, text: '\u0000.\u0001.\u0002', places: [1, 3, 5] }), ...Array(6).fill(NONE)] },
    // A simple list: one level. Its paragraph properties (an indent) come before its text.
    { lsid: -5, levels: [lvl({ nfc: 0x17, text: '\uf0b7', papx: [0x0f, 0x84, 0x68, 0x01] })] },
  ];
  const plfLst = [...le([lists.length, 2]), ...lists.flatMap(({ lsid, levels }) => [...le([lsid, 4], [0, 4]), ...Array(18).fill(0xff), ...le([levels.length === 1 ? 1 : 0, 1], [0, 1])])];
  const overrides: { lsid: number; levels?: { level: number; start?: number; lvl?: number[] }[] }[] = [
    { lsid: 100 },
    { lsid: 100, levels: [{ level: 0, start: 5 }] },
    { lsid: 100, levels: [{ level: 1, lvl: lvl({ nfc: 0x03, text: '\u0001)', places: [1] }) }] },
    { lsid: -5 },
    { lsid: 999 },
    // Restarted and replaced at once: from the replacing level's start.
    { lsid: 100, levels: [{ level: 0, start: 3, lvl: lvl({ start: 7, nfc: 0x25, text: '第\u0000章', places: [2] }) }] },
  ];
  const plfLfo = [
    ...le([overrides.length, 4]),
    ...overrides.flatMap(({ lsid, levels = [] }) => le([lsid, 4], [0, 4], [0, 4], [levels.length, 1], [0, 1], [0, 1], [0, 1])),
    ...overrides.flatMap(({ levels = [] }) => [...le([-1, 4]), ...levels.flatMap((o) => [...le([o.start ?? 0, 4], [o.level | (o.start ? 0x10 : 0) | (o.lvl ? 0x20 : 0), 4]), ...(o.lvl ?? [])])]),
  ];
  return [
    { pair: 73, bytes: new Uint8Array([...plfLst, ...lists.flatMap((list) => list.levels.flat())]), size: plfLst.length },
    { pair: 74, bytes: new Uint8Array(plfLfo) },
  ];
}

/**
 * The style sheet of the .doc tests (istd: what it is): 0 Normal; 1 heading
 * 1, numbered by list 1 at level 0; 2 heading 2, based on 1, at level 1; 3 a
 * character style that sets a list, which numbers nothing; 4 none; 5 and 6
 * based on each other; 7 based on heading 1 but with the list taken away.
 */
function docStyles(): TablePart {
  const std = (stk: number, based: number, sprms: number[]) => {
    // Its fixed part in 18 bytes (as Word 2000 and later write it), its name, then its paragraph properties (even in size) and no character ones.
    const upx = [...le([2 + sprms.length, 2], [0, 2]), ...sprms, ...(sprms.length % 2 ? [0] : [])];
    const body = [...le([0, 2], [stk | (based << 4), 2], [2, 2], [0, 2], [0, 2]), ...Array(8).fill(0), ...le([1, 2]), ...utf16('S'), 0, 0, ...upx, ...le([0, 2])];
    return [...le([body.length, 2]), ...body];
  };
  const styles = [std(1, 0xfff, []), std(1, 0, [...ILFO(1), ...ILVL(0)]), std(1, 1, ILVL(1)), std(2, 0xfff, ILFO(1)), le([0, 2]), std(1, 6, []), std(1, 5, []), std(1, 1, ILFO(0))];
  return { pair: 1, bytes: new Uint8Array([...le([18, 2], [styles.length, 2], [18, 2]), ...Array(14).fill(0), ...styles.flat()]) };
}

describe('the lists and styles of a .doc', () => {
  const table = (part: TablePart) => reader(part.bytes, 'a test');

  it('reads each list a paragraph can name: its levels (number text, format, suffix, legal), restarts and replaced levels, and numbers them as Word does', () => {
    const [lists, overrides] = docLists();
    const stream = new Uint8Array([...lists!.bytes, ...overrides!.bytes]);
    const read = readDocLists(reader(stream, 'a test'), 0, lists!.bytes.length, overrides!.bytes.length);
    expect(read.get('1')).toMatchObject({ definition: '100', starts: new Map() });
    expect(read.get('1')!.levels.slice(0, 4)).toEqual([
      { start: 1, format: 'chineseCounting', text: '%1、', suffix: '' },
      { start: 1, format: 'chineseCounting', text: '（%2）', suffix: '' },
      { start: 1, format: 'decimal', text: '%1.%2.%3', suffix: '\t', legal: true },
      { start: 1, format: 'none', text: '', suffix: '' },
    ]);
    expect(read.get('2')!.starts).toEqual(new Map([[0, 5]]));
    expect(read.get('3')!.levels[1]).toEqual({ start: 1, format: 'upperLetter', text: '%2)', suffix: '' });
    expect(read.get('4')).toEqual({ definition: '-5', levels: [{ start: 1, format: 'bullet', text: '\uf0b7', suffix: '' }], starts: new Map() });
    expect(read.get('5')).toEqual({ definition: '999', levels: [], starts: new Map() });
    expect(read.get('6')).toMatchObject({ definition: '100', starts: new Map([[0, 7]]) });
    const next = listNumbers(read);
    expect([next('1', 0), next('1', 1), next('2', 0), next('3', 1), next('1', 2), next('4', 0), next('5', 0), next('1', 0), next('6', 0), next('1', 0)]).toEqual([
      '一、', '（一）', '五、', 'A)', '5.1.1\t', '', '', '六、', '第七章', '八、',
    ]);
  });

  it('reads the numbering of paragraph styles, each of list and level from the style or the one it is based on', () => {
    expect(readDocStyleNumbering(table(docStyles()), 0, docStyles().bytes.length)).toEqual(
      new Map([
        [1, { list: '1', level: 0 }],
        [2, { list: '1', level: 1 }],
        [7, { list: '0', level: 0 }],
      ]),
    );
  });

  it('a damaged list or style table throws a CompoundFileError', () => {
    const [lists, overrides] = docLists();
    // Levels cut short; overrides past the size the file gives them.
    expect(() => readDocLists(table({ ...lists!, bytes: lists!.bytes.subarray(0, -2) }), 0, 0, 4)).toThrow(/a test damaged/);
    expect(() => readDocLists(table(lists!), 0, 0, lists!.bytes.length)).toThrow(/list overrides are damaged/);
    const stream = new Uint8Array([...lists!.bytes, ...overrides!.bytes]);
    expect(() => readDocLists(reader(stream, 'a test'), 0, lists!.bytes.length, 40)).toThrow(/list overrides are damaged/);
    const styles = docStyles().bytes;
    expect(() => readDocStyleNumbering(reader(styles, 'a test'), 0, styles.length - 4)).toThrow(/style sheet is damaged/);
    expect(() => readDocStyleNumbering(reader(styles, 'a test'), 0, styles.length + 1)).toThrow(/a test damaged/);
  });

  const texts = (bytes: Uint8Array) => lines(bytes).filter(Boolean);

  it('a .doc: each paragraph starts with the number its own list or its style gives, a paragraph taking its style\'s away has none', () => {
    const blocks: WordBlock[] = [
      { text: '总体情况', style: 1 },
      { text: '主动公开', style: 2 },
      { text: '不编号', style: 7 },
      { text: '取消', style: 1, sprms: ILFO(0) },
      { text: '重新起编', sprms: [...ILFO(2), ...ILVL(0)] },
      { text: '字母', sprms: [...ILFO(3), ...ILVL(1)] },
      { text: '法定', style: 2, sprms: ILVL(2) },
      { text: '二级', style: 2 },
      { text: '圆点', sprms: ILFO(4) },
      { text: '无此列表', sprms: ILFO(5) },
      { text: '字符样式', style: 3 },
      { text: '循环', style: 5 },
      '正文',
      { text: '第二章', style: 1 },
      // A page break cuts a paragraph in two lines: the first with text is numbered, once.
      { text: '第三章\f续', style: 1 },
      { text: '\f第四章', style: 1 },
    ];
    expect(texts(word97(blocks, {}, [...docLists(), docStyles()]))).toEqual([
      '一、总体情况', '（一）主动公开', '不编号', '取消', '五、重新起编', 'A)字母', '5.1.1\t法定', '（二）二级', '圆点', '无此列表', '字符样式', '循环', '正文', '六、第二章', '七、第三章', '续', '八、第四章',
    ]);
  });

  it('a .doc: text deleted with the change tracked is left out; a paragraph whose mark is deleted too has no number, and takes none from those after it', () => {
    const blocks: WordBlock[] = [
      { text: '总体情况', style: 1 },
      { text: '删去的一节', style: 1, deleted: 'all' },
      { text: '主动公开', style: 1 },
      // Its text deleted, its mark kept: a numbered paragraph still, empty.
      { text: '删去的文字', style: 1, deleted: 'text' },
      { text: '依申请公开', style: 2 },
    ];
    expect(lines(word97(blocks, {}, [...docLists(), docStyles()]))).toEqual(['一、总体情况', '二、主动公开', '三、', '（一）依申请公开']);
  });

  it('a .doc whose list or style table is damaged reads without numbers, the rest as before', () => {
    const blocks: WordBlock[] = [{ text: '总体情况', style: 1 }, { text: '重新起编', sprms: ILFO(2) }];
    const [lists, overrides] = docLists();
    const plain = ['总体情况', '重新起编'];
    // Lists: 32 767 of them, not there; overrides cut short; a style sheet cut short (the paragraph's own list still numbered).
    expect(texts(word97(blocks, {}, [{ ...lists!, bytes: new Uint8Array([0xff, 0x7f, ...lists!.bytes.subarray(2)]) }, overrides!, docStyles()]))).toEqual(plain);
    expect(texts(word97(blocks, {}, [lists!, { ...overrides!, bytes: overrides!.bytes.subarray(0, 20) }, docStyles()]))).toEqual(plain);
    expect(texts(word97(blocks, {}, [lists!, overrides!, { ...docStyles(), bytes: docStyles().bytes.subarray(0, 30) }]))).toEqual(['总体情况', '五、重新起编']);
    expect(texts(word97(blocks))).toEqual(plain);
  });

  it('list, style and character tables damaged anywhere: the .doc still reads, never an exception (fast-check)', () => {
    const blocks: WordBlock[] = [{ text: '总体情况', style: 1 }, { text: '删去', style: 2, deleted: 'all' }, { text: '重新起编', sprms: [...ILFO(2), ...ILVL(1)] }, { text: '（一）主动公开', style: 7 }];
    const parts = [...docLists(), docStyles()];
    const original = word97(blocks, {}, parts);
    // Where the list tables start in the file (the style sheet and the bin table of the character properties follow),
    // and the page of character properties (the one set of properties it holds ends it).
    const listsAt = Buffer.from(original).indexOf(Buffer.from(parts[0]!.bytes));
    const partsSize = parts.reduce((n, part) => n + part.bytes.length, 0) + 12;
    const pageAt = Buffer.from(original).indexOf(Buffer.from([3, 0x00, 0x08, 1, 0])) - 506;
    expect(pageAt % 512).toBe(0);
    expect([listsAt, pageAt].every((at) => at > 0)).toBe(true);
    const place = fc.oneof(fc.nat(partsSize - 1).map((at) => listsAt + at), fc.nat(511).map((at) => pageAt + at));
    fc.assert(
      fc.property(fc.array(fc.tuple(place, fc.nat(255)), { minLength: 1, maxLength: 12 }), (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        const read = readOffice(bytes);
        if ('reason' in read) throw new Error(read.reason);
        // The text is all there, with or without numbers (unless the damage marked some of it deleted).
        const text = read.doc.lines.map((line) => line.text).join('\n');
        if (edits.every(([at]) => at < pageAt || at >= pageAt + 512)) for (const words of ['总体情况', '重新起编', '主动公开']) expect(text).toContain(words);
      }),
      { numRuns: 300 },
    );
  });

  it('a report whose headings Word numbers by their style, as a .doc: every cell and the narrative read as from the same file with the numbers typed', async () => {
    const report = busyReport2021();
    report.narrative = { overview: '本年度，本机关收到政府信息公开申请 17 件。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
    const blocks = word97Blocks(report);
    const numberedBlocks = blocks.map((block) => (typeof block === 'string' && HEADINGS.includes(block) ? { text: block.slice(2), style: 1 } : block));
    expect(numberedBlocks.filter((block) => typeof block !== 'string' && 'text' in block)).toHaveLength(HEADINGS.length);
    const [fromNumbered, fromPlain] = [await parseReport(word97(numberedBlocks, {}, [...docLists(), docStyles()])), await parseReport(word97(blocks))];
    expect(fromNumbered.report).toEqual(fromPlain.report);
    expect(fromNumbered.report).toMatchObject({ narrative: report.narrative });
    expect(fromNumbered.findings).toEqual(fromPlain.findings);
  });
});

// Each test starts LibreOffice two or three times: on a busy machine that takes longer than the usual 30 s.
describe.skipIf(!SOFFICE)(`Word files LibreOffice numbers${SOFFICE ? '' : ` (skipped: ${NO_SOFFICE})`}`, () => {
  // LibreOffice's own lists, in the number formats Chinese documents use, and headings its outline numbers by their styles
  // (one in a table's cell): saved by it as .docx and as .doc, each read as LibreOffice shows it.
  const FORMATS = ['一, 二, 三, ...', '1', 'A', 'a', 'I', 'i', '①, ②, ③, ...', '壹, 贰, 叁, ...', '甲, 乙, 丙, ...'];
  const fodt = (items = 12, withHeadings = true) => {
    const styles = FORMATS.map(
      (format, i) =>
        `<text:list-style style:name="L${i}"><text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="${format}"/>` +
        `<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="${format}" text:start-value="${i + 1}"/></text:list-style>`,
    );
    const item = (text: string, inner = '') => `<text:list-item><text:p>${text}</text:p>${inner}</text:list-item>`;
    const lists = FORMATS.map((_, i) => {
      const sub = `<text:list>${Array.from({ length: items }, (_, k) => item(`第${i}种细目${k}`)).join('')}</text:list>`;
      return `<text:list text:style-name="L${i}">${item(`第${i}种甲`, sub)}${item(`第${i}种乙`)}</text:list><text:p>正文${i}</text:p>` +
        `<text:list text:style-name="L${i}" text:continue-numbering="true">${item(`第${i}种丙`)}</text:list>`;
    });
    const heading = (level: number, text: string, style = `Heading_20_${level}`) => `<text:h text:style-name="${style}" text:outline-level="${level}">${text}</text:h>`;
    const outline =
      '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>' +
      '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>' +
      '<style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Heading_20_2" style:default-outline-level="2"/>' +
      '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>' +
      '<text:outline-level-style text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/></text:outline-style>';
    const headings =
      `${heading(1, '总体情况')}<text:p>正文</text:p>${heading(2, '主动公开')}${heading(2, '依申请公开', 'Sub')}` +
      `<table:table><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell>${heading(2, '格内')}</table:table-cell>` +
      `<table:table-cell><text:p>格外</text:p></table:table-cell></table:table-row></table:table>${heading(1, '主动公开政府信息情况')}${heading(2, '细目')}`;
    return (
      '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">' +
      `<office:styles>${outline}</office:styles><office:automatic-styles>${styles.join('')}</office:automatic-styles>` +
      `<office:body><office:text>${withHeadings ? headings : ''}${lists.join('')}</office:text></office:body></office:document>`
    );
  };

  it('every numbered paragraph starts with the number LibreOffice shows, in a .docx and in a .doc', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-numbering-'));
    writeFileSync(join(dir, 'word.fodt'), fodt());
    writeFileSync(join(dir, 'word97.fodt'), fodt());
    const [docx] = convert(join(dir, 'word.fodt'), 'docx:MS Word 2007 XML');
    const [doc] = convert(join(dir, 'word97.fodt'), 'doc:MS Word 97');
    const texts = convert([docx!, doc!], 'txt:Text (encoded):UTF8').sort();
    expect(texts.map((text) => basename(text))).toEqual(['word.txt', 'word97.txt']);
    [docx, doc].forEach((file, i) => {
      const shown = readFileSync(texts[i]!, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).map((line) => line.replace(/\s+/g, '')).filter(Boolean);
      expect(shown).toContain('（十二）第0种细目11');
      expect(shown.slice(0, 6)).toEqual(['一、总体情况', '正文', '（一）主动公开', '（二）依申请公开', '（三）格内', '格外']);
      const read = readOffice(new Uint8Array(readFileSync(file!)));
      if ('reason' in read) throw new Error(read.reason);
      expect(read.kind, file).toBe(i === 0 ? 'docx' : 'doc');
      // LibreOffice's text puts white space between a number and its paragraph, where the list has none; and a table's cells as lines.
      expect(read.doc.lines.map((line) => line.text.replace(/\s+/g, '')).filter(Boolean), file).toEqual(shown.filter((line) => line !== '（三）格内' && line !== '格外'));
      expect(read.doc.tables[0]!.rows[0]!.map((cell) => cell.text.trim()), file).toEqual(['（三）格内', '格外']);
    });
  }, 240_000);

  // LibreOffice's Word 2003 XML loses the outline's link to the heading styles, and writes 一, 二, 三 as digits (一〇 for ten): lists of nine.
  it('every numbered paragraph starts with the number LibreOffice shows, in its Word 2003 XML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-numbering-'));
    writeFileSync(join(dir, 'word2003.fodt'), fodt(9, false));
    const [xml] = convert(join(dir, 'word2003.fodt'), 'xml:MS Word 2003 XML');
    const [text] = convert(join(dir, 'word2003.fodt'), 'txt:Text (encoded):UTF8');
    const shown = readFileSync(text!, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).map((line) => line.replace(/\s+/g, '')).filter(Boolean);
    expect(shown).toContain('（九）第0种细目8');
    const bytes = new Uint8Array(readFileSync(xml!));
    expect(readOffice(bytes)).toMatchObject({ kind: 'wordml' });
    expect(lines(bytes).map((line) => line.replace(/\s+/g, '')).filter(Boolean)).toEqual(shown);
  }, 120_000);

  it.each([
    ['docx', 'docx:MS Word 2007 XML'],
    ['doc', 'doc:MS Word 97'],
  ])('a report whose headings are numbered, saved again by LibreOffice as .%s: every cell and the narrative read', async (_, filter) => {
    const report = busyReport2021();
    report.narrative = { overview: '本年度，本机关收到政府信息公开申请 17 件。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
    const dir = mkdtempSync(join(tmpdir(), 'gdr-numbering-'));
    writeFileSync(join(dir, 'numbered.docx'), withNumbering(renderReport(report, { to: 'docx' }), NUMBERING, numberHeadings));
    const [saved] = convert(join(dir, 'numbered.docx'), filter);
    const bytes = new Uint8Array(readFileSync(saved!));
    expect(lines(bytes)).toContain('一、总体情况');
    const result = await parseReport(bytes);
    expect(result.report).toMatchObject({ year: report.year, agency: report.agency, narrative: report.narrative });
    const cells = (r: unknown) => layoutOf('2021').cells.map((cell) => getPath(r, cell.path));
    expect(cells(result.report)).toEqual(cells(report));
  }, 120_000);
});

/**
 * Word's automatic numbering: a heading Word numbers ("一、" as an item of a
 * list) is read with its number, as Word and LibreOffice show it, so the
 * report's sections are found in a .docx whose headings are numbered so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layoutOf, NARRATIVE_SECTIONS } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { readNumbering, readStyleNumbering } from '../src/parse/docx-lists.js';
import { readOffice } from '../src/parse/office.js';
import { formatNumber, listNumbers, type ListLevel, type WordList } from '../src/parse/word-lists.js';
import { renderReport } from '../src/render.js';
import { getPath } from './fixtures/arbitrary.js';
import { busyReport2021 } from './fixtures/reports.js';
import { convert, NO_SOFFICE, SOFFICE } from './fixtures/soffice.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
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

/** A paragraph numbered by list `list` at `ilvl`, its text as given. */
const numbered = (list: string, ilvl: number, text: string, style = '') =>
  `<w:p><w:pPr>${style}<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${list}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const NUMBERING =
  `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>` +
  `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

/** A .docx the library writes, with `numbering` as its numbering part and its document changed by `edit`. */
function withNumbering(docx: Uint8Array, numbering: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(docx);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  files['word/numbering.xml'] = strToU8(numbering);
  const numberingType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering';
  files['word/_rels/document.xml.rels'] = strToU8(strFromU8(files['word/_rels/document.xml.rels']!).replace('</Relationships>', `<Relationship Id="rIdNumbering" Type="${numberingType}" Target="numbering.xml"/></Relationships>`));
  const contentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml';
  files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']!).replace('</Types>', `<Override PartName="/word/numbering.xml" ContentType="${contentType}"/></Types>`));
  return zipSync(files);
}

/** The report's six section headings as Word numbers them: "一、" taken out of the text and made the number of a list. */
const HEADINGS = [...layoutOf('2021').meta.tables.map((t) => t.label), ...NARRATIVE_SECTIONS.map((s) => s.label)];
const numberHeadings = (xml: string) =>
  HEADINGS.reduce(
    (text, heading) =>
      text.replace(
        new RegExp(`<w:p><w:pPr>((?:(?!</w:pPr>).)*)</w:pPr>((?:(?!</w:p>).)*?)<w:t xml:space="preserve">${heading}</w:t>`),
        (_, pPr: string, runs: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${pPr}</w:pPr>${runs}<w:t xml:space="preserve">${heading.slice(2)}</w:t>`,
      ),
    xml,
  );

const lines = (bytes: Uint8Array) => {
  const read = readOffice(bytes);
  if ('reason' in read) throw new Error(read.reason);
  return read.doc.lines.map((line) => line.text);
};

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

// Each test starts LibreOffice, twice for the first: on a busy machine that takes longer than the usual 30 s.
describe.skipIf(!SOFFICE)(`Word files LibreOffice numbers${SOFFICE ? '' : ` (skipped: ${NO_SOFFICE})`}`, () => {
  // LibreOffice's own lists, in the number formats Chinese documents use, saved by it as .docx: read as LibreOffice shows them.
  const FORMATS = ['一, 二, 三, ...', '1', 'A', 'a', 'I', 'i', '①, ②, ③, ...', '壹, 贰, 叁, ...', '甲, 乙, 丙, ...'];
  const fodt = () => {
    const styles = FORMATS.map(
      (format, i) =>
        `<text:list-style style:name="L${i}"><text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="${format}"/>` +
        `<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="${format}" text:start-value="${i + 1}"/></text:list-style>`,
    );
    const item = (text: string, inner = '') => `<text:list-item><text:p>${text}</text:p>${inner}</text:list-item>`;
    const lists = FORMATS.map((_, i) => {
      const sub = `<text:list>${Array.from({ length: 12 }, (_, k) => item(`第${i}种细目${k}`)).join('')}</text:list>`;
      return `<text:list text:style-name="L${i}">${item(`第${i}种甲`, sub)}${item(`第${i}种乙`)}</text:list><text:p>正文${i}</text:p>` +
        `<text:list text:style-name="L${i}" text:continue-numbering="true">${item(`第${i}种丙`)}</text:list>`;
    });
    return (
      '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">' +
      `<office:automatic-styles>${styles.join('')}</office:automatic-styles><office:body><office:text>${lists.join('')}</office:text></office:body></office:document>`
    );
  };

  it('every numbered paragraph starts with the number LibreOffice shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdr-numbering-'));
    writeFileSync(join(dir, 'lists.fodt'), fodt());
    const [docx] = convert(join(dir, 'lists.fodt'), 'docx:MS Word 2007 XML');
    const [text] = convert(docx!, 'txt:Text (encoded):UTF8');
    // LibreOffice's text puts white space between a number and its paragraph, where the list has none.
    const shown = readFileSync(text!, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).map((line) => line.replace(/\s+/g, '')).filter(Boolean);
    expect(shown).toContain('（十二）第0种细目11');
    expect(lines(new Uint8Array(readFileSync(docx!))).map((line) => line.replace(/\s+/g, ''))).toEqual(shown);
  }, 120_000);

  it('a report whose headings are numbered, saved again by LibreOffice: every cell and the narrative read', async () => {
    const report = busyReport2021();
    report.narrative = { overview: '本年度，本机关收到政府信息公开申请 17 件。', problemsAndImprovements: '公开内容还不够全面。', otherMatters: '本年度未收取信息处理费。' };
    const dir = mkdtempSync(join(tmpdir(), 'gdr-numbering-'));
    writeFileSync(join(dir, 'numbered.docx'), withNumbering(renderReport(report, { to: 'docx' }), NUMBERING, numberHeadings));
    const [saved] = convert(join(dir, 'numbered.docx'), 'docx:MS Word 2007 XML');
    const bytes = new Uint8Array(readFileSync(saved!));
    expect(lines(bytes)).toContain('一、总体情况');
    const result = await parseReport(bytes);
    expect(result.report).toMatchObject({ year: report.year, agency: report.agency, narrative: report.narrative });
    const cells = (r: unknown) => layoutOf('2021').cells.map((cell) => getPath(r, cell.path));
    expect(cells(result.report)).toEqual(cells(report));
  }, 120_000);
});

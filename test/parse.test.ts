import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../src/parse.js';
import { compare, corpusEditions, keyFigures, type Json } from '../scripts/corpus-compare.js';
import { cli, folderWith, ROOT } from './fixtures/cli.js';
import { busyReport2021 } from './fixtures/reports.js';
import { layoutOf, type OtherHandlingCounts } from '../src/index.js';
import { leafRows } from '../src/parse/rows.js';
import fc from 'fast-check';
import { renderReport } from '../src/render.js';
import { getPath, reportArbitrary } from './fixtures/arbitrary.js';
import { normalizeLabel } from '../src/parse/normalize.js';

const CORPUS = `${ROOT}test/corpus/`;
const page = (id: string) => readFileSync(`${CORPUS}html/${id}.html`, 'utf8');
const truth = (id: string) => JSON.parse(readFileSync(`${CORPUS}html/truth/${id}.json`, 'utf8')) as Json;
const PAGES = readdirSync(`${CORPUS}html`).filter((f) => f.endsWith('.html')).map((f) => f.replace('.html', ''));
const EDITIONS_OF = corpusEditions(readFileSync(`${CORPUS}index.tsv`, 'utf8'));
const keyTruth = (id: string) => keyFigures(JSON.parse(readFileSync(`${CORPUS}truth/${id}.json`, 'utf8')) as Json, EDITIONS_OF.get(id));
const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);

describe('whole published web pages (corpus html/)', () => {
  it('has the six pages', async () => {
    expect(PAGES).toHaveLength(6);
  });

  it.each(PAGES)('%s: every cell of every table exactly as printed', async (id) => {
    const result = await parseReport(page(id));
    const { differ, missing } = compare(truth(id), result.report);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('P013: a report whose 总计 column is 0 throughout is reported, not corrected', async () => {
    const result = await parseReport(page('P013'));
    expect(result.ok).toBe(false);
    expect(result.report?.applications.received).toMatchObject({ naturalPerson: 2, total: 0 });
    expect(codes(result)).toContain('applications.applicantTotal /applications/received/total');
  });

  it('P001: a table 二 with no 规章 row leaves it blank and says so', async () => {
    const result = await parseReport(page('P001'));
    expect(result.report?.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(codes(result)).toContain('parse.rowMissing /proactive/regulations');
  });

  it('P004: a fourth, local table is kept as extras, with the renumbered sections', async () => {
    const result = await parseReport(page('P004'));
    expect(result.extras.map((e) => e.label)).toContain('通知收取件数');
    expect(codes(result)).toContain('parse.extraRow ');
  });

  it('P006: the 2019 edition told from its labels, the amount in 元 read as 万元', async () => {
    const result = await parseReport(page('P006'));
    expect(result.edition).toBe('2019');
    expect(result.report?.year).toBe(2019);
    expect(result.provenance['/proactive/procurement/amount']).toMatchObject({ raw: '147230元', kind: 'number' });
    expect(result.report?.proactive).toMatchObject({ procurement: { amount: '14.7230' } });
  });

  it('P008: an amount with six decimals keeps its raw text; the report has four, with money.precision', async () => {
    const result = await parseReport(page('P008'));
    expect(result.provenance['/proactive/fees/amount']?.raw).toBe('4166.214619');
    expect(result.report?.proactive).toMatchObject({ fees: { amount: '4166.2146' } });
    expect(codes(result)).toContain('money.precision /proactive/fees/amount');
  });

  it('provenance points at each cell in the input', async () => {
    const html = page('P016');
    const result = await parseReport(html);
    const received = result.provenance['/applications/received/naturalPerson']!;
    expect(html.slice(received.offset, received.offset + 3)).toBe('<td');
    expect(Object.keys(result.provenance)).toHaveLength(203 - 3);
  });

  it('reads year and agency from the title', async () => {
    expect((await parseReport(page('P016'))).report).toMatchObject({ year: 2022, agency: '平潭综合实验区行政审批局' });
  });
});

describe('labels are matched after normalisation', () => {
  it('traditional characters and half-width punctuation read the same', async () => {
    const html = page('P016');
    const mirrored = html
      .replaceAll('本年制发件数', '本年制發件數')
      .replaceAll('行政规范性文件', '行政規範性文件')
      .replaceAll('（三）不予公开', '(三)不予公開')
      .replaceAll('1.属于国家秘密', '1、屬於國家秘密')
      .replaceAll('结转下年度继续办理', '結轉下年度繼續辦理');
    expect(mirrored).not.toBe(html);
    expect((await parseReport(mirrored)).report).toEqual((await parseReport(html)).report);
  });

  it('in text, an amount under a header in 元 is converted to 万元, as in HTML', async () => {
    const fee = async (header: string) =>
      (
        await parseReport(
          ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 0 0 0', '第二十条第（八）项', `信息内容 ${header}`, '行政事业性收费 147230', '三、收到和处理政府信息公开申请情况'].join('\n'),
        )
      ).report?.proactive.fees;
    expect(await fee('本年收费金额（单位：元）')).toEqual({ amount: '14.7230' });
    expect(await fee('本年收费金额（单位：万元）')).toEqual({ amount: '147230.0000' });
  });

  it('the fee header of the local template, 本年收费金额（单位：万元，保留4位小数）, names the fee column', async () => {
    const html = page('P016');
    const local = html.replace('本年收费金额（单位：万元）', '本年收费金额（单位：万元，保留4位小数）');
    expect(local).not.toBe(html);
    const result = await parseReport(local);
    expect(result.report?.proactive.fees).toEqual((await parseReport(html)).report?.proactive.fees);
    expect(result.provenance['/proactive/fees/amount']).toMatchObject({ kind: 'number' });
  });

  describe('a numbered label with a slip in its words (raw/009 prints 2.其他法律行政止公开)', () => {
    const PROHIBITED = '/applications/outcomes/denied/prohibitedByLawOrRegulation';
    const withLabel = async (label: string) => {
      const html = page('P016');
      const result = await parseReport(html.replace('2.其他法律行政法规禁止公开', label));
      return { result, read: (await parseReport(html)).report?.applications.outcomes.denied.prohibitedByLawOrRegulation };
    };

    it('is read as the row of its number, and the printed label is given', async () => {
      const { result, read } = await withLabel('2.其他法律行政止公开');
      expect(result.report?.applications.outcomes.denied.prohibitedByLawOrRegulation).toEqual(read);
      expect(result.findings).toContainEqual(expect.objectContaining({ code: 'parse.labelVariant', path: PROHIBITED, actual: '2.其他法律行政止公开', severity: 'info' }));
    });

    it('in text too: raw/009 reads the row, with the finding', async () => {
      const result = await parseReport(readFileSync(`${CORPUS}raw/009.txt`, 'utf8'));
      expect(result.provenance[`${PROHIBITED}/total`]).toMatchObject({ raw: '0', kind: 'number' });
      expect(codes(result)).toContain(`parse.labelVariant ${PROHIBITED}`);
    });

    it.each([
      ['other words', '2.其他违法事项'],
      ['another number', '3.其他法律行政止公开'],
      ['no number', '其他法律行政止公开'],
    ])('is not read with %s', async (_, label) => {
      const { result } = await withLabel(label);
      expect(result.report?.applications.outcomes.denied.prohibitedByLawOrRegulation.total).toBeNull();
      expect(codes(result)).toContain(`parse.rowMissing ${PROHIBITED}`);
    });
  });

  it('a placeholder or text in a cell is recorded as such, never as a number', async () => {
    const html = page('P016').replace('>7677<', '>—<');
    const result = await parseReport(html);
    expect(result.report?.proactive).toMatchObject({ licensing: { decisions: null } });
    expect(result.provenance['/proactive/licensing/decisions']).toMatchObject({ raw: '—', kind: 'placeholder' });
  });
});

describe('plain text as other tools extract it', async () => {
  const text = (path: string) => readFileSync(`${CORPUS}${path}`, 'utf8');

  it('the seed report parses into exactly the bundled example', async () => {
    const result = await parseReport(readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8'));
    expect(result.report).toEqual(JSON.parse(readFileSync(`${ROOT}examples/biandong-2021.json`, 'utf8')));
    expect(result.findings).toEqual([]);
    // Its junk (a stray 471 before a label, a label printed twice) is not read as a figure.
    expect(result.provenance['/applications/outcomes/denied/prohibitedByLawOrRegulation/naturalPerson']).toMatchObject({ raw: '0', kind: 'number' });
  });

  it.each(['009', '010', '012', '011', '008'])('raw/%s.txt: every key figure read and right (or printed blank)', async (id) => {
    const result = await parseReport(text(`raw/${id}.txt`));
    expect(compare(keyTruth(id), result.report, result.provenance)).toMatchObject({ differ: [], missing: [] });
  });

  it('raw/008.txt: a blank cell is null, with kind blank, where the truth file reads it as 0', async () => {
    const result = await parseReport(text('raw/008.txt'));
    const { blank } = compare(keyTruth('008'), result.report, result.provenance);
    // 16 printed blanks the truth file reads as 0, and 予以公开's printed-blank 总计, which the canonical report derives.
    expect(blank).toHaveLength(17);
    expect(blank).toContain('/applications/received/researchInstitution');
    expect(blank).toContain('/applications/outcomes/granted/total');
    expect(result.report?.applications.outcomes.granted.total).toBe(272);
    expect(result.provenance['/applications/received/researchInstitution']).toMatchObject({ kind: 'blank' });
    expect(result.report?.applications.received.researchInstitution).toBeNull();
  });

  it('raw/009.txt (PDF text): all key figures read, and the report’s own errors in table 四 reported as they stand', async () => {
    const result = await parseReport(text('raw/009.txt'));
    expect(compare(keyTruth('009'), result.report).missing).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.path}`)).toEqual([
      'reviewAndLitigation.total /reviewAndLitigation/administrativeReview/total',
      'reviewAndLitigation.total /reviewAndLitigation/litigationAfterReview/total',
    ]);
  });

  it('PDF text: a label wrapped around its figures, and a label after a stray vertical-header character, are read', async () => {
    const result = await parseReport(text('raw/009.txt'));
    // （二）部分公开（…不 / 4 0 0 0 0 0 4 / 计其他情形）
    expect(result.report?.applications.outcomes.partiallyGranted).toMatchObject({ naturalPerson: 4, total: 4 });
    // 5.要求行政机关确认或重 新出具 / 0 0 0 0 0 0 0 / 已获取信息
    expect(result.report?.applications.outcomes.notProcessed.confirmOrReissue).toMatchObject({ naturalPerson: 0, total: 0 });
    // 度 4.保护第三方合法权益 0 0 0 0 0 0 0
    expect(result.provenance['/applications/outcomes/denied/thirdPartyRights/total']).toMatchObject({ raw: '0', kind: 'number' });
    // 1 0 0 0 0 0 1 / 1.属于国家秘密: this table prints lone figures before their labels, so they are that label's.
    expect(result.report?.applications.outcomes.denied.stateSecret).toMatchObject({ naturalPerson: 1, total: 1 });
    // 10 0 0 0 0 0 10 / 1.本机关不掌握… / （四）无法提供 / 3 0 0 0 0 0 3 / 2.没有现成信息…
    expect(result.report?.applications.outcomes.unableToProvide).toMatchObject({ notHeld: { total: 10 }, needsNewCreation: { total: 3 } });
    expect(result.provenance['/applications/outcomes/unableToProvide/notHeld/total']).toMatchObject({ raw: '10' });
  });

  it('PDF text from two tools (pdfplumber in raw/, pypdf in variants/) reads every cell as the PDF itself does', async () => {
    const cells = (report: unknown) => layoutOf('2021').cells.map((c) => c.path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report));
    for (const id of ['009', '010', '012']) {
      const fromPdf = cells((await parseReport(new Uint8Array(readFileSync(`${CORPUS}pdf/${id}.pdf`)))).report);
      for (const path of [`raw/${id}.txt`, `variants/${id}.pypdf.txt`]) expect(cells((await parseReport(text(path))).report), path).toEqual(fromPdf);
    }
  });

  it('sums over cells it could not read are not judged: no made-up arithmetic errors', async () => {
    // raw/010's template has no rows under （六）其他处理.
    const result = await parseReport(text('raw/010.txt'));
    expect(result.findings.some((f) => f.code === 'parse.rowMissing')).toBe(true);
    expect(result.findings.filter((f) => f.code.startsWith('applications.'))).toEqual([]);
  });

  describe('blank cells between | separators', () => {
    const table3 = (...lines: string[]) => parseReport(['三、收到和处理政府信息公开申请情况', ...lines, '四、政府信息公开行政复议、行政诉讼情况'].join('\n'));

    it('a blank cell inside a row is a blank, null, not a shift of the figures after it', async () => {
      const result = await table3('| 一、本年新收政府信息公开申请数量 | 821 | 35 |  |  | 2 | 1 | 859 |');
      expect(result.report?.applications.received).toEqual({
        naturalPerson: 821, commercialEnterprise: 35, researchInstitution: null, publicInterestOrganization: null, legalServiceAgency: 2, otherOrganization: 1, total: 859,
      });
      expect(result.provenance['/applications/received/researchInstitution']).toMatchObject({ raw: '', kind: 'blank' });
    });

    it('padding columns at either end are left out (| label |  | figures | ||)', async () => {
      const result = await table3('| 一、本年新收政府信息公开申请数量 |  | 5 | 0 | 0 | 0 | 0 | 0 | 5 | ||');
      expect(result.report?.applications.received.total).toBe(5);
    });

    it('a blank at the end that may be padding or the row’s own leaves the row unread, with a finding', async () => {
      const result = await table3('| （一）予以公开 |  | 258 | 12 |  |  | 1 | 1 |  |');
      expect(result.report?.applications.outcomes.granted.naturalPerson).toBeNull();
      expect(codes(result)).toContain('parse.unreadableCell /applications/outcomes/granted');
    });

    it('a word in a figure’s place keeps its place: read as text (unreadable), the figures after it not shifted', async () => {
      for (const word of ['－', '不适用']) {
        const result = await table3(`|  | （一）予以公开 |  | 258 | 12 | ${word} | 0 | 1 | 1 | 272 |`);
        expect(result.report?.applications.outcomes.granted).toEqual({
          naturalPerson: 258, commercialEnterprise: 12, researchInstitution: null, publicInterestOrganization: 0, legalServiceAgency: 1, otherOrganization: 1, total: 272,
        });
        expect(result.provenance['/applications/outcomes/granted/researchInstitution']).toMatchObject({ raw: word });
      }
    });

    it('a figure inside a label’s own | cell is part of the label: （一）予以公开（含 3 件依申请）', async () => {
      const result = await table3('| （一）予以公开（含 3 件依申请） | 5 | 0 | 0 | 0 | 0 | 0 |  |');
      expect(result.report?.applications.outcomes.granted).toMatchObject({ naturalPerson: 5, commercialEnterprise: 0, otherOrganization: 0 });
    });

    it('a blank left inside once the padding is trimmed leaves the row unread: it may be a merged cell, not padding', async () => {
      const result = await parseReport(
        ['二、主动公开政府信息情况', '第二十条第（一）项', '| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |', '| 规章 |  | 13 |  | 524 |', '| 规范性文件 | 60 | 60 | 368 |', '三、收到和处理政府信息公开申请情况'].join('\n'),
      );
      expect(result.edition).toBe('2019');
      expect(result.report?.proactive).toMatchObject({ regulations: { newlyMade: null, newlyPublished: null, totalPublished: null }, normativeDocuments: { newlyMade: 60 } });
      expect(codes(result)).toContain('parse.unreadableCell /proactive/regulations');
    });

    it('a header line ending in padding (总计 | |||||||) is not a row of blanks', async () => {
      const result = await table3('自然人 | 法人或其他组织 | 總計 | |||||||', '一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5');
      expect(Object.keys(result.provenance).filter((pointer) => pointer.startsWith('/applications/outcomes/total/'))).toEqual([]);
      expect(result.report?.applications.received.total).toBe(5);
    });
  });

  it('rows written as | separated cells (raw/013.txt, cut mid-table)', async () => {
    const result = await parseReport(text('raw/013.txt'));
    expect(result.report?.applications.received).toMatchObject({ naturalPerson: 58, commercialEnterprise: 7, total: 66 });
    // The last row lost a cell: it is reported, not read.
    expect(result.report?.applications.outcomes.denied.lawEnforcementFile.naturalPerson).toBeNull();
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain('parse.unreadableCell /applications/outcomes/denied/lawEnforcementFile');
  });

  it('one cell per paragraph (raw/015.txt, cut after (三)3): the rows there are read, the rest said missing', async () => {
    const result = await parseReport(text('raw/015.txt'));
    expect(result.report?.proactive).toMatchObject({ normativeDocuments: { issued: 0, repealed: 0, inForce: 0 }, fees: { amount: '0.0000' } });
    expect(result.report?.applications.outcomes.denied.endangersSecurityOrStability).toMatchObject({ naturalPerson: 0, total: 0 });
    expect(result.report?.applications.outcomes.denied.thirdPartyRights.naturalPerson).toBeNull();
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain('parse.rowMissing /applications/outcomes/denied/thirdPartyRights');
  });

  it('Markdown pieces (raw/011.txt): table 三 in many small tables, table 四 one per group; every key figure read', async () => {
    const result = await parseReport(text('raw/011.txt'));
    expect(compare(keyTruth('011'), result.report)).toMatchObject({ differ: [], missing: [] });
    expect(result.report?.reviewAndLitigation.litigationAfterReview).toEqual({ upheld: 8, corrected: 0, otherResult: 1, pending: 1, total: 10 });
    // The |---| rule under a Markdown header is no row of placeholders.
    expect(Object.values(result.provenance).some((p) => p.kind === 'placeholder')).toBe(false);
  });

  it('a page whose tables were images says so (fragments/F05.txt)', async () => {
    expect((await parseReport(text('fragments/F05.txt'))).findings.map((f) => f.code)).toContain('parse.imagesInsteadOfTables');
  });
});

describe('pages flattened with no separators: glued digit runs split by the table’s arithmetic', () => {
  const text = (path: string) => readFileSync(`${CORPUS}${path}`, 'utf8');

  it('raw/001.txt: 151|3|0|0|0|0|154 and the rest recovered; never a wrong figure', async () => {
    const result = await parseReport(text('raw/001.txt'));
    expect(compare(keyTruth('001'), result.report).differ).toEqual([]);
    expect(result.report?.applications.received).toEqual({
      naturalPerson: 151, commercialEnterprise: 3, researchInstitution: 0, publicInterestOrganization: 0,
      legalServiceAgency: 0, otherOrganization: 0, total: 154,
    });
    // 330000033 is 3|30|…|33 or 33|0|…|33 by its own row; the outcome totals tell which.
    expect(result.report?.applications.outcomes.granted).toMatchObject({ naturalPerson: 33, commercialEnterprise: 0, total: 33 });
    expect(result.report?.reviewAndLitigation.administrativeReview).toEqual({ upheld: 25, corrected: 3, otherResult: 8, pending: 0, total: 36 });
  });

  it('raw/001.txt: a three-column row of table 二 with several splits is left blank, with the candidates', async () => {
    const result = await parseReport(text('raw/001.txt'));
    expect(result.report?.proactive.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    const ambiguous = result.findings.find((f) => f.code === 'parse.ambiguous')!;
    expect(ambiguous).toMatchObject({ path: '/proactive/normativeDocuments', actual: '5845546' });
    expect(ambiguous.code === 'parse.ambiguous' && ambiguous.candidates).toContain('58|45|546');
    expect(ambiguous.code === 'parse.ambiguous' && ambiguous.candidates).toHaveLength(15);
  });

  it('raw/006.txt: the report’s own outcome totals, which do not add up, are reported, not fixed', async () => {
    const result = await parseReport(text('raw/006.txt'));
    expect(compare(keyTruth('006'), result.report, result.provenance)).toMatchObject({ differ: [], missing: [] });
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toEqual(
      expect.arrayContaining(['applications.outcomeTotal /applications/outcomes/total/naturalPerson', 'applications.outcomeTotal /applications/outcomes/total/total']),
    );
  });

  it('a run of a million digits costs bounded time and is not read', async () => {
    const started = performance.now();
    const result = await parseReport(`二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章${'1'.repeat(1_000_000)}`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.report?.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: null });
  });
});

describe('PDF files, their lines rebuilt from the text positions', () => {
  const pdf = (id: string) => new Uint8Array(readFileSync(`${CORPUS}pdf/${id}.pdf`));

  it.each(['009', '010', '012'])('pdf/%s.pdf: every key figure read, and exactly right', async (id) => {
    const { differ, missing } = compare(keyTruth(id), (await parseReport(pdf(id))).report);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('at least as many cells as the text another tool extracted from the same PDF', async () => {
    for (const id of ['009', '010', '012']) {
      const fromPdf = Object.keys((await parseReport(pdf(id))).provenance).length;
      const fromText = Object.keys((await parseReport(readFileSync(`${CORPUS}raw/${id}.txt`, 'utf8'))).provenance).length;
      expect(fromPdf, id).toBeGreaterThanOrEqual(fromText);
    }
  });

  it('gives each figure its page and position', async () => {
    const result = await parseReport(pdf('009'));
    expect(result.provenance['/proactive/penalties/decisions']).toMatchObject({ raw: '4119', kind: 'number', page: 3 });
    expect(result.provenance['/proactive/penalties/decisions']!.x).toBeGreaterThan(300);
  });

  it('reports pdf/009’s own arithmetic errors in table 四, not corrected', async () => {
    const errors = (await parseReport(pdf('009'))).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.path)).toEqual(['/reviewAndLitigation/administrativeReview/total', '/reviewAndLitigation/litigationAfterReview/total']);
  });
});

describe('reports the library renders, generated (fast-check)', () => {
  const cellValues = (report: unknown, edition: '2021' | '2019') => layoutOf(edition).cells.map((cell) => ({ pointer: cell.pointer, value: getPath(report, cell.path) }));

  it.each(['2021', '2019'] as const)('edition %s: its HTML parses back into exactly its tables', async (edition) => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary(edition), async (report) => {
        const parsed = (await parseReport(renderReport(report, { to: 'html' }))).report;
        expect(cellValues(parsed, edition)).toEqual(cellValues(report, edition));
      }),
      { numRuns: 25 },
    );
  });

  // Shares of the cells given (not blank) read back, over a whole run. Measured over 200 reports of each
  // edition (and again over 1,000): Markdown reads 100 % of them (2021 and 2019; 94.6 % and 93.8 % before
  // its rows framed by pipes were read as a grid, a blank in the last column no longer taken for padding),
  // text 65.8 % (2021) and 67.1 % (2019) (its rows of figures are spaced, and a blank cell in a row leaves
  // the row unread).
  const FLOOR = { markdown: 0.95, text: 0.6 };
  it.each(['2021', '2019'] as const)('edition %s: its Markdown and text give no wrong figure, and most figures (in text, a blank the layout hides leaves a row unread)', async (edition) => {
    const tally = { markdown: { given: 0, read: 0 }, text: { given: 0, read: 0 } };
    await fc.assert(
      fc.asyncProperty(reportArbitrary(edition), fc.constantFrom('markdown' as const, 'text' as const), async (report, to) => {
        const source = cellValues(report, edition);
        const parsed = cellValues((await parseReport(renderReport(report, { to }))).report, edition);
        expect(parsed.filter((cell, i) => cell.value !== null && cell.value !== source[i]!.value)).toEqual([]);
        const given = source.flatMap((cell, i) => (cell.value === null ? [] : [i]));
        tally[to].given += given.length;
        tally[to].read += given.filter((i) => parsed[i]!.value === source[i]!.value).length;
      }),
      { numRuns: 40 },
    );
    for (const to of ['markdown', 'text'] as const) expect(tally[to].read / tally[to].given, to).toBeGreaterThanOrEqual(FLOOR[to]);
  });
});

describe('never a wrong figure: what cannot be checked is left blank, with a finding', () => {
  const p016 = () => page('P016');

  describe('a line of figures alone between two labels, as PDF text tools print a tall row', () => {
    const outcomes = async (...lines: string[]) => {
      const result = await parseReport(['三、收到和处理政府信息公开申请情况', ...lines, '四、政府信息公开行政复议、行政诉讼情况'].join('\n'));
      return { result, outcomes: result.report!.applications.outcomes };
    };
    const NEXT = ['8.属于行政查询事项 0 0 0 0 0 0 0', '2 0 0 0 0 0 2', '1.本机关不掌握相关政府信息'];

    it('goes to neither label when nothing in the table shows on which side figures stand', async () => {
      const { result, outcomes: o } = await outcomes('（一）予以公开 5 0 0 0 0 0 5', '1.属于国家秘密', '1 0 0 0 0 0 1', '2.其他法律行政法规禁止公开');
      expect([o.denied.stateSecret.total, o.denied.prohibitedByLawOrRegulation.total]).toEqual([null, null]);
      expect(codes(result)).toEqual(expect.arrayContaining(['parse.rowMissing /applications/outcomes/denied/stateSecret', 'parse.rowMissing /applications/outcomes/denied/prohibitedByLawOrRegulation']));
    });

    it('relies on no row label of a table beginning another: a label put together from pieces is whole when it equals one', () => {
      for (const edition of ['2021', '2019'] as const) {
        const layout = layoutOf(edition);
        for (const table of layout.meta.tables) {
          const labels = leafRows(layout, table).map((row) => normalizeLabel(row.label));
          expect(labels.filter((a) => labels.some((b) => b !== a && b.startsWith(a))), `${edition} ${table.key}`).toEqual([]);
        }
      }
    });

    it('is not read as a glued page either: figures on a line of their own are glued to no label', async () => {
      const { result, outcomes: o } = await outcomes('1.属于国家秘密', '1 0 0 0 0 0 1', '2.其他法律行政法规禁止公开');
      expect([o.denied.stateSecret.total, o.denied.prohibitedByLawOrRegulation.total]).toEqual([null, null]);
      expect(codes(result)).toContain('parse.tableMissing /applications');
    });

    it('goes to the label after it where another line can only be the next label’s', async () => {
      const { outcomes: o } = await outcomes(...NEXT, '3 0 0 0 0 0 3', '2.没有现成信息需要另行制作');
      expect([o.unableToProvide.notHeld.total, o.unableToProvide.needsNewCreation.total]).toEqual([2, 3]);
    });

    it('goes to the label before it where another line can only be the previous label’s', async () => {
      const { outcomes: o } = await outcomes('1.本机关不掌握相关政府信息', '2 0 0 0 0 0 2', '2.没有现成信息需要另行制作', '3 0 0 0 0 0 3', '3.补正后申请内容仍不明确 0 0 0 0 0 0 0');
      expect([o.unableToProvide.notHeld.total, o.unableToProvide.needsNewCreation.total]).toEqual([2, 3]);
    });

    it('goes to neither where the table shows both directions', async () => {
      const { outcomes: o } = await outcomes(...NEXT, '2.没有现成信息需要另行制作', '3 0 0 0 0 0 3', '3.补正后申请内容仍不明确 0 0 0 0 0 0 0');
      expect([o.unableToProvide.notHeld.total, o.unableToProvide.needsNewCreation.total]).toEqual([null, null]);
    });

    it('is not evidence beside a line of text that names no row: that line may be a label', async () => {
      const { outcomes: o } = await outcomes('8.属于行政查询事项（本单位自定）', '2 0 0 0 0 0 2', '1.本机关不掌握相关政府信息');
      expect(o.unableToProvide.notHeld.total).toBeNull();
    });

    it('with another count of figures than the row has columns, is not the row’s', async () => {
      const { result, outcomes: o } = await outcomes(...NEXT, '3 0 0 0 0 3', '2.没有现成信息需要另行制作');
      expect([o.unableToProvide.notHeld.total, o.unableToProvide.needsNewCreation.total]).toEqual([2, null]);
      expect(codes(result)).toContain('parse.unreadableCell /applications/outcomes/unableToProvide/needsNewCreation');
    });

    it('goes to a label with a slip in its words, on a line of its own, with parse.labelVariant', async () => {
      const { result, outcomes: o } = await outcomes('1.属于国家秘密 0 0 0 0 0 0 0', '3 0 0 0 0 0 3', '2.其他法律行政止公开', '3.危及“三安全一稳定” 0 0 0 0 0 0 0');
      expect(o.denied.prohibitedByLawOrRegulation.total).toBe(3);
      expect(codes(result)).toContain('parse.labelVariant /applications/outcomes/denied/prohibitedByLawOrRegulation');
    });

    it('takes a group’s label (（六）其他处理) for a line that may own figures, never as see-through', async () => {
      const { result } = await outcomes(
        '自然人 商业 科研 社会 法律 其他 总计', '5 0 0 0 0 0 5', '一、本年新收政府信息公开申请数量', '1 0 0 0 0 0 1', '二、上年结转政府信息公开申请数量',
        '2 0 0 0 0 0 2', '（一）予以公开', '3 0 0 0 0 0 3', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1 0 0 0 0 0 1', '（六）其他处理',
        '（七）总计 6 0 0 0 0 0 6',
      );
      const { received, carriedOver, outcomes: o } = result.report!.applications;
      // Figures before labels, or after them with （六） printing its own: either reading is possible, so neither is taken.
      expect([received.total, carriedOver.total, o.granted.total, o.partiallyGranted.total]).toEqual([null, null, null, null]);
    });

    it('takes a lone figure (a page number, 3) for neither a row’s figures nor a sign of the layout', async () => {
      const { outcomes: o } = await outcomes(
        '（一）予以公开', '2 0 0 0 0 0 2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', '1 0 0 0 0 0 1',
        '（三）不予公开', '1.属于国家秘密', '0 0 0 0 0 0 0', '2.其他法律行政止公开', '2 0 0 0 0 0 2', '3.危及“三安全一稳定” 0 0 0 0 0 0 0',
      );
      // Figures after labels (the last line shows it); the 3 between （二） and its figures makes （二） unsure.
      expect([o.granted.total, o.partiallyGranted.total, o.denied.stateSecret.total, o.denied.prohibitedByLawOrRegulation.total]).toEqual([2, null, 0, 2]);
    });

    it('in table 二 too: a bare page number under a one-figure row is not its figure', async () => {
      const result = await parseReport(
        ['二、主动公开政府信息情况', '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚', '2', '行政强制 7', '三、收到和处理政府信息公开申请情况'].join('\n'),
      );
      expect(result.report?.proactive).toMatchObject({ penalties: { decisions: null }, coercion: { decisions: 7 } });
    });

    it('a row printed twice with other figures, on one line or over several, is unsure: null, with parse.ambiguous', async () => {
      const twice = await outcomes('（一）予以公开 3 0 0 0 0 0 3', '（一）予以公开 4 0 0 0 0 0 4');
      expect(twice.outcomes.granted.total).toBeNull();
      expect(codes(twice.result)).toContain('parse.ambiguous /applications/outcomes/granted');
      const stacked = await outcomes(
        '（二）部分公开（区分处理的，只计这一情 形，不', '4 0 0 0 0 0 4', '计其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 9 0 0 0 0 0 9',
      );
      expect(stacked.outcomes.partiallyGranted.total).toBeNull();
      expect(codes(stacked.result)).toContain('parse.ambiguous /applications/outcomes/partiallyGranted');
    });

    it('skips page numbers and pieces of the vertical headers, but not a label’s own words found in a heading', async () => {
      // 息公开申请 is also in the heading 三、收到和处理政府信息公开申请情况.
      const { outcomes: o } = await outcomes(
        '1、申请人无正当理由逾期不补', '- 4 -', '正、行政机关不再处理其政府信 67 3 0 0 1 0 71', '息公开申请',
        '（六）其', '2、申请人逾期未按收费通知要', '他处理', '求缴纳费用、行政机关不再处理 6 0 0 0 0 0 6', '其政府信息公开申请',
      );
      const other = o.otherHandling as OtherHandlingCounts;
      expect([other.noCorrectionInTime.total, other.feeNotPaidInTime.total]).toEqual([71, 6]);
    });
  });

  it('table 四 in text takes only a line with one figure per cell: not a year above, not a page number', async () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '2020 年,我单位没有行政复议。',
      '结果维持 结果纠正 其他结果 尚未审结 总计',
      '0 0 0 0 0 0 0 0 0 0 0 0 0 0',
      '第 4 页',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const result = await parseReport(text);
    expect(Object.values(result.report!.reviewAndLitigation).flatMap((g) => Object.values(g))).toEqual(Array(15).fill(null));
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain('parse.unreadableCell /reviewAndLitigation');
  });

  it('table 四 with a column its headers do not name (a 合计) is left unread or read by its headers, not shifted', async () => {
    // A 合计 header beside 复议后起诉, and a 99 at the end of the line of figures, whose figures are
    // distinct (1 2 3 0 6 | 2 0 1 1 4 | 3 1 0 2 6) so that a shift would show.
    const figures = [1, 2, 3, 0, 6, 2, 0, 1, 1, 4, 3, 1, 0, 2, 6];
    const page = p016();
    const line = page.lastIndexOf('<tr', page.indexOf('</table>', page.indexOf('复议后起诉')));
    let k = 0;
    const numbered = page.slice(0, line) + page.slice(line).replace(/>0<\/p>/g, (zero) => (k < figures.length ? `>${figures[k++]}</p>` : zero));
    expect(k).toBe(15);
    const html = numbered
      .replace(/(>复议后起诉<\/p><\/td>)/, '$1<td rowspan="2">合计</td>')
      .replace(/(<\/td>)(<\/tr><\/tbody><\/table><\/div>)/, '$1<td>99</td>$2');
    expect(html.match(/合计|>99</g)).toHaveLength(2);
    const result = await parseReport(html);
    const table = result.report!.reviewAndLitigation;
    const read = [table.administrativeReview, table.litigationWithoutReview, table.litigationAfterReview].flatMap((group) => [group.upheld, group.corrected, group.otherResult, group.pending, group.total]);
    // Each cell its own figure (the 合计 column is named by no header, so set aside) or blank: never its neighbour's.
    expect(read.map((value, i) => (value === null ? figures[i] : value))).toEqual(figures);
  });

  it('an earlier table that mentions 行政复议 and 行政诉讼 lends table 四 no figure', async () => {
    const html = p016().replace('<table', '<table><tr><td>行政复议</td><td>行政诉讼</td><td>2024</td></tr></table><table');
    const values = Object.values((await parseReport(html)).report!.reviewAndLitigation).flatMap((g) => Object.values(g));
    expect(values).not.toContain(2024);
  });

  it('an amount whose header says 元 is converted to 万元', async () => {
    const html = page('P006').replace('147230元', '147230').replace('采购总金额', '采购总金额（元）');
    expect((await parseReport(html)).report?.proactive).toMatchObject({ procurement: { amount: '14.7230' } });
  });

  it('a second 行政许可 row with other figures (a local sub-row) makes the row unsure: blank, not overwritten', async () => {
    const html = p016().replace(/(<tr[^>]*>(?:(?!<tr)[\s\S])*?行政许可(?:(?!<tr)[\s\S])*?<\/tr>)/, '$1<tr><td>行政许可（告知承诺制）</td><td>9</td></tr>');
    expect(html).toContain('告知承诺制');
    const result = await parseReport(html);
    expect(result.report?.proactive).toMatchObject({ licensing: { decisions: null } });
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain('parse.ambiguous /proactive/licensing');
  });

  it('a footnote mark inside a figure makes it text, not a bigger number', async () => {
    const result = await parseReport(p016().replace('>7677<', '>7677<sup>1</sup><'));
    expect(result.report?.proactive).toMatchObject({ licensing: { decisions: null } });
    expect(result.findings.map((f) => f.code)).toContain('parse.unreadableCell');
  });

  it('hostile spans and huge tables cost bounded time and never throw', async () => {
    const spans = `<table><tr><td>一、本年新收政府信息公开申请数量</td></tr>${'<tr><td rowspan=999 colspan=999>1</td></tr>'.repeat(100)}</table>`;
    const rows = `<table><tr><td>一、本年新收政府信息公开申请数量</td></tr>${'<tr><td>1</td></tr>'.repeat(125_000)}</table>`;
    for (const html of [spans, rows]) {
      const started = performance.now();
      await expect(parseReport(html)).resolves.toMatchObject({ ok: false });
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});

describe('the local 小计 column and subtotal rows', () => {
  // Table 三 of the built report, as a page with a 小计 column after 其他 and a subtotal row under （三）不予公开.
  function withSubtotals(wrongSubtotal: boolean): string {
    const report = busyReport2021();
    const leaves = layoutOf('2021').cells.filter((c) => c.table.key === 'applications' && c.column.key === 'total');
    const value = (pointer: string) => pointer.slice(1).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report) as number;
    const columns = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicInterestOrganization', 'legalServiceAgency', 'otherOrganization'];
    const row = (labels: string[], figures: number[]) => `<tr>${labels.map((l) => `<td>${l}</td>`).join('')}${figures.map((f) => `<td>${f}</td>`).join('')}</tr>`;
    const lines = leaves.map((leaf) => {
      const base = leaf.pointer.replace(/\/total$/, '');
      const figures = columns.map((c) => value(`${base}/${c}`));
      const organisations = figures.slice(1).reduce((a, b) => a + b, 0);
      const subtotal = wrongSubtotal && base.endsWith('/received') ? organisations + 1 : organisations;
      return row([leaf.rows.length > 2 ? leaf.rows[1]!.label : '', leaf.rows.at(-1)!.label], [...figures, subtotal, value(leaf.pointer)]);
    });
    const denied = columns.map((c) => ['stateSecret', 'prohibitedByLawOrRegulation', 'endangersSecurityOrStability', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'lawEnforcementFile', 'administrativeQuery'].reduce((sum, key) => sum + value(`/applications/outcomes/denied/${key}/${c}`), 0));
    lines.splice(11, 0, row(['（三）不予公开', '小计'], [...denied, denied.slice(1).reduce((a, b) => a + b, 0) , denied.reduce((a, b) => a + b, 0) + (wrongSubtotal ? 1 : 0)]));
    const header = row(['', ''], []).replace('</tr>', `${['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计', '总计'].map((h) => `<td>${h}</td>`).join('')}</tr>`);
    return `<p>三、收到和处理政府信息公开申请情况</p><table>${header}${lines.join('')}</table>`;
  }

  it('is checked, then left out: the seven columns of the model are read exactly', async () => {
    const result = await parseReport(withSubtotals(false));
    expect(result.report?.applications).toEqual(busyReport2021().applications);
    expect(result.findings.filter((f) => f.code === 'parse.subtotal')).toEqual([]);
  });

  it('a subtotal that is not the sum of its parts is reported', async () => {
    const result = await parseReport(withSubtotals(true));
    expect(result.report?.applications).toEqual(busyReport2021().applications);
    expect(result.findings.filter((f) => f.code === 'parse.subtotal').map((f) => f.path)).toEqual([
      '/applications/received',
      '/applications/outcomes/denied/total',
    ]);
    expect(result.extras).toEqual([]);
  });

  describe('in text', () => {
    const unable = (subtotal: number) =>
      parseReport(
        [
          '三、收到和处理政府信息公开申请情况',
          `（四）无法提供 ${subtotal} 0 0 0 0 0 ${subtotal}`,
          '1.本机关不掌握相关政府信息 2 0 0 0 0 0 2',
          '2.没有现成信息需要另行制作 1 0 0 0 0 0 1',
          '3.补正后申请内容仍不明确 1 0 0 0 0 0 1',
          '四、政府信息公开行政复议、行政诉讼情况',
        ].join('\n'),
      );

    it('a group’s own row is checked against its parts, then left out', async () => {
      const right = await unable(4);
      expect([codes(right).filter((c) => c.startsWith('parse.subtotal')), right.extras]).toEqual([[], []]);
      expect(codes(await unable(5)).filter((c) => c.startsWith('parse.subtotal'))).toEqual([
        'parse.subtotal /applications/outcomes/unableToProvide/naturalPerson',
        'parse.subtotal /applications/outcomes/unableToProvide/total',
      ]);
    });

    it('a group printed as one row, without the rows under it (raw/009), is kept as an extra, not dropped', async () => {
      const result = await parseReport(readFileSync(`${CORPUS}raw/009.txt`, 'utf8'));
      expect(result.extras).toContainEqual(expect.objectContaining({ table: 'applications', label: '（六）其他处理', cells: Array(7).fill('0') }));
      expect(codes(result)).toEqual(expect.arrayContaining(['parse.extraRow /applications', 'parse.rowMissing /applications/outcomes/otherHandling/other']));
    });
  });
});

describe('the title', () => {
  const titleOf = async (first: string) => {
    const { report } = await parseReport(`${first}\n${readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8').split('\n').slice(1).join('\n')}`);
    return [report?.year, report?.agency];
  };

  it('as a page’s details label it, or run on into the text of its line (raw/001, raw/006)', async () => {
    expect(await titleOf('标题: 汴东产业集聚区2021年政府信息公开工作年度报告')).toEqual([2021, '汴东产业集聚区']);
    expect(await titleOf('标题：汴东产业集聚区2021年度政府信息公开工作年度报告')).toEqual([2021, '汴东产业集聚区']);
    expect(await titleOf('汴东产业集聚区2021年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》，现公布本报告。')).toEqual([2021, '汴东产业集聚区']);
  });

  it('a title on a line of its own wins over one run on into a sentence before it', async () => {
    const text = readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8');
    const { report } = await parseReport(`现将汴东产业集聚区2021年政府信息公开工作年度报告公布如下\n${text}`);
    expect([report?.year, report?.agency]).toEqual([2021, '汴东产业集聚区']);
  });

  it('not in a sentence that names a report of its own', async () => {
    expect(await titleOf('根据《条例》，现将汴东产业集聚区2021年政府信息公开工作年度报告公布如下。')).toEqual([undefined, undefined]);
  });
});

describe('the narrative sections', () => {
  const narrativeOf = async (lines: string[]) => (await parseReport(lines.join('\n'))).report?.narrative;

  it('points numbered 一、 二、 like the headings stay in their section, even when they name a section’s words', async () => {
    const narrative = await narrativeOf([
      '一、总体情况',
      '本年度，本机关认真贯彻《条例》。',
      '一、加强组织领导，落实工作责任。',
      '二、健全配套制度。强化主动公开、依申请公开等制度的落实。',
      '二、主动公开政府信息情况',
      '（表略）',
      '五、存在的主要问题及改进情况',
      '一是公开内容还不够全面。',
      '二、下一步，加强培训。',
      '六、其他需要报告的事项',
      '无。',
    ]);
    expect(narrative).toEqual({
      overview: '本年度，本机关认真贯彻《条例》。\n一、加强组织领导，落实工作责任。\n二、健全配套制度。强化主动公开、依申请公开等制度的落实。',
      problemsAndImprovements: '一是公开内容还不够全面。\n二、下一步，加强培训。',
      otherMatters: '无。',
    });
  });

  it('a point whose sentence names a section’s words opens no section: table 二 is read where its heading is', async () => {
    // The example with its overview's points not marked as list items, as a .docx gives them.
    const text = readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8').replace(/^- (?=[一二三]、)/gm, '');
    expect(text).toMatch(/^二、健全政府信息公开配套制度。强化政府信息主动公开/m);
    const { report, findings } = await parseReport(text);
    expect(report?.narrative?.overview).toMatch(/\n二、健全政府信息公开配套制度。/);
    expect(report?.proactive).toMatchObject({ penalties: { decisions: 0 }, coercion: { decisions: 0 }, fees: { amount: '0.0000' } });
    expect(findings.filter((f) => f.code === 'parse.rowMissing')).toEqual([]);
  });

  it('with no later heading worded like a section’s, the next numbered heading ends the section', async () => {
    expect(await narrativeOf(['一、总体情况', '本年度，本机关认真贯彻《条例》。', '二、本机关的其他工作', '（略）'])).toEqual({ overview: '本年度，本机关认真贯彻《条例》。' });
  });
});

describe('inputs that are not a readable report get a clear finding, never a throw', () => {
  it.each([
    ['empty text', '', 'parse.unsupportedInput'],
    ['text with no table in it', '一、总体情况\n2021年…', 'parse.tableMissing'],
    ['binary junk', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'parse.unsupportedInput'],
    ['a broken PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'parse.unsupportedInput'],
    [
      'a PDF with no text (a scan)',
      new TextEncoder().encode(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
          '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
      'parse.imagesInsteadOfTables',
    ],
    ['HTML with no table', '<html><body><p>二、主动公开政府信息情况</p><p>（见图片）</p></body></html>', 'parse.imagesInsteadOfTables'],
    ['HTML with one table of something else', '<html><body><table><tr><td>a</td><td>1</td></tr></table></body></html>', 'parse.tableMissing'],
  ] as const)('%s', async (_, input, code) => {
    const result = await parseReport(input);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain(code);
  });
});

describe('gov-disclosure-report parse', () => {
  it('prints the report JSON, findings on stderr, and exits 0 for a clean page', async () => {
    const run = cli(['parse', `${CORPUS}html/P016.html`]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ edition: '2021', year: 2022 });
  });

  it('--json prints provenance and findings too; a page with arithmetic errors exits 1', async () => {
    const run = cli(['parse', `${CORPUS}html/P013.html`, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as ParseResult;
    expect(result.provenance['/applications/received/naturalPerson']).toMatchObject({ raw: '2', kind: 'number' });
  });

  it('tells a PDF by its content, whatever its name', () => {
    const dir = folderWith({});
    copyFileSync(`${CORPUS}pdf/010.pdf`, join(dir, 'report.txt'));
    const run = cli(['parse', join(dir, 'report.txt'), '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).report.applications.received.total).toBe(95);
  });
});

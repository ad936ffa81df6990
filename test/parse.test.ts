import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../src/parse.js';
import { compare, keyFigures, type Json } from '../scripts/corpus-compare.js';
import { cli, folderWith, ROOT } from './fixtures/cli.js';

const CORPUS = `${ROOT}../shared/corpus/`;
const page = (id: string) => readFileSync(`${CORPUS}html/${id}.html`, 'utf8');
const truth = (id: string) => JSON.parse(readFileSync(`${CORPUS}html/truth/${id}.json`, 'utf8')) as Json;
const PAGES = readdirSync(`${CORPUS}html`).filter((f) => f.endsWith('.html')).map((f) => f.replace('.html', ''));
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
      .replaceAll('1.属于国家秘密', '1、屬于國家秘密');
    expect(mirrored).not.toBe(html);
    expect((await parseReport(mirrored)).report).toEqual((await parseReport(html)).report);
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
  const keyTruth = (id: string) => keyFigures(JSON.parse(text(`truth/${id}.json`)) as Json);

  it('the seed report parses into exactly the bundled example', async () => {
    const result = await parseReport(readFileSync(`${CORPUS}../fixtures/biandong-2021.txt`, 'utf8'));
    expect(result.report).toEqual(JSON.parse(readFileSync(`${ROOT}examples/biandong-2021.json`, 'utf8')));
    expect(result.findings).toEqual([]);
    // Its junk (a stray 471 before a label, a label printed twice) is not read as a figure.
    expect(result.provenance['/applications/outcomes/denied/prohibitedByLawOrRegulation/naturalPerson']).toMatchObject({ raw: '0', kind: 'number' });
  });

  it.each(['009', '010', '012', '011', '008'])('raw/%s.txt: every key figure right or reported unread — never a wrong one', async (id) => {
    const { differ } = compare(keyTruth(id), (await parseReport(text(`raw/${id}.txt`))).report);
    expect(differ).toEqual([]);
  });

  it('raw/009.txt (PDF text): all key figures read, and the report’s own errors in table 四 reported as they stand', async () => {
    const result = await parseReport(text('raw/009.txt'));
    expect(compare(keyTruth('009'), result.report).missing).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.path}`)).toEqual([
      'reviewAndLitigation.total /reviewAndLitigation/administrativeReview/total',
      'reviewAndLitigation.total /reviewAndLitigation/litigationAfterReview/total',
    ]);
  });

  it('sums over cells it could not read are not judged: no made-up arithmetic errors', async () => {
    const result = await parseReport(text('raw/012.txt'));
    expect(result.findings.some((f) => f.code === 'parse.rowMissing')).toBe(true);
    expect(result.findings.filter((f) => f.code.startsWith('applications.'))).toEqual([]);
  });

  it('rows written as | separated cells (raw/013.txt, cut mid-table)', async () => {
    const result = await parseReport(text('raw/013.txt'));
    expect(result.report?.applications.received).toMatchObject({ naturalPerson: 58, commercialEnterprise: 7, total: 66 });
    // The last row lost a cell: it is reported, not read.
    expect(result.report?.applications.outcomes.denied.lawEnforcementFile.naturalPerson).toBeNull();
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain('parse.unreadableCell /applications/outcomes/denied/lawEnforcementFile');
  });

  it('a page whose tables were images says so (fragments/F05.txt)', async () => {
    expect((await parseReport(text('fragments/F05.txt'))).findings.map((f) => f.code)).toContain('parse.imagesInsteadOfTables');
  });
});

describe('pages flattened with no separators: glued digit runs split by the table’s arithmetic', () => {
  const text = (path: string) => readFileSync(`${CORPUS}${path}`, 'utf8');
  const keyTruth = (id: string) => keyFigures(JSON.parse(text(`truth/${id}.json`)) as Json);

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
    expect(String(ambiguous.expected).split('; ')).toContain('58|45|546');
    expect(String(ambiguous.expected).split('; ')).toHaveLength(15);
  });

  it('raw/006.txt: the report’s own outcome totals, which do not add up, are reported, not fixed', async () => {
    const result = await parseReport(text('raw/006.txt'));
    expect(compare(keyTruth('006'), result.report).differ).toEqual([]);
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
  const keyTruth = (id: string) => keyFigures(JSON.parse(readFileSync(`${CORPUS}truth/${id}.json`, 'utf8')) as Json);

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

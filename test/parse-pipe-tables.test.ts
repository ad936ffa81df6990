import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../src/parse.js';
import { buildReport } from '../src/index.js';
import { renderReport } from '../src/render.js';

// A `|` table written as well-formed Markdown (header, delimiter and rows framed by pipes, as many
// pieces each) is a grid: a blank piece is a blank cell wherever it stands, and the blanks of the label
// columns are only the layout. Any other `|` line keeps the cautious reading: padding at either end is
// taken off only when the count comes out exact, and a blank left inside leaves the row unread.

const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);
const table3 = (...lines: string[]) => ['三、收到和处理政府信息公开申请情况', ...lines, '四、政府信息公开行政复议、行政诉讼情况'].join('\n');
const HEADER = ['| （本列数据的勾稽关系） |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
// Labelled in the first column, the second and third left empty; the third column is labelled in other rows.
const RECEIVED = '| 一、本年新收政府信息公开申请数量 |  |  | 6 | 1 | 0 | 0 | 0 | 0 |  |';
const CARRIED_OVER = '| 二、上年结转政府信息公开申请数量 |  |  |  | 1 | 0 | 0 | 0 | 2 | 3 |';
const STATE_SECRET = '|  | （三）不予公开 | 1.属于国家秘密 | 4 |  | 0 | 0 | 0 | 0 | 4 |';
const EMPTY = [null, null, null, null, null, null, null];

describe('a well-formed Markdown table', () => {
  it('reads a blank at the end of a row, at the start of its figures or inside them as that cell’s blank, nothing shifted', async () => {
    const result = await parseReport(table3(...HEADER, RECEIVED, CARRIED_OVER, STATE_SECRET));
    const { received, carriedOver, outcomes } = result.report!.applications;
    expect(Object.values(received)).toEqual([6, 1, 0, 0, 0, 0, null]);
    expect(Object.values(carriedOver)).toEqual([null, 1, 0, 0, 0, 2, 3]);
    expect(Object.values(outcomes.denied.stateSecret)).toEqual([4, null, 0, 0, 0, 0, 4]);
    expect(result.provenance['/applications/received/total']).toMatchObject({ raw: '', kind: 'blank' });
    expect(codes(result).filter((c) => c.startsWith('parse.unreadableCell'))).toEqual([]);
  });

  it('reads the library’s own Markdown with blanks in any cell', async () => {
    const report = buildReport({ edition: '2021', year: 2021, applications: { received: { naturalPerson: 6, commercialEnterprise: 1 }, outcomes: { granted: { naturalPerson: 5 } } } });
    const blanks = report as unknown as { applications: Record<string, Record<string, unknown>>; reviewAndLitigation: Record<string, Record<string, unknown>> };
    blanks.applications.received!.total = null;
    blanks.applications.carriedForward!.naturalPerson = null;
    blanks.reviewAndLitigation.administrativeReview!.upheld = null;
    const result = await parseReport(renderReport(report, { to: 'markdown' }));
    const parsed = result.report!;
    // The blank 总计 is read as a blank (the report's own figures then give it).
    expect(Object.values(parsed.applications.received).slice(0, 6)).toEqual([6, 1, 0, 0, 0, 0]);
    expect(result.provenance['/applications/received/total']).toMatchObject({ raw: '', kind: 'blank' });
    expect(Object.values(parsed.applications.carriedForward)).toEqual([null, 0, 0, 0, 0, 0, 0]);
    expect(Object.values(parsed.applications.outcomes.granted)).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(parsed.reviewAndLitigation.administrativeReview).toEqual({ upheld: null, corrected: 0, otherResult: 0, pending: 0, total: 0 });
  });
});

describe('any other | table keeps the cautious reading', () => {
  it('rows and header without the outer pipes: a blank at the end cannot be told from padding', async () => {
    const result = await parseReport(table3(...[...HEADER, RECEIVED, STATE_SECRET].map((line) => line.slice(1, -1))));
    expect(Object.values(result.report!.applications.received)).toEqual(EMPTY);
    expect(codes(result)).toContain('parse.unreadableCell /applications/received');
  });

  it('a row with more pieces than the header', async () => {
    const result = await parseReport(table3(...HEADER, `${RECEIVED}  |`, STATE_SECRET));
    expect(Object.values(result.report!.applications.received)).toEqual(EMPTY);
    expect(codes(result)).toContain('parse.unreadableCell /applications/received');
  });

  it('a header without the outer pipes', async () => {
    const result = await parseReport(table3(HEADER[0]!.slice(1, -1), HEADER[1]!, RECEIVED, STATE_SECRET));
    expect(Object.values(result.report!.applications.received)).toEqual(EMPTY);
  });

  it('a column blank in every row is not taken for layout: it may be one of figures', async () => {
    const result = await parseReport(table3(...HEADER, RECEIVED, '| 二、上年结转政府信息公开申请数量 |  |  | 0 | 1 | 0 | 0 | 0 | 2 | 3 |'));
    expect(Object.values(result.report!.applications.received)).toEqual(EMPTY);
    expect(Object.values(result.report!.applications.carriedOver)).toEqual([0, 1, 0, 0, 0, 2, 3]);
  });

  it('a trailing column the form does not have (备注): read as before where the figures are whole, never shifted onto a blank', async () => {
    const header = ['| 类别 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 | 备注 |', '|---|---|---|---|---|---|---|---|---|'];
    const result = await parseReport(
      table3(...header, '| 一、本年新收政府信息公开申请数量 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |  |', '| 二、上年结转政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 2 | 3 |  |'),
    );
    expect(Object.values(result.report!.applications.received)).toEqual([6, 1, 0, 0, 0, 0, 7]);
    expect(Object.values(result.report!.applications.carriedOver)).toEqual(EMPTY);
    expect(codes(result)).toContain('parse.unreadableCell /applications/carriedOver');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../src/parse.js';
import { ROOT } from './fixtures/cli.js';

// An HTML row that lost a <td> is left blank with a finding, not read shifted one column left, unless
// the row's own arithmetic (its 总计 = the sum of the others) leaves one reading.
const P016 = readFileSync(`${ROOT}test/corpus/html/P016.html`, 'utf8');
const codes = (result: ParseResult) => result.findings.map((f) => `${f.code} ${f.path}`);

/** `html` with the `figure`-th figure cell (from 0; -1 for the last) of the row at `at` left out. */
function withoutCell(html: string, at: number, figure: number): string {
  const [start, end] = [html.lastIndexOf('<tr', at), html.indexOf('</tr>', at)];
  const figures = [...html.slice(start, end).matchAll(/<td[^>]*>(?:(?!<td)[\s\S])*?<\/td>/g)].filter((cell) => />\d+<\/p>/.test(cell[0]));
  const cut = figures.at(figure)!;
  return html.slice(0, start + cut.index) + html.slice(start + cut.index + cut[0].length);
}
const rowOf = (html: string, label: string) => html.indexOf(label);
// Table 四's line of figures: the last row of its table.
const table4Line = (html: string) => html.lastIndexOf('<tr', html.indexOf('</table>', html.indexOf('复议后起诉')));

// Table 四 with figures that add up, distinct enough that a shift shows: 1 2 3 0 6 | 2 0 1 1 4 | 3 1 0 2 6.
const FOUR = [1, 2, 3, 0, 6, 2, 0, 1, 1, 4, 3, 1, 0, 2, 6];
function withTable4(html: string): string {
  // The last row of the table: its line of figures.
  const start = table4Line(html);
  const end = html.indexOf('</tr>', start);
  let k = 0;
  const edited = html.slice(start, end).replace(/>0<\/p>/g, () => `>${FOUR[k++]}</p>`);
  expect(k).toBe(15);
  return html.slice(0, start) + edited + html.slice(end);
}

describe('an HTML row that lost a cell', () => {
  it('table 三 (予以公开 4 0 0 0 0 0 4, the 4 lost): blank, with parse.unreadableCell on the row, nothing shifted', async () => {
    const result = await parseReport(withoutCell(P016, rowOf(P016, '（一）予以公开'), 0));
    expect(Object.values(result.report!.applications.outcomes.granted)).toEqual(Array(7).fill(null));
    expect(codes(result)).toContain('parse.unreadableCell /applications/outcomes/granted');
  });

  it('table 三 (a 0 lost): blank too, since 4 0 0 0 0 4 may be 4 0 0 0 0 0 | 4 or 4 0 0 0 0 4 | 8', async () => {
    const result = await parseReport(withoutCell(P016, rowOf(P016, '（一）予以公开'), 1));
    expect(result.report!.applications.outcomes.granted.naturalPerson).toBeNull();
    expect(codes(result)).toContain('parse.unreadableCell /applications/outcomes/granted');
  });

  it('table 三 (the 总计 lost): 4 0 0 0 0 0 can only lose its 总计 (a 总计 of 0 is not 4 + …): read, and nothing said wrong', async () => {
    const plain = await parseReport(P016);
    const result = await parseReport(withoutCell(P016, rowOf(P016, '（一）予以公开'), -1));
    expect(result.report!.applications.outcomes.granted).toEqual({ naturalPerson: 4, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrganization: 0, legalServiceAgency: 0, otherOrganization: 0, total: 4 });
    expect(result.report).toEqual(plain.report);
    expect(result.findings.filter((f) => f.path.startsWith('/applications/outcomes/granted'))).toEqual([]);
  });

  it('table 三 (a row of zeros): zeros wherever the lost cell stood', async () => {
    const result = await parseReport(withoutCell(P016, rowOf(P016, '二、上年结转'), 2));
    expect(Object.values(result.report!.applications.carriedOver)).toEqual(Array(7).fill(0));
    expect(result.findings.filter((f) => f.path.startsWith('/applications/carriedOver'))).toEqual([]);
  });

  it('table 二 (行政规范性文件 2 0 25, no 总计 to tell): blank, with parse.unreadableCell', async () => {
    const result = await parseReport(withoutCell(P016, rowOf(P016, '行政规范性文件'), 0));
    expect(result.report!.proactive.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    expect(codes(result)).toContain('parse.unreadableCell /proactive/normativeDocuments');
  });

  it('table 四 (a middle figure lost): blank, with parse.unreadableCell', async () => {
    const full = withTable4(P016);
    expect((await parseReport(full)).report!.reviewAndLitigation.litigationAfterReview).toEqual({ upheld: 3, corrected: 1, otherResult: 0, pending: 2, total: 6 });
    const result = await parseReport(withoutCell(full, table4Line(full), 6));
    expect(Object.values(result.report!.reviewAndLitigation).flatMap((group) => Object.values(group))).toEqual(Array(15).fill(null));
    expect(codes(result)).toContain('parse.unreadableCell /reviewAndLitigation');
  });

  it('table 四 (its last 总计 lost): 3 1 0 2 can only lose its 总计 (2 is less than 3 + 1 + 0): read, the 总计 derived', async () => {
    const full = withTable4(P016);
    const result = await parseReport(withoutCell(full, table4Line(full), -1));
    expect(result.report!.reviewAndLitigation).toEqual((await parseReport(full)).report!.reviewAndLitigation);
    expect(result.findings.filter((f) => f.path.startsWith('/reviewAndLitigation'))).toEqual([]);
  });
});

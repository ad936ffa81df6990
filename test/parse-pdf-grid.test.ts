import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { clusters, pdfTables, type PdfItem, type PdfPage } from '../src/parse/pdf-grid.js';
import { rulingsOf, type Ruling } from '../src/parse/pdf-rulings.js';

// Pages built by hand: rulings and text items where a printed form would put them.
let offset = 0;
const cellText = (str: string, left: number, bottom: number): PdfItem => ({ str, x: left + 10, y: bottom + 5, width: 20, height: 10, offset: (offset += str.length + 1) });
/** A table: its column edges, its row edges top to bottom, its rows' texts; `open` leaves the top or bottom border undrawn. */
function table(xs: number[], ys: number[], texts: string[][], open: { top?: boolean; bottom?: boolean } = {}) {
  const horizontal: Ruling[] = ys.filter((_, i) => !(open.top && i === 0) && !(open.bottom && i === ys.length - 1)).map((at) => ({ at, from: xs[0]!, to: xs.at(-1)! }));
  const vertical: Ruling[] = xs.map((at) => ({ at, from: ys.at(-1)!, to: ys[0]! }));
  const lines = texts.map((row, r) => {
    const items = row.flatMap((str, c) => (str === '' ? [] : [cellText(str, xs[c]!, ys[r + 1]!)]));
    return { line: { text: row.join('\t'), offset: items[0]?.offset ?? 0 }, items };
  });
  return { horizontal, vertical, lines };
}
function page(number: number, tables: ReturnType<typeof table>[]): PdfPage {
  return { number, lines: tables.flatMap((t) => t.lines), rulings: { horizontal: tables.flatMap((t) => t.horizontal), vertical: tables.flatMap((t) => t.vertical) } };
}
const COLUMNS = [100, 200, 300, 400, 500];
/** Table 二's first block ending at a page break with a row of no figures, the next row opening the next page, and tables 三 and 四 after. */
function form(upper: string, lower: string, open: boolean) {
  const first = table(COLUMNS, [700, 680, 660, 640], [['第二十条第（一）项', '', '', ''], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [upper, '', '', '']], { bottom: open });
  const rest = table(COLUMNS, [700, 680, 660], [[lower, '3', '1', '9'], ['备注', '', '', '']], { top: open });
  const applications = table([100, 200, 300], [600, 580], [['申请人情况', '']]);
  const review = table([100, 200, 300, 400], [500, 480], [['行政复议', '未经复议直接起诉', '复议后起诉']]);
  return pdfTables([page(1, [first]), page(2, [rest, applications, review])], 10_000)!.doc.tables[0]!.rows.map((row) => row.map((c) => c.text));
}

describe('the grid reader on pages built by hand', () => {
  it('does not join two rows of the form across a page break into one: the lower label names a row', () => {
    // The border at the break left open, as a cut row is drawn: 规范性文件 is still a row of its own.
    expect(form('规章', '规范性文件', true).slice(2, -1)).toEqual([['规章', '', '', ''], ['规范性文件', '3', '1', '9']]);
  });

  it('does not join a row naming a row of the form to the next page’s when the border at the break is drawn', () => {
    expect(form('规章', '其他说明', false).slice(2, -1)).toEqual([['规章', '', '', ''], ['其他说明', '3', '1', '9']]);
  });

  it('joins a label cut by a page break when the border there is open', () => {
    expect(form('规章（含', '废止）', true).slice(2, -1)).toEqual([['规章（含废止）', '3', '1', '9']]);
  });

  it('puts each value in the cluster it joined, even one more than NEAR from the mean', () => {
    const { means, index } = clusters([104, 100, 102, 300, 301]);
    expect(means).toEqual([102, 300.5]);
    expect([100, 102, 104, 300, 301].map((v) => index.get(v))).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('rulings from the operator list', () => {
  it('reads no rulings from a page whose one path has more pieces than the cap', () => {
    const n = 60_001;
    const ops = [OPS.moveTo, ...Array.from({ length: n }, () => OPS.lineTo)];
    // One path of 60,001 horizontal pieces: without the cap, as many rulings.
    const flat = [0, 0, ...Array.from({ length: n }, (_, i) => [(i + 1) * 3, 0]).flat()];
    expect(rulingsOf([OPS.constructPath, OPS.stroke], [[ops, flat], null], OPS)).toEqual({ horizontal: [], vertical: [] });
  });

  it('applies a form XObject’s matrix, given with its begin, until its end', () => {
    const line = [OPS.constructPath, OPS.stroke];
    const lineArgs = [[[OPS.moveTo, OPS.lineTo], [0, 700, 400, 700]], null];
    const fn = [OPS.beginGroup, OPS.paintFormXObjectBegin, ...line, OPS.paintFormXObjectEnd, OPS.endGroup, ...line];
    const args = [[{ matrix: [1, 0, 0, 1, 100, -50] }], [[1, 0, 0, 1, 100, -50], null], ...lineArgs, [], [{}], ...lineArgs];
    expect(rulingsOf(fn, args, OPS).horizontal).toEqual([
      { at: 650, from: 100, to: 500 },
      { at: 700, from: 0, to: 400 },
    ]);
  });
});

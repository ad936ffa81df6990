import { describe, expect, it } from 'vitest';
import { layoutOf, MONEY_UNITS } from '../src/index.js';
import { headerUnit, headerUnits, withUnits } from '../src/parse/header-units.js';
import { leafRows } from '../src/parse/rows.js';
import { cellsByLine } from '../src/parse/text.js';
import { parseReport } from '../src/parse.js';

// A published header's unit is read by the units of the format (MONEY_UNITS), not by literal strings.
describe('the unit a header gives its amounts', () => {
  it('is any unit of MONEY_UNITS, the longest first (万元 holds 元)', () => {
    for (const unit of Object.keys(MONEY_UNITS)) expect(headerUnit(`本年收费金额(单位:${unit})`)).toBe(unit);
    expect(headerUnit('本年收费金额(单位:万元,保留4位小数)')).toBe('万元');
    expect(headerUnit('本年收费金额')).toBeUndefined();
  });

  it('in lines of text, from the line naming the money column, for every unit', () => {
    const table = layoutOf('2021').meta.tables[0];
    for (const [unit, header] of [['万元', '本年收费金额（单位：万元）'], ['元', '本年收费金额（单位：元）']] as const) {
      const lines = cellsByLine([{ text: `信息内容 ${header}`, offset: 0 }, { text: '行政事业性收费 147230', offset: 20 }]);
      const units = headerUnits(lines, table);
      expect([...units]).toEqual([['amount', unit]]);
      const fees = leafRows(layoutOf('2021'), table).find((row) => row.pointer === '/proactive/fees')!;
      expect(withUnits(fees.cells, lines[1]!.slice(1), units)).toEqual([expect.objectContaining({ text: '147230', unit })]);
    }
  });

  it('an HTML header in 万元 over a figure printed in 元 keeps the figure’s own unit', async () => {
    const html = `<p>二、主动公开政府信息情况</p><table><tr><td>第二十条第（八）项</td></tr><tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td>147230元</td></tr></table>`;
    expect((await parseReport(html)).report?.proactive.fees).toEqual({ amount: '14.7230' });
  });
});

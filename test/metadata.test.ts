import { expectTypeOf, describe, expect, it } from 'vitest';
import {
  APPLICANT_COLUMNS,
  DENIED_ROWS,
  EDITIONS,
  NOT_PROCESSED_ROWS,
  OTHER_HANDLING_ROWS,
  REVIEW_GROUP_ROWS,
  REVIEW_OUTCOME_COLUMNS,
  UNABLE_TO_PROVIDE_ROWS,
  layoutOf,
  outcomeRows,
  type ApplicantCounts,
  type Applications2019,
  type Applications2021,
  type Outcomes2019,
  type Outcomes2021,
  type Proactive2019,
  type Proactive2021,
  type CaseCounts,
  type DeniedCounts,
  type NotProcessedCounts,
  type OtherHandlingCounts,
  type ReviewAndLitigation,
  type UnableToProvideCounts,
} from '../src/index.js';

type Keys<T extends readonly { key: string }[]> = T[number]['key'];

/** Keys listed once for each interface: the type checks both directions against the interface, the test against the metadata. */
function exactKeys<T>() {
  return <const K extends readonly (keyof T)[]>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)) => keys;
}
const rowKeys = (rows: readonly { key: string }[]) => rows.map((r) => r.key);

describe('the report interfaces have exactly the keys of the metadata', () => {
  it.each([
    ['2021', exactKeys<Proactive2021>()(['regulations', 'normativeDocuments', 'licensing', 'penalties', 'coercion', 'fees'])],
    ['2019', exactKeys<Proactive2019>()(['regulations', 'normativeDocuments', 'licensing', 'otherServices', 'penalties', 'coercion', 'fees', 'procurement'])],
  ] as const)('Proactive%s', (edition, keys) => {
    expect(EDITIONS[edition].tables[0].blocks.flatMap((b) => rowKeys(b.rows))).toEqual(keys);
  });

  it.each([
    ['2021', exactKeys<Outcomes2021>()(['granted', 'partiallyGranted', 'denied', 'unableToProvide', 'notProcessed', 'otherHandling', 'total'])],
    ['2019', exactKeys<Outcomes2019>()(['granted', 'partiallyGranted', 'denied', 'unableToProvide', 'notProcessed', 'otherHandling', 'total'])],
  ] as const)('Outcomes%s and Applications%s', (edition, keys) => {
    expect(rowKeys(outcomeRows(edition))).toEqual(keys);
    expect(rowKeys(EDITIONS[edition].tables[1].blocks[0]!.rows)).toEqual(exactKeys<Applications2021 & Applications2019>()(['received', 'carriedOver', 'outcomes', 'carriedForward']));
  });

  it('type level', () => {
    expectTypeOf<keyof ApplicantCounts>().toEqualTypeOf<Keys<typeof APPLICANT_COLUMNS>>();
    expectTypeOf<keyof DeniedCounts>().toEqualTypeOf<Keys<typeof DENIED_ROWS>>();
    expectTypeOf<keyof UnableToProvideCounts>().toEqualTypeOf<Keys<typeof UNABLE_TO_PROVIDE_ROWS>>();
    expectTypeOf<keyof NotProcessedCounts>().toEqualTypeOf<Keys<typeof NOT_PROCESSED_ROWS>>();
    expectTypeOf<keyof OtherHandlingCounts>().toEqualTypeOf<Keys<typeof OTHER_HANDLING_ROWS>>();
    expectTypeOf<keyof CaseCounts>().toEqualTypeOf<Keys<typeof REVIEW_OUTCOME_COLUMNS>>();
    expectTypeOf<keyof ReviewAndLitigation>().toEqualTypeOf<Keys<typeof REVIEW_GROUP_ROWS>>();
  });
});

describe('table 三 as the form prints it (format.md §2.2)', () => {
  it('has 25 rows in 2021 and 23 in 2019, in order', () => {
    const rows = (edition: '2021' | '2019') => layoutOf(edition).cells.filter((c) => c.table.key === 'applications' && c.column.key === 'total');
    expect(rows('2021')).toHaveLength(25);
    expect(rows('2019')).toHaveLength(23);
    expect(rows('2021').map((c) => c.rows.at(-1)!.label)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
  });

  it('numbers every outcome row officially', () => {
    const codes = (edition: '2021' | '2019') =>
      outcomeRows(edition).flatMap((row) => [row.code, ...(row.rows ?? []).map((sub) => sub.code)]);
    expect(codes('2021')).toEqual([
      '（一）', '（二）', '（三）', '（三）1', '（三）2', '（三）3', '（三）4', '（三）5', '（三）6', '（三）7', '（三）8',
      '（四）', '（四）1', '（四）2', '（四）3', '（五）', '（五）1', '（五）2', '（五）3', '（五）4', '（五）5',
      '（六）', '（六）1', '（六）2', '（六）3', '（七）',
    ]);
    expect(codes('2019')).toContain('（六）');
    expect(codes('2019')).not.toContain('（六）1');
  });

  it('prints the 勾稽关系 in its corner and the applicant columns under their headers', () => {
    const table = EDITIONS['2021'].tables[1];
    expect(table.note).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(table.header).toBe('申请人情况');
    expect(APPLICANT_COLUMNS.map((c) => ('group' in c ? c.group : '-'))).toEqual(['-', ...Array(5).fill('法人或其他组织'), '-']);
  });
});

describe('table 二 of each edition (format.md §2.1, §3.1)', () => {
  const labels = (edition: '2021' | '2019') =>
    EDITIONS[edition].tables[0].blocks.map((b) => [b.label, b.columns.map((c) => c.label), b.rows.map((r) => r.label)]);

  it('2021: four blocks', () => {
    expect(labels('2021')).toEqual([
      ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '行政规范性文件']],
      ['第二十条第（五）项', ['本年处理决定数量'], ['行政许可']],
      ['第二十条第（六）项', ['本年处理决定数量'], ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['本年收费金额（单位：万元）'], ['行政事业性收费']],
    ]);
  });

  it('2019: five blocks', () => {
    expect(labels('2019')).toEqual([
      ['第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '规范性文件']],
      ['第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', '其他对外管理服务事项']],
      ['第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'], ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['上一年项目数量', '本年增/减'], ['行政事业性收费']],
      ['第二十条第（九）项', ['采购项目数量', '采购总金额'], ['政府集中采购']],
    ]);
  });
});

describe('table 四 (format.md §2.3)', () => {
  it('has three groups of five outcomes: 15 cells', () => {
    const cells = layoutOf('2021').cells.filter((c) => c.table.key === 'reviewAndLitigation');
    expect(cells.map((c) => c.label)).toHaveLength(15);
    expect(cells[5]!.label).toBe('行政诉讼 · 未经复议直接起诉 · 结果维持');
  });
});

describe('the layout', () => {
  it.each([
    ['2021', 200, 34],
    ['2019', 198, 32],
  ] as const)('%s: %i cells with unique pointers, %i of them derived totals', (edition, count, derived) => {
    const { cells } = layoutOf(edition);
    expect(cells).toHaveLength(count);
    expect(new Set(cells.map((c) => c.pointer)).size).toBe(count);
    // Each row of table 三 has its 总计, （七）总计 has seven, each group of table 四 one.
    const totals = cells.filter((c) => c.derived).map((c) => c.pointer);
    expect(totals).toHaveLength(derived);
    expect(totals).toContain('/applications/outcomes/total/naturalPerson');
    expect(totals).toContain('/reviewAndLitigation/litigationAfterReview/total');
    expect(totals.every((p) => p.endsWith('/total') || p.startsWith('/applications/outcomes/total/'))).toBe(true);
  });

  it('names the sections 一 to 六 in order', () => {
    expect(EDITIONS['2021'].sections.map((s) => s.label)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});

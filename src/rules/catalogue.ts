/**
 * The rule catalogue: every finding code with its severity, the rule in
 * words and its message in zh-CN and en. Codes are the contract; messages
 * are rendered from here and nowhere else.
 *
 * @module
 */

import { layoutOf } from '../format/layout.js';
import { PUBLISHERS, YEAR_RANGE } from '../format/report-fields.js';
import type { RelationRuleCode } from '../format/types.js';

/**
 * How serious a finding is. `ok` is false exactly when a finding is an error.
 *
 * @example
 * ```ts
 * import type { Severity } from 'gov-disclosure-report';
 * const severity: Severity = 'warning';
 * ```
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * The language of rendered messages.
 *
 * @example
 * ```ts
 * import type { Locale } from 'gov-disclosure-report';
 * const locale: Locale = 'en';
 * ```
 */
export type Locale = 'zh-CN' | 'en';

/**
 * What a message template is given: the cell or field at fault named in both
 * languages, and the values the rule compared.
 *
 * @example
 * ```ts
 * import { renderMessage } from 'gov-disclosure-report';
 * renderMessage('cell.blank', 'en', { where: '规章 · 本年制发件数', whereEn: 'regulations · issued this year' });
 * ```
 */
export interface MessageParams {
  /** The official labels of the cell, or the field's name, in Chinese. */
  readonly where: string;
  /** The same with English glosses. */
  readonly whereEn: string;
  readonly expected?: number | string | undefined;
  readonly actual?: number | string | undefined;
  /** Rule-specific detail (an edition, a year, a reason). */
  readonly detail?: string | undefined;
}

/**
 * Renders one message from its parameters.
 *
 * @example
 * ```ts
 * import type { MessageTemplate } from 'gov-disclosure-report';
 * const template: MessageTemplate = (p) => `${p.where}：应为 ${p.expected}`;
 * ```
 */
export type MessageTemplate = (p: MessageParams) => string;

/**
 * One rule of the catalogue.
 *
 * @example
 * ```ts
 * import { RULES } from 'gov-disclosure-report';
 * RULES['applications.balance'].rule.zh; // '本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和'
 * ```
 */
export interface RuleEntry {
  readonly severity: Severity;
  /** The rule in words; for the form's own rules, its official wording. */
  readonly rule: { readonly zh: string; readonly en: string };
  readonly message: { readonly 'zh-CN': MessageTemplate; readonly en: MessageTemplate };
}

/** Names of JSON types, in Chinese, for shape.type messages. */
const TYPE_ZH: Readonly<Record<string, string>> = { object: '对象', string: '字符串', integer: '整数', number: '数值' };

const was = (p: MessageParams) => (p.actual === undefined ? '' : `，实为 ${p.actual}`);
const got = (p: MessageParams) => (p.actual === undefined ? '' : `, got ${p.actual}`);
const { department: { deadline: DEPARTMENT }, government: { deadline: GOVERNMENT } } = PUBLISHERS;

/**
 * A rule that is a relation between cells: its words come from the format
 * metadata (the relation as worded there, on the cell it sets), and each
 * message says what the relation gives, in those words.
 */
function relation(code: RelationRuleCode, severity: Severity): RuleEntry {
  const layout = [layoutOf('2021'), layoutOf('2019')].find((l) => l.equations.some((e) => e.rule === code))!;
  const eq = layout.equations.find((e) => e.rule === code)!;
  const target = layout.cells[eq.target]!;
  // Summed along its row, a target is named by its column; summed down its column, by its row.
  const terms = [...eq.plus, ...eq.minus].map((i) => layout.cells[i]!).concat(eq.previous.map((p) => layout.cellAt.get(p)!));
  const sameColumn = terms.every((cell) => cell.column.key === target.column.key);
  const named = sameColumn ? { zh: target.rows.at(-1)!.label, en: target.rows.at(-1)!.en } : { zh: target.column.label, en: target.column.en };
  const { zh, en } = eq.wording;
  return {
    severity,
    rule: zh.includes('等于') ? { zh, en } : { zh: `${named.zh}等于${zh}`, en: `${named.en} = ${en}` },
    message: {
      'zh-CN': (p) => `${p.where}：应为 ${p.expected}，实为 ${p.actual}（${p.detail}）`,
      en: (p) => `${p.where} (${p.whereEn}): expected ${p.expected} (${p.detail}), found ${p.actual}`,
    },
  };
}

const RULE_ENTRIES = {
  'shape.type': {
    severity: 'error',
    rule: { zh: '每一项的类型须符合报告格式', en: 'Every field has the type the report format gives it' },
    message: {
      'zh-CN': (p) => `${p.where}：类型不符，应为${TYPE_ZH[String(p.expected)] ?? p.expected}${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): wrong type, expected ${p.expected}${got(p)}`,
    },
  },
  'shape.required': {
    severity: 'error',
    rule: { zh: '必填项不得缺少', en: 'Required fields are present' },
    message: {
      'zh-CN': (p) => `${p.where}：缺少必填项`,
      en: (p) => `${p.where} (${p.whereEn}): required, missing`,
    },
  },
  'shape.unknownKey': {
    severity: 'error',
    rule: { zh: '不得有报告格式以外的项', en: 'No field outside the report format' },
    message: {
      'zh-CN': (p) => `${p.where}：${p.detail}版格式中没有此项`,
      en: (p) => `${p.where}: not a field of the ${p.detail} edition`,
    },
  },
  'shape.edition': {
    severity: 'error',
    rule: { zh: '报告格式版本须为 "2021" 或 "2019"', en: 'The edition is "2021" or "2019"' },
    message: {
      'zh-CN': (p) => `${p.where}：应为 "2021" 或 "2019"${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected "2021" or "2019"${got(p)}`,
    },
  },
  'shape.year': {
    severity: 'error',
    rule: {
      zh: `报告年度须为 ${YEAR_RANGE.min} 至 ${YEAR_RANGE.max} 年间的整数`,
      en: `The report year is an integer from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
    },
    message: {
      'zh-CN': (p) => `${p.where}：应为 ${p.detail} 年间的整数${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected an integer in ${p.detail}${got(p)}`,
    },
  },
  'shape.enum': {
    severity: 'error',
    rule: { zh: '取值须为规定的选项之一', en: 'The value is one of the listed options' },
    message: {
      'zh-CN': (p) => `${p.where}：应为 ${p.expected} 之一${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected one of ${p.expected}${got(p)}`,
    },
  },
  'shape.date': {
    severity: 'error',
    rule: { zh: '日期须为有效的 YYYY-MM-DD 日历日期', en: 'Dates are real calendar dates written YYYY-MM-DD' },
    message: {
      'zh-CN': (p) => `${p.where}：应为有效的 YYYY-MM-DD 日期${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected a YYYY-MM-DD calendar date${got(p)}`,
    },
  },
  'shape.unreadable': {
    severity: 'error',
    rule: { zh: '输入须可读取', en: 'The input can be read' },
    message: {
      'zh-CN': (p) => `${p.where}：无法读取（${p.detail}）`,
      en: (p) => `${p.where} (${p.whereEn}): cannot be read (${p.detail})`,
    },
  },
  'cell.notInteger': {
    severity: 'error',
    rule: { zh: '件数须为整数', en: 'A count is an integer' },
    message: {
      'zh-CN': (p) => `${p.where}：应为${p.detail === 'signedCount' ? '' : '非负'}整数${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected ${p.detail === 'signedCount' ? 'an' : 'a non-negative'} integer${got(p)}`,
    },
  },
  'cell.negative': {
    severity: 'error',
    rule: { zh: '件数不得为负数', en: 'A count is not negative' },
    message: {
      'zh-CN': (p) => `${p.where}：不得为负数${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): must not be negative${got(p)}`,
    },
  },
  'cell.tooLarge': {
    severity: 'error',
    rule: { zh: '件数不得超过 9007199254740991（2^53 − 1）', en: 'A count is at most 9007199254740991 (2^53 − 1)' },
    message: {
      'zh-CN': (p) => `${p.where}：超出可精确表示的整数范围${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): beyond the exactly representable integers${got(p)}`,
    },
  },
  'cell.blank': {
    severity: 'warning',
    rule: { zh: '空白单元格按 0 计入合计', en: 'A blank cell counts as 0 in the sums' },
    message: {
      'zh-CN': (p) => `${p.where}：单元格空白，按 0 计算`,
      en: (p) => `${p.where} (${p.whereEn}): blank, counted as 0`,
    },
  },
  'money.invalid': {
    severity: 'error',
    rule: { zh: '金额须为以万元计的十进制数', en: 'An amount is a decimal number in 万元' },
    message: {
      'zh-CN': (p) => `${p.where}：应为以万元计的十进制数，如 "12.3456"${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected a decimal amount in 万元 such as "12.3456"${got(p)}`,
    },
  },
  'money.negative': {
    severity: 'error',
    rule: { zh: '金额不得为负数', en: 'An amount is not negative' },
    message: {
      'zh-CN': (p) => `${p.where}：金额不得为负数${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): amount must not be negative${got(p)}`,
    },
  },
  'money.precision': {
    severity: 'warning',
    rule: { zh: '金额保留四位小数，多余位数四舍五入', en: 'Amounts keep four decimals; more are rounded half-up' },
    message: {
      'zh-CN': (p) => `${p.where}：超过四位小数，四舍五入为 ${p.expected}${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): more than four decimals, rounded half-up to ${p.expected}${got(p)}`,
    },
  },
  'applications.balance': relation('applications.balance', 'error'),
  'applications.outcomeTotal': relation('applications.outcomeTotal', 'error'),
  'applications.applicantTotal': relation('applications.applicantTotal', 'error'),
  'reviewAndLitigation.total': relation('reviewAndLitigation.total', 'error'),
  'edition.year': {
    severity: 'warning',
    rule: {
      zh: '2019 年版格式用于 2019、2020 年度报告，2021 年版格式用于 2021 年度起的报告',
      en: 'The 2019 edition is for the 2019 and 2020 reports, the 2021 edition for 2021 on',
    },
    message: {
      'zh-CN': (p) => `${p.where}：${p.detail} 年度报告使用了 ${p.actual} 年版格式，应使用 ${p.expected} 年版`,
      en: (p) => `${p.where} (${p.whereEn}): a ${p.detail} report in the ${p.actual} edition; expected the ${p.expected} edition`,
    },
  },
  'publication.late': {
    severity: 'warning',
    rule: {
      zh: `《条例》第四十九条：部门于每年${DEPARTMENT.month}月${DEPARTMENT.day}日前、政府于每年${GOVERNMENT.month}月${GOVERNMENT.day}日前公布上一年度报告`,
      en: `Article 49: departments publish by ${DEPARTMENT.day}/${DEPARTMENT.month}, governments by ${GOVERNMENT.day}/${GOVERNMENT.month} of the next year`,
    },
    message: {
      'zh-CN': (p) => `${p.where}：${p.actual} 晚于法定期限 ${p.expected}（${p.detail} 天）`,
      en: (p) => `${p.where} (${p.whereEn}): ${p.actual} is after the statutory deadline ${p.expected} (${p.detail} days late)`,
    },
  },
  'publication.early': {
    severity: 'warning',
    rule: { zh: '年度报告在报告年度结束后发布', en: 'A report is published after its year has ended' },
    message: {
      'zh-CN': (p) => `${p.where}：${p.actual} 早于报告年度结束（${p.expected} 之后方可发布）`,
      en: (p) => `${p.where} (${p.whereEn}): ${p.actual} is before the report year ended (publish after ${p.expected})`,
    },
  },
  'continuity.carriedOver': relation('continuity.carriedOver', 'error'),
  'continuity.inForce': relation('continuity.inForce', 'warning'),
  'continuity.previousCount': relation('continuity.previousCount', 'warning'),
  'continuity.year': {
    severity: 'warning',
    rule: { zh: '上年报告的年度为本年度减一', en: 'The previous report is for the year before' },
    message: {
      'zh-CN': (p) => `${p.where}：上年报告应为 ${p.expected} 年度${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): the previous report should be for ${p.expected}${got(p)}`,
    },
  },
  'continuity.previousInvalid': {
    severity: 'warning',
    rule: { zh: '上年报告须可读取，否则不核对跨年关系', en: 'The previous report must be readable for the cross-year rules' },
    message: {
      'zh-CN': (p) => `${p.where}：上年报告不符合报告格式（${p.detail}），未核对跨年关系`,
      en: (p) => `${p.where} (${p.whereEn}): the previous report is not a valid report (${p.detail}); cross-year rules skipped`,
    },
  },
  'parse.unsupportedInput': {
    severity: 'error',
    rule: { zh: '输入须为可读取的报告（HTML、PDF 或文本）', en: 'The input is a published report that can be read (HTML, PDF or text)' },
    message: {
      'zh-CN': (p) => `${p.where}：暂不能读取此类输入（${p.detail}）`,
      en: (p) => `${p.where} (${p.whereEn}): this kind of input cannot be read yet (${p.detail})`,
    },
  },
  'parse.editionUnknown': {
    severity: 'warning',
    rule: { zh: '报告格式版本由表格标签判断', en: 'The edition is told from the table labels' },
    message: {
      'zh-CN': (p) => `${p.where}：未能从表格标签判断格式版本，按 ${p.expected} 年版读取`,
      en: (p) => `${p.where} (${p.whereEn}): the labels do not tell the edition; read as the ${p.expected} edition`,
    },
  },
  'parse.tableMissing': {
    severity: 'error',
    rule: { zh: '报告须有三张表格', en: 'The report has its three tables' },
    message: {
      'zh-CN': (p) => `${p.where}：未找到此表，其单元格均为空`,
      en: (p) => `${p.where} (${p.whereEn}): table not found; its cells are left blank`,
    },
  },
  'parse.imagesInsteadOfTables': {
    severity: 'error',
    rule: { zh: '表格须为文字而非图片', en: 'Tables are text, not images' },
    message: {
      'zh-CN': (p) => `${p.where}：有表格标题而无表格文字，表格可能是图片（${p.detail}）`,
      en: (p) => `${p.where} (${p.whereEn}): table headings but no table text; the tables may be images (${p.detail})`,
    },
  },
  'parse.rowMissing': {
    severity: 'warning',
    rule: { zh: '表格各行须齐全', en: 'Every row of a table is present' },
    message: {
      'zh-CN': (p) => `${p.where}：报告中没有此行，其单元格为空`,
      en: (p) => `${p.where} (${p.whereEn}): the report has no such row; its cells are left blank`,
    },
  },
  'parse.unreadableCell': {
    severity: 'warning',
    rule: { zh: '单元格须为数字、空白或占位符', en: 'A cell holds a figure, a blank or a placeholder' },
    message: {
      'zh-CN': (p) => `${p.where}：无法读作数字，记为空${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): not a figure, left blank${got(p)}`,
    },
  },
  'parse.ambiguous': {
    severity: 'warning',
    rule: {
      zh: '粘连的数字串只有一种符合勾稽关系的拆分时才读取；否则记为空，列出全部候选（expected）',
      en: 'Glued digits are read only when one split satisfies the arithmetic; else blank, with every candidate (expected)',
    },
    message: {
      'zh-CN': (p) => `${p.where}：数字串 ${p.actual} 有多种符合勾稽关系的拆分（${p.detail}），记为空`,
      en: (p) => `${p.where} (${p.whereEn}): the digits ${p.actual} split more than one way that adds up (${p.detail}); left blank`,
    },
  },
  'parse.subtotal': {
    severity: 'error',
    rule: { zh: '报告自加的小计须等于其各项之和（小计本身不计入模型）', en: 'A subtotal a report adds equals the sum of its parts (and is not kept in the model)' },
    message: {
      'zh-CN': (p) => `${p.where}：报告中的小计应为 ${p.expected}，实为 ${p.actual}`,
      en: (p) => `${p.where} (${p.whereEn}): the report's subtotal should be ${p.expected}, found ${p.actual}`,
    },
  },
  'parse.labelVariant': {
    severity: 'info',
    rule: {
      zh: '编号相同、文字仅差几个字（笔误）的行标签，按编号读作格式中的该行，并注明原文',
      en: 'A numbered row label a few characters off the form’s (a slip) is read as that row, by its number, and the printed text is given',
    },
    message: {
      'zh-CN': (p) => `${p.where}：报告印作“${p.actual}”，按编号读作此行`,
      en: (p) => `${p.where} (${p.whereEn}): printed as “${p.actual}”, read as this row by its number`,
    },
  },
  'parse.extraRow': {
    severity: 'info',
    rule: { zh: '格式以外的行保留为附加行', en: 'Rows outside the format are kept as extras' },
    message: {
      'zh-CN': (p) => `${p.where}：格式以外的行“${p.detail}”，已保留为附加行`,
      en: (p) => `${p.where} (${p.whereEn}): a row outside the format, “${p.detail}”, kept as an extra`,
    },
  },
} satisfies Record<RuleCode, RuleEntry>;

/**
 * A finding code: a key of {@link RULES}.
 *
 * @example
 * ```ts
 * import type { RuleCode } from 'gov-disclosure-report';
 * const code: RuleCode = 'cell.blank';
 * ```
 */
export type RuleCode =
  | 'shape.type'
  | 'shape.required'
  | 'shape.unknownKey'
  | 'shape.edition'
  | 'shape.year'
  | 'shape.enum'
  | 'shape.date'
  | 'shape.unreadable'
  | 'cell.notInteger'
  | 'cell.negative'
  | 'cell.tooLarge'
  | 'cell.blank'
  | 'money.invalid'
  | 'money.negative'
  | 'money.precision'
  | 'applications.balance'
  | 'applications.outcomeTotal'
  | 'applications.applicantTotal'
  | 'reviewAndLitigation.total'
  | 'edition.year'
  | 'publication.late'
  | 'publication.early'
  | 'continuity.carriedOver'
  | 'continuity.inForce'
  | 'continuity.previousCount'
  | 'continuity.year'
  | 'continuity.previousInvalid'
  | 'parse.unsupportedInput'
  | 'parse.editionUnknown'
  | 'parse.tableMissing'
  | 'parse.imagesInsteadOfTables'
  | 'parse.rowMissing'
  | 'parse.unreadableCell'
  | 'parse.ambiguous'
  | 'parse.subtotal'
  | 'parse.labelVariant'
  | 'parse.extraRow';

/**
 * Every rule code, its severity, the rule and its messages.
 *
 * @example
 * ```ts
 * import { RULES, type RuleCode } from 'gov-disclosure-report';
 * const errors = (Object.keys(RULES) as RuleCode[]).filter((code) => RULES[code].severity === 'error');
 * ```
 */
export const RULES: Readonly<Record<RuleCode, RuleEntry>> = RULE_ENTRIES;

/**
 * Renders the message of a finding in a locale.
 *
 * @example
 * ```ts
 * import { renderMessage } from 'gov-disclosure-report';
 * renderMessage('applications.outcomeTotal', 'zh-CN', {
 *   where: '三、本年度办理结果（七）总计 · 自然人', whereEn: 'outcomes › total · natural persons',
 *   expected: 5, actual: 4,
 * }); // '三、本年度办理结果（七）总计 · 自然人：应为 5，实为 4（各项办理结果之和）'
 * ```
 */
export function renderMessage(code: RuleCode, locale: Locale, params: MessageParams): string {
  return RULES[code].message[locale](params);
}

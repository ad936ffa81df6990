/**
 * The rule catalogue: every finding code with its severity, the rule in
 * words and its message in zh-CN and en. Codes are the contract; messages
 * are rendered from here and nowhere else.
 *
 * @module
 */

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
const sum = (zh: string, en: string): RuleEntry['message'] => ({
  'zh-CN': (p) => `${p.where}：应为 ${p.expected}，实为 ${p.actual}（${zh}）`,
  en: (p) => `${p.where} (${p.whereEn}): expected ${p.expected} (${en}), found ${p.actual}`,
});

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
    rule: { zh: '报告年度须为 2019 至 2100 年间的整数', en: 'The report year is an integer from 2019 to 2100' },
    message: {
      'zh-CN': (p) => `${p.where}：应为 2019 至 2100 年间的整数${was(p)}`,
      en: (p) => `${p.where} (${p.whereEn}): expected an integer from 2019 to 2100${got(p)}`,
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
      en: (p) => `${p.where}: cannot be read (${p.detail})`,
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
  'applications.balance': {
    severity: 'error',
    rule: {
      zh: '本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
      en: 'In each column: new applications + carried over = outcomes total + carried forward',
    },
    message: sum('第一项加第二项之和，等于第三项加第四项之和', 'new + carried over − outcomes total'),
  },
  'applications.outcomeTotal': {
    severity: 'error',
    rule: { zh: '（七）总计等于各项办理结果之和', en: '（七）总计 is the sum of every outcome row' },
    message: sum('各项办理结果之和', 'the sum of the outcome rows'),
  },
  'applications.applicantTotal': {
    severity: 'error',
    rule: { zh: '总计等于自然人与各类法人或其他组织之和', en: '总计 is the sum of the six applicant columns' },
    message: sum('各类申请人之和', 'the sum of the applicant columns'),
  },
  'reviewAndLitigation.total': {
    severity: 'error',
    rule: { zh: '总计等于结果维持、结果纠正、其他结果、尚未审结之和', en: '总计 = upheld + corrected + other result + pending' },
    message: sum('结果维持、结果纠正、其他结果、尚未审结之和', 'upheld + corrected + other + pending'),
  },
  'edition.year': {
    severity: 'warning',
    rule: {
      zh: '2019 年版格式用于 2019、2020 年度报告，2021 年版格式用于 2021 年度起的报告',
      en: 'The 2019 edition is for the 2019 and 2020 reports, the 2021 edition for 2021 on',
    },
    message: {
      'zh-CN': (p) => `${p.where}：${p.actual} 年度报告使用了 ${p.detail} 年版格式，应使用 ${p.expected} 年版`,
      en: (p) => `${p.where} (${p.whereEn}): a ${p.actual} report in the ${p.detail} edition; expected the ${p.expected} edition`,
    },
  },
  'publication.late': {
    severity: 'warning',
    rule: {
      zh: '《条例》第四十九条：部门于每年1月31日前、政府于每年3月31日前公布上一年度报告',
      en: 'Article 49: departments publish by 31 January, governments by 31 March of the next year',
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
  'continuity.carriedOver': {
    severity: 'error',
    rule: {
      zh: '本年“上年结转”等于上年报告“结转下年度继续办理”',
      en: "This year's carried-over applications equal last year's carried-forward ones",
    },
    message: {
      'zh-CN': (p) => `${p.where}：应等于上年报告“四、结转下年度继续办理”的 ${p.expected}，实为 ${p.actual}`,
      en: (p) => `${p.where} (${p.whereEn}): expected ${p.expected}, last year's carried forward, found ${p.actual}`,
    },
  },
  'continuity.inForce': {
    severity: 'warning',
    rule: {
      zh: '现行有效件数约等于上年现行有效件数加本年制发件数减本年废止件数',
      en: 'In force ≈ last year in force + issued − repealed (documents may also lapse)',
    },
    message: {
      'zh-CN': (p) => `${p.where}：按上年现行有效件数加本年制发减本年废止应为 ${p.expected}，实为 ${p.actual}`,
      en: (p) => `${p.where} (${p.whereEn}): last year's in force + issued − repealed gives ${p.expected}, found ${p.actual}`,
    },
  },
  'continuity.previousCount': {
    severity: 'warning',
    rule: {
      zh: '上一年项目数量等于上年报告的上一年项目数量加本年增/减',
      en: "Items last year equal last year's report's items last year + change",
    },
    message: {
      'zh-CN': (p) => `${p.where}：按上年报告的上一年项目数量加本年增/减应为 ${p.expected}，实为 ${p.actual}`,
      en: (p) => `${p.where} (${p.whereEn}): last year's report gives ${p.expected}, found ${p.actual}`,
    },
  },
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
      en: (p) => `${p.where}: the previous report is not a valid report (${p.detail}); cross-year rules skipped`,
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
  | 'continuity.previousInvalid';

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

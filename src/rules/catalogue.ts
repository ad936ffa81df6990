/**
 * The rule catalogue: every finding code with its severity, the rule in
 * words, and the values its findings carry, typed per code. This is the one
 * list of codes: {@link RuleCode} is its keys, and each language's messages
 * (`./messages/`) must cover every one of them.
 *
 * @module
 */

import { EDITION_KEYS, layoutOf } from '../format/layout.js';
import { PUBLISHERS, YEAR_RANGE } from '../format/report-fields.js';
import type { CellKind, Edition, RelationRuleCode } from '../format/types.js';
import type { CaseField } from '../cases/fields.js';
import type { NarrativeQuantity } from '../format/narrative-figures.js';

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
 * One rule of the catalogue. `P` is what a finding of the rule carries
 * besides its code, severity, path and message; `example` is one such set
 * of values, at `examplePath`, for the rule catalogue page and the tests.
 *
 * @example
 * ```ts
 * import { RULES } from 'gov-disclosure-report';
 * RULES['publication.late'].example.daysLate; // 3
 * ```
 */
export interface RuleEntry<P extends object = object> {
  readonly severity: Severity;
  /** The rule in words; for the form's own rules, its official wording. */
  readonly rule: { readonly zh: string; readonly en: string };
  /** The JSON Pointer of the example finding. */
  readonly examplePath: string;
  /** The values of the example finding. */
  readonly example: P;
}

/** A value as the input gave it: a number, a string (cut short when long), or the JSON type of anything else. */
/**
 * A value as the input gave it, in a finding: a number, a string (cut short
 * when long), or the JSON type of anything else.
 *
 * @example
 * ```ts
 * import type { Given } from 'gov-disclosure-report';
 * const actual: Given = 'array';
 * ```
 */
export type Given = number | string;

/** What a relation's finding carries: the sum it expected, the figure it found, and every cell it read. */
/**
 * What a sum relation's finding carries: the sum it expected, the figure it
 * found, and every cell it read.
 *
 * @example
 * ```ts
 * import type { RelationParams } from 'gov-disclosure-report';
 * const params: RelationParams = { expected: 5, actual: 4, cells: ['/applications/outcomes/total/naturalPerson'] };
 * ```
 */
export interface RelationParams {
  readonly expected: number | string;
  readonly actual: number;
  readonly cells: readonly string[];
}

/** A continuity relation also reads last year's cells. */
/**
 * A continuity relation's finding also names the cells of last year's report it read.
 *
 * @example
 * ```ts
 * import type { ContinuityParams } from 'gov-disclosure-report';
 * const params: ContinuityParams = { expected: 3, actual: 2, cells: ['/applications/carriedOver/naturalPerson'], previousCells: ['/applications/carriedForward/naturalPerson'] };
 * ```
 */
export interface ContinuityParams extends RelationParams {
  readonly previousCells: readonly string[];
}

const entry = <P extends object = Record<never, never>>(
  severity: Severity,
  zh: string,
  en: string,
  examplePath: string,
  example: P,
): RuleEntry<P> => ({ severity, rule: { zh, en }, examplePath, example });

/**
 * A rule that is a relation between cells: its words come from the format
 * metadata (the relation as worded there, on the cell it sets), and its
 * example is its first equation.
 */
function relation<P extends RelationParams>(code: RelationRuleCode, severity: Severity, extra: Omit<P, keyof RelationParams>): RuleEntry<P> {
  const layout = EDITION_KEYS.map(layoutOf).find((l) => l.equations.some((e) => e.rule === code))!;
  const eq = layout.equations.find((e) => e.rule === code)!;
  const target = layout.cells[eq.target]!;
  // Summed along its row, a target is named by its column; summed down its column, by its row.
  const terms = [...eq.plus, ...eq.minus].map((i) => layout.cells[i]!).concat(eq.previous.map((p) => layout.cellAt.get(p)!));
  const sameColumn = terms.every((cell) => cell.column.key === target.column.key);
  const named = sameColumn ? { zh: target.rows.at(-1)!.label, en: target.rows.at(-1)!.en } : { zh: target.column.label, en: target.column.en };
  const { zh, en } = eq.wording;
  const words = zh.includes('等于') ? { zh, en } : { zh: `${named.zh}等于${zh}`, en: `${named.en} = ${en}` };
  const cells = [eq.target, ...eq.plus, ...eq.minus].map((i) => layout.cells[i]!.pointer);
  return entry(severity, words.zh, words.en, target.pointer, { expected: 5, actual: 4, cells, ...extra } as unknown as P);
}

const { department: { deadline: DEPARTMENT }, government: { deadline: GOVERNMENT } } = PUBLISHERS;
const EDITION_LIST = EDITION_KEYS.map((e) => `"${e}"`);
const FEE = '/proactive/fees/amount';
const RECEIVED = '/applications/received/naturalPerson';

/**
 * Every rule, keyed by its code, in the order findings are given.
 *
 * @example
 * ```ts
 * import { RULES, type RuleCode } from 'gov-disclosure-report';
 * const errors = (Object.keys(RULES) as RuleCode[]).filter((code) => RULES[code].severity === 'error');
 * ```
 */
export const RULES = {
  'shape.type': entry<{ readonly expected: 'object' | 'string' | 'integer'; readonly actual: Given }>(
    'error', '每一项的类型须符合报告格式', 'Every field has the type the report format gives it',
    '/applications', { expected: 'object', actual: 'array' },
  ),
  'shape.required': entry('error', '必填项不得缺少', 'Required fields are present', '/year', {}),
  'shape.unknownKey': entry<{ readonly edition: Edition }>(
    'error', '不得有报告格式以外的项', 'No field outside the report format', '/applications/remarks', { edition: '2021' },
  ),
  'shape.edition': entry<{ readonly actual: Given }>(
    'error', `报告格式版本须为 ${EDITION_LIST.join(' 或 ')}`, `The edition is ${EDITION_LIST.join(' or ')}`, '/edition', { actual: '2020' },
  ),
  'shape.year': entry<{ readonly actual: Given }>(
    'error',
    `报告年度须为 ${YEAR_RANGE.min} 至 ${YEAR_RANGE.max} 年间的整数`,
    `The report year is an integer from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
    '/year', { actual: 2018 },
  ),
  'shape.enum': entry<{ readonly expected: string; readonly actual: Given }>(
    'error', '取值须为规定的选项之一', 'The value is one of the listed options', '/publisher',
    { expected: Object.keys(PUBLISHERS).join(', '), actual: 'county' },
  ),
  'shape.date': entry<{ readonly actual: Given }>(
    'error', '日期须为有效的 YYYY-MM-DD 日历日期', 'Dates are real calendar dates written YYYY-MM-DD', '/publishedOn', { actual: '2022-02-30' },
  ),
  'shape.unreadable': entry<{ readonly reason: string }>('error', '输入须可读取', 'The input can be read', '', { reason: 'a getter threw' }),
  'cell.notInteger': entry<{ readonly actual: Given; readonly kind: Exclude<CellKind, 'money'> }>(
    'error', '件数须为整数', 'A count is an integer', RECEIVED, { actual: '12', kind: 'count' },
  ),
  'cell.negative': entry<{ readonly actual: number }>('error', '件数不得为负数', 'A count is not negative', RECEIVED, { actual: -1 }),
  'cell.tooLarge': entry<{ readonly actual: Given }>(
    'error', '件数不得超过 9007199254740991（2^53 − 1）', 'A count is at most 9007199254740991 (2^53 − 1)', RECEIVED, { actual: 9007199254740992 },
  ),
  'cell.blank': entry('warning', '空白单元格按 0 计入合计', 'A blank cell counts as 0 in the sums', '/applications/received/researchInstitution', {}),
  'money.invalid': entry<{ readonly actual: Given }>('error', '金额须为以万元计的十进制数', 'An amount is a decimal number in 万元', FEE, { actual: '1,000' }),
  'money.negative': entry<{ readonly actual: Given }>('error', '金额不得为负数', 'An amount is not negative', FEE, { actual: '-1.5' }),
  'money.precision': entry<{ readonly expected: string; readonly actual: Given }>(
    'warning', '金额保留四位小数，多余位数四舍五入', 'Amounts keep four decimals; more are rounded half-up', FEE,
    { expected: '4166.2416', actual: '4166.241619' },
  ),
  'findings.omitted': entry<{ readonly rule: string; readonly omitted: number }>(
    'info', '同一规则的发现过多时只列出前若干条', 'When one rule finds too much, only the first findings are listed', '',
    { rule: 'shape.unknownKey', omitted: 299_800 },
  ),
  'applications.balance': relation('applications.balance', 'error', {}),
  'applications.outcomeTotal': relation('applications.outcomeTotal', 'error', {}),
  'applications.applicantTotal': relation('applications.applicantTotal', 'error', {}),
  'reviewAndLitigation.total': relation('reviewAndLitigation.total', 'error', {}),
  'edition.year': entry<{ readonly expected: Edition | undefined; readonly actual: Edition; readonly year: number }>(
    'warning',
    '2019 年版格式用于 2019、2020 年度报告，2021 年版格式用于 2021 年度起的报告',
    'The 2019 edition is for the 2019 and 2020 reports, the 2021 edition for 2021 on',
    '/edition', { expected: '2019', actual: '2021', year: 2020 },
  ),
  'publication.late': entry<{ readonly expected: string; readonly actual: string; readonly daysLate: number }>(
    'warning',
    `《条例》第四十九条：部门于每年${DEPARTMENT.month}月${DEPARTMENT.day}日前、政府于每年${GOVERNMENT.month}月${GOVERNMENT.day}日前公布上一年度报告`,
    `Article 49: departments publish by ${DEPARTMENT.day}/${DEPARTMENT.month}, governments by ${GOVERNMENT.day}/${GOVERNMENT.month} of the next year`,
    '/publishedOn', { expected: '2022-01-31', actual: '2022-02-03', daysLate: 3 },
  ),
  'publication.early': entry<{ readonly expected: string; readonly actual: string }>(
    'warning', '年度报告在报告年度结束后发布', 'A report is published after its year has ended', '/publishedOn',
    { expected: '2021-12-31', actual: '2021-12-20' },
  ),
  'continuity.carriedOver': relation<ContinuityParams>('continuity.carriedOver', 'error', { previousCells: ['/applications/carriedForward/naturalPerson'] }),
  'continuity.inForce': relation<ContinuityParams>('continuity.inForce', 'warning', { previousCells: ['/proactive/regulations/inForce'] }),
  'continuity.previousCount': relation<ContinuityParams>('continuity.previousCount', 'warning', { previousCells: ['/proactive/licensing/previousCount'] }),
  'continuity.year': entry<{ readonly expected: number; readonly actual: number }>(
    'warning', '上年报告的年度为本年度减一', 'The previous report is for the year before', '/year', { expected: 2021, actual: 2019 },
  ),
  'continuity.previousInvalid': entry<{ readonly reason: string }>(
    'warning', '上年报告须可读取，否则不核对跨年关系', 'The previous report must be readable for the cross-year rules', '',
    { reason: 'shape.required /year' },
  ),
  'narrative.figure': entry<{
    readonly quantity: NarrativeQuantity;
    readonly expected: number;
    readonly actual: number;
    readonly text: string;
    readonly cells: readonly string[];
  }>(
    'warning',
    '文字部分所述的申请、复议、诉讼、规范性文件、许可和处罚数字须与表格一致',
    'A figure the narrative states for applications, reviews, lawsuits, normative documents, licensing or penalties matches the tables',
    '/narrative/overview',
    { quantity: 'received', expected: 95, actual: 17, text: '受理政府信息公开申请17件', cells: ['/applications/received/total', '/applications/carriedOver/total'] },
  ),
  'narrative.year': entry<{ readonly expected: number; readonly actual: number; readonly text: string }>(
    'warning', '文字部分所述的报告年度、统计期限须为本报告年度', 'The narrative speaks of the report year and its statistics period',
    '/narrative/overview', { expected: 2024, actual: 2023, text: '2023年度，我局共受理政府信息公开申请12件' },
  ),
  'rollup.year': entry<{ readonly part: number; readonly expected: number; readonly actual: number }>(
    'error', '汇总的各份报告须为汇总的年度', 'Every report summed is of the year of the sum', '/parts/3/year', { part: 3, expected: 2024, actual: 2023 },
  ),
  'rollup.edition': entry<{ readonly part: number; readonly expected: Edition; readonly actual: Edition }>(
    'error', '汇总的各份报告须为同一格式版本', 'Every report summed is of the edition of the sum', '/parts/3/edition',
    { part: 3, expected: '2021', actual: '2019' },
  ),
  'rollup.unreadable': entry<{ readonly part: number }>(
    'error', '汇总的各份报告须符合报告格式，否则不计入汇总', 'A report summed has the shape of a report, or it is left out of the sum', '/parts/3',
    { part: 3 },
  ),
  'trend.jump': entry<{ readonly previous: number | string; readonly actual: number | string; readonly ratio: number | null; readonly cells: readonly string[] }>(
    'warning',
    '与上年相比，数字增至 5 倍及以上或降至 0.2 倍及以下（两年中较大者不少于 10）时提示核实',
    'A figure that grew to ×5 or more or fell to ×0.2 or less of last year’s (the larger at least 10) is worth a second look',
    '/applications/received/total', { previous: 12, actual: 95, ratio: 7.92, cells: ['/applications/received/total'] },
  ),
  'parse.unsupportedInput': entry<{ readonly reason: string }>(
    'error', '输入须为可读取的报告（HTML、PDF 或文本）', 'The input is a published report that can be read (HTML, PDF or text)', '',
    { reason: 'binary data' },
  ),
  'parse.editionUnknown': entry<{ readonly expected: Edition }>(
    'warning', '报告格式版本由表格标签判断', 'The edition is told from the table labels', '/edition', { expected: '2021' },
  ),
  'parse.tableMissing': entry('error', '报告须有三张表格', 'The report has its three tables', '/reviewAndLitigation', {}),
  'parse.imagesInsteadOfTables': entry<{ readonly reason: string }>(
    'error', '表格须为文字而非图片', 'Tables are text, not images', '', { reason: '二、主动公开政府信息情况' },
  ),
  'parse.rowMissing': entry('warning', '表格各行须齐全', 'Every row of a table is present', '/proactive/regulations', {}),
  'parse.unreadableCell': entry<{ readonly actual?: string }>(
    'warning', '单元格须为数字、空白或占位符', 'A cell holds a figure, a blank or a placeholder', '/proactive/licensing/decisions', { actual: '见附件' },
  ),
  'parse.ambiguous': entry<{ readonly actual?: string; readonly candidates: readonly string[] }>(
    'warning',
    '粘连的数字串只有一种符合勾稽关系的拆分时才读取；重复印出且数字不同的行不读取；均记为空并列出全部候选',
    'Glued digits are read only when one split adds up, a row printed twice with other figures not at all; both are left blank, with every candidate',
    '/proactive/normativeDocuments', { actual: '5845546', candidates: ['5|8|45546', '5|84|5546', '58|4|5546'] },
  ),
  'parse.subtotal': entry<{ readonly expected: number; readonly actual: number; readonly cells: readonly string[] }>(
    'error', '报告自加的小计须等于其各项之和（小计本身不计入模型）', 'A subtotal a report adds equals the sum of its parts (and is not kept in the model)',
    '/applications/outcomes/denied', { expected: 3, actual: 4, cells: ['/applications/outcomes/denied/stateSecret/naturalPerson'] },
  ),
  'parse.labelVariant': entry<{ readonly actual: string }>(
    'info',
    '编号相同、文字仅差几个字（笔误）的行标签，按编号读作格式中的该行，并注明原文',
    'A numbered row label a few characters off the form’s (a slip) is read as that row, by its number, and the printed text is given',
    '/applications/outcomes/denied/prohibitedByLawOrRegulation', { actual: '2.其他法律行政止公开' },
  ),
  'parse.extraRow': entry<{ readonly label: string }>(
    'info', '格式以外的行保留为附加行', 'Rows outside the format are kept as extras', '/proactive', { label: '其他主动公开文件' },
  ),
  'case.shape': entry<{
    readonly caseId?: string;
    /** What the field should have been. */
    readonly expected: 'object' | 'string' | 'date' | 'dateOrNull' | 'boolean' | 'array' | 'workingDays' | 'applicant' | 'outcome' | 'consultedParty';
    readonly actual?: Given;
  }>(
    'error',
    '申请记录须为对象，必填项齐全且类型正确，日期为有效日历日期，申请人类型和办理结果为规定的选项',
    'A case record is an object with its required fields of the right type, real calendar dates, and a known applicant and outcome',
    '/cases/41/receivedOn', { caseId: '2024-042', expected: 'date', actual: '"2024-02-30"' },
  ),
  'case.duplicateId': entry<{ readonly caseId: string }>(
    'error', '申请编号在台账中唯一', 'An application number is unique in the register', '/cases/41/id', { caseId: '2024-042' },
  ),
  'case.dateOrder': entry<{ readonly caseId?: string; readonly expected: string; readonly actual: string; readonly earlier: CaseField }>(
    'error',
    '办结不早于收到申请，补正告知不早于收到申请，补正收到不早于补正告知，征求意见答复不早于发出',
    'A case closes on or after receipt; a correction is requested on or after receipt and received on or after the request; a consultation is answered on or after it was sent',
    '/cases/41/closedOn', { caseId: '2024-042', expected: '2024-03-05', actual: '2024-03-01', earlier: 'receivedOn' },
  ),
  'case.outcomeWithoutClose': entry<{ readonly caseId?: string; readonly actual: string }>(
    'error', '有办理结果的申请须有办结日期', 'A case with an outcome has the date it closed', '/cases/41/closedOn',
    { caseId: '2024-042', actual: 'granted' },
  ),
  'case.closeWithoutOutcome': entry<{ readonly caseId?: string; readonly actual: string }>(
    'error', '有办结日期的申请须有办理结果', 'A case with a closing date has its outcome', '/cases/41/outcome',
    { caseId: '2024-042', actual: '2024-03-20' },
  ),
  'case.late': entry<{ readonly caseId?: string; readonly expected: string; readonly actual: string; readonly workingDaysLate: number }>(
    'warning',
    '《条例》第三十三条：不能当场答复的，自收到申请之日起20个工作日内答复（延期最长20个工作日，征求意见时间不计算在内）',
    'Article 33: a reply within 20 working days of receipt (extended by at most 20; consultation time not counted)',
    '/cases/41/closedOn', { caseId: '2024-042', expected: '2024-10-23', actual: '2024-10-25', workingDaysLate: 2 },
  ),
  'case.overdue': entry<{ readonly caseId?: string; readonly expected: string; readonly asOf: string; readonly workingDaysOverdue: number }>(
    'warning', '在办申请不得超过答复期限', 'An open case is within its reply period', '/cases/41',
    { caseId: '2024-042', expected: '2024-12-20', asOf: '2024-12-31', workingDaysOverdue: 7 },
  ),
  'case.extensionTooLong': entry<{ readonly caseId?: string; readonly expected: number; readonly actual: number }>(
    'warning',
    '《条例》第三十三条第二款：延长的期限最长不得超过20个工作日（2019年5月15日前收到的申请为15个工作日）',
    'Article 33(2): an extension is at most 20 working days (15 for an application received before 2019-05-15)',
    '/cases/41/extension/workingDays', { caseId: '2024-042', expected: 20, actual: 25 },
  ),
  'case.channel': entry<{ readonly caseId?: string; readonly actual: Given }>(
    'warning',
    '提交方式为规定的选项之一（当面、邮寄、互联网、传真、其他）；它仅供参考，不影响统计',
    'The channel is one of the set ones (in person, post, online, fax, other); it is informational and changes no count',
    '/cases/41/channel', { caseId: '2024-042', actual: '"电话"' },
  ),
  'case.extensionLate': entry<{ readonly caseId?: string; readonly expected: string; readonly actual: string }>(
    'warning',
    '延期须在原答复期限届满前告知申请人，逾期告知的延期不计入答复期限',
    'An extension is notified by the unextended due date; one notified later does not extend the period',
    '/cases/41/extension/notifiedOn', { caseId: '2024-042', expected: '2024-10-23', actual: '2024-10-24' },
  ),
  'case.correctionLate': entry<{ readonly caseId?: string; readonly expected: string; readonly actual: string; readonly workingDaysLate: number }>(
    'warning',
    '《条例》第三十条：需要补正的，自收到申请之日起7个工作日内一次性告知申请人',
    'Article 30: a correction is requested, once, within 7 working days of receipt',
    '/cases/41/correction/requestedOn', { caseId: '2024-042', expected: '2024-09-30', actual: '2024-10-08', workingDaysLate: 1 },
  ),
  'calendar.outOfRange': entry<{ readonly caseId?: string; readonly year: number }>(
    'error',
    '答复期限所需的工作日须在工作日历（国务院节假日安排通知）覆盖的年份内，不作推测',
    'Every working day a deadline needs lies in a year the working-day calendar (the State Council holiday notices) covers; nothing is guessed',
    '/cases/41', { caseId: '2026-318', year: 2027 },
  ),
} as const satisfies Record<string, RuleEntry>;

/**
 * A finding code: a key of {@link RULES}.
 *
 * @example
 * ```ts
 * import type { RuleCode } from 'gov-disclosure-report';
 * const code: RuleCode = 'cell.blank';
 * ```
 */
export type RuleCode = keyof typeof RULES;

/**
 * The values a finding of `C` carries besides its code, severity, path and
 * message: what its message is built from.
 *
 * @example
 * ```ts
 * import type { RuleParams } from 'gov-disclosure-report';
 * const late: RuleParams<'publication.late'> = { expected: '2022-01-31', actual: '2022-02-03', daysLate: 3 };
 * ```
 */
export type RuleParams<C extends RuleCode> = (typeof RULES)[C]['example'];

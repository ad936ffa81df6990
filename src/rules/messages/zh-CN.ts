/**
 * The messages in Chinese (zh-CN), Chinese throughout.
 *
 * @module
 */
import { EDITION_KEYS } from '../../format/layout.js';
import { YEAR_RANGE } from '../../format/report-fields.js';
import { APPLICANT_COLUMNS } from '../../format/applications.js';
import { CASE_FIELDS, CHANNELS, CONSULTED, caseFieldAt } from '../../cases/fields.js';
import type { RuleParams } from '../catalogue.js';
import type { MessageCatalogue, MessageContext } from './context.js';
import { NARRATIVE_FIGURES } from '../../format/narrative-figures.js';

/** The JSON types as a Chinese message names them. */
const TYPE_ZH: Readonly<Record<string, string>> = {
  object: '对象',
  string: '字符串',
  integer: '整数',
  number: '数字',
  boolean: '布尔值',
  array: '数组',
  null: '空值',
  undefined: '未定义',
  NaN: '非数（NaN）',
  Infinity: '无穷大',
  '-Infinity': '负无穷大',
};

/** `，实为 …`: the value found, a JSON type named in Chinese. */
const was = (actual: unknown, at: MessageContext, type = false) =>
  actual === undefined ? '' : `，实为${type ? (TYPE_ZH[String(actual)] ?? String(actual)) : ` ${at.shown ?? String(actual)}`}`;

/**
 * Every message in Chinese.
 *
 * @example
 * ```ts
 * import { MESSAGES_ZH_CN } from 'gov-disclosure-report';
 * MESSAGES_ZH_CN['cell.blank']({}, { where: '规章 · 本年制发件数', whereEn: '' }); // '规章 · 本年制发件数：单元格空白，按 0 计算'
 * ```
 */
export const MESSAGES_ZH_CN: MessageCatalogue = {
  'shape.type': (p, at) => `${at.where}：类型不符，应为${TYPE_ZH[p.expected]}${was(p.actual, at, at.shown === undefined)}`,
  'shape.required': (_, at) => `${at.where}：缺少必填项`,
  'shape.unknownKey': (p, at) => `${at.where}：${p.edition} 年版格式中没有此项`,
  'shape.edition': (p, at) => `${at.where}：应为 ${EDITION_KEYS.map((e) => `"${e}"`).join(' 或 ')}${was(p.actual, at)}`,
  'shape.year': (p, at) => `${at.where}：应为 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 年间的整数${was(p.actual, at)}`,
  'shape.enum': (p, at) => `${at.where}：应为 ${p.expected} 之一${was(p.actual, at)}`,
  'shape.date': (p, at) => `${at.where}：应为有效的 YYYY-MM-DD 日期${was(p.actual, at)}`,
  'shape.unreadable': (p, at) => `${at.where}：无法读取（${p.reason}）`,
  'cell.notInteger': (p, at) => `${at.where}：应为${p.kind === 'signedCount' ? '' : '非负'}整数${was(p.actual, at, at.shown === undefined && typeof p.actual === 'string')}`,
  'cell.negative': (p, at) => `${at.where}：不得为负数${was(p.actual, at)}`,
  'cell.tooLarge': (p, at) => `${at.where}：超出可精确表示的整数范围${was(p.actual, at)}`,
  'cell.blank': (_, at) => `${at.where}：单元格空白，按 0 计算`,
  'money.invalid': (p, at) => `${at.where}：应为以万元计的十进制数，如 "12.3456"${was(p.actual, at, at.shown === undefined && typeof p.actual === 'string')}`,
  'money.negative': (p, at) => `${at.where}：金额不得为负数${was(p.actual, at)}`,
  'money.precision': (p, at) => `${at.where}：超过四位小数，四舍五入为 ${p.expected}${was(p.actual, at)}`,
  'findings.omitted': (p, at) => `${at.where}：规则 ${p.rule} 另有 ${p.omitted} 条发现未列出`,
  'applications.balance': (p, at) => relation(p, at),
  'applications.outcomeTotal': (p, at) => relation(p, at),
  'applications.applicantTotal': (p, at) => relation(p, at),
  'reviewAndLitigation.total': (p, at) => relation(p, at),
  'edition.year': (p, at) => `${at.where}：${p.year} 年度报告使用了 ${p.actual} 年版格式，应使用 ${p.expected} 年版`,
  'publication.late': (p, at) => `${at.where}：${p.actual} 晚于法定期限 ${p.expected}（晚 ${p.daysLate} 天）`,
  'publication.early': (p, at) => `${at.where}：${p.actual} 早于报告年度结束（${p.expected} 之后方可发布）`,
  'continuity.carriedOver': (p, at) => relation(p, at),
  'continuity.inForce': (p, at) => relation(p, at),
  'continuity.previousCount': (p, at) => relation(p, at),
  'continuity.year': (p, at) => `${at.where}：上年报告应为 ${p.expected} 年度，实为 ${p.actual} 年度`,
  'continuity.previousInvalid': (p, at) => `${at.where}：上年报告不符合报告格式（${p.reason}），未核对跨年关系`,
  'narrative.figure': (p, at) => `${at.where}：文字称“${p.text}”，${QUANTITY[p.quantity]?.label ?? p.quantity}为 ${p.actual}，表格为 ${p.expected}`,
  'narrative.year': (p, at) => `${at.where}：“${p.text}”说的是 ${p.actual} 年度，本报告为 ${p.expected} 年度`,
  'rollup.year': (p) => `汇总的第 ${p.part + 1} 份报告为 ${p.actual} 年度，汇总为 ${p.expected} 年度，未计入汇总`,
  'rollup.edition': (p) => `汇总的第 ${p.part + 1} 份报告为 ${p.actual} 年版格式，汇总为 ${p.expected} 年版，未计入汇总`,
  'rollup.unreadable': (p) => `汇总的第 ${p.part + 1} 份报告不符合报告格式，未计入汇总`,
  'trend.jump': (p, at) =>
    `${at.where}：由上年 ${p.previous} ${Number(p.actual) > Number(p.previous) ? '增至' : '降至'} ${p.actual}${p.ratio === null ? '' : `（${p.ratio} 倍）`}，请核实`,
  'parse.unsupportedInput': (p, at) => `${at.where}：暂不能读取此类输入（${p.reason}）`,
  'parse.editionUnknown': (p, at) => `${at.where}：未能从表格标签判断格式版本，按 ${p.expected} 年版读取`,
  'parse.tableMissing': (_, at) => `${at.where}：未找到此表，其单元格均为空`,
  'parse.imagesInsteadOfTables': (p, at) => `${at.where}：有表格标题而无表格文字，表格可能是图片（${p.reason}）`,
  'parse.rowMissing': (_, at) => `${at.where}：报告中没有此行，其单元格为空`,
  'parse.unreadableCell': (p, at) => `${at.where}：无法读作数字，记为空${p.actual === undefined ? '' : `，原文为“${p.actual}”`}`,
  'parse.ambiguous': (p, at) =>
    p.actual === undefined
      ? `${at.where}：此行印出两次且数字不同（${candidates(p.candidates)}），记为空`
      : `${at.where}：数字串 ${p.actual} 有 ${p.candidates.length} 种符合勾稽关系的拆分（${candidates(p.candidates)}），记为空`,
  'parse.subtotal': (p, at) => `${at.where}：报告中的小计应为 ${p.expected}，实为 ${p.actual}`,
  'parse.labelVariant': (p, at) => `${at.where}：报告印作“${p.actual}”，按编号读作此行`,
  'parse.extraRow': (p, at) => `${at.where}：格式以外的行“${p.label}”，已保留为附加行`,
  'case.shape': (p, at) => `${caseWhere(p, at)}：${p.actual === undefined ? `缺少必填项，应为${SHAPE_ZH[p.expected]}` : `应为${SHAPE_ZH[p.expected]}，实为 ${p.actual}`}`,
  'case.duplicateId': (p, at) => `${caseWhere(p, at)}：在台账中重复，本条不计入`,
  'case.dateOrder': (p, at) => `${caseWhere(p, at)}：${p.actual} 早于${CASE_FIELDS[p.earlier].label} ${p.expected}`,
  'case.outcomeWithoutClose': (p, at) => `${caseWhere(p, at)}：有办理结果（${p.actual}）而无办结日期`,
  'case.closeWithoutOutcome': (p, at) => `${caseWhere(p, at)}：有办结日期（${p.actual}）而无办理结果`,
  'case.late': (p, at) => `${caseWhere(p, at)}：${p.actual} 办结，晚于答复期限 ${p.expected}（逾期 ${p.workingDaysLate} 个工作日）`,
  'case.overdue': (p, at) => `${caseWhere(p, at)}：截至 ${p.asOf} 仍在办，已超过答复期限 ${p.expected}（逾期 ${p.workingDaysOverdue} 个工作日）`,
  'case.extensionTooLong': (p, at) => `${caseWhere(p, at)}：延期 ${p.actual} 个工作日，超过最长 ${p.expected} 个工作日，按 ${p.expected} 个工作日计`,
  'case.channel': (p, at) => `${caseWhere(p, at)}：${p.actual} 不是${Object.values(CHANNELS).map((c) => c.label).join('、')}之一；提交方式不影响统计`,
  'case.extensionLate': (p, at) => `${caseWhere(p, at)}：${p.actual} 告知延期，晚于原答复期限 ${p.expected}，延期不计入答复期限`,
  'case.correctionLate': (p, at) => `${caseWhere(p, at)}：${p.actual} 告知补正，晚于收到申请后第 7 个工作日 ${p.expected}（晚 ${p.workingDaysLate} 个工作日）`,
  'calendar.outOfRange': (p, at) => `${caseWhere(p, at)}：工作日历没有 ${p.year} 年的数据（国务院节假日安排通知），答复期限未计算`,
};

/** Each quantity of narrative.figure by its key. */
const QUANTITY = Object.fromEntries(NARRATIVE_FIGURES.map((q) => [q.key, q]));

/** What case.shape expected, in words. */
const SHAPE_ZH: Readonly<Record<RuleParams<'case.shape'>['expected'], string>> = {
  object: '对象',
  string: '非空字符串',
  date: '有效的 YYYY-MM-DD 日期',
  dateOrNull: '有效的 YYYY-MM-DD 日期或 null',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  workingDays: '正整数（工作日数）',
  applicant: `申请人类型之一（${APPLICANT_COLUMNS.slice(0, -1).map((c) => c.label).join('、')}）`,
  outcome: '表三办理结果之一（如 granted、（三）1 或其标签）',
  consultedParty: `征求意见对象之一（${Object.values(CONSULTED).map((c) => c.label).join('、')}）`,
};

/** The case and the field a finding is about: 申请 2024-042 · 办结日期. */
function caseWhere(p: { readonly caseId?: string }, at: MessageContext): string {
  const { record, field, item } = caseFieldAt(at.where);
  const who = p.caseId !== undefined ? `申请 ${p.caseId}` : record !== undefined ? `第 ${record + 1} 条记录` : at.where || '申请记录';
  if (!field) return who;
  return `${who} · ${item !== undefined ? `第 ${item + 1} 次` : ''}${field.label}`;
}

function relation(p: { readonly expected: number | string; readonly actual: number }, at: MessageContext): string {
  return `${at.where}：应为 ${p.expected}，实为 ${p.actual}（${at.relation}）`;
}

/** The first three candidates, and an ellipsis for the rest. */
function candidates(list: readonly string[]): string {
  return list.slice(0, 3).join('；') + (list.length > 3 ? '；…' : '');
}

/**
 * Table 三 (收到和处理政府信息公开申请情况): the applicant-category × outcome
 * matrix. Both editions share it except for （六）其他处理, which the 2021
 * edition splits into three rows.
 *
 * @module
 */
import type { ColumnMeta, Edition, RelationMeta, RowMeta, TableMeta } from './types.js';

const LEGAL_PERSON = '法人或其他组织';
const LEGAL_PERSON_EN = 'legal persons or other organisations';
const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/**
 * The seven data columns of table 三, in the order printed. The five middle
 * ones sit under the spanning header 法人或其他组织.
 *
 * @example
 * ```ts
 * import { APPLICANT_COLUMNS } from 'gov-disclosure-report';
 * APPLICANT_COLUMNS.map((c) => c.label);
 * // ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
 * ```
 */
export const APPLICANT_COLUMNS = [
  { key: 'naturalPerson', label: '自然人', en: 'natural persons', kind: 'count' },
  { key: 'commercialEnterprise', label: '商业企业', en: 'commercial enterprises', kind: 'count', group: LEGAL_PERSON, groupEn: LEGAL_PERSON_EN },
  { key: 'researchInstitution', label: '科研机构', en: 'research institutions', kind: 'count', group: LEGAL_PERSON, groupEn: LEGAL_PERSON_EN },
  { key: 'publicInterestOrganization', label: '社会公益组织', en: 'public-interest organisations', kind: 'count', group: LEGAL_PERSON, groupEn: LEGAL_PERSON_EN },
  { key: 'legalServiceAgency', label: '法律服务机构', en: 'legal service agencies', kind: 'count', group: LEGAL_PERSON, groupEn: LEGAL_PERSON_EN },
  { key: 'otherOrganization', label: '其他', en: 'other organisations', kind: 'count', group: LEGAL_PERSON, groupEn: LEGAL_PERSON_EN },
  { key: 'total', label: '总计', en: 'total', kind: 'count', isTotal: true },
] as const satisfies readonly ColumnMeta[];

/**
 * （三）不予公开: the eight grounds for refusing disclosure.
 *
 * @example
 * ```ts
 * import { DENIED_ROWS } from 'gov-disclosure-report';
 * DENIED_ROWS[2]; // { key: 'endangersSecurityOrStability', code: '（三）3', label: '3.危及“三安全一稳定”', … }
 * ```
 */
export const DENIED_ROWS = [
  { key: 'stateSecret', code: '（三）1', label: '1.属于国家秘密', en: 'state secret' },
  { key: 'prohibitedByLawOrRegulation', code: '（三）2', label: '2.其他法律行政法规禁止公开', en: 'barred by other laws or administrative regulations' },
  { key: 'endangersSecurityOrStability', code: '（三）3', label: '3.危及“三安全一稳定”', en: 'endangers the “three securities and one stability”' },
  { key: 'thirdPartyRights', code: '（三）4', label: '4.保护第三方合法权益', en: 'protects the lawful rights of a third party' },
  { key: 'internalAffairs', code: '（三）5', label: '5.属于三类内部事务信息', en: 'internal affairs (three kinds)' },
  { key: 'processInformation', code: '（三）6', label: '6.属于四类过程性信息', en: 'process information (four kinds)' },
  { key: 'lawEnforcementFile', code: '（三）7', label: '7.属于行政执法案卷', en: 'administrative enforcement file' },
  { key: 'administrativeQuery', code: '（三）8', label: '8.属于行政查询事项', en: 'administrative query matter' },
] as const satisfies readonly RowMeta[];

/**
 * （四）无法提供: the three reasons information cannot be provided.
 *
 * @example
 * ```ts
 * import { UNABLE_TO_PROVIDE_ROWS } from 'gov-disclosure-report';
 * UNABLE_TO_PROVIDE_ROWS[0].label; // '1.本机关不掌握相关政府信息'
 * ```
 */
export const UNABLE_TO_PROVIDE_ROWS = [
  { key: 'notHeld', code: '（四）1', label: '1.本机关不掌握相关政府信息', en: 'not held by this agency' },
  { key: 'needsNewCreation', code: '（四）2', label: '2.没有现成信息需要另行制作', en: 'would have to be newly created' },
  { key: 'unclearAfterCorrection', code: '（四）3', label: '3.补正后申请内容仍不明确', en: 'still unclear after correction' },
] as const satisfies readonly RowMeta[];

/**
 * （五）不予处理: the five reasons an application is not processed.
 *
 * @example
 * ```ts
 * import { NOT_PROCESSED_ROWS } from 'gov-disclosure-report';
 * NOT_PROCESSED_ROWS[1].code; // '（五）2'
 * ```
 */
export const NOT_PROCESSED_ROWS = [
  { key: 'petitionOrComplaint', code: '（五）1', label: '1.信访举报投诉类申请', en: 'petition, report or complaint' },
  { key: 'duplicate', code: '（五）2', label: '2.重复申请', en: 'duplicate application' },
  { key: 'publicPublication', code: '（五）3', label: '3.要求提供公开出版物', en: 'asks for a public publication' },
  { key: 'excessiveRepeated', code: '（五）4', label: '4.无正当理由大量反复申请', en: 'many repeated applications without good reason' },
  { key: 'confirmOrReissue', code: '（五）5', label: '5.要求行政机关确认或重新出具已获取信息', en: 'asks to confirm or reissue information already obtained' },
] as const satisfies readonly RowMeta[];

/**
 * （六）其他处理 in the 2021 edition: three rows.
 *
 * @example
 * ```ts
 * import { OTHER_HANDLING_ROWS } from 'gov-disclosure-report';
 * OTHER_HANDLING_ROWS.map((r) => r.code); // ['（六）1', '（六）2', '（六）3']
 * ```
 */
export const OTHER_HANDLING_ROWS = [
  {
    key: 'noCorrectionInTime',
    code: '（六）1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    en: 'applicant did not correct in time; no longer processed',
  },
  {
    key: 'feeNotPaidInTime',
    code: '（六）2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    en: 'applicant did not pay the fee in time; no longer processed',
  },
  { key: 'other', code: '（六）3', label: '3.其他', en: 'other' },
] as const satisfies readonly RowMeta[];

/**
 * The rows of 三、本年度办理结果 for an edition: （一） to （七）. Only （六）
 * differs: three rows in 2021, one row in 2019.
 *
 * @example
 * ```ts
 * import { outcomeRows } from 'gov-disclosure-report';
 * outcomeRows('2019')[5]; // { key: 'otherHandling', code: '（六）', label: '（六）其他处理', … }
 * ```
 */
export function outcomeRows(edition: Edition): readonly RowMeta[] {
  const otherHandling = { key: 'otherHandling', code: '（六）', label: '（六）其他处理', en: 'other handling' };
  return [
    { key: 'granted', code: '（一）', label: '（一）予以公开', en: 'disclosed' },
    {
      key: 'partiallyGranted',
      code: '（二）',
      label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      en: 'partly disclosed (counted here only)',
    },
    { key: 'denied', code: '（三）', label: '（三）不予公开', en: 'not disclosed', rows: DENIED_ROWS },
    { key: 'unableToProvide', code: '（四）', label: '（四）无法提供', en: 'cannot be provided', rows: UNABLE_TO_PROVIDE_ROWS },
    { key: 'notProcessed', code: '（五）', label: '（五）不予处理', en: 'not processed', rows: NOT_PROCESSED_ROWS },
    edition === '2021' ? { ...otherHandling, rows: OTHER_HANDLING_ROWS } : otherHandling,
    { key: 'total', code: '（七）', label: '（七）总计', en: 'total', isTotal: true, shape: 'ApplicantTotals' },
  ];
}

/**
 * An outcome row of table 三 with its official numbering: a row of its own
 * (（一）予以公开) or one under a group (（三）1 under （三）不予公开).
 *
 * @example
 * ```ts
 * import { outcomeCodes, type OutcomeCode } from 'gov-disclosure-report';
 * const stateSecret: OutcomeCode = outcomeCodes('2021')[2];
 * ```
 */
export interface OutcomeCode {
  /** The official numbering, e.g. `（三）1`. */
  readonly code: string;
  /** The row's keys below `outcomes`, dotted: `denied.stateSecret`. */
  readonly id: string;
  readonly label: string;
  readonly en: string;
  /** The group the row sits in, for a numbered sub-row. */
  readonly group?: { readonly code: string; readonly label: string };
}

/**
 * Every outcome row of table 三 that holds figures, in the order printed,
 * with its numbering, group and label; （七）总计 last.
 *
 * @example
 * ```ts
 * import { outcomeCodes } from 'gov-disclosure-report';
 * outcomeCodes('2021').find((o) => o.code === '（三）1');
 * // { code: '（三）1', id: 'denied.stateSecret', label: '1.属于国家秘密', en: 'state secret',
 * //   group: { code: '（三）', label: '（三）不予公开' } }
 * outcomeCodes('2019').map((o) => o.code).at(-2); // '（六）'
 * ```
 */
export function outcomeCodes(edition: Edition): OutcomeCode[] {
  return outcomeRows(edition).flatMap((row) => {
    const own = { code: row.code!, label: row.label, en: row.en };
    if (!row.rows) return [{ ...own, id: row.key }];
    return row.rows.map((sub) => ({ code: sub.code!, id: `${row.key}.${sub.key}`, label: sub.label, en: sub.en, group: { code: own.code, label: own.label } }));
  });
}

/** Dotted ids of the leaf rows under `prefix` (a group's own key path). */
function leafIds(rows: readonly RowMeta[], prefix: string): string[] {
  return rows.flatMap((row) => {
    const id = `${prefix}.${row.key}`;
    if (row.isTotal) return [];
    return row.rows ? leafIds(row.rows, id) : [id];
  });
}

/**
 * Table 三 of an edition, with its rows, columns and the three sum relations
 * of the form: the 勾稽关系 printed in its corner (per column: 一 + 二 = 三 + 四),
 * （七）总计 as the sum of the outcome rows, and 总计 as the sum of the six
 * applicant columns.
 *
 * @example
 * ```ts
 * import { applicationsTable } from 'gov-disclosure-report';
 * applicationsTable('2021').relations.map((r) => r.rule);
 * // ['applications.balance', 'applications.outcomeTotal', 'applications.applicantTotal', 'continuity.carriedOver']
 * ```
 */
export function applicationsTable(edition: Edition): TableMeta {
  const outcomes = outcomeRows(edition);
  const applicantColumns = APPLICANT_COLUMNS.filter((c) => !('isTotal' in c)).map((c) => c.key);
  const relations: RelationMeta[] = [
    {
      rule: 'applications.balance',
      within: 'column',
      target: 'carriedForward',
      plus: ['received', 'carriedOver'],
      minus: ['outcomes.total'],
      // The form's own words, from the note in its corner.
      wording: { zh: BALANCE_NOTE.slice(BALANCE_NOTE.indexOf('：') + 1, -1), en: 'items 1 + 2 = items 3 + 4, in each column' },
    },
    {
      rule: 'applications.outcomeTotal',
      within: 'column',
      target: 'outcomes.total',
      plus: leafIds(outcomes, 'outcomes'),
      wording: { zh: '各项办理结果之和', en: 'the sum of every outcome row' },
    },
    {
      rule: 'applications.applicantTotal',
      within: 'row',
      target: 'total',
      plus: applicantColumns,
      wording: { zh: `${APPLICANT_COLUMNS[0].label}与各类${LEGAL_PERSON}之和`, en: 'the sum of the six applicant columns' },
    },
    { rule: 'continuity.carriedOver', within: 'column', target: 'carriedOver', plus: [], previous: ['carriedForward'] },
  ];
  return {
    key: 'applications',
    number: '三',
    label: '三、收到和处理政府信息公开申请情况',
    en: 'Applications received and handled',
    header: '申请人情况',
    headerEn: 'applicants',
    note: BALANCE_NOTE,
    noteEn: '(in each column: item 1 + item 2 = item 3 + item 4)',
    blocks: [
      {
        shape: 'ApplicantCounts',
        columns: APPLICANT_COLUMNS,
        rows: [
          { key: 'received', label: '一、本年新收政府信息公开申请数量', en: 'new applications received this year' },
          { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', en: 'carried over from last year' },
          { key: 'outcomes', label: '三、本年度办理结果', en: 'outcomes this year', rows: outcomes },
          { key: 'carriedForward', label: '四、结转下年度继续办理', en: 'carried forward to next year' },
        ],
      },
    ],
    relations,
  };
}

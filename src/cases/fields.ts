/**
 * The fields of a case record (cases.md §1) with their Chinese names: the
 * one table that the JSON Schema titles, the register headers the command
 * line reads and the finding messages all take their words from.
 *
 * @module
 */
import { APPLICANT_COLUMNS } from '../format/applications.js';

/**
 * Every field of a case record: its key (dotted below `correction`,
 * `extension` and a consultation), its Chinese name as a register's header
 * gives it, and an English gloss.
 *
 * @example
 * ```ts
 * import { CASE_FIELDS } from 'gov-disclosure-report/cases';
 * CASE_FIELDS.receivedOn.label; // '收到申请日期'
 * ```
 */
export const CASE_FIELDS = {
  id: { label: '申请编号', en: 'application number' },
  applicant: { label: '申请人类型', en: 'applicant category' },
  receivedOn: { label: '收到申请日期', en: 'date received' },
  channel: { label: '提交方式', en: 'channel' },
  onTheSpot: { label: '当场答复', en: 'answered on the spot' },
  correction: { label: '补正', en: 'correction' },
  'correction.requestedOn': { label: '补正告知日期', en: 'correction requested on' },
  'correction.receivedOn': { label: '补正收到日期', en: 'correction received on' },
  extension: { label: '延期', en: 'extension' },
  'extension.notifiedOn': { label: '延期告知日期', en: 'extension notified on' },
  'extension.workingDays': { label: '延期工作日', en: 'extension in working days' },
  consultations: { label: '征求意见', en: 'consultations' },
  'consultations.with': { label: '征求意见对象', en: 'consulted' },
  'consultations.sentOn': { label: '征求意见发出日期', en: 'consultation sent on' },
  'consultations.answeredOn': { label: '征求意见答复日期', en: 'consultation answered on' },
  delayedUntil: { label: '延迟答复日期', en: 'delayed reply date (Article 35)' },
  outcome: { label: '办理结果', en: 'outcome' },
  closedOn: { label: '办结日期', en: 'date closed' },
} as const satisfies Record<string, { readonly label: string; readonly en: string }>;

/**
 * A field of {@link CASE_FIELDS}.
 *
 * @example
 * ```ts
 * import type { CaseField } from 'gov-disclosure-report/cases';
 * const field: CaseField = 'correction.receivedOn';
 * ```
 */
export type CaseField = keyof typeof CASE_FIELDS;

/**
 * The ways an application may reach the agency (第三十一条), informational.
 *
 * @example
 * ```ts
 * import { CHANNELS } from 'gov-disclosure-report/cases';
 * CHANNELS.online.label; // '互联网'
 * ```
 */
export const CHANNELS = {
  inPerson: { label: '当面', en: 'in person' },
  post: { label: '邮寄', en: 'post' },
  online: { label: '互联网', en: 'online' },
  fax: { label: '传真', en: 'fax' },
  other: { label: '其他', en: 'other' },
} as const;

/**
 * Who a consultation went to: a third party (第三十二条) or another agency (第三十四条).
 *
 * @example
 * ```ts
 * import { CONSULTED } from 'gov-disclosure-report/cases';
 * CONSULTED.thirdParty.label; // '第三方'
 * ```
 */
export const CONSULTED = {
  thirdParty: { label: '第三方', en: 'third party' },
  agency: { label: '其他机关', en: 'other agency' },
} as const;

/**
 * The six applicant columns of table 三 a record may name, in the order
 * printed (the format's columns without 总计).
 *
 * @example
 * ```ts
 * import { APPLICANT_KEYS } from 'gov-disclosure-report/cases';
 * APPLICANT_KEYS[0]; // 'naturalPerson'
 * ```
 */
export const APPLICANT_KEYS = APPLICANT_COLUMNS.filter((c) => !('isTotal' in c)).map((c) => c.key) as readonly ApplicantKey[];

/**
 * An applicant column of table 三: `naturalPerson`, `commercialEnterprise`, ….
 *
 * @example
 * ```ts
 * import type { ApplicantKey } from 'gov-disclosure-report/cases';
 * const applicant: ApplicantKey = 'legalServiceAgency';
 * ```
 */
export type ApplicantKey = Exclude<(typeof APPLICANT_COLUMNS)[number]['key'], 'total'>;

/**
 * Names a place in a case or a register in words: `/cases/41/correction/receivedOn`
 * is the 42nd record's 补正收到日期.
 *
 * @internal
 */
export function caseFieldAt(path: string): { record?: number; field?: { label: string; en: string }; item?: number } {
  const match = /^(?:\/cases\/(\d+))?(?:\/([A-Za-z]+)(?:\/(\d+))?(?:\/([A-Za-z]+))?)?$/.exec(path);
  if (!match) return {};
  const [, record, key, item, sub] = match;
  const name = (sub ? `${key}.${sub}` : key) as CaseField | undefined;
  const field = name && (CASE_FIELDS as Record<string, { label: string; en: string }>)[name];
  return {
    ...(record !== undefined && { record: Number(record) }),
    ...(field && { field }),
    ...(item !== undefined && { item: Number(item) }),
  };
}

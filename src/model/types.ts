/**
 * The report JSON of model.md §1 as TypeScript interfaces. Keys only: the
 * labels, order and relations of every key are in the format metadata
 * (`src/format/`), and a type test (test/metadata.test.ts) keeps these
 * interfaces' keys equal to it.
 *
 * @module
 */
import type { Publisher } from '../format/report-fields.js';

/**
 * A count cell: a non-negative safe integer, or `null` for a cell left blank
 * in the source. A blank counts as 0 in the sums.
 *
 * @example
 * ```ts
 * import type { Count } from 'gov-disclosure-report';
 * const blank: Count = null;
 * ```
 */
export type Count = number | null;

/**
 * A signed count cell (the 2019 edition's 本年增/减), or `null` when blank.
 *
 * @example
 * ```ts
 * import type { SignedCount } from 'gov-disclosure-report';
 * const fewer: SignedCount = -8;
 * ```
 */
export type SignedCount = number | null;

/**
 * An amount in 万元 as a decimal string with exactly four decimals
 * (`"12.3456"`), or `null` when blank. Never a binary float.
 *
 * @example
 * ```ts
 * import type { Money } from 'gov-disclosure-report';
 * const fee: Money = '0.0000';
 * ```
 */
export type Money = string | null;

/**
 * One row of table 三: a count per applicant category and their 总计.
 *
 * @example
 * ```ts
 * import type { ApplicantCounts } from 'gov-disclosure-report';
 * const row: ApplicantCounts = {
 *   naturalPerson: 3, commercialEnterprise: 1, researchInstitution: 0,
 *   publicInterestOrganization: 0, legalServiceAgency: 0, otherOrganization: 0, total: 4,
 * };
 * ```
 */
export interface ApplicantCounts {
  naturalPerson: Count;
  commercialEnterprise: Count;
  researchInstitution: Count;
  publicInterestOrganization: Count;
  legalServiceAgency: Count;
  otherOrganization: Count;
  total: Count;
}

/**
 * （三）不予公开: one row per ground.
 *
 * @example
 * ```ts
 * import { buildApplications, type DeniedCounts } from 'gov-disclosure-report';
 * const denied: DeniedCounts = buildApplications('2021').outcomes.denied;
 * ```
 */
export interface DeniedCounts {
  stateSecret: ApplicantCounts;
  prohibitedByLawOrRegulation: ApplicantCounts;
  endangersSecurityOrStability: ApplicantCounts;
  thirdPartyRights: ApplicantCounts;
  internalAffairs: ApplicantCounts;
  processInformation: ApplicantCounts;
  lawEnforcementFile: ApplicantCounts;
  administrativeQuery: ApplicantCounts;
}

/**
 * （四）无法提供: one row per reason.
 *
 * @example
 * ```ts
 * import { buildApplications, type UnableToProvideCounts } from 'gov-disclosure-report';
 * const unable: UnableToProvideCounts = buildApplications('2021').outcomes.unableToProvide;
 * ```
 */
export interface UnableToProvideCounts {
  notHeld: ApplicantCounts;
  needsNewCreation: ApplicantCounts;
  unclearAfterCorrection: ApplicantCounts;
}

/**
 * （五）不予处理: one row per reason.
 *
 * @example
 * ```ts
 * import { buildApplications, type NotProcessedCounts } from 'gov-disclosure-report';
 * const notProcessed: NotProcessedCounts = buildApplications('2021').outcomes.notProcessed;
 * ```
 */
export interface NotProcessedCounts {
  petitionOrComplaint: ApplicantCounts;
  duplicate: ApplicantCounts;
  publicPublication: ApplicantCounts;
  excessiveRepeated: ApplicantCounts;
  confirmOrReissue: ApplicantCounts;
}

/**
 * （六）其他处理 in the 2021 edition: three rows.
 *
 * @example
 * ```ts
 * import { buildApplications, type OtherHandlingCounts } from 'gov-disclosure-report';
 * const other: OtherHandlingCounts = buildApplications('2021').outcomes.otherHandling;
 * ```
 */
export interface OtherHandlingCounts {
  noCorrectionInTime: ApplicantCounts;
  feeNotPaidInTime: ApplicantCounts;
  other: ApplicantCounts;
}

/**
 * 三、本年度办理结果, the rows both editions share.
 *
 * @example
 * ```ts
 * import { buildApplications, type OutcomesBase } from 'gov-disclosure-report';
 * const outcomes: OutcomesBase = buildApplications('2019').outcomes;
 * ```
 */
export interface OutcomesBase {
  granted: ApplicantCounts;
  partiallyGranted: ApplicantCounts;
  denied: DeniedCounts;
  unableToProvide: UnableToProvideCounts;
  notProcessed: NotProcessedCounts;
  total: ApplicantCounts;
}

/**
 * 三、本年度办理结果 in the 2021 edition.
 *
 * @example
 * ```ts
 * import { buildApplications, type Outcomes2021 } from 'gov-disclosure-report';
 * const outcomes: Outcomes2021 = buildApplications('2021').outcomes;
 * ```
 */
export interface Outcomes2021 extends OutcomesBase {
  otherHandling: OtherHandlingCounts;
}

/**
 * 三、本年度办理结果 in the 2019 edition: （六）其他处理 is one row.
 *
 * @example
 * ```ts
 * import { buildApplications, type Outcomes2019 } from 'gov-disclosure-report';
 * const outcomes: Outcomes2019 = buildApplications('2019').outcomes;
 * ```
 */
export interface Outcomes2019 extends OutcomesBase {
  otherHandling: ApplicantCounts;
}

/**
 * Table 三 (收到和处理政府信息公开申请情况) of the 2021 edition.
 *
 * @example
 * ```ts
 * import { buildApplications, type Applications2021 } from 'gov-disclosure-report';
 * const table: Applications2021 = buildApplications('2021', { received: { naturalPerson: 2 } });
 * ```
 */
export interface Applications2021 {
  received: ApplicantCounts;
  carriedOver: ApplicantCounts;
  outcomes: Outcomes2021;
  carriedForward: ApplicantCounts;
}

/**
 * Table 三 (收到和处理政府信息公开申请情况) of the 2019 edition.
 *
 * @example
 * ```ts
 * import { buildApplications, type Applications2019 } from 'gov-disclosure-report';
 * const table: Applications2019 = buildApplications('2019');
 * ```
 */
export interface Applications2019 {
  received: ApplicantCounts;
  carriedOver: ApplicantCounts;
  outcomes: Outcomes2019;
  carriedForward: ApplicantCounts;
}

/**
 * One group of table 四: the outcomes of its cases and their 总计.
 *
 * @example
 * ```ts
 * import type { CaseCounts } from 'gov-disclosure-report';
 * const review: CaseCounts = { upheld: 5, corrected: 0, otherResult: 0, pending: 2, total: 7 };
 * ```
 */
export interface CaseCounts {
  upheld: Count;
  corrected: Count;
  otherResult: Count;
  pending: Count;
  total: Count;
}

/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况), the same in both editions.
 *
 * @example
 * ```ts
 * import { buildReviewAndLitigation, type ReviewAndLitigation } from 'gov-disclosure-report';
 * const table: ReviewAndLitigation = buildReviewAndLitigation({ administrativeReview: { upheld: 1 } });
 * ```
 */
export interface ReviewAndLitigation {
  administrativeReview: CaseCounts;
  litigationWithoutReview: CaseCounts;
  litigationAfterReview: CaseCounts;
}

/**
 * A table 二 row of Article 20 item （一） in the 2021 edition.
 *
 * @example
 * ```ts
 * import type { DocumentCounts2021 } from 'gov-disclosure-report';
 * const regulations: DocumentCounts2021 = { issued: 2, repealed: 1, inForce: 30 };
 * ```
 */
export interface DocumentCounts2021 {
  issued: Count;
  repealed: Count;
  inForce: Count;
}

/**
 * A table 二 row of Article 20 items （五） and （六） in the 2021 edition.
 *
 * @example
 * ```ts
 * import type { DecisionCounts2021 } from 'gov-disclosure-report';
 * const licensing: DecisionCounts2021 = { decisions: 120 };
 * ```
 */
export interface DecisionCounts2021 {
  decisions: Count;
}

/**
 * The table 二 row of Article 20 item （八） in the 2021 edition.
 *
 * @example
 * ```ts
 * import type { FeeAmount2021 } from 'gov-disclosure-report';
 * const fees: FeeAmount2021 = { amount: '12.3456' };
 * ```
 */
export interface FeeAmount2021 {
  amount: Money;
}

/**
 * Table 二 (主动公开政府信息情况) of the 2021 edition.
 *
 * @example
 * ```ts
 * import { buildProactive, type Proactive2021 } from 'gov-disclosure-report';
 * const table: Proactive2021 = buildProactive('2021', { licensing: { decisions: 3 } });
 * ```
 */
export interface Proactive2021 {
  regulations: DocumentCounts2021;
  normativeDocuments: DocumentCounts2021;
  licensing: DecisionCounts2021;
  penalties: DecisionCounts2021;
  coercion: DecisionCounts2021;
  fees: FeeAmount2021;
}

/**
 * A table 二 row of Article 20 item （一） in the 2019 edition.
 *
 * @example
 * ```ts
 * import type { DocumentCounts2019 } from 'gov-disclosure-report';
 * const regulations: DocumentCounts2019 = { newlyMade: 13, newlyPublished: 13, totalPublished: 524 };
 * ```
 */
export interface DocumentCounts2019 {
  newlyMade: Count;
  newlyPublished: Count;
  totalPublished: Count;
}

/**
 * A table 二 row of Article 20 items （五） and （六） in the 2019 edition.
 *
 * @example
 * ```ts
 * import type { ItemCounts2019 } from 'gov-disclosure-report';
 * const licensing: ItemCounts2019 = { previousCount: 40, change: -8, decisions: 1200 };
 * ```
 */
export interface ItemCounts2019 {
  previousCount: Count;
  change: SignedCount;
  decisions: Count;
}

/**
 * The table 二 row of Article 20 item （八） in the 2019 edition: numbers of
 * fee items, not money.
 *
 * @example
 * ```ts
 * import type { FeeItems2019 } from 'gov-disclosure-report';
 * const fees: FeeItems2019 = { previousCount: 3, change: -1 };
 * ```
 */
export interface FeeItems2019 {
  previousCount: Count;
  change: SignedCount;
}

/**
 * The table 二 row of Article 20 item （九） in the 2019 edition.
 *
 * @example
 * ```ts
 * import type { Procurement2019 } from 'gov-disclosure-report';
 * const procurement: Procurement2019 = { projects: 6, amount: '25.1000' };
 * ```
 */
export interface Procurement2019 {
  projects: Count;
  amount: Money;
}

/**
 * Table 二 (主动公开政府信息情况) of the 2019 edition.
 *
 * @example
 * ```ts
 * import { buildProactive, type Proactive2019 } from 'gov-disclosure-report';
 * const table: Proactive2019 = buildProactive('2019', { procurement: { projects: 6, amount: '25.1' } });
 * ```
 */
export interface Proactive2019 {
  regulations: DocumentCounts2019;
  normativeDocuments: DocumentCounts2019;
  licensing: ItemCounts2019;
  otherServices: ItemCounts2019;
  penalties: ItemCounts2019;
  coercion: ItemCounts2019;
  fees: FeeItems2019;
  procurement: Procurement2019;
}

/**
 * The free text of sections 一, 五 and 六.
 *
 * @example
 * ```ts
 * import type { Narrative } from 'gov-disclosure-report';
 * const narrative: Narrative = { otherMatters: '无。' };
 * ```
 */
export interface Narrative {
  overview?: string;
  problemsAndImprovements?: string;
  otherMatters?: string;
}

/**
 * What every report has around its tables.
 *
 * @example
 * ```ts
 * import type { ReportBase } from 'gov-disclosure-report';
 * const head: ReportBase = { year: 2021, agency: '汴东产业集聚区' };
 * ```
 */
export interface ReportBase {
  /** The report year: the data cover 1 January to 31 December. */
  year: number;
  /** The reporting body as named in the report. */
  agency?: string;
  publisher?: Publisher;
  /** The publication date, `YYYY-MM-DD`. */
  publishedOn?: string;
  narrative?: Narrative;
}

/**
 * A report in the 2021 edition (国办公开办函〔2021〕30号).
 *
 * @example
 * ```ts
 * import { buildReport, type Report2021 } from 'gov-disclosure-report';
 * const report: Report2021 = buildReport({ edition: '2021', year: 2021 });
 * ```
 */
export interface Report2021 extends ReportBase {
  edition: '2021';
  proactive: Proactive2021;
  applications: Applications2021;
  reviewAndLitigation: ReviewAndLitigation;
}

/**
 * A report in the 2019 edition (国办公开办函〔2019〕60号, 试行).
 *
 * @example
 * ```ts
 * import { buildReport, type Report2019 } from 'gov-disclosure-report';
 * const report: Report2019 = buildReport({ edition: '2019', year: 2020 });
 * ```
 */
export interface Report2019 extends ReportBase {
  edition: '2019';
  proactive: Proactive2019;
  applications: Applications2019;
  reviewAndLitigation: ReviewAndLitigation;
}

/**
 * A report of either edition, told apart by `edition`.
 *
 * @example
 * ```ts
 * import type { Report } from 'gov-disclosure-report';
 * function feeRow(report: Report): string {
 *   return report.edition === '2021' ? `本年收费金额 ${report.proactive.fees.amount}` : `上一年项目数量 ${report.proactive.fees.previousCount}`;
 * }
 * ```
 */
export type Report = Report2021 | Report2019;

/**
 * gov-disclosure-report: the typed model of China's 政府信息公开工作年度报告
 * (government information disclosure annual report), editions 2021 and 2019:
 * the format metadata, report types, builders, the validator, money in 万元
 * and the statutory deadline. Pure functions, no I/O.
 *
 * @example
 * ```ts
 * // type-only: `text` is a report's JSON, read from a file
 * import { validateReport } from 'gov-disclosure-report';
 * declare const text: string;
 * const { ok, findings } = validateReport(JSON.parse(text));
 * ```
 *
 * @module
 */

// The format metadata
export type {
  Article20ItemNumber,
  BlockMeta,
  CellKind,
  ColumnMeta,
  Edition,
  EditionMeta,
  NarrativeSectionMeta,
  RelationMeta,
  RelationRuleCode,
  RowMeta,
  TableKey,
  TableMeta,
  Unit,
} from './format/types.js';
export { ARTICLE_20_ITEMS, article20Header } from './format/article20.js';
export {
  APPLICANT_COLUMNS,
  DENIED_ROWS,
  NOT_PROCESSED_ROWS,
  OTHER_HANDLING_ROWS,
  UNABLE_TO_PROVIDE_ROWS,
  applicationsTable,
  outcomeCodes,
  outcomeRows,
  type OutcomeCode,
} from './format/applications.js';
export { REVIEW_AND_LITIGATION_TABLE, REVIEW_GROUP_ROWS, REVIEW_OUTCOME_COLUMNS } from './format/review-litigation.js';
export { EDITION_2021, PROACTIVE_TABLE_2021 } from './format/edition-2021.js';
export { EDITION_2019, PROACTIVE_TABLE_2019 } from './format/edition-2019.js';
export { NARRATIVE_SECTIONS } from './format/narrative.js';
export {
  NARRATIVE_FIGURES,
  NARRATIVE_PART_WORDS,
  NARRATIVE_YEAR_EXEMPT,
  NARRATIVE_YEAR_PHRASES,
  type NarrativeFigureMeta,
  type NarrativeQuantity,
} from './format/narrative-figures.js';
export { PROACTIVE_HEADING, article20Block } from './format/proactive.js';
export { PUBLISHERS, REPORT_FIELDS, REPORT_TITLE_PHRASE, YEAR_RANGE, reportTitle, type Publisher } from './format/report-fields.js';
export { CELL_UNITS, MONEY_UNITS } from './format/units.js';
export { EDITION_KEYS, EDITIONS, isEdition, layoutOf, pointerSegment, type CellInfo, type CellNode, type Equation, type Layout, type Lookup, type ObjectNode } from './format/layout.js';

// The report model
export type * from './model/types.js';
export {
  buildApplications,
  buildProactive,
  buildReport,
  buildReviewAndLitigation,
  type Draft,
  type ReportDraft2019,
  type ReportDraft2021,
} from './builders/builders.js';

// Validation
export { RULES, type ContinuityParams, type Given, type Locale, type RelationParams, type RuleCode, type RuleEntry, type RuleParams, type Severity } from './rules/catalogue.js';
export { MESSAGES, renderMessage } from './rules/messages/index.js';
export { MESSAGES_EN } from './rules/messages/en.js';
export { MESSAGES_ZH_CN } from './rules/messages/zh-CN.js';
export type { MessageCatalogue, MessageContext } from './rules/messages/context.js';
export type { Finding, FindingOf, ModelFields } from './validate/finding.js';
export { checkReport, validateReport, type ValidateOptions, type ValidationResult } from './validate/validate.js';

// Many reports
export { sumReports, type SumOptions, type SumResult } from './reports/sum.js';
export { compareReports, type CellChange, type CompareOptions, type CompareResult } from './reports/compare.js';

// Money and dates
export { FEE_DECIMALS, formatFee, parseFee, wanToYuan, yuanToWan } from './money/fee.js';
export { daysLate, isCalendarDate, publicationDeadline } from './dates/deadline.js';

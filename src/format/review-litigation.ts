import type { ColumnMeta, RowMeta, TableMeta } from './types.js';

/**
 * The five outcome columns of each group of table 四.
 *
 * @example
 * ```ts
 * import { REVIEW_OUTCOME_COLUMNS } from 'gov-disclosure-report';
 * REVIEW_OUTCOME_COLUMNS.map((c) => c.label); // ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
 * ```
 */
export const REVIEW_OUTCOME_COLUMNS = [
  { key: 'upheld', label: '结果维持', en: 'upheld', kind: 'count' },
  { key: 'corrected', label: '结果纠正', en: 'corrected', kind: 'count' },
  { key: 'otherResult', label: '其他结果', en: 'other result', kind: 'count' },
  { key: 'pending', label: '尚未审结', en: 'pending', kind: 'count' },
  { key: 'total', label: '总计', en: 'total', kind: 'count', isTotal: true },
] as const satisfies readonly ColumnMeta[];

/**
 * The three groups of table 四: 行政复议, and under 行政诉讼 the cases brought
 * without and after administrative review.
 *
 * @example
 * ```ts
 * import { REVIEW_GROUP_ROWS } from 'gov-disclosure-report';
 * REVIEW_GROUP_ROWS[1]; // { key: 'litigationWithoutReview', label: '未经复议直接起诉', group: '行政诉讼', … }
 * ```
 */
export const REVIEW_GROUP_ROWS = [
  { key: 'administrativeReview', label: '行政复议', en: 'administrative review' },
  { key: 'litigationWithoutReview', label: '未经复议直接起诉', en: 'litigation without prior review', group: '行政诉讼', groupEn: 'administrative litigation' },
  { key: 'litigationAfterReview', label: '复议后起诉', en: 'litigation after review', group: '行政诉讼', groupEn: 'administrative litigation' },
] as const satisfies readonly RowMeta[];

/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况), the same in both editions. The
 * form prints the groups side by side; the model keeps one row per group.
 *
 * @example
 * ```ts
 * import { REVIEW_AND_LITIGATION_TABLE } from 'gov-disclosure-report';
 * REVIEW_AND_LITIGATION_TABLE.relations[0].rule; // 'reviewAndLitigation.total'
 * ```
 */
export const REVIEW_AND_LITIGATION_TABLE: TableMeta = {
  key: 'reviewAndLitigation',
  number: '四',
  label: '四、政府信息公开行政复议、行政诉讼情况',
  en: 'Administrative review and litigation',
  rowsAcross: true,
  blocks: [{ shape: 'ReviewOutcomes', columns: REVIEW_OUTCOME_COLUMNS, rows: REVIEW_GROUP_ROWS }],
  relations: [
    { rule: 'reviewAndLitigation.total', within: 'row', target: 'total', plus: ['upheld', 'corrected', 'otherResult', 'pending'] },
  ],
};

/**
 * What table 二 (主动公开政府信息情况) is in both editions: its heading, and
 * blocks headed by the Article 20 item they report on. The editions differ
 * in their blocks' columns and rows.
 *
 * @module
 */
import { ARTICLE_20_ITEMS, article20Header } from './article20.js';
import type { Article20ItemNumber, BlockMeta, ColumnMeta, RowMeta, TableMeta } from './types.js';

/**
 * The heading of table 二, the same in both editions.
 *
 * @example
 * ```ts
 * import { PROACTIVE_HEADING } from 'gov-disclosure-report';
 * PROACTIVE_HEADING.label; // '二、主动公开政府信息情况'
 * ```
 */
export const PROACTIVE_HEADING = {
  key: 'proactive',
  number: '二',
  label: '二、主动公开政府信息情况',
  en: 'Proactive disclosure',
} as const satisfies Pick<TableMeta, 'key' | 'number' | 'label' | 'en'>;

/**
 * A table 二 block for an Article 20 item: headed `第二十条第（N）项`, with
 * the row-label column headed 信息内容.
 *
 * @example
 * ```ts
 * import { article20Block } from 'gov-disclosure-report';
 * const block = article20Block('（五）', [{ key: 'decisions', label: '本年处理决定数量', en: 'decisions', kind: 'count' }], [
 *   { key: 'licensing', label: '行政许可', en: 'administrative licensing' },
 * ]);
 * block.label; // '第二十条第（五）项'
 * block.labelEn; // 'Article 20, item (5)'
 * ```
 */
export function article20Block(
  item: Article20ItemNumber,
  columns: readonly ColumnMeta[],
  rows: readonly RowMeta[],
  spans?: readonly number[],
): BlockMeta {
  return { label: article20Header(item), labelEn: `Article 20, item (${Object.keys(ARTICLE_20_ITEMS).indexOf(item) + 1})`, article20Item: item, rowHeader: '信息内容', rowHeaderEn: 'information', columns, rows, ...(spans ? { spans } : {}) };
}

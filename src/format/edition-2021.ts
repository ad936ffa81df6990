/**
 * The 2021 edition: 《中华人民共和国政府信息公开工作年度报告格式》 issued by
 * 国办公开办函〔2021〕30号, for reports from 2021 on.
 *
 * @module
 */
import { applicationsTable } from './applications.js';
import { NARRATIVE_SECTIONS } from './narrative.js';
import { article20Block, PROACTIVE_HEADING } from './proactive.js';
import { REVIEW_AND_LITIGATION_TABLE } from './review-litigation.js';
import type { EditionMeta, TableMeta } from './types.js';

const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量', en: 'decisions this year', kind: 'count' }] as const;

/**
 * Table 二 (主动公开政府信息情况) of the 2021 edition: four blocks, one per
 * Article 20 item. The cross-year relation 现行有效件数 = last year's + 本年制发
 * − 本年废止 is a warning only: documents also lapse.
 *
 * @example
 * ```ts
 * import { PROACTIVE_TABLE_2021 } from 'gov-disclosure-report';
 * PROACTIVE_TABLE_2021.blocks.map((b) => b.label);
 * // ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']
 * ```
 */
export const PROACTIVE_TABLE_2021: TableMeta = {
  ...PROACTIVE_HEADING,
  // Each block's rows are named by their shape; （五） and （六） are alike.
  blocks: [
    { shape: 'DocumentCounts', ...article20Block(
      '（一）',
      [
        { key: 'issued', label: '本年制发件数', en: 'issued this year', kind: 'count' },
        { key: 'repealed', label: '本年废止件数', en: 'repealed this year', kind: 'count' },
        { key: 'inForce', label: '现行有效件数', en: 'in force', kind: 'count' },
      ],
      [
        { key: 'regulations', label: '规章', en: 'regulations' },
        { key: 'normativeDocuments', label: '行政规范性文件', en: 'administrative normative documents' },
      ],
    ) },
    { shape: 'DecisionCounts', ...article20Block('（五）', DECISIONS, [{ key: 'licensing', label: '行政许可', en: 'administrative licensing' }]) },
    { shape: 'DecisionCounts', ...article20Block('（六）', DECISIONS, [
      { key: 'penalties', label: '行政处罚', en: 'administrative penalties' },
      { key: 'coercion', label: '行政强制', en: 'administrative coercion' },
    ]) },
    { shape: 'FeeAmount', ...article20Block(
      '（八）',
      [{ key: 'amount', label: '本年收费金额（单位：万元）', en: 'fees collected this year (10,000 yuan)', kind: 'money', unit: '万元' }],
      [{ key: 'fees', label: '行政事业性收费', en: 'administrative fees' }],
    ) },
  ],
  relations: [
    { rule: 'continuity.inForce', within: 'row', target: 'inForce', plus: ['issued'], minus: ['repealed'], previous: ['inForce'] },
  ],
};

const TABLES_2021 = [PROACTIVE_TABLE_2021, applicationsTable('2021'), REVIEW_AND_LITIGATION_TABLE] as const;

/**
 * The 2021 edition of the format, in full.
 *
 * @example
 * ```ts
 * import { EDITION_2021 } from 'gov-disclosure-report';
 * EDITION_2021.document; // '国办公开办函〔2021〕30号'
 * ```
 */
export const EDITION_2021: EditionMeta = {
  edition: '2021',
  document: '国办公开办函〔2021〕30号',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  years: { from: 2021 },
  sections: [NARRATIVE_SECTIONS[0], ...TABLES_2021, NARRATIVE_SECTIONS[1], NARRATIVE_SECTIONS[2]],
  tables: TABLES_2021,
};

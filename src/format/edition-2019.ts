/**
 * The 2019 edition: the trial format 《中华人民共和国政府信息公开工作年度报告
 * 格式（试行）》 attached to 国办公开办函〔2019〕60号, used for the 2019 and
 * 2020 reports (and by some bodies later).
 *
 * @module
 */
import { applicationsTable } from './applications.js';
import { NARRATIVE_SECTIONS } from './narrative.js';
import { article20Block, PROACTIVE_HEADING } from './proactive.js';
import { REVIEW_AND_LITIGATION_TABLE } from './review-litigation.js';
import type { ColumnMeta, EditionMeta, TableMeta } from './types.js';

const PREVIOUS_COUNT: ColumnMeta = { key: 'previousCount', label: '上一年项目数量', en: 'items last year', kind: 'count' };
const CHANGE: ColumnMeta = { key: 'change', label: '本年增/减', en: 'change this year', kind: 'signedCount' };
const ITEM_COLUMNS: readonly ColumnMeta[] = [
  PREVIOUS_COUNT,
  CHANGE,
  { key: 'decisions', label: '处理决定数量', en: 'decisions', kind: 'count' },
];

/**
 * Table 二 (主动公开政府信息情况) of the 2019 edition: five blocks, one per
 * Article 20 item, on a grid five columns wide (信息内容 and four). The cross-year relation 上一年项目数量 = last year's
 * 上一年项目数量 + 本年增/减 is a warning only.
 *
 * @example
 * ```ts
 * import { PROACTIVE_TABLE_2019 } from 'gov-disclosure-report';
 * PROACTIVE_TABLE_2019.blocks[4].rows[0].label; // '政府集中采购'
 * ```
 */
export const PROACTIVE_TABLE_2019: TableMeta = {
  ...PROACTIVE_HEADING,
  // Each block's rows are named by their shape; （五） and （六） are alike.
  blocks: [
    { shape: 'PublicationCounts', ...article20Block(
      '（一）',
      [
        { key: 'newlyMade', label: '本年新制作数量', en: 'newly made this year', kind: 'count' },
        { key: 'newlyPublished', label: '本年新公开数量', en: 'newly published this year', kind: 'count' },
        { key: 'totalPublished', label: '对外公开总数量', en: 'total published', kind: 'count' },
      ],
      [
        { key: 'regulations', label: '规章', en: 'regulations' },
        { key: 'normativeDocuments', label: '规范性文件', en: 'normative documents' },
      ],
      [1, 2, 1],
    ) },
    { shape: 'ItemCounts', ...article20Block(
      '（五）',
      ITEM_COLUMNS,
      [
        { key: 'licensing', label: '行政许可', en: 'administrative licensing' },
        { key: 'otherServices', label: '其他对外管理服务事项', en: 'other external management services' },
      ],
      [1, 2, 1],
    ) },
    { shape: 'ItemCounts', ...article20Block(
      '（六）',
      ITEM_COLUMNS,
      [
        { key: 'penalties', label: '行政处罚', en: 'administrative penalties' },
        { key: 'coercion', label: '行政强制', en: 'administrative coercion' },
      ],
      [1, 2, 1],
    ) },
    { shape: 'FeeItemCounts', ...article20Block('（八）', [PREVIOUS_COUNT, CHANGE], [{ key: 'fees', label: '行政事业性收费', en: 'administrative fee items' }], [2, 2]) },
    { shape: 'ProcurementFigures', ...article20Block(
      '（九）',
      [
        { key: 'projects', label: '采购项目数量', en: 'procurement projects', kind: 'count' },
        // The form prints no unit; the model keeps the amount in 万元 like every amount.
        { key: 'amount', label: '采购总金额', en: 'total procurement amount (10,000 yuan)', kind: 'money' },
      ],
      [{ key: 'procurement', label: '政府集中采购', en: 'centralised government procurement' }],
      [2, 2],
    ) },
  ],
  relations: [
    { rule: 'continuity.previousCount', within: 'row', target: 'previousCount', plus: [], previous: ['previousCount', 'change'] },
  ],
};

const TABLES_2019 = [PROACTIVE_TABLE_2019, applicationsTable('2019'), REVIEW_AND_LITIGATION_TABLE] as const;

/**
 * The 2019 (trial) edition of the format, in full.
 *
 * @example
 * ```ts
 * import { EDITION_2019 } from 'gov-disclosure-report';
 * EDITION_2019.years; // { from: 2019, to: 2020 }
 * ```
 */
export const EDITION_2019: EditionMeta = {
  edition: '2019',
  document: '国办公开办函〔2019〕60号',
  title: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  years: { from: 2019, to: 2020 },
  sections: [NARRATIVE_SECTIONS[0], ...TABLES_2019, NARRATIVE_SECTIONS[1], NARRATIVE_SECTIONS[2]],
  tables: TABLES_2019,
};

/**
 * The shapes of the format metadata. The metadata itself (labels, order,
 * Article 20 references, sum relations) lives in the edition modules; these
 * types only say how it is laid out.
 *
 * @module
 */

/**
 * Which official format a report follows.
 *
 * - `"2021"`: 国办公开办函〔2021〕30号, for reports from 2021 on.
 * - `"2019"`: 国办公开办函〔2019〕60号 (试行), for the 2019 and 2020 reports.
 *
 * @example
 * ```ts
 * import type { Edition } from 'gov-disclosure-report';
 * const edition: Edition = '2021';
 * ```
 */
export type Edition = '2021' | '2019';

/**
 * What a cell holds.
 *
 * - `count`: a non-negative integer (件, cases, items).
 * - `signedCount`: an integer that may be negative (the 2019 edition's 本年增/减).
 * - `money`: an amount in 万元, kept as a decimal string with four decimals.
 *
 * @example
 * ```ts
 * import { EDITION_2021 } from 'gov-disclosure-report';
 * const kind = EDITION_2021.tables[0].blocks[3].columns[0].kind; // 'money'
 * ```
 */
export type CellKind = 'count' | 'signedCount' | 'money';

/**
 * A unit figures are given in: 件 for counts, 万元 (the form's) or 元 for amounts.
 *
 * @example
 * ```ts
 * import type { Unit } from 'gov-disclosure-report';
 * const unit: Unit = '万元';
 * ```
 */
export type Unit = '件' | '万元' | '元';

/**
 * A column of a table block, as printed in its header.
 *
 * @example
 * ```ts
 * import { APPLICANT_COLUMNS } from 'gov-disclosure-report';
 * APPLICANT_COLUMNS[0]; // { key: 'naturalPerson', label: '自然人', en: 'natural persons', kind: 'count' }
 * ```
 */
export interface ColumnMeta {
  /** The JSON key of the cell within its row. */
  readonly key: string;
  /** The official header exactly as the form prints it. */
  readonly label: string;
  /** An English gloss, for messages and documentation (not official). */
  readonly en: string;
  readonly kind: CellKind;
  /** The unit the header prints, where it prints one (本年收费金额（单位：万元）); else the cells' unit goes with each figure. */
  readonly unit?: Unit;
  /** A 总计 column: derived from the other cells of its row. */
  readonly isTotal?: true;
  /** The spanning header printed above this column, if any (e.g. 法人或其他组织). */
  readonly group?: string;
  /** An English gloss of {@link group} (not official). */
  readonly groupEn?: string;
}

/**
 * A row of a table block. A row with `rows` is a group (e.g. （三）不予公开)
 * whose own cells are its sub-rows; a row without is a leaf that holds one
 * cell per column.
 *
 * @example
 * ```ts
 * import { EDITION_2021 } from 'gov-disclosure-report';
 * const outcomes = EDITION_2021.tables[1].blocks[0].rows[2];
 * outcomes.label; // '三、本年度办理结果'
 * ```
 */
export interface RowMeta {
  /** The JSON key of the row within its parent. */
  readonly key: string;
  /** The official row label exactly as the form prints it. */
  readonly label: string;
  /** An English gloss, for messages and documentation (not official). */
  readonly en: string;
  /** The official numbering of an outcome row of table 三, e.g. `（三）1`. */
  readonly code?: string;
  /** A 总计 row: derived from the other rows of its group. */
  readonly isTotal?: true;
  /** The spanning header printed above this row's label, if any (e.g. 行政诉讼). */
  readonly group?: string;
  /** An English gloss of {@link group} (not official). */
  readonly groupEn?: string;
  /** Sub-rows, for a group row. */
  readonly rows?: readonly RowMeta[];
  /** The English name of this row's shape where it is not its block's {@link BlockMeta.shape} (a 总计 row, whose cells are all derived). */
  readonly shape?: string;
}

/**
 * One block of a table: a header line (for table 二, the Article 20 item it
 * reports on), its columns and its rows.
 *
 * @example
 * ```ts
 * import { EDITION_2021 } from 'gov-disclosure-report';
 * const block = EDITION_2021.tables[0].blocks[0];
 * block.label; // '第二十条第（一）项'
 * ```
 */
export interface BlockMeta {
  /** The block header as printed, e.g. `第二十条第（一）项`. */
  readonly label?: string;
  /** An English gloss of {@link label} (not official), e.g. `Article 20, item (1)`. */
  readonly labelEn?: string;
  /** The item of Article 20 of the 条例 this block reports on, e.g. `（一）`. */
  readonly article20Item?: Article20ItemNumber;
  /** The header of the row-label column, e.g. `信息内容`. */
  readonly rowHeader?: string;
  /** An English gloss of {@link rowHeader} (not official). */
  readonly rowHeaderEn?: string;
  readonly columns: readonly ColumnMeta[];
  /**
   * How many grid columns each column spans on the printed form, where not
   * one each. Whatever is left of the table's width goes to the last column.
   */
  readonly spans?: readonly number[];
  readonly rows: readonly RowMeta[];
  /**
   * The English name of the shape its rows share (their cells' keys and
   * kinds), e.g. `ApplicantCounts`: the JSON Schema's `$defs` name, and so
   * the type name code generators give it. Blocks whose rows are alike share it.
   */
  readonly shape?: string;
}

/**
 * A linear relation between the cells of a table, checked by a rule:
 * `target = Σ plus − Σ minus (+ Σ previous)`.
 *
 * With `within: "row"` the names are column keys and the relation holds in
 * every row that has all of them; with `within: "column"` the names are row
 * ids (dotted paths such as `outcomes.total`) and it holds in every column.
 * `previous` names cells of last year's report, so the relation is checked
 * only when that report is given.
 *
 * @example
 * ```ts
 * import type { RelationMeta } from 'gov-disclosure-report';
 * const reviewTotal: RelationMeta = {
 *   rule: 'reviewAndLitigation.total',
 *   within: 'row',
 *   target: 'total',
 *   plus: ['upheld', 'corrected', 'otherResult', 'pending'],
 * };
 * ```
 */
export interface RelationMeta {
  /** The rule code its findings carry. */
  readonly rule: RelationRuleCode;
  readonly within: 'row' | 'column';
  readonly target: string;
  readonly plus: readonly string[];
  readonly minus?: readonly string[];
  readonly previous?: readonly string[];
  /** The relation in words where the form has its own (else it is worded from the labels). */
  readonly wording?: { readonly zh: string; readonly en: string };
}

/**
 * The codes of the rules that are sum relations between cells.
 *
 * @example
 * ```ts
 * import type { RelationRuleCode } from 'gov-disclosure-report';
 * const code: RelationRuleCode = 'applications.balance';
 * ```
 */
export type RelationRuleCode =
  | 'applications.balance'
  | 'applications.outcomeTotal'
  | 'applications.applicantTotal'
  | 'reviewAndLitigation.total'
  | 'continuity.carriedOver'
  | 'continuity.inForce'
  | 'continuity.previousCount';

/**
 * The JSON key of each of the three tables of a report.
 *
 * @example
 * ```ts
 * import type { TableKey } from 'gov-disclosure-report';
 * const key: TableKey = 'applications';
 * ```
 */
export type TableKey = 'proactive' | 'applications' | 'reviewAndLitigation';

/**
 * One of the three tables of a report (sections 二, 三 and 四).
 *
 * @example
 * ```ts
 * import { EDITION_2021 } from 'gov-disclosure-report';
 * EDITION_2021.tables.map((t) => t.label);
 * // ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']
 * ```
 */
export interface TableMeta {
  readonly key: TableKey;
  /** The section number, e.g. `三`. */
  readonly number: string;
  /** The section heading exactly as the form prints it. */
  readonly label: string;
  readonly en: string;
  /** A header spanning all data columns (table 三: 申请人情况). */
  readonly header?: string;
  /** An English gloss of {@link header} (not official). */
  readonly headerEn?: string;
  /** The rule printed in the table's top-left cell (table 三's 勾稽关系). */
  readonly note?: string;
  /** An English gloss of {@link note} (not official). */
  readonly noteEn?: string;
  /** The form prints the rows side by side, one line of figures (table 四). */
  readonly rowsAcross?: true;
  readonly blocks: readonly BlockMeta[];
  readonly relations: readonly RelationMeta[];
}

/**
 * A narrative section (一, 五, 六) kept as free text.
 *
 * @example
 * ```ts
 * import { NARRATIVE_SECTIONS } from 'gov-disclosure-report';
 * NARRATIVE_SECTIONS[0].label; // '一、总体情况'
 * ```
 */
export interface NarrativeSectionMeta {
  readonly key: 'overview' | 'problemsAndImprovements' | 'otherMatters';
  readonly number: string;
  readonly label: string;
  readonly en: string;
}

/**
 * The numbering of the items of Article 20 of the 条例, （一） to （十五）.
 *
 * @example
 * ```ts
 * import type { Article20ItemNumber } from 'gov-disclosure-report';
 * const item: Article20ItemNumber = '（八）';
 * ```
 */
export type Article20ItemNumber =
  | '（一）' | '（二）' | '（三）' | '（四）' | '（五）' | '（六）' | '（七）' | '（八）'
  | '（九）' | '（十）' | '（十一）' | '（十二）' | '（十三）' | '（十四）' | '（十五）';

/**
 * Everything about one edition of the format.
 *
 * @example
 * ```ts
 * import { EDITIONS } from 'gov-disclosure-report';
 * EDITIONS['2019'].document; // '国办公开办函〔2019〕60号'
 * ```
 */
export interface EditionMeta {
  readonly edition: Edition;
  /** The document that issued the format. */
  readonly document: string;
  /** The format's title. */
  readonly title: string;
  /** The report years the edition was issued for (`to` open-ended when absent). */
  readonly years: { readonly from: number; readonly to?: number };
  /** Sections 一 to 六 in order: narrative sections and tables. */
  readonly sections: readonly (NarrativeSectionMeta | TableMeta)[];
  /** The three tables, in order. */
  readonly tables: readonly [TableMeta, TableMeta, TableMeta];
}

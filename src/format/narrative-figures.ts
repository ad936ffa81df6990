/**
 * The figures a report's narrative (sections 一, 五, 六) states for
 * quantities its tables hold, as format knowledge: for each quantity, the
 * phrases that clearly name it and the cells of the table it must equal;
 * and the phrases by which a narrative names its own report year. The rules
 * `narrative.figure` and `narrative.year` (src/validate/narrative.ts) read
 * these; nothing else in the code spells a phrase.
 *
 * A phrase is a regular expression source, matched against the narrative
 * once it is normalised (white space and page footers taken out, full-width
 * digits made ASCII), one sentence at a time. Its named group `n` is the
 * figure. The phrases are strict on purpose: a figure whose words could name
 * something else (主动公开信息条数, 来信, 新闻发布会, 办理 alone) matches none.
 *
 * @module
 */
import { REPORT_TITLE_PHRASE } from './report-fields.js';

/**
 * A quantity whose figure a narrative may state and a table holds.
 *
 * @example
 * ```ts
 * import type { NarrativeQuantity } from 'gov-disclosure-report';
 * const quantity: NarrativeQuantity = 'received';
 * ```
 */
export type NarrativeQuantity =
  | 'received'
  | 'carriedOver'
  | 'answered'
  | 'carriedForward'
  | 'administrativeReview'
  | 'litigation'
  | 'normativeDocumentsIssued'
  | 'licensingDecisions'
  | 'penaltyDecisions';

/**
 * One quantity: its name, the table cells it must equal and the phrases
 * that state it.
 *
 * @example
 * ```ts
 * import { NARRATIVE_FIGURES } from 'gov-disclosure-report';
 * const litigation = NARRATIVE_FIGURES.find((q) => q.key === 'litigation');
 * litigation?.cells; // [['/reviewAndLitigation/litigationWithoutReview/total', '/reviewAndLitigation/litigationAfterReview/total']]
 * ```
 */
export interface NarrativeFigureMeta {
  readonly key: NarrativeQuantity;
  /** The quantity in Chinese, as a message names it. */
  readonly label: string;
  readonly en: string;
  /**
   * The ways the table holds the quantity: each a list of cell pointers
   * whose figures add up to it. The narrative agrees when its figure equals
   * any of them; a way whose cells an edition lacks is not used in it.
   */
  readonly cells: readonly (readonly string[])[];
  /** Regular expression sources, each with a named group `n` for the figure. */
  readonly phrases: readonly string[];
  /** When given, a phrase counts only in a sentence this matches (a bare 答复N件 needs applications named nearby). */
  readonly sentenceNames?: string;
}

/** A figure: Arabic digits (with thousands separators) or a Chinese numeral. Not 约, 近, 余, 多: those are not exact. */
const N = '(?<n>\\d{1,3}(?:,\\d{3})+|\\d+|[零〇一二两三四五六七八九十百千万]+)';
/** 共, 共计… before a figure. */
const SUM = '(?:共|共计|合计|总计|累计)?';
/** What a count of applications is counted in, and 件次. */
const PIECES = '(?:件|份|宗)次?';
/** Text between two parts of a phrase: no figure, no clause break. */
const GAP = (max: number) => `[^，,。；;：:（）()\\d]{0,${max}}?`;
/** What names applications for disclosure. */
const APPLICATIONS = '(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)申请';
/** What names the disclosure matters of table 四. */
const DISCLOSURE = `(?:政府信息公开|信息公开|依申请公开)${GAP(8)}`;

/**
 * Every quantity the `narrative.figure` rule checks, with its phrases.
 *
 * @example
 * ```ts
 * import { NARRATIVE_FIGURES } from 'gov-disclosure-report';
 * NARRATIVE_FIGURES.map((q) => q.key);
 * // ['received', 'carriedOver', 'answered', 'carriedForward', 'administrativeReview', 'litigation', 'normativeDocumentsIssued', 'licensingDecisions', 'penaltyDecisions']
 * ```
 */
export const NARRATIVE_FIGURES: readonly NarrativeFigureMeta[] = [
  {
    key: 'received',
    label: '收到的政府信息公开申请数量',
    en: 'applications received',
    // With or without those carried over from last year: reports say it both ways.
    cells: [['/applications/received/total'], ['/applications/received/total', '/applications/carriedOver/total']],
    phrases: [`(?:收到|新收|受理|接收|收悉)了?${GAP(12)}${APPLICATIONS}件?${SUM}${N}${PIECES}`],
  },
  {
    key: 'carriedOver',
    label: '上年结转政府信息公开申请数量',
    en: 'applications carried over from last year',
    cells: [['/applications/carriedOver/total']],
    phrases: [`(?:上年度?|上一年度?|去年)结转的?(?:政府信息公开|依申请公开)?申请${SUM}${N}${PIECES}`],
  },
  {
    key: 'answered',
    label: '本年度办理结果总计',
    en: 'applications answered (outcomes in total)',
    cells: [['/applications/outcomes/total/total']],
    phrases: [
      `(?:答复|办结|办理完结|处理完毕)了?(?:${APPLICATIONS}|依申请(?:公开)?)件?${SUM}${N}${PIECES}`,
      `(?:答复|办结|办理完结|处理完毕)了?${SUM}${N}${PIECES}`,
    ],
    sentenceNames: `${APPLICATIONS}|依申请`,
  },
  {
    key: 'carriedForward',
    label: '结转下年度继续办理的申请数量',
    en: 'applications carried forward to next year',
    cells: [['/applications/carriedForward/total']],
    phrases: [
      `结转(?:到|至)?下一?年度?(?:继续办理)?的?(?:申请)?${SUM}${N}${PIECES}`,
      `${N}${PIECES}(?:申请)?(?:顺延|结转|转入)(?:到|至)?下一?年度?`,
    ],
  },
  {
    key: 'administrativeReview',
    label: '政府信息公开行政复议总计',
    en: 'administrative reviews about disclosure',
    cells: [['/reviewAndLitigation/administrativeReview/total']],
    phrases: [`${DISCLOSURE}行政复议(?:案件|申请)?${SUM}${N}(?:件|起|宗|个)`],
  },
  {
    key: 'litigation',
    label: '政府信息公开行政诉讼总计',
    en: 'lawsuits about disclosure',
    cells: [['/reviewAndLitigation/litigationWithoutReview/total', '/reviewAndLitigation/litigationAfterReview/total']],
    phrases: [
      `${DISCLOSURE}行政诉讼(?:案件)?${SUM}${N}(?:件|起|宗|个)`,
      // 信息公开类行政复议7件，诉讼9件
      `${DISCLOSURE}行政复议(?:案件)?${SUM}\\d+(?:件|起|宗)[，,、和及](?:行政)?诉讼(?:案件)?${SUM}${N}(?:件|起|宗)`,
    ],
  },
  {
    key: 'normativeDocumentsIssued',
    label: '本年制发的行政规范性文件件数',
    en: 'normative documents issued this year',
    // 本年制发件数 (edition 2021), 本年新制作数量 (edition 2019).
    cells: [['/proactive/normativeDocuments/issued'], ['/proactive/normativeDocuments/newlyMade']],
    phrases: [`(?:新?制发|印发|出台)了?(?:行政)?规范性文件${SUM}${N}(?:件|份|个)`],
  },
  {
    key: 'licensingDecisions',
    label: '行政许可本年处理决定数量',
    en: 'licensing decisions this year',
    cells: [['/proactive/licensing/decisions']],
    phrases: [
      `(?:作出|办理|办结)了?行政许可(?:处理决定|决定|案件|办件)?${SUM}${N}(?:件|项)`,
      `行政许可(?:处理)?决定(?:书)?${SUM}${N}(?:件|份|项)`,
    ],
  },
  {
    key: 'penaltyDecisions',
    label: '行政处罚本年处理决定数量',
    en: 'penalty decisions this year',
    cells: [['/proactive/penalties/decisions']],
    phrases: [
      `(?:作出|办理|办结|查处|实施)了?行政处罚(?:处理决定|决定|案件)?${SUM}${N}(?:件|起|宗)`,
      `行政处罚(?:处理)?决定(?:书)?${SUM}${N}(?:件|份)`,
    ],
  },
];

/**
 * Words that make a figure a part, a comparison or something else: when the
 * clause of a phrase (from the last comma before it to its figure) holds one,
 * the figure is not checked. 其中 (a part), a channel (网上受理…), one kind of
 * applicant, a reply made in time or late, and comparisons with last year.
 *
 * @example
 * ```ts
 * import { NARRATIVE_PART_WORDS } from 'gov-disclosure-report';
 * new RegExp(NARRATIVE_PART_WORDS).test('其中网上受理政府信息公开申请5件'); // true
 * ```
 */
export const NARRATIVE_PART_WORDS =
  '其中|分别|占|网上|线上|线下|网络|当面|现场|信函|邮寄|传真|邮件|电子|书面|电话|平台|网站|' +
  '自然人|企业|个人|科研|律师|法律服务|公益|按时|按期|逾期|当场|延期|及时|' +
  '较|同比|环比|相比|比上年|比去年|增长|下降|减少|增加|上升|持平|同期';

/**
 * How a narrative names its own report year, each a regular expression
 * source whose groups `y` (and `z`) are years: the statistics period, the
 * report naming itself as it is compiled, and a sentence that opens on last
 * year (`2023年度，我局…` in a 2024 report, as a report copied from last
 * year's does), after an optional heading. A sentence opening on another
 * year (next year's plans, history) is not checked, nor one that names a
 * second year or compares (see {@link NARRATIVE_YEAR_EXEMPT}).
 *
 * @example
 * ```ts
 * import { NARRATIVE_YEAR_PHRASES } from 'gov-disclosure-report';
 * new RegExp(NARRATIVE_YEAR_PHRASES.period).exec('统计期限为2023年1月1日至2023年12月31日')?.groups?.y; // '2023'
 * ```
 */
export const NARRATIVE_YEAR_PHRASES = {
  /** 统计期限为2024年1月1日至2024年12月31日. */
  period: '(?<y>\\d{4})年1月1日(?:起)?(?:至|到|—|-|－)(?<z>\\d{4})年12月31日',
  /** 编制《某局2024年度政府信息公开工作年度报告》. */
  title: `编制[^。；;]{0,30}?(?<y>\\d{4})年度?${REPORT_TITLE_PHRASE}`,
  /**
   * A sentence opening on a year: `2023年，…`, `（二）依申请公开情况。2023年全区受理…`;
   * not `2023年以来`, `2023年12月`, `2023年度报告`, `2023年度考核`.
   */
  opening: '^(?:（[一二三四五六七八九十\\d]+）[^，,。；;\\d]{0,15}?)?(?<y>\\d{4})年度?(?![\\d度月底初末中以起至前后上下报考评绩])',
} as const;

/**
 * Words that, in a sentence opening on a year, make it a comparison or a
 * reference to another year rather than the report speaking of its own.
 *
 * @example
 * ```ts
 * import { NARRATIVE_YEAR_EXEMPT } from 'gov-disclosure-report';
 * new RegExp(NARRATIVE_YEAR_EXEMPT).test('2023年同期受理5件'); // true
 * ```
 */
export const NARRATIVE_YEAR_EXEMPT = '较|同比|环比|相比|同期|结转|对比|比较|修订|施行|颁布|成立|设立|组建|挂牌';

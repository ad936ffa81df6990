import type { Locale } from '../rules/catalogue.js';

/**
 * The report-level fields around the tables. These are the model's own
 * (model.md §1), not labels printed on the form.
 *
 * @example
 * ```ts
 * import { REPORT_FIELDS } from 'gov-disclosure-report';
 * REPORT_FIELDS.publishedOn.label; // '发布日期'
 * ```
 */
export const REPORT_FIELDS = {
  '': { label: '报告', en: 'report' },
  edition: { label: '报告格式版本', en: 'edition' },
  year: { label: '报告年度', en: 'report year' },
  agency: { label: '报告机关', en: 'reporting body' },
  publisher: { label: '报告主体类别', en: 'publisher kind' },
  publishedOn: { label: '发布日期', en: 'publication date' },
  narrative: { label: '文字部分', en: 'narrative' },
} as const;

/**
 * The report years the model accepts: the formats date from 2019.
 *
 * @example
 * ```ts
 * import { YEAR_RANGE } from 'gov-disclosure-report';
 * YEAR_RANGE.min; // 2019
 * ```
 */
export const YEAR_RANGE = { min: 2019, max: 2100 } as const;

/**
 * The kinds of reporting body, which decide the Article 49 deadline:
 * `department` (县级以上人民政府部门, by 31 January), `government` (本级人民政府,
 * published by its disclosure office by 31 March) and `other` (no statutory
 * deadline, e.g. townships).
 *
 * @example
 * ```ts
 * import { PUBLISHERS } from 'gov-disclosure-report';
 * PUBLISHERS.department.label; // '县级以上人民政府部门'
 * ```
 */
export const PUBLISHERS = {
  department: { label: '县级以上人民政府部门', en: 'department of a government at or above county level', deadline: { month: 1, day: 31 } },
  government: { label: '县级以上地方人民政府', en: 'local government at or above county level', deadline: { month: 3, day: 31 } },
  other: { label: '其他', en: 'other body (no statutory deadline)', deadline: undefined },
} as const;

/**
 * A kind of reporting body: a key of {@link PUBLISHERS}.
 *
 * @example
 * ```ts
 * import type { Publisher } from 'gov-disclosure-report';
 * const publisher: Publisher = 'government';
 * ```
 */
export type Publisher = keyof typeof PUBLISHERS;

/**
 * The title of a report as agencies print it:
 * `{agency}{year}年政府信息公开工作年度报告`.
 *
 * @example
 * ```ts
 * import { reportTitle } from 'gov-disclosure-report';
 * reportTitle(2021, '汴东产业集聚区'); // '汴东产业集聚区2021年政府信息公开工作年度报告'
 * reportTitle(2021, '汴东产业集聚区', 'en'); // '汴东产业集聚区: annual report on government information disclosure, 2021'
 * ```
 */
export function reportTitle(year: number, agency = '', locale: Locale = 'zh-CN'): string {
  // The English is a gloss for readers, not a title any report prints.
  if (locale === 'en') return `${agency ? `${agency}: ` : ''}annual report on government information disclosure, ${year}`;
  return `${agency}${year}年${REPORT_TITLE_PHRASE}`;
}

/**
 * The phrase that names every report: 政府信息公开工作年度报告.
 *
 * @example
 * ```ts
 * import { REPORT_TITLE_PHRASE } from 'gov-disclosure-report';
 * REPORT_TITLE_PHRASE; // '政府信息公开工作年度报告'
 * ```
 */
export const REPORT_TITLE_PHRASE = '政府信息公开工作年度报告';

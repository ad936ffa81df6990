import type { Article20ItemNumber } from './types.js';

/**
 * The items of Article 20 of the 《中华人民共和国政府信息公开条例》 (2019
 * revision): what an agency must disclose proactively. Table 二 reports on
 * items （一）, （五）, （六）, （八） and, in the 2019 edition, （九）.
 *
 * @example
 * ```ts
 * import { ARTICLE_20_ITEMS } from 'gov-disclosure-report';
 * ARTICLE_20_ITEMS['（八）']; // '行政事业性收费项目及其依据、标准'
 * ```
 */
export const ARTICLE_20_ITEMS: Readonly<Record<Article20ItemNumber, string>> = {
  '（一）': '行政法规、规章和规范性文件',
  '（二）': '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '（三）': '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '（四）': '国民经济和社会发展统计信息',
  '（五）': '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '（六）': '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '（七）': '财政预算、决算信息',
  '（八）': '行政事业性收费项目及其依据、标准',
  '（九）': '政府集中采购项目的目录、标准及实施情况',
  '（十）': '重大建设项目的批准和实施情况',
  '（十一）': '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '（十二）': '突发公共事件的应急预案、预警信息及应对情况',
  '（十三）': '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '（十四）': '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '（十五）': '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
};

/**
 * The header of a table 二 block for an Article 20 item, as printed:
 * `第二十条第（一）项`.
 *
 * @example
 * ```ts
 * import { article20Header } from 'gov-disclosure-report';
 * article20Header('（五）'); // '第二十条第（五）项'
 * ```
 */
export function article20Header(item: Article20ItemNumber): string {
  return `第二十条第${item}项`;
}

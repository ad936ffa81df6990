import type { NarrativeSectionMeta } from './types.js';

/**
 * The narrative sections 一, 五 and 六, the same in both editions. Their
 * headings vary in published reports (see format.md §1.2); these are the
 * canonical ones.
 *
 * @example
 * ```ts
 * import { NARRATIVE_SECTIONS } from 'gov-disclosure-report';
 * NARRATIVE_SECTIONS.map((s) => s.key); // ['overview', 'problemsAndImprovements', 'otherMatters']
 * ```
 */
export const NARRATIVE_SECTIONS = [
  { key: 'overview', number: '一', label: '一、总体情况', en: 'Overview' },
  {
    key: 'problemsAndImprovements',
    number: '五',
    label: '五、存在的主要问题及改进情况',
    en: 'Main problems and improvements',
  },
  { key: 'otherMatters', number: '六', label: '六、其他需要报告的事项', en: 'Other matters to report' },
] as const satisfies readonly NarrativeSectionMeta[];

/**
 * Rendering a finding's message in a locale, from the language modules.
 *
 * @module
 */
import type { Locale, RuleCode, RuleParams } from '../catalogue.js';
import type { MessageCatalogue, MessageContext } from './context.js';
import { MESSAGES_EN } from './en.js';
import { MESSAGES_ZH_CN } from './zh-CN.js';

/**
 * Each locale's messages.
 *
 * @example
 * ```ts
 * import { MESSAGES } from 'gov-disclosure-report';
 * Object.keys(MESSAGES); // ['zh-CN', 'en']
 * ```
 */
export const MESSAGES: Readonly<Record<Locale, MessageCatalogue>> = { 'zh-CN': MESSAGES_ZH_CN, en: MESSAGES_EN };

/**
 * Renders the message of a finding in a locale.
 *
 * @example
 * ```ts
 * import { renderMessage } from 'gov-disclosure-report';
 * renderMessage('publication.late', 'en', { expected: '2022-01-31', actual: '2022-02-03', daysLate: 3 }, { where: '发布日期', whereEn: 'publication date' });
 * // '发布日期 (publication date): 2022-02-03 is after the statutory deadline 2022-01-31 (3 days late)'
 * ```
 */
export function renderMessage<C extends RuleCode>(code: C, locale: Locale, params: RuleParams<C>, at: MessageContext): string {
  return (MESSAGES[locale][code] as (p: RuleParams<C>, at: MessageContext) => string)(params, at);
}

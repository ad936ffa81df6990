/**
 * What every message is given besides its finding's values: the place named
 * in words, and how the value found is best shown.
 *
 * @module
 */
import type { RuleCode, RuleParams } from '../catalogue.js';

/**
 * The words around a finding's values, worked out once per finding.
 *
 * @example
 * ```ts
 * import type { MessageContext } from 'gov-disclosure-report';
 * const at: MessageContext = { where: '规章 · 本年制发件数', whereEn: 'regulations · issued this year' };
 * ```
 */
export interface MessageContext {
  /** The official labels of the cell, or the field's name, in Chinese; the pointer where there is none. */
  readonly where: string;
  /** The same with English glosses. */
  readonly whereEn: string;
  /** How the message shows `actual` where that differs from the value (a string value in quotes). */
  readonly shown?: string | undefined;
  /** For a relation: the relation in words, in the message's language. */
  readonly relation?: string | undefined;
}

/**
 * One language's messages: a template for every rule code, given the
 * finding's typed values and its {@link MessageContext}. A missing code does
 * not compile.
 *
 * @example
 * ```ts
 * import type { MessageCatalogue } from 'gov-disclosure-report';
 * type BlankMessage = MessageCatalogue['cell.blank']; // (p: {}, at: MessageContext) => string
 * ```
 */
export type MessageCatalogue = {
  readonly [C in RuleCode]: (p: RuleParams<C>, at: MessageContext) => string;
};

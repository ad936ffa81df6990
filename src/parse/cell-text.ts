/**
 * What a published cell says: a figure, a blank, a placeholder for "not
 * applicable", or text that is not a figure. A blank is never read as 0.
 */
import type { CellKind } from '../format/types.js';
import { parseFee } from '../money/fee.js';
import type { MoneyUnit } from './header-units.js';

/**
 * How a cell was read, for provenance: a figure, a blank, a placeholder
 * (`/`, `—`, `-`, `无`) or text that is not a figure.
 *
 * @example
 * ```ts
 * import type { CellTextKind } from 'gov-disclosure-report/parse';
 * const kind: CellTextKind = 'placeholder';
 * ```
 */
export type CellTextKind = 'number' | 'blank' | 'placeholder' | 'text';

export interface CellReading {
  kind: CellTextKind;
  /** The figure: a count, or an amount in 万元 as an exact decimal string; `null` otherwise. */
  value: number | string | null;
}

const PLACEHOLDER = /^(?:\/|-+|—+|–|―|无|\\)$/;

// Full-width digits and point read as ASCII; nothing else is folded (NFKC would make ① a 1, ¹ a 1).
const FULL_WIDTH = /[０-９．]/g;

/**
 * Reads a cell's text as a figure of `kind`. White space around the figure
 * is dropped; white space inside it (`1 2`, a `<br>` or `<sup>` in the
 * cell) makes it text, not a figure. `unit` is the unit the column's header
 * gives a bare amount.
 */
export function readCellText(raw: string, kind: CellKind, unit?: MoneyUnit): CellReading {
  const text = raw.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (text === '') return { kind: 'blank', value: null };
  if (/[\s\u00a0\u3000]/.test(text)) return { kind: 'text', value: null };
  if (PLACEHOLDER.test(text)) return { kind: 'placeholder', value: null };
  if (kind === 'money') {
    try {
      return { kind: 'number', value: parseFee(unit && /\d$/.test(text) ? `${text}${unit}` : text) };
    } catch {
      return { kind: 'text', value: null };
    }
  }
  const pattern = kind === 'signedCount' ? /^[+-]?\d+$/ : /^\d+$/;
  const value = pattern.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(value) ? { kind: 'number', value: value + 0 } : { kind: 'text', value: null };
}

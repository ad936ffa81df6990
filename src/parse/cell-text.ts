/**
 * What a published cell says: a figure, a blank, a placeholder for "not
 * applicable", or text that is not a figure. A blank is never read as 0.
 */
import type { CellKind } from '../format/types.js';
import { parseFee } from '../money/fee.js';

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

/** Reads a cell's text as a figure of `kind`. */
export function readCellText(raw: string, kind: CellKind): CellReading {
  const text = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]/g, '');
  if (text === '') return { kind: 'blank', value: null };
  if (PLACEHOLDER.test(text)) return { kind: 'placeholder', value: null };
  if (kind === 'money') {
    try {
      return { kind: 'number', value: parseFee(text) };
    } catch {
      return { kind: 'text', value: null };
    }
  }
  const pattern = kind === 'signedCount' ? /^[+-]?\d+$/ : /^\d+$/;
  const value = pattern.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(value) ? { kind: 'number', value: value + 0 } : { kind: 'text', value: null };
}

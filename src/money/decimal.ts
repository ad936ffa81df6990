import { Decimal } from 'decimal.js';

/**
 * The library's own decimal type: 四舍五入 (ROUND_HALF_UP), enough precision
 * for any amount a report can hold, and no exponent notation in strings.
 * A clone, so the host application's `Decimal` settings are left alone.
 */
export const Wan = Decimal.clone({
  // Enough significant digits to shift the longest amount read by 10^4 exactly.
  precision: 500,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -500,
  toExpPos: 500,
});

/** An instance of {@link Wan}. */
export type WanDecimal = InstanceType<typeof Wan>;

/**
 * Decimal places of every canonical amount in 万元.
 *
 * @example
 * ```ts
 * import { FEE_DECIMALS, formatFee } from 'gov-disclosure-report';
 * formatFee('3').split('.')[1].length === FEE_DECIMALS; // true
 * ```
 */
export const FEE_DECIMALS = 4;

/** Longest amount string read: far beyond any real figure, short enough to stay fast and exact. */
export const MAX_AMOUNT_LENGTH = 400;

/** A non-negative amount written plainly: digits, optionally a point and more digits. */
export const AMOUNT_PATTERN = /^[0-9]+(?:\.[0-9]+)?$/;
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads a plain decimal string (`"12.5"`, `"-3"`) or a finite number into a
 * {@link Wan}, or `undefined` when it is neither. Numbers are read through
 * their shortest round-trip string, so `0.1` is exactly 0.1.
 */
export function toDecimal(value: unknown): WanDecimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Wan(value) : undefined;
  if (typeof value !== 'string' || value.length > MAX_AMOUNT_LENGTH || !PLAIN_DECIMAL.test(value)) return undefined;
  return new Wan(value);
}

/** An exact decimal string with no exponent and no negative zero. */
export function plain(value: WanDecimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Four decimals, rounded half-up, with no negative zero. */
export function fixed(value: WanDecimal): string {
  return value.toFixed(FEE_DECIMALS).replace(/^-(0\.0+)$/, '$1');
}

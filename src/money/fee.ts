/**
 * Amounts in 万元 (10,000 yuan): formatting to four decimals, reading
 * published text, and conversion from and to 元. Decimal arithmetic only.
 *
 * @module
 */
import { FEE_DECIMALS, fixed, MAX_AMOUNT_LENGTH, plain, toDecimal, Wan } from './decimal.js';

/**
 * Formats an amount in 万元 with exactly four decimals, rounded half-up
 * (四舍五入) with decimal arithmetic.
 *
 * @param value - a plain decimal string (`"12.34565"`) or a finite number
 * @throws RangeError when `value` is not a plain decimal or finite number
 * @example
 * ```ts
 * import { formatFee } from 'gov-disclosure-report';
 * formatFee(0);          // '0.0000'
 * formatFee('12.34565'); // '12.3457'
 * formatFee(1.5);        // '1.5000'
 * ```
 */
export function formatFee(value: string | number): string {
  const amount = toDecimal(value);
  if (amount === undefined) throw new RangeError(`formatFee: not a decimal amount: ${JSON.stringify(value)}`);
  return fixed(amount);
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
// White space may stand between the number and its unit, never inside the number.
const FEE_TEXT = /^(\d+(?:\.\d+)?)\s*(万元|元)?$/;

/** Why a text is not an amount, for the first check it fails. */
function rejection(text: string): string {
  if (text === '') return 'empty';
  if (text.length > MAX_AMOUNT_LENGTH) return `longer than ${MAX_AMOUNT_LENGTH} characters`;
  if (text.startsWith('-')) return 'negative';
  if (/\d[,，]\d/.test(text)) return 'thousands separators are not read';
  // "1 000" may be a figure of 1000 or the figures 1 and 000 run together: refused, not guessed.
  if (/[\d.]\s+[\d.]/.test(text)) return 'white space inside a number is not read';
  if (/\d[eE][+-]?\d/.test(text)) return 'exponent notation is not read';
  if (/^\d+(?:\.\d+)?[^\d.]/.test(text)) return 'the unit must be 万元 or 元';
  return 'not a decimal number';
}

/**
 * Reads an amount as published (`"0"`, `"1.5"`, `"1.5万元"`, `"15000元"`,
 * full-width `"１２.５"`) and returns it in 万元 as an exact decimal string,
 * unrounded (`"15000元"` → `"1.5"`). A number without a unit is taken to be
 * in 万元, the unit of the form. White space may stand around the text and
 * between the number and its unit (`" 3 万元 "`), never inside the number.
 *
 * Leading zeros are read and dropped (`"00012.5"` → `"12.5"`): published
 * tables pad figures with zeros, the parser reads a count of `007` as 7,
 * and a leading zero cannot change the amount. A separator inside the
 * number can (`"1 000"` may be 1 and 000 from two cells run together), so
 * that is refused.
 *
 * @throws RangeError with a one-line reason for anything else (empty text,
 *   a negative amount, another unit, thousands separators, white space
 *   inside the number, exponents)
 * @example
 * ```ts
 * import { parseFee } from 'gov-disclosure-report';
 * parseFee('15000元');  // '1.5'
 * parseFee('１２.５');   // '12.5'
 * parseFee(' 3 万元 '); // '3'
 * parseFee('00012.5'); // '12.5'
 * parseFee('1 000');   // RangeError: parseFee: white space inside a number is not read: "1 000"
 * ```
 */
export function parseFee(text: string): string {
  const normalised = String(text)
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .trim();
  const match = normalised.length <= MAX_AMOUNT_LENGTH ? FEE_TEXT.exec(normalised) : null;
  if (!match) throw new RangeError(`parseFee: ${rejection(normalised)}: ${JSON.stringify(text.slice(0, 60))}`);
  const amount = new Wan(match[1]!);
  return plain(match[2] === '元' ? amount.dividedBy(10_000) : amount);
}

/**
 * Converts an amount in 元 to 万元, exactly.
 *
 * @throws RangeError when `yuan` is not a plain decimal or finite number
 * @example
 * ```ts
 * import { yuanToWan } from 'gov-disclosure-report';
 * yuanToWan('251000'); // '25.1'
 * yuanToWan(1);        // '0.0001'
 * ```
 */
export function yuanToWan(yuan: string | number): string {
  return plain(decimalOrThrow('yuanToWan', yuan).dividedBy(10_000));
}

/**
 * Converts an amount in 万元 to 元, exactly.
 *
 * @throws RangeError when `wan` is not a plain decimal or finite number
 * @example
 * ```ts
 * import { wanToYuan } from 'gov-disclosure-report';
 * wanToYuan('25.1'); // '251000'
 * ```
 */
export function wanToYuan(wan: string | number): string {
  return plain(decimalOrThrow('wanToYuan', wan).times(10_000));
}

function decimalOrThrow(name: string, value: string | number) {
  const amount = toDecimal(value);
  if (amount === undefined) throw new RangeError(`${name}: not a decimal amount: ${JSON.stringify(value)}`);
  return amount;
}

export { FEE_DECIMALS };

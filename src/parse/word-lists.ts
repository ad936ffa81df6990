/**
 * Word's automatic numbering of paragraphs. A heading typed as "一、总体情况"
 * is often turned by Word into an item of a numbered list: "一、" is then no
 * longer in the text but worked out from the list's definition, as Word
 * shows it, and a reader that leaves it out loses the report's headings.
 * The definitions are read from a .docx's numbering part or a .doc's list
 * tables; the numbers are counted here, the same for both.
 */

/**
 * One level of a list definition.
 *
 * @example
 * ```ts
 * import type { ListLevel } from './word-lists.js';
 * const heading: ListLevel = { start: 1, format: 'chineseCounting', text: '%1、', suffix: '' };
 * ```
 */
export interface ListLevel {
  /** The first number. */
  start: number;
  /** The number format, by its name in Office Open XML (`decimal`, `chineseCounting`, `bullet` …). */
  format: string;
  /** What the number reads: `%1`…`%9` stand for the current numbers of levels 1…9 (`（%2）`). */
  text: string;
  /** What stands between the number and the paragraph's text: a tab, a space or nothing. */
  suffix: string;
  /** Every number in `text` as an Arabic numeral (Word's legal numbering). */
  legal?: boolean;
}

/**
 * A list as paragraphs name it (a `w:numId`; a .doc's list format
 * override): the definition it counts with, and its levels. Lists of one
 * definition share their numbers, as in Word; `starts` restarts a level
 * where the list is first used.
 *
 * @example
 * ```ts
 * import type { WordList } from './word-lists.js';
 * const list: WordList = { definition: '0', levels: [{ start: 1, format: 'decimal', text: '%1.', suffix: ' ' }], starts: new Map() };
 * ```
 */
export interface WordList {
  definition: string;
  levels: readonly (ListLevel | undefined)[];
  starts: ReadonlyMap<number, number>;
}

/**
 * Where a paragraph's numbering comes from: a list and a level (a .docx's
 * `w:numPr`; a .doc's list format override and list level), set by the
 * paragraph itself or by its style.
 *
 * @example
 * ```ts
 * import type { NumberingRef } from './word-lists.js';
 * const heading: NumberingRef = { list: '4', level: 1 };
 * ```
 */
export interface NumberingRef {
  list?: string;
  level?: number;
}

/**
 * The numbering of each style, by its id: the list and the level it sets,
 * each of them, where it sets none, that of the style it is based on (a
 * style's properties are what it changes of its base's), through a chain no
 * longer than Word lets one be and never round in a circle. Styles that
 * number nothing are left out.
 *
 * @example
 * ```ts
 * import { inheritNumbering } from './word-lists.js';
 * const styles = inheritNumbering(new Map([['h1', { ref: { list: '4' } }], ['h2', { based: 'h1', ref: { level: 1 } }], ['x', { based: 'x', ref: {} }]]));
 * [...styles]; // [['h1', { list: '4' }], ['h2', { list: '4', level: 1 }]]
 * ```
 */
export function inheritNumbering<K>(styles: ReadonlyMap<K, { based?: K; ref: NumberingRef }>): Map<K, NumberingRef> {
  const inherited = <F extends keyof NumberingRef>(id: K, field: F): NumberingRef[F] | undefined => {
    let at = styles.get(id);
    for (let depth = 0; at && at.ref[field] === undefined && at.based !== undefined && depth < 16; depth++) at = styles.get(at.based);
    return at?.ref[field];
  };
  const resolved = new Map<K, NumberingRef>();
  for (const id of styles.keys()) {
    const [list, level] = [inherited(id, 'list'), inherited(id, 'level')];
    if (list !== undefined) resolved.set(id, level === undefined ? { list } : { list, level });
  }
  return resolved;
}

/**
 * How many levels a Word list has (0 to 8).
 *
 * @example
 * ```ts
 * import { LIST_LEVELS } from './word-lists.js';
 * const deepest = LIST_LEVELS - 1; // 8
 * ```
 */
export const LIST_LEVELS = 9;

// The number formats of a .doc and of Word 2003 XML (MSONFC, [MS-OSHARED] 2.2.1.3) by their names in Office Open XML.
const FORMATS: Readonly<Record<number, string>> = {
  0x01: 'upperRoman', 0x02: 'lowerRoman', 0x03: 'upperLetter', 0x04: 'lowerLetter', 0x0a: 'ideographDigital', 0x0b: 'japaneseCounting',
  0x0e: 'decimalFullWidth', 0x12: 'decimalEnclosedCircle', 0x13: 'decimalFullWidth2', 0x16: 'decimalZero', 0x17: 'bullet',
  0x1a: 'decimalEnclosedFullstop', 0x1b: 'decimalEnclosedParen', 0x1c: 'decimalEnclosedCircleChinese', 0x1d: 'ideographEnclosedCircle',
  0x1e: 'ideographTraditional', 0x1f: 'ideographZodiac', 0x21: 'taiwaneseCounting', 0x22: 'ideographLegalTraditional', 0x23: 'taiwaneseCountingThousand',
  0x24: 'taiwaneseDigital', 0x25: 'chineseCounting', 0x26: 'chineseLegalSimplified', 0x27: 'chineseCountingThousand', 0xff: 'none',
};
/**
 * The name in Office Open XML of a number format a .doc or a Word 2003 XML
 * file gives by its code (MSONFC); a code not known here reads as Arabic
 * numerals, as {@link formatNumber} writes any format it does not know.
 *
 * @example
 * ```ts
 * import { msonfcFormat } from './word-lists.js';
 * msonfcFormat(0x25); // 'chineseCounting'
 * msonfcFormat(0xff); // 'none'
 * msonfcFormat(0x3a); // 'decimal'
 * ```
 */
export function msonfcFormat(code: number): string {
  return FORMATS[code] ?? 'decimal';
}

// A number's text longer than this is damage: a level's text is repeated on every paragraph of its list.
const MAX_NUMBER_TEXT = 64;

const SIMPLIFIED = { digits: '零一二三四五六七八九', units: '十百千', omitLeadingOne: true };
// Digit by digit, zero is 〇 (一〇五), not the 零 of counting (一百零五).
const DIGITS = '〇一二三四五六七八九';
const LEGAL_SIMPLIFIED = { digits: '零壹贰叁肆伍陆柒捌玖', units: '拾佰仟', omitLeadingOne: false };
const LEGAL_TRADITIONAL = { digits: '零壹貳參肆伍陸柒捌玖', units: '拾佰仟', omitLeadingOne: false };

/** A number in Chinese counting (十一, 一百零五; 壹拾壹 in the legal forms), below 10,000. */
function counting(n: number, { digits, units, omitLeadingOne }: typeof SIMPLIFIED): string {
  const figures = String(n);
  let text = '';
  let zero = false;
  for (let i = 0; i < figures.length; i++) {
    const digit = Number(figures[i]);
    const place = figures.length - 1 - i;
    if (digit === 0) {
      zero = true;
      continue;
    }
    if (zero) text += digits[0]!;
    zero = false;
    text += (digit === 1 && place === 1 && i === 0 && omitLeadingOne ? '' : digits[digit]!) + (place > 0 ? units[place - 1]! : '');
  }
  return text;
}

/** `n` as letters, Word's way: A … Z, AA … ZZ. */
const letters = (n: number, a: number) => String.fromCharCode(a + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

const ROMAN: readonly [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
const roman = (n: number) => ROMAN.reduce((text, [value, numeral]) => {
  for (; n >= value; n -= value) text += numeral;
  return text;
}, '');

/** A character of a run of enclosed numbers (① …), for 1 to `last`, else the numeral. */
const enclosed = (n: number, first: number, last: number) => (n <= last ? String.fromCodePoint(first + n - 1) : String(n));

/**
 * A number in one of Word's number formats. A format not known here, and a
 * number past what a format can show, is written as an Arabic numeral.
 *
 * @example
 * ```ts
 * import { formatNumber } from './word-lists.js';
 * formatNumber('chineseCounting', 11); // '十一'
 * formatNumber('chineseCounting', 105); // '一百零五'
 * formatNumber('chineseLegalSimplified', 12); // '壹拾贰'
 * formatNumber('decimalEnclosedCircleChinese', 3); // '③'
 * formatNumber('upperRoman', 14); // 'XIV'
 * formatNumber('ideographTraditional', 11); // '11': the ten heavenly stems run out
 * formatNumber('none', 3); // ''
 * ```
 */
export function formatNumber(format: string, n: number): string {
  if (format === 'none' || format === 'bullet') return '';
  if (!(Number.isInteger(n) && n > 0 && n < 10_000)) return String(n);
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return counting(n, SIMPLIFIED);
    case 'chineseLegalSimplified':
      return counting(n, LEGAL_SIMPLIFIED);
    case 'ideographLegalTraditional':
      return counting(n, LEGAL_TRADITIONAL);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((digit) => DIGITS[Number(digit)]).join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10);
    case 'upperLetter':
      return letters(n, 0x41);
    case 'lowerLetter':
      return letters(n, 0x61);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/**
 * Counts the numbered paragraphs of a document in order: each call is the
 * next paragraph of `list` at `level` (0 for the first), and gives the number
 * Word shows before its text, with what follows it ('' for a list not
 * defined, for a bullet, which is no text of the report, and for a number
 * text too long to be one). A level's number restarts after a paragraph of
 * a level above it.
 *
 * @example
 * ```ts
 * import { listNumbers, type WordList } from './word-lists.js';
 * const headings: WordList = {
 *   definition: '1',
 *   levels: [
 *     { start: 1, format: 'chineseCounting', text: '%1、', suffix: '' },
 *     { start: 1, format: 'chineseCounting', text: '（%2）', suffix: '' },
 *   ],
 *   starts: new Map(),
 * };
 * const next = listNumbers(new Map([['1', headings]]));
 * [next('1', 0), next('1', 1), next('1', 1), next('1', 0), next('1', 1)]; // ['一、', '（一）', '（二）', '二、', '（一）']
 * next('9', 0); // ''
 * ```
 */
export function listNumbers(lists: ReadonlyMap<string, WordList>): (list: string, level: number) => string {
  const counts = new Map<string, (number | undefined)[]>();
  const begun = new Set<string>();
  return (id, level) => {
    const list = lists.get(id);
    const definition = list?.levels[level];
    if (!list || !definition || definition.format === 'bullet' || definition.text.length > MAX_NUMBER_TEXT) return '';
    const numbers = counts.get(list.definition) ?? [];
    counts.set(list.definition, numbers);
    if (!begun.has(id)) {
      begun.add(id);
      for (const [restarted, start] of list.starts) numbers[restarted] = start - 1;
    }
    numbers[level] = (numbers[level] ?? definition.start - 1) + 1;
    numbers.length = level + 1;
    const text = definition.text.replace(/%([1-9])/g, (_, k: string) => {
      const at = Number(k) - 1;
      const shown = list.levels[at];
      const n = numbers[at] ?? shown?.start ?? 1;
      // Legal numbering writes Arabic numerals, keeping a leading zero (01).
      return definition.legal && shown?.format !== 'decimalZero' ? String(n) : formatNumber(shown?.format ?? 'decimal', n);
    });
    return text.trim() === '' ? '' : text + definition.suffix;
  };
}

/**
 * The number Word shows before a paragraph, counted by `next` (see
 * {@link listNumbers}): from the paragraph's own list, else its style's, at
 * its own level, else its style's, else the first. A list `'0'` (a `w:numId`
 * or a .doc's list format override of 0) takes the style's numbering away.
 *
 * @example
 * ```ts
 * import { listNumbers, paragraphNumber, type WordList } from './word-lists.js';
 * const headings: WordList = { definition: '1', levels: [{ start: 1, format: 'chineseCounting', text: '%1、', suffix: '' }], starts: new Map() };
 * const next = listNumbers(new Map([['1', headings]]));
 * paragraphNumber(next, {}, { list: '1' }); // '一、'
 * paragraphNumber(next, { list: '0' }, { list: '1' }); // ''
 * paragraphNumber(next, { list: '1' }, undefined); // '二、'
 * ```
 */
export function paragraphNumber(next: (list: string, level: number) => string, own: NumberingRef, style: NumberingRef | undefined): string {
  const list = own.list ?? style?.list;
  return list === undefined || list === '0' ? '' : next(list, own.level ?? style?.level ?? 0);
}

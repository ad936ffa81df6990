/**
 * Label matching: published labels are compared with the metadata's after
 * both are normalised, so full- and half-width punctuation, `1.`/`1、`/`1．`,
 * spaces and line breaks inside labels, curly or straight quotes, and
 * traditional characters all match.
 */

// Pairs of a traditional form and its simplified one, for the characters the format's labels use
// (mirror sites convert whole pages).
const TRADITIONAL = '條条項项規规發发廢废現现範范許许處处決决罰罚強强業业費费額额單单萬万請请組组織织務务計计結结轉转辦办區区這这屬属國国祕秘穩稳護护權权類类內内過过執执詢询無无關关沒没補补後后確确訪访舉举報报訴诉複复復复當当認认獲获繳缴納纳續续議议維维糾纠審审訟讼經经動动況况據据係系為为對对數数減减採采購购體体題题進进會会機机構构開开總总製制於于繼继';
const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i += 2) SIMPLIFIED.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);
const TRADITIONAL_CHAR = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'g');

/**
 * A label reduced to what identifies it: NFKC (full-width to half-width),
 * simplified characters, no white space or quotes, `、` and `，` as `,`,
 * and a leading item number written `1.`.
 */
export function normalizeLabel(text: string): string {
  // Most cells are figures: plain ASCII needs neither NFKC nor the character table.
  const wide = /[^\x00-\x7f]/.test(text);
  return (wide ? text.normalize('NFKC').replace(TRADITIONAL_CHAR, (ch) => SIMPLIFIED.get(ch)!) : text)
    .replace(/[\s\u00a0\u3000"'“”‘’「」]/g, '')
    .replace(/^(\d+)[、.．,，]/, '$1.')
    .replace(/[、，]/g, ',');
}

// The metadata's labels are few and compared again and again: normalised, and without their numbering.
const LABELS = new Map<string, { normal: string; bare: string; number: string | undefined }>();
function metadataLabel(label: string): { normal: string; bare: string; number: string | undefined } {
  let known = LABELS.get(label);
  if (!known) {
    const normal = normalizeLabel(label);
    LABELS.set(label, (known = { normal, bare: withoutNumber(normal), number: /^\d+\./.exec(normal)?.[0] }));
  }
  return known;
}

/** Whether normalisation leaves a character as it is (an ASCII letter or digit, or a simplified ideograph). */
export function keptAsIs(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code >= 0x4e00 && code <= 0x9fff && !SIMPLIFIED.has(ch);
}

/** A normalised label without its leading numbering (`1.`, `(一)`, `一、`). */
export function withoutNumber(normalised: string): string {
  // Most texts start with no numbering: no need to run the pattern.
  if (!/^[\d(一二三四五六七八九十]/.test(normalised)) return normalised;
  return normalised.replace(/^(?:\d+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+,)/, '');
}

/**
 * Whether published text, already normalised, names a label: equal after
 * normalisation, or the label followed by a local annotation
 * (`规章（设区的市…应提供相关数据）`), or with one inside its closing
 * parenthesis (`本年收费金额（单位：万元，保留4位小数）`), with or without its
 * numbering.
 */
export function namesLabel(a: string, label: string, words = withoutNumber(a)): boolean {
  const { normal: b, bare } = metadataLabel(label);
  if (a === '' || b === '') return false;
  if (a === b || a.startsWith(b)) return true;
  if (b.endsWith(')') && a.endsWith(')') && a.startsWith(`${b.slice(0, -1)},`)) return true;
  // A shortened label, as in 规范性文件 for 行政规范性文件; long enough not to be a mere 其他.
  if (a.length >= 4 && b.endsWith(a)) return true;
  // Without numbering (`words`, which a caller comparing one text with many labels works out once): the
  // same words, or (for a label long enough not to be a mere 其他) the words and an annotation.
  if (bare === '' || bare === b) return false;
  return words === bare || (bare.length >= 4 && words.startsWith(bare) && words.length <= bare.length + 40);
}

/** Whether two texts are at most `bound` single-character edits apart (Levenshtein), in O(length × bound): only the band of the table within `bound` of its diagonal is worked out. */
function withinEdits(a: string, b: string, bound: number): boolean {
  if (Math.abs(a.length - b.length) > bound) return false;
  const far = bound + 1;
  let row = new Int32Array(b.length + 1).map((_, j) => (j <= bound ? j : far));
  let next = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    next.fill(far);
    if (i <= bound) next[0] = i;
    let best = next[0]!;
    for (let j = Math.max(1, i - bound); j <= Math.min(b.length, i + bound); j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), far);
      best = Math.min(best, next[j]!);
    }
    if (best > bound) return false;
    [row, next] = [next, row];
  }
  return row[b.length]! <= bound;
}

/**
 * Whether published text, normalised, is a numbered label with a slip in its
 * words (2.其他法律行政止公开 for 2.其他法律行政法规禁止公开): the same item
 * number, and words at most a quarter of the label's characters apart. Only
 * numbered labels of four characters or more: the number and its place in
 * the table say which row it is, the words only confirm it.
 */
export function slipOf(a: string, label: string): boolean {
  const { normal: b, number } = metadataLabel(label);
  if (number === undefined || !a.startsWith(number) || a === b) return false;
  const [words, official] = [a.slice(number.length), b.slice(number.length)];
  return official.length >= 4 && words.length >= 4 && withinEdits(words, official, Math.floor(official.length / 4));
}

// Where a row label can start inside a cell that has stray characters before it. An item number
// starts where no digit stands before it, so a long run of digits is not tried at every digit.
const NUMBERING = /(?<!\d)\d{1,3}\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+,/g;

/**
 * A label cell from where a row's label starts in it: stray characters of a
 * vertical header or a group label before the item number (`度4.保护…`,
 * `（四）无法提供1.本机关…`) are not part of it. `fits` says whether a text
 * is (or begins) a row label; with no fitting start the cell is as it is.
 */
export function labelFrom(label: string, fits: (text: string) => boolean): string {
  return labelStarts(label).find(fits) ?? label;
}

/** The places a row's label may start in a label cell: the whole cell, then from each item number after its start. */
export function labelStarts(label: string): string[] {
  const starts = [label];
  for (const match of label.matchAll(NUMBERING)) if (match.index > 0) starts.push(label.slice(match.index));
  return starts;
}

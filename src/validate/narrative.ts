/**
 * The narrative against the tables: `narrative.figure` where the text states
 * a figure for a quantity a table holds and it differs, `narrative.year`
 * where the text speaks of another report year. The phrases are format
 * knowledge, in src/format/narrative-figures.ts; this is only the matching.
 *
 * Conservative by design: a figure is compared only when its phrase names
 * the quantity outright, its clause holds no word that makes it a part or a
 * comparison, its sentence names no other year, and the table holds the
 * quantity at all (not every cell blank, none unreadable). It agrees with
 * the table when it equals the 总计 as printed or the sum of its parts, and
 * for applications received, with or without those carried over.
 *
 * @module
 */
import type { Layout } from '../format/layout.js';
import type { NarrativeSectionMeta } from '../format/types.js';
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import {
  NARRATIVE_FIGURES,
  NARRATIVE_PART_WORDS,
  NARRATIVE_YEAR_EXEMPT,
  NARRATIVE_YEAR_PHRASES,
  type NarrativeFigureMeta,
  type NarrativeQuantity,
} from '../format/narrative-figures.js';
import type { Narrative } from '../model/types.js';
import type { FindingList } from './finding.js';
import type { CellValues } from './read.js';
import { evaluate } from './relations.js';

/** A narrative longer than this is read only this far: the rule stays linear on hostile input. */
const MAX_NARRATIVE = 200_000;

/** A page footer line of extracted PDF text: `1 -`, `- 3 -`. */
const PAGE_FOOTER = /^[ \t]*[-—–－]?[ \t]*\d{1,3}[ \t]*[-—–－][ \t]*$/gm;
const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * A narrative as the phrases read it: page footers dropped, full-width
 * digits made ASCII, and white space taken out (a PDF's line breaks fall
 * mid-phrase), except between two digits, where it stays a space so two
 * figures never run together.
 */
export function normaliseNarrative(text: string): string {
  return text
    .slice(0, MAX_NARRATIVE)
    .replace(PAGE_FOOTER, '')
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, (run, at: number, text: string) => (isDigit(text[at - 1]) && isDigit(text[at + run.length]) ? ' ' : ''));
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Every match of a global expression (without the `u` flag) in a text, from
 * its start, as `matchAll` gives them, without the copy of the expression
 * `matchAll` makes on every call: the rules run a score of phrases over each
 * sentence of thousands of reports. The expression's `lastIndex` is its
 * state, so one expression is never iterated inside its own loop.
 */
function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A figure as written: Arabic digits (`3,119`), a Chinese numeral (`十七`,
 * `一百二十`, `两千零五`, `一万二千`) or digits spelt out (`二〇二三`).
 */
export function figureOf(text: string): number | undefined {
  if (/^[\d,]+$/.test(text)) {
    const value = Number(text.replaceAll(',', ''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (text.length > 1 && [...text].every((c) => c in DIGIT)) return Number([...text].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else if (c in UNIT) {
      section += (digit || 1) * UNIT[c]!;
      digit = 0;
    } else if (c === '万') {
      total += (section + digit || 1) * 10_000;
      section = 0;
      digit = 0;
    } else return undefined;
  }
  return total + section + digit;
}

/** The phrases compiled once. */
const COMPILED = NARRATIVE_FIGURES.map((quantity) => ({
  quantity,
  phrases: quantity.phrases.map((source) => new RegExp(source, 'g')),
  sentenceNames: quantity.sentenceNames === undefined ? undefined : new RegExp(quantity.sentenceNames),
}));
const PART_WORDS = new RegExp(NARRATIVE_PART_WORDS);
const YEAR_EXEMPT = new RegExp(NARRATIVE_YEAR_EXEMPT);
const PERIOD = new RegExp(NARRATIVE_YEAR_PHRASES.period, 'g');
const TITLE = new RegExp(NARRATIVE_YEAR_PHRASES.title, 'g');
const OPENING = new RegExp(NARRATIVE_YEAR_PHRASES.opening);
const YEAR = /(\d{4})年/g;
const HAS_YEAR = /\d{4}年/;
const SENTENCE_END = /[。；;！!？?]/;
/**
 * Every phrase states its figure followed at once by a counting unit (件, 份, 宗, 起, 个, 项): a sentence
 * without such a pair cannot match one, and is not scanned by every phrase (most sentences of a long
 * narrative). A test keeps every phrase of the metadata to this form.
 */
export const FIGURE_WITH_UNIT = /[0-9零〇一二两三四五六七八九十百千万][件份宗起个项]/;

/** What a quantity's figure may be, by the table: its values, the cells read, and the value a message names. */
interface Expected {
  readonly values: ReadonlySet<number>;
  readonly shown: number;
  readonly cells: readonly string[];
}

/** The table as the rule reads it. */
interface Table {
  readonly layout: Layout;
  readonly values: CellValues;
  readonly effective: CellValues;
}

/** A cell left blank, and every part of it blank too when it is a total. */
function blank(table: Table, index: number): boolean {
  const { layout, values } = table;
  const eq = values[index] === null ? layout.derivedBy[index] : undefined;
  return values[index] === null && (!eq || [...eq.plus, ...eq.minus].every((i) => blank(table, i)));
}

/**
 * The figures one cell may be said to hold: as printed, and for a total,
 * the sum of its parts too (a report whose 总计 is wrong is reported by the
 * sum rules; its narrative may well give the true sum).
 */
function figuresOf(table: Table, index: number): number[] | undefined {
  const { layout, values, effective } = table;
  const printed = values[index];
  const eq = layout.derivedBy[index];
  const sum = eq ? evaluate(eq, effective) : undefined;
  if (printed === undefined) return undefined;
  if (printed === null) return typeof effective[index] === 'number' ? [effective[index]] : undefined;
  return typeof sum === 'number' && sum !== printed ? [printed, sum] : [printed];
}

/** What the table says of a quantity, or nothing when it does not hold it (cells missing, unreadable or all blank). */
function expectedOf(table: Table, quantity: NarrativeFigureMeta): Expected | undefined {
  const values = new Set<number>();
  const cells = new Set<string>();
  let shown: number | undefined;
  for (const way of quantity.cells) {
    const infos = way.map((pointer) => table.layout.cellAt.get(pointer));
    if (!infos.every((c) => c !== undefined)) continue;
    if (infos.every((c) => blank(table, c.index))) continue;
    let sums = [0];
    for (const cell of infos) {
      const figures = figuresOf(table, cell.index);
      if (!figures) {
        sums = [];
        break;
      }
      sums = sums.flatMap((s) => figures.map((f) => s + f));
    }
    if (sums.length === 0) continue;
    shown ??= sums[0];
    for (const s of sums) values.add(s);
    for (const cell of infos) cells.add(cell.pointer);
  }
  return shown === undefined ? undefined : { values, shown, cells: [...cells] };
}

/** The sentences of a normalised narrative. */
function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END).filter((s) => s !== '');
}

/** How far before a phrase its clause is read for words that make it a part: the words stand close to it. */
const CLAUSE_REACH = 40;
const CLAUSE_BREAKS = new Set('，,：:（(）)');

/** Where the clause holding `at` starts: after the last clause break before it, at most {@link CLAUSE_REACH} back. */
function clauseStart(sentence: string, at: number): number {
  const stop = Math.max(0, at - CLAUSE_REACH);
  for (let i = at - 1; i >= stop; i--) if (CLAUSE_BREAKS.has(sentence[i]!)) return i + 1;
  return stop;
}

/** Whether a sentence names a year other than `year`. */
function namesOtherYear(sentence: string, year: number): boolean {
  for (const m of matchesOf(YEAR, sentence)) if (Number(m[1]) !== year) return true;
  return false;
}

/**
 * Checks every narrative section's figures against the tables and its years
 * against the report year.
 */
export function checkNarrative(
  layout: Layout,
  values: CellValues,
  effective: CellValues,
  narrative: Narrative | undefined,
  year: number,
  out: FindingList,
): void {
  if (!narrative) return;
  const table: Table = { layout, values, effective };
  // What the table says of a quantity is worked out only for the quantities a narrative states, once.
  const known = new Map<NarrativeQuantity, Expected | undefined>();
  const expected = (quantity: NarrativeQuantity) => {
    if (!known.has(quantity)) known.set(quantity, expectedOf(table, NARRATIVE_FIGURES.find((q) => q.key === quantity)!));
    return known.get(quantity);
  };
  for (const section of NARRATIVE_SECTIONS) {
    const raw = narrative[section.key];
    if (typeof raw !== 'string' || raw === '') continue;
    const path = `/narrative/${section.key}`;
    const sentences = sentencesOf(normaliseNarrative(raw));
    checkYears(sentences, year, path, out);
    checkFigures(figuresIn(section.key, sentences, year), expected, path, out);
  }
}

/**
 * A figure the narrative states for a quantity of the tables, as the rule
 * reads it.
 */
export interface StatedFigure {
  readonly section: NarrativeSectionMeta['key'];
  readonly quantity: NarrativeQuantity;
  readonly figure: number;
  /** The phrase as matched, in the normalised text. */
  readonly text: string;
}

/**
 * Every figure a narrative states for a quantity of the tables, in the
 * order of the text, once per quantity and figure in a section: what the
 * `narrative.figure` rule compares. A figure whose phrase is a part, a
 * comparison, or in a sentence that names another year is not stated here.
 */
export function statedFigures(narrative: Narrative | undefined, year: number): StatedFigure[] {
  const stated: StatedFigure[] = [];
  for (const section of NARRATIVE_SECTIONS) {
    const raw = narrative?.[section.key];
    if (typeof raw !== 'string' || raw === '') continue;
    stated.push(...figuresIn(section.key, sentencesOf(normaliseNarrative(raw)), year));
  }
  return stated;
}

function figuresIn(section: NarrativeSectionMeta['key'], sentences: readonly string[], year: number): StatedFigure[] {
  const stated: StatedFigure[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    if (!FIGURE_WITH_UNIT.test(sentence) || namesOtherYear(sentence, year)) continue;
    for (const { quantity, phrases, sentenceNames } of COMPILED) {
      if (sentenceNames && !sentenceNames.test(sentence)) continue;
      for (const phrase of phrases) {
        for (const m of matchesOf(phrase, sentence)) {
          const figureText = m.groups!.n!;
          const figureEnd = m.index + m[0].lastIndexOf(figureText) + figureText.length;
          if (PART_WORDS.test(sentence.slice(clauseStart(sentence, m.index), figureEnd))) continue;
          const figure = figureOf(figureText);
          const key = `${quantity.key} ${figure}`;
          if (figure === undefined || seen.has(key)) continue;
          seen.add(key);
          stated.push({ section, quantity: quantity.key, figure, text: m[0] });
        }
      }
    }
  }
  return stated;
}

function checkFigures(stated: readonly StatedFigure[], expected: (quantity: NarrativeQuantity) => Expected | undefined, path: string, out: FindingList): void {
  for (const { quantity, figure, text } of stated) {
    const table = expected(quantity);
    if (!table || table.values.has(figure)) continue;
    out.add('narrative.figure', path, { quantity, expected: table.shown, actual: figure, text, cells: table.cells });
  }
}

function checkYears(sentences: readonly string[], year: number, path: string, out: FindingList): void {
  const said = new Set<number>();
  const say = (actual: number, text: string) => {
    if (actual === year || said.has(actual)) return;
    said.add(actual);
    out.add('narrative.year', path, { expected: year, actual, text });
  };
  for (const sentence of sentences) {
    // Every phrase names a year (2023年): a sentence without one, most of them, is not scanned by each.
    if (!HAS_YEAR.test(sentence)) continue;
    for (const m of matchesOf(PERIOD, sentence)) for (const y of [m.groups!.y!, m.groups!.z!]) say(Number(y), m[0]);
    for (const m of matchesOf(TITLE, sentence)) say(Number(m.groups!.y), m[0]);
    const opening = OPENING.exec(sentence);
    if (!opening) continue;
    const y = Number(opening.groups!.y);
    // A sentence about last year, as a report copied from last year's opens, that names no other year and compares nothing.
    if (y !== year - 1 || YEAR_EXEMPT.test(sentence)) continue;
    const years = new Set([...matchesOf(YEAR, sentence)].map((m) => Number(m[1])));
    if (years.size === 1) say(y, sentence.length > 40 ? `${sentence.slice(0, 40)}…` : sentence);
  }
}

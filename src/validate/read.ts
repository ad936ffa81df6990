/**
 * The shape layer: walks an unknown input along the edition's layout, reads
 * every cell, and reports each problem with its code and pointer. It never
 * throws on JSON input and never keeps anything it was not asked for.
 *
 * @module
 */
import { isEdition, layoutOf, pointerSegment, type CellInfo, type Layout, type ObjectNode } from '../format/layout.js';
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import { PUBLISHERS, REPORT_FIELDS, YEAR_RANGE, type Publisher } from '../format/report-fields.js';
import type { Edition } from '../format/types.js';
import { isCalendarDate } from '../dates/deadline.js';
import { FEE_DECIMALS, fixed, toDecimal } from '../money/decimal.js';
import type { Report } from '../model/types.js';
import type { FindingList } from './finding.js';

/** Count values by cell index: a number, `null` (blank) or `undefined` (missing or unreadable). */
export type CellValues = (number | null | undefined)[];

/** What reading gives: the typed report when its shape is sound; the fields and count values that read either way. */
interface ReadResult {
  head: ReportHead;
  layout?: Layout;
  report?: Report;
  values: CellValues;
}

type JsonObject = Record<string, unknown>;

/** A plain object (not an array, class instance or null), as JSON parsing makes. */
function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The JSON type of a value, for shape.type findings. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  // A Date, Map or class instance is an object, but not one JSON can make: name its kind.
  if (typeof value === 'object' && !isPlainObject(value)) return Object.prototype.toString.call(value).slice(8, -1);
  return typeof value;
}

const MAX_KEPT = 200;
const MAX_SHOWN = 60;

/**
 * A value as a finding gives it: `actual` is the value itself (a number, or
 * a string, cut short past 200 characters), or its JSON type for anything
 * else; `shown.shown`, for the message, puts a string in quotes so "5" and 5
 * read apart.
 */
function given(value: unknown): { actual: number | string; shown: { shown?: string } } {
  if (typeof value === 'number') return { actual: Number.isFinite(value) ? value : String(value), shown: {} };
  if (typeof value !== 'string') return { actual: typeOf(value), shown: {} };
  const cut = (limit: number) => (value.length > limit ? `${value.slice(0, limit)}… (${value.length} characters)` : value);
  return { actual: cut(MAX_KEPT), shown: { shown: JSON.stringify(cut(MAX_SHOWN)) } };
}

const NARRATIVE_KEYS = new Set<string>(NARRATIVE_SECTIONS.map((s) => s.key));
const PUBLISHER_LIST = Object.keys(PUBLISHERS).join(', ');

/** Reports every own key of `value` that `known` does not list. */
function unknownKeys(value: JsonObject, known: (key: string) => boolean, pointer: string, edition: Edition, out: FindingList): void {
  for (const key of Object.keys(value)) {
    if (!known(key)) out.add('shape.unknownKey', `${pointer}/${pointerSegment(key)}`, { edition });
  }
}

/** Reads one cell into `values` (counts) and returns its canonical value, or `undefined` with a finding. */
export function readCell(cell: CellInfo, value: unknown, values: CellValues, out: FindingList): number | string | null | undefined {
  const { pointer } = cell;
  if (value === undefined) {
    if (cell.derived) return (values[cell.index] = null);
    out.add('shape.required', pointer);
    return undefined;
  }
  if (value === null) {
    values[cell.index] = null;
    if (!cell.derived) out.add('cell.blank', pointer);
    return null;
  }
  if (cell.kind === 'money') return readMoney(pointer, value, out);
  const code =
    typeof value !== 'number' || !Number.isInteger(value)
      ? 'cell.notInteger'
      : Math.abs(value) > Number.MAX_SAFE_INTEGER
        ? 'cell.tooLarge'
        : value < 0 && cell.kind === 'count'
          ? 'cell.negative'
          : undefined;
  if (code) {
    const { actual, shown } = given(value);
    if (code === 'cell.notInteger') out.add(code, pointer, { actual, kind: cell.kind as 'count' | 'signedCount' }, shown);
    else out.add(code, pointer, { actual: value as number });
    return undefined;
  }
  // -0 is read as 0: JSON cannot tell them apart.
  return (values[cell.index] = (value as number) + 0);
}

function readMoney(pointer: string, value: unknown, out: FindingList): string | undefined {
  // A JSON number past 2^53 no longer says exactly which amount was meant.
  const inexact = typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER;
  const amount = inexact ? undefined : toDecimal(value);
  const { actual, shown } = given(value);
  if (amount === undefined) {
    out.add('money.invalid', pointer, { actual }, shown);
    return undefined;
  }
  // "-0" written as text is read as negative; the number -0 is JSON's 0.
  if (amount.isNegative() && (typeof value === 'string' || !amount.isZero())) {
    out.add('money.negative', pointer, { actual }, shown);
    return undefined;
  }
  const canonical = fixed(amount);
  if (amount.decimalPlaces() > FEE_DECIMALS) {
    out.add('money.precision', pointer, { expected: canonical, actual }, shown);
  }
  return canonical;
}

function readObject(node: ObjectNode, value: unknown, values: CellValues, edition: Edition, out: FindingList): JsonObject | undefined {
  // An omitted or null 总计 row is blank: its cells are derived.
  if ((value === undefined || value === null) && node.optional) value = {};
  if (value === undefined) {
    out.add('shape.required', node.pointer);
    return undefined;
  }
  if (!isPlainObject(value)) {
    out.add('shape.type', node.pointer, { expected: 'object', actual: typeOf(value) });
    return undefined;
  }
  const result: JsonObject = {};
  let present = 0;
  for (const child of node.children) {
    const v = value[child.key];
    if (v !== undefined) present++;
    result[child.key] = child.type === 'cell' ? readCell(child.cell, v, values, out) : readObject(child, v, values, edition, out);
  }
  if (Object.keys(value).length !== present) {
    unknownKeys(value, (key) => node.children.some((c) => c.key === key), node.pointer, edition, out);
  }
  return result;
}

function readText(input: JsonObject, key: 'agency', out: FindingList): string | undefined {
  const value = input[key];
  if (value === undefined || typeof value === 'string') return value;
  out.add('shape.type', `/${key}`, { expected: 'string', actual: typeOf(value) });
  return undefined;
}

function readYear(value: unknown, out: FindingList): number | undefined {
  if (value === undefined) out.add('shape.required', '/year');
  else if (typeof value !== 'number') {
    const { actual, shown } = given(value);
    out.add('shape.type', '/year', { expected: 'integer', actual }, shown);
  } else if (!Number.isInteger(value) || value < YEAR_RANGE.min || value > YEAR_RANGE.max) out.add('shape.year', '/year', { actual: given(value).actual });
  else return value;
  return undefined;
}

function readNarrative(value: unknown, edition: Edition, out: FindingList): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    out.add('shape.type', '/narrative', { expected: 'object', actual: typeOf(value) });
    return undefined;
  }
  const narrative: Record<string, string> = {};
  for (const section of NARRATIVE_SECTIONS) {
    const text = value[section.key];
    if (typeof text === 'string') narrative[section.key] = text;
    else if (text !== undefined) out.add('shape.type', `/narrative/${section.key}`, { expected: 'string', actual: typeOf(text) });
  }
  unknownKeys(value, (key) => NARRATIVE_KEYS.has(key), '/narrative', edition, out);
  return narrative;
}

/** The report-level fields that read soundly, for the rules that need no table. */
export interface ReportHead {
  edition?: Edition;
  year?: number;
  publisher?: Publisher;
  publishedOn?: string;
}

const TOP_KEYS = new Set(Object.keys(REPORT_FIELDS).filter(Boolean));

function readEdition(value: unknown, out: FindingList): Edition | undefined {
  if (isEdition(value)) return value;
  if (value === undefined) out.add('shape.required', '/edition');
  else {
    const { actual, shown } = given(value);
    out.add('shape.edition', '/edition', { actual }, shown);
  }
  return undefined;
}

/**
 * Reads an unknown input as a report. Findings go to `out`; the result holds
 * the typed report only when no error was found on the way, and always the
 * fields and cells that did read soundly.
 */
export function readReport(input: unknown, out: FindingList): ReadResult {
  const values: CellValues = [];
  if (!isPlainObject(input)) {
    out.add('shape.type', '', { expected: 'object', actual: typeOf(input) });
    return { head: {}, values };
  }
  const errorsBefore = out.errors;
  const edition = readEdition(input.edition, out);
  const report: JsonObject = { edition, year: readYear(input.year, out) };
  const agency = readText(input, 'agency', out);
  if (agency !== undefined) report.agency = agency;
  if (input.publisher !== undefined) {
    if (typeof input.publisher === 'string' && Object.hasOwn(PUBLISHERS, input.publisher)) report.publisher = input.publisher;
    else {
      const { actual, shown } = given(input.publisher);
      out.add('shape.enum', '/publisher', { expected: PUBLISHER_LIST, actual }, shown);
    }
  }
  if (input.publishedOn !== undefined) {
    if (typeof input.publishedOn === 'string' && isCalendarDate(input.publishedOn)) report.publishedOn = input.publishedOn;
    else {
      const { actual, shown } = given(input.publishedOn);
      out.add('shape.date', '/publishedOn', { actual }, shown);
    }
  }
  const head = report as ReportHead;
  // Without an edition the tables cannot be read: the fields above are all there is to check.
  if (!edition) return { head, values };

  const layout = layoutOf(edition);
  out.layout = layout;
  const narrative = readNarrative(input.narrative, edition, out);
  if (narrative) report.narrative = narrative;
  for (const table of layout.tables) report[table.key] = readObject(table, input[table.key], values, edition, out);
  unknownKeys(input, (key) => TOP_KEYS.has(key) || layout.tables.some((t) => t.key === key), '', edition, out);

  const sound = out.errors === errorsBefore;
  return sound ? { head, layout, values, report: report as unknown as Report } : { head, layout, values };
}

/**
 * `validateReport` and `checkReport`: the shape layer and every rule of the
 * catalogue in one call.
 *
 * @module
 */
import { daysLate, publicationDeadline } from '../dates/deadline.js';
import { EDITIONS } from '../format/layout.js';
import type { Layout } from '../format/layout.js';
import type { EditionMeta } from '../format/types.js';
import type { Report } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import { FindingList, type Finding } from './finding.js';
import { readReport, type CellValues, type ReportHead } from './read.js';
import { blankTotals, cellsRead, checkRelations, comparable, effectiveValues, evaluate } from './relations.js';
import { checkNarrative } from './narrative.js';

/**
 * Options of {@link validateReport} and {@link checkReport}.
 *
 * @example
 * ```ts
 * import { buildReport, type ValidateOptions } from 'gov-disclosure-report';
 * const lastYearsReport = buildReport({ edition: '2021', year: 2020 });
 * const options: ValidateOptions = { locale: 'en', previous: lastYearsReport };
 * ```
 */
export interface ValidateOptions {
  /** Last year's report (any input): turns on the `continuity.*` rules. */
  previous?: unknown;
  /** The language of the messages: `"zh-CN"` (default) or `"en"`. */
  locale?: Locale;
}

/**
 * What {@link validateReport} returns.
 *
 * @example
 * ```ts
 * import { validateReport, type ValidationResult } from 'gov-disclosure-report';
 * const result: ValidationResult = validateReport({});
 * result.ok; // false
 * ```
 */
export interface ValidationResult {
  /** False exactly when a finding is an error. */
  ok: boolean;
  /**
   * The report in canonical form, when its shape is sound (even if rules
   * fail): amounts with four decimals, every total that was omitted or `null`
   * derived from its parts (blank parts count as 0; a total all of whose
   * parts are blank stays `null`); blank leaf cells stay `null`.
   */
  report?: Report;
  /** Every finding: those of the shape in the order of the form, then each rule's in catalogue order. */
  findings: Finding[];
}

/**
 * Validates any input as a report: its shape against the declared edition,
 * then every rule of the catalogue. It collects every finding and never
 * throws. A blank cell (`null`) gives `cell.blank` and counts as 0 in the
 * sums; a blank total is derived from its parts, not reported, and comes
 * back filled in `report`.
 *
 * @example
 * ```ts
 * // type-only: `text` is a report's JSON, read from a file
 * import { validateReport } from 'gov-disclosure-report';
 * declare const text: string;
 * const result = validateReport(JSON.parse(text), { locale: 'en' });
 * if (!result.ok) for (const f of result.findings) console.log(f.code, f.path, f.message);
 * ```
 */
export function validateReport(input: unknown, options?: ValidateOptions): ValidationResult {
  let out = new FindingList('zh-CN');
  try {
    const { previous, locale } = options ?? {};
    out = new FindingList(locale === 'en' ? 'en' : 'zh-CN');
    const read = readReport(input, out);
    const effective = read.layout && effectiveValues(read.layout, read.values);
    if (read.layout && effective) {
      checkRelations(read.layout, read.values, effective, out);
      completeTotals(read.layout, read.values, effective, read.report, out);
    }
    checkEdition(read.head, out);
    checkPublication(read.head, out);
    if (previous !== undefined && effective) checkContinuity(read, effective, previous, out);
    if (read.report && read.layout && effective) checkNarrative(read.layout, read.values, effective, read.report.narrative, read.report.year, out);
    return read.report ? { ok: out.errors === 0, report: read.report, findings: out.items } : { ok: false, findings: out.items };
  } catch (error) {
    // Only a hostile object (a throwing getter or Proxy) gets here; JSON input cannot.
    out.add('shape.unreadable', '', { reason: errorText(error) });
    return { ok: false, findings: out.items };
  }
}

/** What a thrown value says, even one whose message or toString throws in turn. */
function errorText(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an unreadable value was thrown';
  }
}

/**
 * Checks a typed report: the same findings as {@link validateReport}.
 *
 * @example
 * ```ts
 * import { buildReport, checkReport } from 'gov-disclosure-report';
 * const report = buildReport({ edition: '2021', year: 2021 });
 * checkReport(report); // []
 * ```
 */
export function checkReport(report: Report, options: ValidateOptions = {}): Finding[] {
  return validateReport(report, options).findings;
}

/**
 * Writes each total the input left out or blank into the report, as derived
 * from its parts, so the report that comes back is canonical. A total whose
 * parts are all blank stays blank (a row the report left empty); one beyond
 * 2^53 cannot be written: it is an error on that cell.
 */
function completeTotals(layout: Layout, values: CellValues, effective: CellValues, report: Report | undefined, out: FindingList): void {
  for (const { cell, total } of blankTotals(layout, values, effective)) {
    if (typeof total === 'string') out.add('cell.tooLarge', cell.pointer, { actual: total });
    else if (report) setAt(report, cell.path, total);
  }
}

/** Sets the value at a path of keys in an object tree the reader built. */
function setAt(root: object, path: readonly string[], value: number): void {
  let node = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

function checkEdition({ edition, year }: ReportHead, out: FindingList): void {
  if (edition === undefined || year === undefined) return;
  const fits = (meta: EditionMeta) => year >= meta.years.from && (meta.years.to === undefined || year <= meta.years.to);
  if (fits(EDITIONS[edition])) return;
  const expected = Object.values(EDITIONS).find(fits)?.edition;
  out.add('edition.year', '/edition', { expected, actual: edition, year });
}

function checkPublication({ publishedOn, publisher, year }: ReportHead, out: FindingList): void {
  if (publishedOn === undefined || year === undefined) return;
  // ISO calendar dates compare as strings.
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  if (publishedOn <= yearEnd) out.add('publication.early', '/publishedOn', { expected: yearEnd, actual: publishedOn });
  if (publisher !== 'department' && publisher !== 'government') return;
  const late = daysLate(publishedOn, year, publisher);
  if (late > 0) {
    out.add('publication.late', '/publishedOn', { expected: publicationDeadline(year, publisher), actual: publishedOn, daysLate: late });
  }
}

/** Reads last year's report; one that cannot be read is said once, and the cross-year rules are skipped. */
function readPrevious(input: unknown, out: FindingList): ReturnType<typeof readReport> | undefined {
  const previousOut = new FindingList(out.locale);
  try {
    const previous = readReport(input, previousOut);
    if (previous.report && previous.layout) return previous;
    const first = previousOut.items.find((f) => f.severity === 'error');
    out.add('continuity.previousInvalid', '', { reason: first ? `${first.code} ${first.path || '/'}` : 'unreadable' });
  } catch (error) {
    out.add('continuity.previousInvalid', '', { reason: errorText(error) });
  }
  return undefined;
}

function checkContinuity({ head, layout, values }: ReturnType<typeof readReport>, effective: CellValues, input: unknown, out: FindingList): void {
  if (!layout || head.year === undefined) return;
  const previous = readPrevious(input, out);
  if (!previous) return;
  // readPrevious returns only a sound report, which has its year.
  const lastYear = previous.report!.year;
  if (lastYear !== head.year - 1) {
    out.add('continuity.year', '/year', { expected: head.year - 1, actual: lastYear });
    return;
  }
  const previousLayout = previous.layout!;
  const previousValues = effectiveValues(previousLayout, previous.values);
  for (const eq of layout.equations) {
    const actual = comparable(layout, values, effective, eq.target);
    if (eq.previous.length === 0 || actual === undefined) continue;
    // Last year's terms; a cell the previous edition lacks (or left unreadable) skips the relation.
    const carried = eq.previous.map((pointer) => {
      const cell = previousLayout.cellAt.get(pointer);
      return cell && previousValues[cell.index];
    });
    if (carried.some((v) => v == null)) continue;
    const expected = evaluate(eq, effective, carried as number[]);
    if (expected !== undefined && expected !== actual) {
      out.add(eq.rule, layout.cells[eq.target]!.pointer, { expected, actual, cells: cellsRead(layout, eq, values), previousCells: [...eq.previous] }, { relation: eq.wording });
    }
  }
}

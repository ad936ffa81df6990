import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import { REPORT_FIELDS } from '../format/report-fields.js';
import type { Layout } from '../format/layout.js';
import { renderMessage, RULES, type Locale, type RuleCode, type Severity } from '../rules/catalogue.js';

/**
 * One problem found in a report (model.md §2): plain data.
 *
 * @example
 * ```ts
 * import { validateReport, buildReport } from 'gov-disclosure-report';
 * const report = buildReport({ edition: '2021', year: 2021 });
 * report.applications.outcomes.total.naturalPerson = 4;
 * const [finding] = validateReport(report).findings;
 * finding.code; // 'applications.balance'
 * ```
 */
export interface Finding {
  /** The stable rule code, from {@link RULES}. */
  code: RuleCode;
  severity: Severity;
  /** RFC 6901 JSON Pointer of the cell or field at fault (`""` for the whole report). */
  path: string;
  /** What the rule expected, e.g. the computed sum. */
  expected?: number | string;
  /** The value reported. */
  actual?: number | string;
  /** Pointers of every cell of this report the rule read. */
  cells?: string[];
  /** Pointers of the cells of last year's report a `continuity.*` rule read. */
  previousCells?: string[];
  /** The message in the requested locale, naming the cell by its official labels. */
  message: string;
}

/** What a finding may carry besides its code and path. */
interface FindingDetails {
  expected?: number | string | undefined;
  actual?: number | string | undefined;
  /** How the message shows `actual`, where that differs (a string value in quotes). */
  shown?: string | undefined;
  cells?: string[] | undefined;
  previousCells?: string[] | undefined;
  /** Rule-specific detail (an edition, a year, the relation in words), one text or one per language. */
  detail?: string | { readonly zh: string; readonly en: string } | undefined;
}

const TOP_FIELDS: Readonly<Record<string, { label: string; en: string }>> = {
  ...Object.fromEntries(Object.entries(REPORT_FIELDS).map(([key, field]) => [key && `/${key}`, field])),
  ...Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [`/narrative/${s.key}`, { label: s.label, en: s.en }])),
};

/** The labels that name a pointer in messages: official labels for cells and rows, the pointer itself otherwise. */
function describe(pointer: string, layout: Layout | undefined): { where: string; whereEn: string } {
  const named = layout?.cellAt.get(pointer) ?? layout?.objectAt.get(pointer) ?? TOP_FIELDS[pointer];
  return named ? { where: named.label, whereEn: named.en } : { where: pointer, whereEn: pointer };
}

/**
 * Collects findings and renders their messages in one locale.
 */
export class FindingList {
  readonly items: Finding[] = [];
  errors = 0;

  constructor(
    readonly locale: Locale,
    public layout?: Layout,
  ) {}

  add(code: RuleCode, path: string, details: FindingDetails = {}): void {
    const { severity } = RULES[code];
    const { expected, actual, shown, cells, previousCells, detail } = details;
    const text = typeof detail === 'object' ? (this.locale === 'en' ? detail.en : detail.zh) : detail;
    const message = renderMessage(code, this.locale, { ...describe(path, this.layout), expected, actual: shown ?? actual, detail: text });
    // Built key by key so the JSON reads code, severity, path, values, message.
    const finding = { code, severity, path } as Finding;
    if (expected !== undefined) finding.expected = expected;
    if (actual !== undefined) finding.actual = actual;
    if (cells) finding.cells = cells;
    if (previousCells) finding.previousCells = previousCells;
    finding.message = message;
    this.items.push(finding);
    if (severity === 'error') this.errors++;
  }
}

import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import { REPORT_FIELDS } from '../format/report-fields.js';
import type { Layout } from '../format/layout.js';
import { RULES, type Locale, type RuleCode, type RuleParams, type Severity } from '../rules/catalogue.js';
import type { MessageContext } from '../rules/messages/context.js';
import { renderMessage } from '../rules/messages/index.js';

/**
 * A finding of one rule code: the fields of model.md §2 and the values its
 * rule carries ({@link RuleParams}), typed by its code.
 *
 * @example
 * ```ts
 * import type { FindingOf } from 'gov-disclosure-report';
 * const late: FindingOf<'publication.late'> = {
 *   code: 'publication.late', severity: 'warning', path: '/publishedOn',
 *   expected: '2022-01-31', actual: '2022-02-03', daysLate: 3, message: '…',
 * };
 * ```
 */
export type FindingOf<C extends RuleCode> = {
  /** The stable rule code, from {@link RULES}. */
  code: C;
  severity: Severity;
  /** RFC 6901 JSON Pointer of the cell or field at fault (`""` for the whole report). */
  path: string;
  /** The message in the requested locale, naming the cell by its official labels. */
  message: string;
} & RuleParams<C>;

/**
 * One problem found in a report (model.md §2): plain data. Narrow it by
 * `code` to reach the values of its rule.
 *
 * @example
 * ```ts
 * import { validateReport, buildReport } from 'gov-disclosure-report';
 * const report = buildReport({ edition: '2021', year: 2021, publisher: 'department', publishedOn: '2022-02-03' });
 * const [finding] = validateReport(report).findings;
 * if (finding?.code === 'publication.late') finding.daysLate; // 3
 * ```
 */
export type Finding = { [C in RuleCode]: FindingOf<C> & ModelFields }[RuleCode];

/**
 * The optional fields model.md §2 gives every finding, so they can be read
 * without narrowing by code.
 *
 * @example
 * ```ts
 * import { validateReport } from 'gov-disclosure-report';
 * const [finding] = validateReport({ edition: '2021', year: 2021 }).findings;
 * finding?.expected; // undefined
 * ```
 */
export interface ModelFields {
  /** What the rule expected, e.g. the computed sum. */
  readonly expected?: number | string | undefined;
  /** The value reported. */
  readonly actual?: number | string | undefined;
  /** Pointers of every cell of this report the rule read. */
  readonly cells?: readonly string[] | undefined;
}

/** What a message needs besides the finding's values. */
interface Extra {
  /** How the message shows `actual`, where that differs (a string value in quotes). */
  readonly shown?: string | undefined;
  /** For a relation: the relation in words. */
  readonly relation?: { readonly zh: string; readonly en: string } | undefined;
}

/** The arguments after the path: a rule's values, optional when it has no required ones. */
type ParamsArgs<C extends RuleCode> = Record<never, never> extends RuleParams<C> ? [params?: RuleParams<C>, extra?: Extra] : [params: RuleParams<C>, extra?: Extra];

const TOP_FIELDS: ReadonlyMap<string, { readonly label: string; readonly en: string }> = new Map<string, { readonly label: string; readonly en: string }>([
  ...Object.entries(REPORT_FIELDS).map(([key, field]) => [key && `/${key}`, field] as const),
  ...NARRATIVE_SECTIONS.map((s) => [`/narrative/${s.key}`, { label: s.label, en: s.en }] as const),
]);

/** Findings of one code past this many are counted, not listed: a hostile input must not make the output grow with it. */
export const FINDINGS_PER_CODE = 500;

/** A pointer or key longer than this is cut where a finding echoes it. */
const MAX_ECHOED = 200;

/** A path as a finding gives it: cut short when an input key made it absurdly long. */
function echoed(path: string): string {
  return path.length > MAX_ECHOED ? `${path.slice(0, MAX_ECHOED)}…` : path;
}

/** Rendered messages that depend only on their code and cell, per locale and layout. */
const FIXED_MESSAGES: Readonly<Record<Locale, WeakMap<Layout, Map<RuleCode, Map<string, string>>>>> = { 'zh-CN': new WeakMap(), en: new WeakMap() };

/**
 * Collects findings and renders their messages in one locale.
 */
export class FindingList {
  private readonly found: Finding[] = [];
  private readonly perCode = new Map<RuleCode, number>();
  /** How many findings of one code are listed; the rest are counted. */
  private readonly limit: number;
  errors = 0;

  /**
   * @param options.perCode - Findings of one code listed before the rest are only counted:
   *   {@link FINDINGS_PER_CODE} by default; `Infinity` lists every one (a register of a million cases has more).
   */
  constructor(
    readonly locale: Locale,
    public layout?: Layout,
    options: { readonly perCode?: number } = {},
  ) {
    this.limit = options.perCode ?? FINDINGS_PER_CODE;
  }

  /** The words for a pointer: official labels for cells and rows, the field's name, or the pointer itself. */
  private context(path: string, extra: Extra | undefined): MessageContext {
    const layout = this.layout;
    const named = layout?.cellAt.get(path) ?? layout?.objectAt.get(path) ?? TOP_FIELDS.get(path);
    const where = named ? named.label : path;
    const relation = extra?.relation && (this.locale === 'en' ? extra.relation.en : extra.relation.zh);
    return { where, whereEn: named ? named.en : path, shown: extra?.shown, relation };
  }

  /** The memo of fixed messages of one code, by pointer, for this locale and layout. */
  private memo(code: RuleCode): Map<string, string> | undefined {
    const layout = this.layout;
    if (!layout) return undefined;
    let byCode = FIXED_MESSAGES[this.locale].get(layout);
    if (!byCode) FIXED_MESSAGES[this.locale].set(layout, (byCode = new Map()));
    let memo = byCode.get(code);
    if (!memo) byCode.set(code, (memo = new Map()));
    return memo;
  }

  add<C extends RuleCode>(code: C, path: string, ...[params, extra]: ParamsArgs<C>): void {
    const { severity } = RULES[code];
    if (severity === 'error') this.errors++;
    const count = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, count);
    if (count > this.limit) return;
    path = echoed(path);
    if (params === undefined) {
      // A finding with no values of its own (a blank cell, a missing row) is the same in every report: on a cell
      // or row of the form its message is rendered once. (Only there: the paths of unknown keys are the input's
      // own, and unbounded.) It is the common case, so it skips the spread below.
      const memo = this.layout && (this.layout.cellAt.has(path) || this.layout.objectAt.has(path)) ? this.memo(code) : undefined;
      let message = memo?.get(path);
      if (message === undefined) {
        message = renderMessage(code, this.locale, {} as RuleParams<C>, this.context(path, extra));
        memo?.set(path, message);
      }
      this.found.push({ code, severity, path, message } as Finding);
      return;
    }
    const message = renderMessage(code, this.locale, params, this.context(path, extra));
    this.found.push({ code, severity, path, ...params, message } as Finding);
  }

  /**
   * Adds a finding that another list made, under a pointer prefix (a part's
   * finding at `/parts/3/…` in a sum): its path and cells are prefixed, its
   * message kept as rendered, after `lead`. It counts toward its code's
   * limit and toward `errors` like any other.
   */
  adopt(finding: Finding, prefix: string, lead = ''): void {
    if (finding.severity === 'error') this.errors++;
    const count = (this.perCode.get(finding.code) ?? 0) + 1;
    this.perCode.set(finding.code, count);
    if (count > this.limit) return;
    const moved = { ...finding, path: prefix + finding.path, message: lead + finding.message };
    if (finding.cells) moved.cells = finding.cells.map((cell) => prefix + cell);
    this.found.push(moved as Finding);
  }

  /** Every finding, in the order added, then one `findings.omitted` per code that passed the limit. */
  get items(): Finding[] {
    const items = this.found.slice();
    for (const [rule, count] of this.perCode) {
      if (count <= this.limit) continue;
      const omitted = count - this.limit;
      items.push({ code: 'findings.omitted', severity: 'info', path: '', rule, omitted, message: renderMessage('findings.omitted', this.locale, { rule, omitted }, this.context('', undefined)) });
    }
    return items;
  }
}

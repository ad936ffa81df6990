/**
 * Renderers of a report's tables in the official layout: HTML with the
 * form's spans, GitHub-flavoured Markdown and aligned plain text (given
 * findings, they mark the cells at fault and list the findings), and the
 * bytes of an Excel workbook or a Word document.
 *
 * @module
 */
import { isEdition } from '../format/layout.js';
import { reportTitle } from '../format/report-fields.js';
import type { Report } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import type { Finding } from '../validate/finding.js';
import { tableGrids } from './grid.js';
import { escapeHtml, findingsHtml, tableHtml } from './html.js';
import { escapeMarkdown, findingsMarkdown, tableMarkdown } from './markdown.js';
import { findingsText, tableText } from './text.js';
import { reportDocx } from './docx.js';
import { reportXlsx } from './xlsx.js';

/**
 * The output formats of {@link renderReport}: text (`html`, `markdown`,
 * `text`), or the bytes of a file ({@link BinaryFormat}).
 *
 * @example
 * ```ts
 * import type { RenderFormat } from 'gov-disclosure-report/render';
 * const to: RenderFormat = 'markdown';
 * ```
 */
export type RenderFormat = 'html' | 'markdown' | 'text' | BinaryFormat;

/**
 * The formats {@link renderReport} gives as the bytes of a file: `xlsx`, an
 * Excel workbook with a sheet per table; `docx`, the Word document of the
 * whole report (title, sections 一 to 六, the tables).
 *
 * @example
 * ```ts
 * import type { BinaryFormat } from 'gov-disclosure-report/render';
 * const to: BinaryFormat = 'xlsx';
 * ```
 */
export type BinaryFormat = 'xlsx' | 'docx';

/**
 * Options of {@link renderReport}.
 *
 * @example
 * ```ts
 * // type-only: `input` is a report's JSON, parsed
 * import { validateReport } from 'gov-disclosure-report';
 * import type { RenderOptions } from 'gov-disclosure-report/render';
 * declare const input: unknown;
 * const options: RenderOptions = { to: 'html', findings: validateReport(input).findings };
 * ```
 */
export interface RenderOptions {
  /** The output format; `"html"` by default. */
  to?: RenderFormat;
  /** Findings to mark in the tables and list after them (in `html`, `markdown` and `text`; `xlsx` and `docx` draw the report as published). */
  findings?: readonly Finding[];
  /**
   * HTML only: the `<style>` block that rules the tables and marks the cells
   * at fault, so a saved page reads on its own. `false` leaves it out, for a
   * page with styles of its own (the classes stay: `gdr-table`, `fault`, …).
   */
  style?: boolean;
  /**
   * The language of the title and the labels in `html`, `markdown` and
   * `text`: `"zh-CN"`, the form's official labels (the default), or `"en"`,
   * the metadata's English glosses, for readers of English; only the
   * official labels read back with `parseReport`. `xlsx` and `docx` always
   * print the form as published. Findings keep the language they were made in.
   */
  locale?: Locale;
}

// Enough style for the output to read on its own (a saved page): ruled tables, the cells at fault marked.
const STYLE = `<style>
.gdr-table { border-collapse: collapse; }
.gdr-table th, .gdr-table td { border: 1px solid #999; padding: 2px 6px; }
.gdr-table th { font-weight: normal; background: #f3f3f3; }
.gdr-table td { text-align: right; }
.gdr-table td.involved { background: #fff3cd; }
.gdr-table td.fault { outline: 2px solid #b26a00; outline-offset: -2px; }
.gdr-table td.fault-error { outline-color: #c62828; background: #ffebee; color: #c62828; font-weight: bold; }
</style>`;

const FORMATS = {
  html: {
    title: (title: string) => `<h1>${escapeHtml(title)}</h1>`,
    table: tableHtml,
    findings: findingsHtml,
    wrap: (parts: string[], options: RenderOptions) =>
      `<article class="gdr-report" lang="${options.locale === 'en' ? 'en' : 'zh-CN'}">\n${options.style === false ? '' : `${STYLE}\n`}${parts.join('\n')}\n</article>\n`,
  },
  markdown: {
    title: (title: string) => `# ${escapeMarkdown(title)}`,
    table: tableMarkdown,
    findings: findingsMarkdown,
    wrap: (parts: string[]) => `${parts.join('\n\n')}\n`,
  },
  text: {
    title: (title: string) => title,
    table: tableText,
    findings: findingsText,
    wrap: (parts: string[]) => `${parts.join('\n\n')}\n`,
  },
} as const;

/**
 * The input as a report to draw, when its tables can be laid out: an object
 * of a known edition. Its cells may still be at fault (a count given as
 * `"3"`), which is just what a reader wants to see in place; `undefined`
 * when there is no edition to lay the tables out by.
 *
 * @example
 * ```ts
 * // type-only: `input` is a report's JSON, parsed
 * import { validateReport } from 'gov-disclosure-report';
 * import { drawable, renderReport } from 'gov-disclosure-report/render';
 * declare const input: unknown;
 * const { report, findings } = validateReport(input);
 * const toDraw = report ?? drawable(input);
 * if (toDraw) console.log(renderReport(toDraw, { to: 'text', findings }));
 * ```
 */
export function drawable(input: unknown): Report | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return isEdition((input as { edition?: unknown }).edition) ? (input as Report) : undefined;
}

/**
 * Renders findings alone, as the renderers list them after the tables: for
 * an input whose tables cannot be drawn.
 *
 * @example
 * ```ts
 * import { validateReport } from 'gov-disclosure-report';
 * import { renderFindings } from 'gov-disclosure-report/render';
 * renderFindings(validateReport({}).findings, { to: 'text' }); // '(* error, ? warning)\n* shape.required /edition\n…'
 * ```
 */
export function renderFindings(findings: readonly Finding[], options: { to?: Exclude<RenderFormat, BinaryFormat> } = {}): string {
  return FORMATS[options.to ?? 'html'].findings(findings);
}

/**
 * Renders the title and the three tables of a report in the official layout
 * and labels; amounts print with their four decimals, blank cells blank.
 * As text, or for `xlsx` and `docx` as the bytes of the file.
 *
 * @example
 * ```ts
 * import { buildReport, validateReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '汴东产业集聚区' });
 * const html = renderReport(report, { to: 'html', findings: validateReport(report).findings });
 * const workbook = renderReport(report, { to: 'xlsx' });
 * workbook instanceof Uint8Array; // true
 * ```
 */
export function renderReport(report: Report, options: RenderOptions & { to: BinaryFormat }): Uint8Array;
export function renderReport(report: Report, options?: RenderOptions & { to?: Exclude<RenderFormat, BinaryFormat> }): string;
export function renderReport(report: Report, options?: RenderOptions): string | Uint8Array;
export function renderReport(report: Report, options: RenderOptions = {}): string | Uint8Array {
  const to = options.to ?? 'html';
  if (to === 'xlsx') return reportXlsx(report, tableGrids(report), reportTitle(report.year, report.agency));
  if (to === 'docx') return reportDocx(report, tableGrids(report), reportTitle(report.year, report.agency));
  const format = FORMATS[to];
  const findings = options.findings ?? [];
  const locale = options.locale ?? 'zh-CN';
  const parts = [format.title(reportTitle(report.year, report.agency, locale)), ...tableGrids(report, findings, locale).map(format.table)];
  if (findings.length > 0) parts.push(format.findings(findings));
  return format.wrap(parts, options);
}

/**
 * Renderers of a report's tables in the official layout: HTML with the
 * form's spans, GitHub-flavoured Markdown and aligned plain text. Given
 * findings, they mark the cells at fault and list the findings.
 *
 * @module
 */
import { isEdition } from '../format/layout.js';
import { reportTitle } from '../format/report-fields.js';
import type { Report } from '../model/types.js';
import type { Finding } from '../validate/finding.js';
import { tableGrids } from './grid.js';
import { escapeHtml, findingsHtml, tableHtml } from './html.js';
import { escapeMarkdown, findingsMarkdown, tableMarkdown } from './markdown.js';
import { findingsText, tableText } from './text.js';

/**
 * The output formats of {@link renderReport}.
 *
 * @example
 * ```ts
 * import type { RenderFormat } from 'gov-disclosure-report/render';
 * const to: RenderFormat = 'markdown';
 * ```
 */
export type RenderFormat = 'html' | 'markdown' | 'text';

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
  /** Findings to mark in the tables and list after them. */
  findings?: readonly Finding[];
  /**
   * HTML only: the `<style>` block that rules the tables and marks the cells
   * at fault, so a saved page reads on its own. `false` leaves it out, for a
   * page with styles of its own (the classes stay: `gdr-table`, `fault`, …).
   */
  style?: boolean;
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
      `<article class="gdr-report" lang="zh-CN">\n${options.style === false ? '' : `${STYLE}\n`}${parts.join('\n')}\n</article>\n`,
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
export function renderFindings(findings: readonly Finding[], options: Pick<RenderOptions, 'to'> = {}): string {
  return FORMATS[options.to ?? 'html'].findings(findings);
}

/**
 * Renders the title and the three tables of a report in the official layout
 * and labels; amounts print with their four decimals, blank cells blank.
 *
 * @example
 * ```ts
 * import { buildReport, validateReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '汴东产业集聚区' });
 * const html = renderReport(report, { to: 'html', findings: validateReport(report).findings });
 * ```
 */
export function renderReport(report: Report, options: RenderOptions = {}): string {
  const format = FORMATS[options.to ?? 'html'];
  const findings = options.findings ?? [];
  const parts = [format.title(reportTitle(report.year, report.agency)), ...tableGrids(report, findings).map(format.table)];
  if (findings.length > 0) parts.push(format.findings(findings));
  return format.wrap(parts, options);
}

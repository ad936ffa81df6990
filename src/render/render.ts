/**
 * Renderers of a report's tables in the official layout: HTML with the
 * form's spans, GitHub-flavoured Markdown and aligned plain text. Given
 * findings, they mark the cells at fault and list the findings.
 *
 * @module
 */
import { reportTitle } from '../format/report-fields.js';
import type { Report } from '../model/types.js';
import type { Finding } from '../validate/finding.js';
import { tableGrids } from './grid.js';
import { escapeHtml, findingsHtml, tableHtml } from './html.js';
import { findingsMarkdown, tableMarkdown } from './markdown.js';
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
 * import { validateReport } from 'gov-disclosure-report';
 * import type { RenderOptions } from 'gov-disclosure-report/render';
 * const options: RenderOptions = { to: 'html', findings: validateReport(input).findings };
 * ```
 */
export interface RenderOptions {
  /** The output format; `"html"` by default. */
  to?: RenderFormat;
  /** Findings to mark in the tables and list after them. */
  findings?: readonly Finding[];
}

const FORMATS = {
  html: {
    title: (title: string) => `<h1>${escapeHtml(title)}</h1>`,
    table: tableHtml,
    findings: findingsHtml,
    wrap: (parts: string[]) => `<article class="gdr-report" lang="zh-CN">\n${parts.join('\n')}\n</article>\n`,
  },
  markdown: {
    title: (title: string) => `# ${title}`,
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
 * Renders findings alone, as the renderers list them after the tables: for
 * an input whose tables cannot be drawn.
 *
 * @example
 * ```ts
 * import { validateReport } from 'gov-disclosure-report';
 * import { renderFindings } from 'gov-disclosure-report/render';
 * renderFindings(validateReport({}).findings, { to: 'text' }); // '* shape.required /edition …'
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
  return format.wrap(parts);
}

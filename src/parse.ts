/**
 * Reading published reports into the canonical model, in its own entry
 * point so that the core stays small.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { parseReport } from 'gov-disclosure-report/parse';
 * const html = renderReport(buildReport({ edition: '2021', year: 2021, applications: { received: { naturalPerson: 6 } } }), { to: 'html' });
 * const { report, provenance, findings } = await parseReport(html);
 * report?.applications.received.total; // 6
 * provenance['/applications/received/total']; // { raw: '6', kind: 'number', offset: … }
 * ```
 *
 * @module
 */
export { parseReport, type ParseInput, type ParseOptions, type ParseResult } from './parse/parse.js';
export type { ExtraRow, Provenance } from './parse/rows.js';
export type { CellTextKind } from './parse/cell-text.js';

/**
 * Reading published reports into the canonical model, in its own entry
 * point so that the core stays small.
 *
 * @example
 * ```ts
 * import { parseReport } from 'gov-disclosure-report/parse';
 * const { report, provenance, findings } = parseReport(html);
 * ```
 *
 * @module
 */
export { parseReport, type ParseInput, type ParseOptions, type ParseResult } from './parse/parse.js';
export type { ExtraRow, Provenance } from './parse/rows.js';
export type { CellTextKind } from './parse/cell-text.js';

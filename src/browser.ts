/**
 * The browser build: one script (`dist/browser.global.js`) that sets the
 * global `GovDisclosureReport`, for pages without a bundler such as
 * docs/playground.html: the core, the renderers, the parser and the
 * bundled example. pdf.js is not in it: the parser loads
 * `dist/pdfjs.global.js`, from beside this script, when a PDF comes.
 *
 * @example
 * ```html
 * <script src="gov-disclosure-report/dist/browser.global.js"></script>
 * <script>
 *   const { parseReport, validateReport, renderReport } = GovDisclosureReport;
 * </script>
 * ```
 *
 * @module
 */
import biandong from '../examples/biandong-2021.json' with { type: 'json' };
import type { Report } from './model/types.js';

export * from './index.js';
export * from './render.js';
export * from './parse.js';
export { pdfjsScriptUrl } from './browser/pdfjs-loader.js';
// The parser's own decoding (byte-order mark, the page's declared charset, UTF-8 or GB18030), so the page
// quotes the text the offsets of the provenance count in.
export { decodeText } from './parse/encoding.js';

/**
 * The bundled example, a complete 2021-edition report (`examples/biandong-2021.json`),
 * embedded in the script when it is built, so a page shows it without fetching anything.
 *
 * @example
 * ```ts
 * import { exampleReport } from './browser.js';
 * exampleReport.agency; // '汴东产业集聚区'
 * ```
 */
export const exampleReport = biandong as Report;

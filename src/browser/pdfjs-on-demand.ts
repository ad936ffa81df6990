/**
 * What the browser build gives the PDF reader for `pdfjs-dist` (the build
 * maps it here). Its `then` makes this module a thenable, so the reader's
 * `await import('pdfjs-dist/…')` waits for pdf.js to load and gets pdf.js
 * itself. Only the browser build imports it: a tool that awaits a
 * module's namespace (a test runner's) would load pdf.js.
 *
 * @module
 */
import { loadPdfJs } from './pdfjs-loader.js';

/**
 * What makes this module a thenable: awaiting its import awaits pdf.js.
 *
 * @example
 * ```ts
 * // type-only: loads a script into a page
 * import * as pdfjsOnDemand from './pdfjs-on-demand.js';
 * const pdfjs = (await pdfjsOnDemand) as unknown as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
 * ```
 */
export function then(resolve: (pdfjs: object) => void, reject: (error: unknown) => void): void {
  loadPdfJs().then(resolve, reject);
}

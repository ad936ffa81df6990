/**
 * The browser build: one script (`dist/browser.global.js`) that sets the
 * global `GovDisclosureReport`, for pages without a bundler such as
 * docs/playground.html.
 *
 * @example
 * ```html
 * <script src="gov-disclosure-report/dist/browser.global.js"></script>
 * <script>
 *   const { validateReport, renderReport } = GovDisclosureReport;
 * </script>
 * ```
 *
 * @module
 */
export * from './index.js';
export * from './render.js';

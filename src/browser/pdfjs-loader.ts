/**
 * Loading pdf.js into a page: `dist/pdfjs.global.js` (pdf.js and its
 * worker as one classic script), from beside `browser.global.js`, once. A
 * classic script, not a module or a Worker, because a page opened from
 * `file://` may load neither of those.
 *
 * @module
 */

/** The few browser features used here, typed locally: the library compiles without the DOM types. */
interface ScriptElement {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}
interface BrowserGlobals {
  document?: { currentScript: { src?: string } | null; createElement(tag: 'script'): ScriptElement; head: { append(node: ScriptElement): void } };
  pdfjsLib?: object;
}

const browser = globalThis as typeof globalThis & BrowserGlobals;

// The browser build's own address, known only while it runs (this module runs with it): pdf.js is beside it.
const here = browser.document?.currentScript?.src;

/**
 * Where the pdf.js script is loaded from: beside the browser build
 * (`dist/pdfjs.global.js`), or `undefined` outside a browser.
 *
 * @example
 * ```ts
 * import { pdfjsScriptUrl } from './pdfjs-loader.js';
 * pdfjsScriptUrl(); // undefined (not in a browser)
 * ```
 */
export function pdfjsScriptUrl(): string | undefined {
  return here ? new URL('pdfjs.global.js', here).href : undefined;
}

let loading: Promise<object> | undefined;

/**
 * pdf.js: the page's own when it has loaded it (it sets `pdfjsLib`), else
 * the script beside the browser build, loaded once.
 *
 * @example
 * ```ts
 * // type-only: loads a script into a page
 * import { loadPdfJs } from './pdfjs-loader.js';
 * const pdfjs = (await loadPdfJs()) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
 * ```
 */
export function loadPdfJs(): Promise<object> {
  loading ??= new Promise((resolve, reject) => {
    if (browser.pdfjsLib) return resolve(browser.pdfjsLib);
    const url = pdfjsScriptUrl();
    if (!url || !browser.document) return reject(new Error('reading a PDF needs pdf.js: load pdfjs.global.js from the package’s dist folder'));
    const script = browser.document.createElement('script');
    script.onload = () => (browser.pdfjsLib ? resolve(browser.pdfjsLib) : reject(new Error(`${url} did not set pdfjsLib`)));
    script.onerror = () => {
      loading = undefined; // a failed load may be tried again
      reject(new Error(`pdf.js could not be loaded from ${url}`));
    };
    script.src = url;
    browser.document.head.append(script);
  });
  return loading;
}

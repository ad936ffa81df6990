/**
 * `dist/pdfjs.global.js`: pdf.js and its worker as one classic script,
 * which the browser build loads when a PDF comes (see
 * `pdfjs-loader.ts`). The worker runs in the page's thread: pdf.js
 * uses the handler set on `pdfjsWorker` rather than start a Worker, which
 * a page opened from `file://` may not.
 *
 * @module
 */
import * as pdfjsLib from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

Object.assign(globalThis, { pdfjsLib, pdfjsWorker: { WorkerMessageHandler } });

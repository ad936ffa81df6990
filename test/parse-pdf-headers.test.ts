import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type Json } from '../scripts/corpus-compare.js';
import { parseReport } from '../src/parse.js';
import { readPdf } from '../src/parse/pdf.js';
import { ROOT } from './fixtures/cli.js';

// Chromium's default print header and footer (date and page title above, URL and "1/3" below) stand
// between the pieces of a table cut by a page break: they must not stop the pieces being joined.
const CORPUS = join(ROOT, 'test/corpus/');
const truth = (id: string) => JSON.parse(readFileSync(join(CORPUS, 'html/truth', `${id}.json`), 'utf8')) as Json;

let browser: Browser;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'gdr-headers-'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The corpus page printed as Chromium prints it by default, header and footer on every page. */
async function printed(id: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const name = `${id}.html`;
    // A made-up origin: the page is served from the corpus, nothing is fetched from the network.
    await page.route(`https://corpus.invalid/${name}`, (r) => r.fulfill({ contentType: 'text/html', body: readFileSync(join(CORPUS, 'html', name)) }));
    await page.goto(`https://corpus.invalid/${name}`);
    const path = join(folder, `${id}.pdf`);
    await page.pdf({ path, format: 'A4', displayHeaderFooter: true, margin: { top: '15mm', bottom: '15mm', left: '10mm', right: '10mm' } });
    return readFileSync(path);
  } finally {
    await page.close();
  }
}

describe('PDFs printed with Chromium’s header and footer', () => {
  it.each(['P001', 'P013'])('%s.pdf: every table cell as in the page, the pieces cut by page breaks joined', async (id) => {
    const bytes = await printed(id);
    // The footer is printed, to be skipped: the page's URL and its count of pages.
    const { lines } = await readPdf(bytes);
    expect(lines.some((l) => l.text.includes('corpus.invalid') && /\d+\/\d+/.test(l.text))).toBe(true);
    const { report, provenance } = await parseReport(bytes);
    const { match, differ, missing, blank } = compare(truth(id), report, provenance);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
    expect(blank).toEqual([]);
    expect(match).toBe(203);
  });
});

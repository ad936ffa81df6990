import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, type Json } from '../scripts/corpus-compare.js';
import { parseReport, type ParseResult } from '../src/parse.js';
import { ROOT } from './fixtures/cli.js';

// The corpus pages printed to PDF by two layout engines (test/corpus/printed/README.md): tables cut by page
// breaks, labels wrapped inside their cells, header rows cut from the body, label cells carried over.
const CORPUS = join(ROOT, 'test/corpus/');
const ENGINES = ['chromium', 'libreoffice'] as const;
const ids = readdirSync(join(CORPUS, 'html')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));
const printed = (engine: string, id: string) => readFileSync(join(CORPUS, 'printed', engine, `${id}.pdf`));
const truth = (id: string) => JSON.parse(readFileSync(join(CORPUS, 'html/truth', `${id}.json`), 'utf8')) as Json;
const raws = (result: ParseResult) => Object.fromEntries(Object.entries(result.provenance).map(([pointer, p]) => [pointer, p.raw]));
const tableFindings = (result: ParseResult) => result.findings.filter((f) => f.code.startsWith('parse.') && f.path !== '').map((f) => `${f.code} ${f.path}`);

describe('PDFs as printed: the corpus pages from Chromium and from LibreOffice', () => {
  it('has both engines’ prints of the six pages of html/', () => {
    for (const engine of ENGINES) expect(readdirSync(join(CORPUS, 'printed', engine)).map((f) => f.replace('.pdf', '.html'))).toEqual(readdirSync(join(CORPUS, 'html')).filter((f) => f.endsWith('.html')));
  });

  it('keeps no link to a folder of the machine that printed them', () => {
    for (const engine of ENGINES) for (const id of ids) expect(printed(engine, id).includes('file:'), `${engine}/${id}.pdf`).toBe(false);
  });

  for (const engine of ENGINES) {
    it.each(ids)(`${engine}/%s.pdf: the year, the agency and every table cell exactly as printed, and as read from the page`, async (id) => {
      const fromPdf = await parseReport(printed(engine, id));
      const fromHtml = await parseReport(readFileSync(join(CORPUS, 'html', `${id}.html`), 'utf8'));
      // The title is found past the site's header that a printed page opens with.
      const { match, differ, missing, blank } = compare(truth(id), fromPdf.report, fromPdf.provenance);
      expect(differ).toEqual([]);
      expect(missing).toEqual([]);
      expect(blank).toEqual([]);
      // Edition, year, agency and every leaf of the tables read, none left null with a finding: 200 leaves of the 2021 edition, 198 of the 2019 one (P006).
      expect(match).toBe(id === 'P006' ? 201 : 203);
      expect(raws(fromPdf)).toEqual(raws(fromHtml));
      expect(tableFindings(fromPdf)).toEqual(tableFindings(fromHtml));
    });
  }

  it('gives a figure its page and where it stands; a figure in a label cell cut by the page break is still its row’s', async () => {
    const chromium = await parseReport(printed('chromium', 'P013'));
    expect(chromium.provenance['/applications/received/naturalPerson']).toMatchObject({ raw: '2', kind: 'number', page: 5 });
    const { x, y } = chromium.provenance['/applications/received/naturalPerson']!;
    expect(x).toBeGreaterThan(150);
    expect(y).toBeGreaterThan(0);
    // LibreOffice cuts table 三's header row over pages 4 and 5 (商业企 | 业): its columns are still named.
    const libreoffice = await parseReport(printed('libreoffice', 'P013'));
    expect(libreoffice.provenance['/applications/received/naturalPerson']).toMatchObject({ raw: '2', page: 5, x: 261, y: 702 });
    expect(libreoffice.report?.applications.received).toMatchObject({ naturalPerson: 2, commercialEnterprise: 0, total: 0 });
  });

  it('a truncated or corrupt PDF gives a parse.* finding and no figure, never a throw', async () => {
    const bytes = printed('libreoffice', 'P013');
    for (const cut of [0.5, 0.9]) {
      const result = await parseReport(bytes.subarray(0, Math.floor(bytes.length * cut)));
      expect(result.findings.map((f) => f.code)).toContain('parse.unsupportedInput');
      expect(result.provenance).toEqual({});
    }
    const damaged = new Uint8Array(bytes);
    for (let i = 2000; i < damaged.length; i += 997) damaged[i]! ^= 0xff;
    const result = await parseReport(damaged);
    expect(result.findings.some((f) => f.code.startsWith('parse.'))).toBe(true);
    expect(result.provenance).toEqual({});
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS, layoutOf, outcomeRows, validateReport, type Edition, type Report } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { renderReport } from '../src/render.js';
import { launch, OUTPUT } from './fixtures/browser.js';
import { ROOT } from './fixtures/cli.js';
import { busyReport2021, readExample } from './fixtures/reports.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A page's table as the browser laid it out: header rows, and every cell's text and spans. */
async function tableShape(page: Page, key: string) {
  return page.$eval(`table[data-table="${key}"]`, (table) => ({
    headRows: table.querySelectorAll('thead tr').length,
    th: [...table.querySelectorAll('th')].map((th) => ({ text: th.textContent, colspan: th.colSpan, rowspan: th.rowSpan })),
    td: table.querySelectorAll('td').length,
    pointers: [...table.querySelectorAll('td')].map((td) => td.dataset.pointer),
    columns: Math.max(...[...table.querySelectorAll('tr')].map((tr) => [...tr.children].reduce((n, c) => n + (c as unknown as { colSpan: number }).colSpan, 0))),
  }));
}

const header = (th: { text: string | null; colspan: number; rowspan: number }[], text: string) => th.find((h) => h.text === text);

describe.each([
  ['2021', 'biandong-2021.json'],
  ['2019', 'shanghai-2019.json'],
] as const)('the HTML renderer, edition %s, in Chromium', (edition: Edition, example) => {
  it('draws each table with the form’s header spans and one cell per figure', async () => {
    const report = readExample<Report>(example);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const file = `${OUTPUT}/render-${edition}.html`;
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><style>td,th{border:1px solid #999}table{border-collapse:collapse}</style>${renderReport(report, { to: 'html' })}`);
    await page.goto(pathToFileURL(file).href);
    const layout = layoutOf(edition);
    const cellsOf = (key: string) => layout.cells.filter((c) => c.table.key === key).map((c) => c.pointer);

    const proactive = await tableShape(page, 'proactive');
    expect(proactive.pointers).toEqual(cellsOf('proactive'));
    expect(proactive.columns).toBe(edition === '2021' ? 4 : 5);
    expect(header(proactive.th, '第二十条第（一）项')?.colspan).toBe(proactive.columns);
    // The 2019 form gives its middle column two grid columns, and the two columns of （八）（九） two each.
    const spans = (label: string) => header(proactive.th, label)?.colspan;
    if (edition === '2019') expect(['本年新制作数量', '本年新公开数量', '对外公开总数量', '采购项目数量', '采购总金额'].map(spans)).toEqual([1, 2, 1, 2, 2]);
    else expect(['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额（单位：万元）'].map(spans)).toEqual([1, 1, 1, 3]);

    const applications = await tableShape(page, 'applications');
    expect(applications.headRows).toBe(3);
    expect(applications.pointers).toEqual(cellsOf('applications'));
    expect(applications.columns).toBe(10);
    expect(header(applications.th, EDITIONS[edition].tables[1].note!)).toMatchObject({ colspan: 3, rowspan: 3 });
    expect(header(applications.th, '申请人情况')).toMatchObject({ colspan: 7, rowspan: 1 });
    expect(header(applications.th, '自然人')).toMatchObject({ rowspan: 2 });
    expect(header(applications.th, '法人或其他组织')).toMatchObject({ colspan: 5 });
    expect(header(applications.th, '三、本年度办理结果')).toMatchObject({ rowspan: edition === '2021' ? 22 : 20 });
    expect(header(applications.th, '（三）不予公开')).toMatchObject({ rowspan: 8 });
    expect(header(applications.th, '（一）予以公开')).toMatchObject({ colspan: 2 });
    expect(header(applications.th, '一、本年新收政府信息公开申请数量')).toMatchObject({ colspan: 3 });
    const other = outcomeRows(edition).find((r) => r.key === 'otherHandling')!;
    expect(header(applications.th, other.label)).toMatchObject(edition === '2021' ? { rowspan: 3 } : { colspan: 2 });

    const review = await tableShape(page, 'reviewAndLitigation');
    expect(review.headRows).toBe(3);
    expect(review.td).toBe(15);
    expect(review.pointers).toEqual(cellsOf('reviewAndLitigation'));
    expect(header(review.th, '行政复议')).toMatchObject({ colspan: 5 });
    expect(header(review.th, '行政诉讼')).toMatchObject({ colspan: 10 });
    expect(header(review.th, '未经复议直接起诉')).toMatchObject({ colspan: 5 });
    expect(review.th.filter((h) => h.text === '结果维持').map((h) => h.rowspan)).toEqual([2, 1, 1]);

    await page.screenshot({ path: `${OUTPUT}/render-${edition}.png`, fullPage: true });
    await page.close();
  });
});

describe('docs/playground.html in Chromium', () => {
  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(pathToFileURL(`${ROOT}docs/playground.html`).href);
    return page;
  };

  it('shows the example clean, then a broken report with its faults, in either language', async () => {
    const page = await open();
    await page.fill('#input', JSON.stringify(readExample('biandong-2021.json')));
    await expect.poll(() => page.textContent('#status')).toBe('没有错误');
    expect(await page.locator('.gdr-report table').count()).toBe(3);
    expect(await page.locator('h1').last().textContent()).toBe('汴东产业集聚区2021年政府信息公开工作年度报告');
    expect(await page.locator('td.fault').count()).toBe(0);
    await page.screenshot({ path: `${OUTPUT}/playground-example.png`, fullPage: true });

    const broken = busyReport2021();
    broken.applications.outcomes.total.naturalPerson = 38;
    const expected = validateReport(broken).findings.filter((f) => f.severity === 'error');
    await page.fill('#input', JSON.stringify(broken));
    await expect.poll(() => page.textContent('#status')).toBe(`${expected.length} 个错误，0 个警告`);
    const faults = await page.$$eval('td.fault-error', (tds) => tds.map((td) => td.dataset.pointer));
    expect(faults.sort()).toEqual(expected.map((f) => f.path).sort());
    expect(await page.locator('td.involved').count()).toBeGreaterThan(0);
    expect(await page.locator('.gdr-findings li[data-code="applications.outcomeTotal"]').textContent()).toContain('应为 39，实为 38');

    await page.selectOption('#locale', 'en');
    await expect.poll(() => page.textContent('#status')).toBe(`${expected.length} errors, 0 warnings`);
    expect(await page.locator('.gdr-findings li[data-code="applications.outcomeTotal"]').textContent()).toContain('expected 39');
    await page.screenshot({ path: `${OUTPUT}/playground-broken.png`, fullPage: true });

    await page.fill('#input', '{"edition": "2021",');
    await expect.poll(() => page.textContent('#status')).toMatch(/^Not valid JSON: /);
    const faulty = busyReport2021() as unknown as { applications: { received: Record<string, unknown> } };
    faulty.applications.received.naturalPerson = '40';
    await page.fill('#input', JSON.stringify(faulty));
    await expect.poll(() => page.textContent('#status')).toMatch(/^\d+ errors?, 0 warnings$/);
    expect(await page.locator('td.fault-error[data-pointer="/applications/received/naturalPerson"]').textContent()).toBe('40');

    await page.fill('#input', '{"year": 2021}');
    await expect.poll(() => page.textContent('#status')).toMatch(/^Not a report of the format, so no tables: /);
    expect(await page.locator('.gdr-findings li[data-code="shape.required"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('loads the bundled example from its button, with no request for it', async () => {
    const page = await open();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.click('#example');
    await expect.poll(() => page.textContent('#status')).toBe('没有错误');
    expect(JSON.parse(await page.inputValue('#input'))).toEqual(readExample('biandong-2021.json'));
    expect(await page.locator('h1').last().textContent()).toBe('汴东产业集聚区2021年政府信息公开工作年度报告');
    expect(requests).toEqual([]);
    expect(await page.getAttribute('#file', 'accept')).toMatch(/\.pdf,.*\.docx,\.doc,\.xlsx,\.json/);
    await page.close();
  });

  /** The figures a page shows, by pointer. */
  const shown = (page: Page) => page.$$eval('td[data-pointer]', (tds) => Object.fromEntries(tds.map((td) => [td.dataset.pointer!, td.textContent ?? ''])));
  const read = (page: Page) => expect.poll(() => page.textContent('#source'), { timeout: 60_000 }).toMatch(/^(读自|Read from) /);
  const corpus = (path: string) => readFileSync(`${ROOT}test/corpus/${path}`);
  const at = (root: unknown, path: readonly string[]) => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
  const layout = layoutOf('2021');

  it('reads a dropped PDF: pdf.js loaded only then, the figures as printed, its faults marked, where each was read', async () => {
    const page = await open();
    expect(await page.evaluate(`'pdfjsLib' in window || document.querySelector('script[src*="pdfjs"]') !== null`)).toBe(false);
    const bytes = corpus('pdf/009.pdf');
    await page.setInputFiles('#file', `${ROOT}test/corpus/pdf/009.pdf`);
    await read(page);
    expect(await page.evaluate(`'pdfjsLib' in window && document.querySelector('script[src$="dist/pdfjs.global.js"]') !== null`)).toBe(true);
    expect(await page.textContent('#source')).toBe('读自 009.pdf，2021 年版格式');

    // The hand-checked figures of the published PDF, and what Node reads from it, cell for cell.
    const truth = JSON.parse(corpus('truth/009.json').toString()) as Record<string, unknown>;
    const figures = await shown(page);
    expect(figures['/applications/received/naturalPerson']).toBe(String(at(truth, ['newApplications', 'naturalPerson'])));
    expect(figures['/applications/received/total']).toBe(String(at(truth, ['newApplications', 'total'])));
    expect(figures['/proactive/licensing/decisions']).toBe(String(truth.licensingDecisions));
    expect(figures['/proactive/penalties/decisions']).toBe(String(truth.penaltyDecisions));
    expect(figures['/proactive/coercion/decisions']).toBe(String(truth.coercionDecisions));
    expect(figures['/reviewAndLitigation/administrativeReview/total']).toBe(String(truth.reviewTotal));
    const inNode = await parseReport(bytes);
    expect(figures).toEqual(Object.fromEntries(layout.cells.map((c) => [c.pointer, String(at(inNode.report, c.path) ?? '')])));

    // The original's error (行政复议 总计 0 beside 维持 10, 纠正 1) is marked, and every finding listed.
    expect(await page.$$eval('td.fault-error', (tds) => tds.map((td) => td.dataset.pointer))).toContain('/reviewAndLitigation/administrativeReview/total');
    expect(await page.$$eval('.gdr-findings li', (lis) => lis.map((li) => li.dataset.code))).toEqual(inNode.findings.map((f) => f.code));
    const errors = inNode.findings.filter((f) => f.severity === 'error').length;
    expect(await page.textContent('#status')).toBe(`${errors} 个错误，${inNode.findings.filter((f) => f.severity === 'warning').length} 个警告`);

    const source = inNode.provenance['/proactive/licensing/decisions']!;
    const title = (pointer: string) => page.getAttribute(`td[data-pointer="${pointer}"]`, 'title');
    expect(await title('/proactive/licensing/decisions')).toBe(`原文“550” · 第${source.page}页 (${source.x}, ${source.y})`);
    expect(await title('/reviewAndLitigation/administrativeReview/total')).toMatch(/^原文“0” · 第\d+页 \(\d+, \d+\)\n行政复议 · 总计：应为 11，实为 0/);
    await page.screenshot({ path: `${OUTPUT}/playground-pdf.png`, fullPage: true });

    // The language switch: the page's texts, the findings, the hover texts and the form's labels.
    await page.selectOption('#locale', 'en');
    await expect.poll(() => page.textContent('#source')).toBe('Read from 009.pdf, edition 2021');
    expect(await page.textContent('#status')).toMatch(/^\d+ errors?, \d+ warnings?$/);
    expect(await page.textContent('header h1')).toBe('Government information disclosure annual report · checker');
    expect(await page.textContent('#example')).toBe('Load the example report');
    expect(await title('/proactive/licensing/decisions')).toBe(`printed “550” · page ${source.page} (${source.x}, ${source.y})`);
    expect(await page.textContent('.gdr-findings li[data-path="/reviewAndLitigation/administrativeReview/total"]')).toContain('expected 11');
    const heads = await page.$$eval('th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toContain(EDITIONS['2021'].tables[1].blocks[0]!.columns[0]!.en);
    // Every label of the form, the group headers and the 勾稽关系 note too, printed in English.
    expect(heads.filter((h) => /[\u4e00-\u9fff]/.test(h ?? ''))).toEqual([]);
    expect(await page.textContent('section[data-table="applications"] h2')).toBe(EDITIONS['2021'].tables[1].en);
    expect(await shown(page)).toEqual(figures);
    await page.screenshot({ path: `${OUTPUT}/playground-pdf-en.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it('reads a PDF from a static host too, pdf.js fetched from beside the browser build', async () => {
    // A plain static server of the package folder, as a host would serve docs/ and dist/.
    const types: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript' };
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url!, 'http://host').pathname);
      let body: Buffer;
      try {
        body = readFileSync(`${ROOT}${path.slice(1)}`);
      } catch {
        return void response.writeHead(404).end();
      }
      response.writeHead(200, { 'content-type': types[path.split('.').pop()!] ?? 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/playground.html`);
      expect(requests).toEqual(['/docs/playground.html', '/dist/browser.global.js']);
      await page.setInputFiles('#file', `${ROOT}test/corpus/pdf/009.pdf`);
      await read(page);
      expect(requests.slice(2)).toEqual(['/dist/pdfjs.global.js']);
      expect((await shown(page))['/proactive/licensing/decisions']).toBe('550');
      await page.close();
    } finally {
      server.close();
    }
  }, 120_000);

  /** Every figure of a corpus page's truth (amounts aside, which it keeps as printed), as the playground prints it. */
  const truthFigures = (id: string) => {
    const truth = JSON.parse(corpus(`html/truth/${id}.json`).toString()) as unknown;
    return Object.fromEntries(layout.cells.filter((c) => c.kind !== 'money').map((c) => [c.pointer, String(at(truth, c.path) ?? '')]));
  };

  it('reads chosen Word files (.docx, .doc) and a dropped HTML page: every figure of the truth, each with the cell or text it came from', async () => {
    const page = await open();
    await page.setInputFiles('#file', `${ROOT}test/corpus/docx/P001.docx`);
    await read(page);
    expect(await page.textContent('#source')).toBe('读自 P001.docx，2021 年版格式');
    expect(await shown(page)).toMatchObject(truthFigures('P001'));
    expect(await page.getAttribute('td[data-pointer="/proactive/normativeDocuments/issued"]', 'title')).toBe('原文“3” · 表1 第3行第2格');
    // P001 has no 规章 row: its cells are blank, marked, and said to be absent from the source.
    expect(await page.getAttribute('td[data-pointer="/proactive/regulations/issued"]', 'class')).toBe('fault fault-warning');
    expect(await page.getAttribute('td[data-pointer="/proactive/regulations/issued"]', 'title')).toMatch(/^原文未载此格\n.*单元格空白/);
    expect(await page.locator('.gdr-findings li[data-code="parse.rowMissing"]').count()).toBe(1);
    await page.screenshot({ path: `${OUTPUT}/playground-docx.png`, fullPage: true });

    // The same page saved as a Word 97 file.
    await page.setInputFiles('#file', `${ROOT}test/corpus/doc/P001.doc`);
    await expect.poll(() => page.textContent('#source')).toBe('读自 P001.doc，2021 年版格式');
    expect(await shown(page)).toMatchObject(truthFigures('P001'));
    expect(await page.getAttribute('td[data-pointer="/proactive/normativeDocuments/issued"]', 'title')).toBe('原文“3” · 表1 第3行第2格');

    // Dropped as a browser drops a file: a DataTransfer holding it, on a drop event.
    const html = corpus('html/P001.html');
    const transfer = await page.evaluateHandle((bytes) => {
      // The page's DOM classes (the tests compile without the DOM types).
      const { DataTransfer, File } = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
      };
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'P001.html', { type: 'text/html' }));
      return data;
    }, [...html]);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await expect.poll(() => page.textContent('#source')).toBe('读自 P001.html，2021 年版格式');
    expect(await shown(page)).toMatchObject(truthFigures('P001'));
    const inNode = await parseReport(html);
    const offset = inNode.provenance['/proactive/normativeDocuments/issued']!.offset;
    expect(await page.getAttribute('td[data-pointer="/proactive/normativeDocuments/issued"]', 'title')).toMatch(new RegExp(`^原文“3” · 第 ${offset} 字符处：….*行政规范性文件 ▸3 0 24`));
    expect(await page.$$eval('.gdr-findings li', (lis) => lis.map((li) => li.dataset.code))).toEqual(inNode.findings.map((f) => f.code));
    await page.screenshot({ path: `${OUTPUT}/playground-html.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it('downloads the checked report as JSON, XLSX and DOCX, which read back to the same figures', async () => {
    const page = await open();
    await page.setInputFiles('#file', `${ROOT}test/corpus/html/P001.html`);
    await read(page);
    const figures = await shown(page);
    const { report } = await parseReport(corpus('html/P001.html'));
    for (const to of ['json', 'xlsx', 'docx'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#downloads button[data-to="${to}"]`)]);
      expect(download.suggestedFilename()).toBe(`平潭综合实验区行政审批局-2025.${to}`);
      const file = `${OUTPUT}/playground-download.${to}`;
      await download.saveAs(file);
      const bytes = readFileSync(file);
      const back = to === 'json' ? (JSON.parse(bytes.toString()) as Report) : (await parseReport(bytes)).report;
      expect(Object.fromEntries(layout.cells.map((c) => [c.pointer, String(at(back, c.path) ?? '')])), to).toEqual(figures);
      if (to === 'json') expect(back).toEqual(report);
    }
    await page.close();
  }, 120_000);
});

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS, layoutOf, outcomeRows, validateReport, type Edition, type Report } from '../src/index.js';
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
  it('shows the example clean, then a broken report with its faults, in either language', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(pathToFileURL(`${ROOT}docs/playground.html`).href);

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
});

import { describe, expect, it } from 'vitest';
import { buildReport, validateReport, type Report2019 } from '../src/index.js';
import { renderFindings, renderReport, tableGrids } from '../src/render.js';
import { busyReport2021, readExample } from './fixtures/reports.js';

const broken = () => {
  const report = busyReport2021();
  report.applications.outcomes.total.naturalPerson = 38;
  return report;
};

describe('tableGrids', () => {
  it.each([
    ['2021', [4, 10, 15]],
    ['2019', [5, 10, 15]],
  ] as const)('%s: every row of every table fills the table width exactly', (edition, widths) => {
    const grids = tableGrids(buildReport({ edition, year: edition === '2021' ? 2021 : 2020 } as never));
    expect(grids.map((g) => g.width)).toEqual(widths);
    for (const grid of grids) {
      // Lay the spans out: every slot of every row is covered exactly once.
      const covered = grid.rows.map(() => Array<number>(grid.width).fill(0));
      grid.rows.forEach((row, r) => {
        let c = 0;
        for (const cell of row) {
          while (covered[r]![c]) c++;
          for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) covered[r + dr]![c + dc]! += 1;
          c += cell.colspan;
        }
      });
      expect(covered.flat().every((n) => n === 1), grid.table.key).toBe(true);
    }
  });

  it('marks the cells at fault and those the failing rules read', () => {
    const report = broken();
    const findings = validateReport(report).findings;
    const figures = tableGrids(report, findings).flatMap((g) => g.rows.flat()).filter((c) => c.pointer);
    expect(figures.filter((c) => c.faults).map((c) => c.pointer).sort()).toEqual(findings.map((f) => f.path).sort());
    expect(figures.find((c) => c.pointer === '/applications/outcomes/granted/naturalPerson')?.involved).toBe(true);
    expect(figures.find((c) => c.pointer === '/proactive/licensing/decisions')?.involved).toBeUndefined();
  });
});

describe('renderReport', () => {
  it('text: aligned rows, blanks blank, amounts with four decimals, faults marked * and listed', () => {
    const report = readExample<Report2019>('shanghai-2019.json');
    const text = renderReport(report, { to: 'text' });
    expect(text).toMatch(/^上海市人民政府办公厅2019年政府信息公开工作年度报告\n/);
    expect(text).toMatch(/政府集中采购 +6 +25\.1000万元\n/);
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +821 +35 +2 +1 +859\n/);
    const marked = renderReport(broken(), { to: 'text', findings: validateReport(broken()).findings });
    expect(marked).toMatch(/（七）总计 +38\*/);
    expect(marked).toContain('* applications.outcomeTotal /applications/outcomes/total/naturalPerson');
  });

  it('markdown: one table per Article 20 block; stacked headers joined; faults in bold', () => {
    const markdown = renderReport(broken(), { to: 'markdown', findings: validateReport(broken()).findings });
    expect(markdown).toContain('**第二十条第（八）项**\n\n| 信息内容 | 本年收费金额（单位：万元） |\n| --- | --- |\n| 行政事业性收费 | 12.5000 |');
    expect(markdown).toContain('| 申请人情况 · 法人或其他组织 · 商业企业 |');
    expect(markdown).toContain('| 行政诉讼 · 复议后起诉 · 总计 |');
    expect(markdown).toContain('| **38*** |');
    expect(markdown).toContain('- **error** `applications.outcomeTotal`');
  });

  it('html and markdown: escape every text they print, findings included', () => {
    const agency = '<script>alert("x")</script>&';
    const report = buildReport({ edition: '2021', year: 2021, agency });
    const findings = validateReport({ ...report, '<img src=x onerror=alert(1)>': 1 }).findings;
    expect(findings[0]!.message).toContain('<img');
    const html = renderReport(report, { to: 'html', findings });
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;2021年政府信息公开工作年度报告</h1>');
    expect(html).not.toMatch(/<script>|<img/);
    const markdown = renderReport(report, { to: 'markdown', findings });
    // Code spans show their text as it is (CommonMark), so only the rest must be free of markup.
    expect(markdown.replace(/`[^`]*`/g, '')).not.toMatch(/<script>|<img/);
    expect(markdown).toContain('# &lt;script&gt;');
  });

  it('html: a fault’s messages go into the cell’s title, escaped', () => {
    const report = broken();
    const findings = validateReport(report).findings.map((f) => ({ ...f, message: `${f.message} <b>"x"</b>` }));
    const html = renderReport(report, { to: 'html', findings });
    expect(html).toMatch(/class="fault fault-error" title="[^"<>]*&lt;b&gt;&quot;x&quot;&lt;\/b&gt;/);
    expect(html).not.toContain('<b>');
  });

  it('renderFindings lists findings alone, for input whose tables cannot be drawn', () => {
    const findings = validateReport({ edition: '2021' }, { locale: 'en' }).findings;
    expect(renderFindings(findings, { to: 'text' })).toContain('* shape.required /year');
    expect(renderFindings(findings, { to: 'html' })).toMatch(/^<ol class="gdr-findings">\n<li class="finding finding-error" data-code="shape.required" data-path="\/year">/);
  });
});

describe('the HTML style block', () => {
  it('is there by default, so a saved page reads on its own, and style: false leaves it out (the classes stay)', () => {
    const report = busyReport2021();
    expect(renderReport(report, { to: 'html' })).toContain('<style>');
    const bare = renderReport(report, { to: 'html', style: false });
    expect(bare).not.toContain('<style>');
    expect(bare).toContain('class="gdr-table"');
  });
});

describe('labels in English (locale: en)', () => {
  const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

  it.each(['2021', '2019'] as const)('edition %s: every header cell has an English gloss, in the same layout', (edition) => {
    const report = edition === '2021' ? buildReport({ edition, year: 2021 }) : buildReport({ edition, year: 2021 });
    const official = tableGrids(report);
    const english = tableGrids(report, [], 'en');
    for (const [i, grid] of english.entries()) {
      expect(grid.heading).not.toMatch(CJK);
      // Same shape: spans, header cells and pointers exactly as in the official grid.
      expect(grid.rows.map((r) => r.map(({ colspan, rowspan, header, pointer }) => ({ colspan, rowspan, header, pointer })))).toEqual(
        official[i]!.rows.map((r) => r.map(({ colspan, rowspan, header, pointer }) => ({ colspan, rowspan, header, pointer }))),
      );
      for (const cell of grid.rows.flat().filter((c) => c.header)) expect(cell.text).not.toMatch(CJK);
    }
    expect(official[1]!.rows.flat().some((c) => CJK.test(c.text))).toBe(true);
  });

  it('renderReport prints the title, headings and labels in English, and xlsx/docx stay official', async () => {
    const report = buildReport({ edition: '2021', year: 2024, agency: 'Biandong' });
    const html = renderReport(report, { to: 'html', locale: 'en' });
    expect(html).toContain('<article class="gdr-report" lang="en">');
    expect(html).toContain('<h1>Biandong: annual report on government information disclosure, 2024</h1>');
    expect(html).toContain('<h2>Applications received and handled</h2>');
    expect(html).toContain('legal persons or other organisations');
    expect(html).not.toMatch(CJK);
    expect(renderReport(report, { to: 'text', locale: 'en' })).toContain('Article 20, item (1)');
    expect(renderReport(report, { to: 'markdown' })).toContain('第二十条第（一）项');
    const { parseReport } = await import('../src/parse.js');
    const back = await parseReport(renderReport(report, { to: 'xlsx', locale: 'en' }));
    expect(back.report?.applications).toEqual(report.applications);
  });
});

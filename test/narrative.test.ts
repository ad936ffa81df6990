/**
 * The narrative against the tables: narrative.figure and narrative.year on
 * built reports (each quantity agreeing and not, the phrases that must not
 * count), and over every narrative of the corpus, with exactly the findings
 * expected there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NARRATIVE_FIGURES, NARRATIVE_YEAR_PHRASES, validateReport, type Finding, type Report2021 } from '../src/index.js';
import { parseReport } from '../src/parse.js';
import { FIGURE_WITH_UNIT, figureOf, normaliseNarrative, statedFigures } from '../src/validate/narrative.js';
import { ROOT } from './fixtures/cli.js';
import { busyReport2019, busyReport2021 } from './fixtures/reports.js';

const narrativeFindings = (findings: Finding[]) => findings.filter((f) => f.code.startsWith('narrative.'));

/** The narrative.* findings of busyReport2021 (year 2022) with `overview` as its 一、总体情况. */
function findingsOf(overview: string, edit?: (report: Report2021) => void, locale?: 'en'): Finding[] {
  const report = busyReport2021();
  report.narrative = { overview };
  edit?.(report);
  return narrativeFindings(validateReport(report, locale ? { locale } : {}).findings);
}

// busyReport2021, year 2022: 新收 47, 上年结转 3, 办理结果总计 46, 结转下年度 4; 行政复议 5, 行政诉讼 2 + 1;
// 规范性文件 本年制发 12; 行政许可 1520, 行政处罚 37.
describe('narrative.figure: each quantity agreeing and not', () => {
  it.each([
    ['received', '2022年，我局共受理政府信息公开申请47件。', '2022年，我局共受理政府信息公开申请45件。', 47, ['/applications/received/total', '/applications/carriedOver/total']],
    ['received with those carried over', '本年度新收政府信息公开申请50件（含上年结转）。', '本年度新收政府信息公开申请51件。', 47, undefined],
    ['carriedOver', '答复政府信息公开申请46件（含上年度结转申请3件）。', '答复政府信息公开申请46件（含上年度结转申请2件）。', 3, ['/applications/carriedOver/total']],
    ['answered', '全年收到政府信息公开申请47件，答复46件。', '全年收到政府信息公开申请47件，答复40件。', 46, ['/applications/outcomes/total/total']],
    ['answered', '办结政府信息公开申请46件。', '办结政府信息公开申请45件。', 46, undefined],
    ['carriedForward', '另有4件顺延到下年度答复。', '另有5件顺延到下年度答复。', 4, ['/applications/carriedForward/total']],
    ['carriedForward', '结转下年度继续办理4件。', '结转下年度继续办理9件。', 4, undefined],
    ['administrativeReview', '因政府信息公开被申请行政复议5件。', '因政府信息公开被申请行政复议6件。', 5, ['/reviewAndLitigation/administrativeReview/total']],
    ['litigation', '政府信息公开行政诉讼3件。', '政府信息公开行政诉讼2件。', 3, ['/reviewAndLitigation/litigationWithoutReview/total', '/reviewAndLitigation/litigationAfterReview/total']],
    ['litigation', '信息公开类行政复议5件，诉讼3件。', '信息公开类行政复议5件，诉讼4件。', 3, undefined],
    ['normativeDocumentsIssued', '全年新制发规范性文件12件。', '全年印发行政规范性文件13件。', 12, ['/proactive/normativeDocuments/issued']],
    ['licensingDecisions', '全年作出行政许可决定1520件。', '全年作出行政许可决定1,502件。', 1520, ['/proactive/licensing/decisions']],
    ['penaltyDecisions', '查处行政处罚案件37起。', '查处行政处罚案件73起。', 37, ['/proactive/penalties/decisions']],
  ] as const)('%s: “%s” passes, “%s” is flagged', (name, agreeing, differing, expected, cells) => {
    expect(findingsOf(agreeing)).toEqual([]);
    const findings = findingsOf(differing);
    expect(findings.map((f) => [f.code, f.path])).toEqual([['narrative.figure', '/narrative/overview']]);
    expect(findings[0]).toMatchObject({ severity: 'warning', quantity: name.split(' ')[0], expected });
    if (cells) expect(findings[0]!.cells).toEqual(cells);
  });

  it('says what the text says and what the tables say, in either language', () => {
    const [zh] = findingsOf('2022年，区政府办代表区政府受理政府信息公开申请 17 件，均已答复。');
    expect(zh).toMatchObject({ code: 'narrative.figure', quantity: 'received', actual: 17, expected: 47, text: '受理政府信息公开申请17件' });
    expect(zh!.message).toBe('一、总体情况：文字称“受理政府信息公开申请17件”，收到的政府信息公开申请数量为 17，表格为 47');
    const [en] = findingsOf('区政府办受理政府信息公开申请17件。', undefined, 'en');
    expect(en!.message).toBe('一、总体情况 (Overview): the text says “受理政府信息公开申请17件”, applications received 17; the tables say 47');
  });

  it('reads Chinese numerals, full-width digits, 共N件, N件次 and text broken across lines with page footers', () => {
    expect(findingsOf('共受理政府信息公开申请四十七件。')).toEqual([]);
    expect(findingsOf('共受理政府信息公开申请４７件。')).toEqual([]);
    expect(findingsOf('收到政府信息公开申请共47件次。')).toEqual([]);
    expect(findingsOf('我局受理政府\n1 -\n信息公开申请 47\n件，均已答复。')).toEqual([]);
    expect(findingsOf('共受理政府信息公开申请一百二十件。').map((f) => f.actual)).toEqual([120]);
    expect(findingsOf('共受理政府信息公开申请十七件。').map((f) => f.actual)).toEqual([17]);
    expect(findingsOf('我局受理政府\n- 2 -\n信息公开申请 4\n7 件。').map((f) => f.code)).toEqual([]);
  });

  it('checks every section, each quantity and figure once per section', () => {
    const report = busyReport2021();
    report.narrative = {
      overview: '受理政府信息公开申请40件。共受理政府信息公开申请40件。',
      problemsAndImprovements: '全年作出行政处罚决定36件。',
      otherMatters: '无。',
    };
    const findings = narrativeFindings(validateReport(report).findings);
    expect(findings.map((f) => [f.path, f.actual])).toEqual([
      ['/narrative/overview', 40],
      ['/narrative/problemsAndImprovements', 36],
    ]);
  });

  it('a figure about something else raises nothing', () => {
    for (const text of [
      '全年主动公开政府信息1136条，其中规范性文件3件。',
      '收到群众来信15件，办理人大建议8件。',
      '召开新闻发布会12场，发布政策解读21个。',
      '全年公开政策文件4件，市政府及市政府办政策性文件11件。',
      '行政复议和行政诉讼共3件。',
      '全年共办理行政复议案件120件，行政诉讼应诉案件45件。',
      '办理清真食品生产经营许可行政审批事项7项。',
      '共受理答复依申请公开政府信息信件0件。',
      '全年共办理依申请公开事项718件。',
      '答复率100%，满意率98%。',
    ]) {
      expect(findingsOf(text), text).toEqual([]);
    }
  });

  it('a part, a comparison, an estimate or a figure of another year raises nothing', () => {
    for (const text of [
      '其中网上受理政府信息公开申请5件。',
      '受理政府信息公开申请47件，其中自然人申请40件，当面受理政府信息公开申请3件。',
      '按时答复政府信息公开申请30件。',
      '受理政府信息公开申请较上年增加12件。',
      '受理政府信息公开申请近百件。',
      '受理政府信息公开申请50余件。',
      '2021年受理政府信息公开申请30件，2022年受理47件。',
      '2023年，我局计划受理政府信息公开申请60件。',
    ]) {
      expect(findingsOf(text), text).toEqual([]);
    }
  });

  it('a total printed wrong: the text may give it or the sum of its parts', () => {
    const wrongTotal = (report: Report2021) => {
      report.applications.received.total = 40;
    };
    expect(findingsOf('受理政府信息公开申请47件。', wrongTotal)).toEqual([]);
    expect(findingsOf('受理政府信息公开申请40件。', wrongTotal)).toEqual([]);
    expect(findingsOf('受理政府信息公开申请41件。', wrongTotal).map((f) => f.expected)).toEqual([40]);
  });

  it('a table left blank (every cell null) is not compared', () => {
    const blankReview = (report: Report2021) => {
      report.reviewAndLitigation.administrativeReview = { upheld: null, corrected: null, otherResult: null, pending: null, total: null };
    };
    expect(findingsOf('政府信息公开行政复议9件。', blankReview)).toEqual([]);
  });

  it('the 2019 edition: 规范性文件 本年新制作数量 holds the documents issued', () => {
    const report = busyReport2019();
    report.proactive.normativeDocuments.newlyMade = 4;
    report.narrative = { overview: '全年制发规范性文件4件，印发规范性文件5件。' };
    const findings = narrativeFindings(validateReport(report).findings);
    expect(findings).toMatchObject([{ code: 'narrative.figure', quantity: 'normativeDocumentsIssued', expected: 4, actual: 5, cells: ['/proactive/normativeDocuments/newlyMade'] }]);
  });

  it('every quantity has a phrase and cells in some edition', () => {
    for (const quantity of NARRATIVE_FIGURES) {
      expect(quantity.phrases.length, quantity.key).toBeGreaterThan(0);
      expect(quantity.cells.length, quantity.key).toBeGreaterThan(0);
      for (const source of quantity.phrases) expect(source, quantity.key).toContain('(?<n>');
    }
  });
});

describe('narrative.year', () => {
  it.each([
    ['a sentence opening on last year', '2021年度，我局共受理政府信息公开申请47件。', 2021],
    ['after a heading', '（二）依申请公开情况。2021年全区受理政府信息公开申请47件。', 2021],
    ['a statistics period of another year', '本报告所列数据的统计期限为2021年1月1日至2021年12月31日。', 2021],
    ['the report compiled under another year', '编制《某市司法局2021年度政府信息公开工作年度报告》。', 2021],
  ] as const)('%s is flagged', (_, text, actual) => {
    const findings = findingsOf(text);
    expect(findings.map((f) => [f.code, f.path])).toEqual([['narrative.year', '/narrative/overview']]);
    expect(findings[0]).toMatchObject({ severity: 'warning', expected: 2022, actual });
  });

  it('names the year in the message', () => {
    const [f] = findingsOf('2021年度，我局共受理政府信息公开申请47件。');
    expect(f!.message).toBe('一、总体情况：“2021年度，我局共受理政府信息公开申请47件”说的是 2021 年度，本报告为 2022 年度');
  });

  it.each([
    '2022年度，我局共受理政府信息公开申请47件。',
    '本报告所列数据的统计期限为2022年1月1日至2022年12月31日。',
    '2023年，我局将进一步规范依申请公开工作。',
    '2021年以来，我局持续推进政务公开。',
    '2021年12月，我局开通了微信公众号。',
    '2021年度报告中指出的问题已整改。',
    '2021年同期受理政府信息公开申请30件。',
    '2019年，国务院修订了《条例》。',
    '2021年，我局被评为先进单位，2022年继续保持。',
  ])('“%s” raises nothing', (text) => {
    expect(findingsOf(text)).toEqual([]);
  });
});

describe('hostile narratives', () => {
  it.each([
    ['a megabyte of one long sentence of phrases', '受理政府信息公开申请5件'.repeat(90_000)],
    ['a megabyte of phrases between commas', '受理政府信息公开申请5件，'.repeat(85_000)],
    ['a megabyte of digits', '7'.repeat(1_000_000)],
    ['a megabyte of years', '2021年，'.repeat(150_000)],
  ])('%s is read in linear time, its findings capped', (_, text) => {
    const started = performance.now();
    const findings = findingsOf(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findings.length).toBeLessThanOrEqual(2);
  });
});

describe('the reading helpers', () => {
  it('figureOf reads Arabic and Chinese figures', () => {
    expect(['17', '3,119', '十七', '十', '一百二十', '两千零五', '一万二千', '二〇二三', '零'].map(figureOf)).toEqual([17, 3119, 17, 10, 120, 2005, 12000, 2023, 0]);
  });

  it('normaliseNarrative drops page footers and white space, keeping figures apart', () => {
    expect(normaliseNarrative('受理政府\n1 -\n信息公开申请 1 7 件')).toBe('受理政府信息公开申请1 7件');
    expect(normaliseNarrative('２０２４ 年')).toBe('2024年');
  });
});

describe('the corpus: every narrative against its tables', () => {
  const CORPUS = `${ROOT}test/corpus/`;
  const files = [
    ...readdirSync(`${CORPUS}raw`).map((f) => `raw/${f}`),
    ...readdirSync(`${CORPUS}html`).filter((f) => f.endsWith('.html')).map((f) => `html/${f}`),
    ...readdirSync(`${CORPUS}variants`).map((f) => `variants/${f}`),
    ...readdirSync(`${CORPUS}fragments`).map((f) => `fragments/${f}`),
    'fixtures/biandong-2021.txt',
  ];
  /** The one narrative finding of the corpus: 淮安市洪泽区 2024 says 17 applications in its text and 95 in its table. */
  const FLAGGED: Readonly<Record<string, readonly string[]>> = {
    'raw/010.txt': ['narrative.figure /narrative/overview received 17 ≠ 95'],
    'variants/010.pypdf.txt': ['narrative.figure /narrative/overview received 17 ≠ 95'],
  };
  /** The figures each report's narrative states and the rule compares (all agree with the tables but 010's). */
  const STATED: Readonly<Record<string, string>> = {
    'raw/008.txt': 'received 859, carriedOver 18, answered 805, administrativeReview 7, litigation 9',
    'raw/009.txt': 'received 21',
    'raw/010.txt': 'received 17',
    'raw/011.txt': 'received 749, carriedForward 31',
    'raw/012.txt': 'received 3119, carriedOver 34, answered 3050, carriedForward 103, administrativeReview 351, litigation 46',
    'html/P001.html': 'received 6, normativeDocumentsIssued 3',
    'html/P004.html': 'received 11',
    'html/P008.html': 'answered 2',
    'html/P013.html': 'received 2',
    'html/P016.html': 'received 4',
    'variants/009.pypdf.txt': 'received 21',
    'variants/010.pypdf.txt': 'received 17',
    'variants/012.pypdf.txt': 'received 3119, carriedOver 34, answered 3050, carriedForward 103, administrativeReview 351, litigation 46',
  };

  it('has the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
  });

  it.each(files)('%s: exactly the narrative findings expected', async (file) => {
    const { report } = await parseReport(readFileSync(`${CORPUS}${file}`, 'utf8'));
    if (!report) return;
    const stated = statedFigures(report.narrative, report.year);
    expect(stated.map((s) => `${s.quantity} ${s.figure}`).join(', ')).toBe(STATED[file] ?? '');
    const findings = narrativeFindings(validateReport(report).findings);
    expect(findings.map((f) => `${f.code} ${f.path} ${f.code === 'narrative.figure' ? `${f.quantity} ${f.actual} ≠ ${f.expected}` : f.actual}`)).toEqual(FLAGGED[file] ?? []);
  });
});

describe('the sentence prefilter', () => {
  /** What follows the figure group `(?<n>…)` of a phrase: the group is closed by counting parentheses. */
  const afterFigure = (source: string): string => {
    let depth = 0;
    for (let i = source.indexOf('(?<n>'); i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) return source.slice(i + 1);
    }
    return '';
  };

  it('is sound: every phrase states its figure followed at once by a unit FIGURE_WITH_UNIT knows', () => {
    for (const quantity of NARRATIVE_FIGURES) {
      for (const phrase of quantity.phrases) {
        const units = /^\(\?:([^()]*)\)/.exec(afterFigure(phrase));
        expect(units, phrase).not.toBeNull();
        for (const unit of units![1]!.split('|')) expect(FIGURE_WITH_UNIT.test(`1${unit}`), `${quantity.key}: ${unit}`).toBe(true);
      }
    }
  });

  it('is sound for the year phrases too: each names a year as 2023年, which a sentence must have to be scanned', () => {
    for (const [name, phrase] of Object.entries(NARRATIVE_YEAR_PHRASES)) expect(phrase, name).toMatch(/\(\?<y>\\d\{4\}\)年/);
  });
});

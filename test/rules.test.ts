import { describe, expect, it } from 'vitest';
import { buildReport, MESSAGES, RULES, validateReport, type Finding, type Locale, type Report, type RuleCode } from '../src/index.js';
import { exampleFinding } from '../scripts/rules-doc.js';
import { busyReport2019, busyReport2021, previousOfBusy2021, readExample } from './fixtures/reports.js';

const codes = (findings: Finding[]) => findings.map((f) => f.code);

/** The one finding of `code` at `path`, failing the test when there is not exactly one. */
function only(findings: Finding[], code: string, path: string): Finding {
  const matches = findings.filter((f) => f.code === code && f.path === path);
  expect(matches, `${code} at ${path} in ${JSON.stringify(codes(findings))}`).toHaveLength(1);
  return matches[0]!;
}

describe('valid reports pass every rule', () => {
  it.each([
    ['the built 2021 report', busyReport2021()],
    ['the built 2019 report', busyReport2019()],
    ['the 汴东 2021 example', readExample('biandong-2021.json')],
  ])('%s has no finding at all', (_, report) => {
    expect(validateReport(report, { previous: undefined })).toMatchObject({ ok: true, findings: [] });
  });

  it('the 上海 2019 example has only cell.blank warnings, never on a 总计 cell', () => {
    const result = validateReport(readExample('shanghai-2019.json'));
    expect(result.ok).toBe(true);
    expect(new Set(codes(result.findings))).toEqual(new Set(['cell.blank']));
    expect(result.findings.filter((f) => f.path.endsWith('/total'))).toEqual([]);
  });

  it('the continuity rules pass with a consistent previous report', () => {
    expect(validateReport(busyReport2021(), { previous: previousOfBusy2021() }).findings).toEqual([]);
  });
});

describe('applications (table 三)', () => {
  it('applications.balance: 一 + 二 = 三 + 四 in each column', () => {
    const report = busyReport2021();
    report.applications.carriedForward.commercialEnterprise = 1;
    report.applications.carriedForward.total = 5;
    const findings = validateReport(report).findings;
    const f = only(findings, 'applications.balance', '/applications/carriedForward/commercialEnterprise');
    expect(f).toMatchObject({ severity: 'error', expected: 0, actual: 1 });
    expect(f.cells).toEqual([
      '/applications/carriedForward/commercialEnterprise',
      '/applications/received/commercialEnterprise',
      '/applications/carriedOver/commercialEnterprise',
      '/applications/outcomes/total/commercialEnterprise',
    ]);
    only(findings, 'applications.balance', '/applications/carriedForward/total');
    expect(f.message).toBe('四、结转下年度继续办理 · 商业企业：应为 0，实为 1（第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('applications.outcomeTotal: （七）总计 is the sum of every outcome leaf, （六） rows included', () => {
    const report = busyReport2021();
    report.applications.outcomes.otherHandling.other.naturalPerson = 1;
    report.applications.outcomes.otherHandling.other.total = 1;
    const findings = validateReport(report).findings;
    const f = only(findings, 'applications.outcomeTotal', '/applications/outcomes/total/naturalPerson');
    expect(f).toMatchObject({ expected: 40, actual: 39 });
    expect(f.cells).toHaveLength(1 + 2 + 8 + 3 + 5 + 3);
    expect(f.cells).toContain('/applications/outcomes/otherHandling/other/naturalPerson');
    expect(f.message).toBe('三、本年度办理结果（七）总计 · 自然人：应为 40，实为 39（各项办理结果之和）');
  });

  it('applications.outcomeTotal in the 2019 edition reads （六）其他处理 as one row', () => {
    const report = busyReport2019();
    report.applications.outcomes.otherHandling.naturalPerson = 2;
    const f = only(validateReport(report).findings, 'applications.outcomeTotal', '/applications/outcomes/total/naturalPerson');
    expect(f.cells).toContain('/applications/outcomes/otherHandling/naturalPerson');
    expect(f.cells).toHaveLength(1 + 2 + 8 + 3 + 5 + 1);
  });

  it('applications.applicantTotal: 总计 is the sum of the six applicant columns', () => {
    const report = busyReport2021();
    report.applications.received.total = 46;
    const f = only(validateReport(report, { locale: 'en' }).findings, 'applications.applicantTotal', '/applications/received/total');
    expect(f).toMatchObject({ expected: 47, actual: 46 });
    expect(f.message).toContain('一、本年新收政府信息公开申请数量 · 总计');
    expect(f.message).toContain('expected 47');
  });

  it('blank totals are derived before the sums are checked (上海 leaves the 总计 column blank)', () => {
    const report = busyReport2021();
    report.applications.outcomes.granted.total = null;
    report.applications.outcomes.total = { ...report.applications.outcomes.total, naturalPerson: null, total: null };
    expect(validateReport(report).findings).toEqual([]);
    report.applications.outcomes.granted.naturalPerson = 21;
    only(validateReport(report).findings, 'applications.balance', '/applications/carriedForward/total');
  });
});

describe('reviewAndLitigation (table 四)', () => {
  it.each(['administrativeReview', 'litigationWithoutReview', 'litigationAfterReview'] as const)(
    'reviewAndLitigation.total holds in %s',
    (group) => {
      const report = busyReport2021();
      report.reviewAndLitigation[group].pending = 7;
      const f = only(validateReport(report).findings, 'reviewAndLitigation.total', `/reviewAndLitigation/${group}/total`);
      expect(f.cells).toEqual(['total', 'upheld', 'corrected', 'otherResult', 'pending'].map((k) => `/reviewAndLitigation/${group}/${k}`));
    },
  );

  it('names the group by its official headers', () => {
    const report = busyReport2021();
    report.reviewAndLitigation.litigationAfterReview.total = 0;
    const f = only(validateReport(report).findings, 'reviewAndLitigation.total', '/reviewAndLitigation/litigationAfterReview/total');
    expect(f.message).toBe('行政诉讼 · 复议后起诉 · 总计：应为 1，实为 0（结果维持加结果纠正加其他结果加尚未审结）');
  });
});

describe('edition.year', () => {
  it.each([
    ['2019', 2019, false],
    ['2019', 2020, false],
    ['2019', 2021, true],
    ['2021', 2021, false],
    ['2021', 2020, true],
  ] as const)('edition %s for %i: warning %s', (edition, year, warned) => {
    const report = { ...buildReport({ edition, year } as never), year } as Report;
    const result = validateReport(report);
    expect(result.ok).toBe(true);
    expect(codes(result.findings).includes('edition.year')).toBe(warned);
    if (warned) expect(only(result.findings, 'edition.year', '/edition').severity).toBe('warning');
  });
});

describe('publication.late (Article 49)', () => {
  it.each([
    ['department', '2023-01-31', false],
    ['department', '2023-02-01', true],
    ['government', '2023-03-31', false],
    ['government', '2023-04-01', true],
    ['other', '2023-12-31', false],
  ] as const)('%s publishing on %s: late %s', (publisher, publishedOn, late) => {
    const report = { ...busyReport2021(), publisher, publishedOn };
    const result = validateReport(report);
    expect(result.ok).toBe(true);
    expect(codes(result.findings).includes('publication.late')).toBe(late);
    if (late) {
      const f = only(result.findings, 'publication.late', '/publishedOn');
      expect(f).toMatchObject({ severity: 'warning', actual: publishedOn, expected: publisher === 'department' ? '2023-01-31' : '2023-03-31' });
      expect(f.message).toContain('1 天');
    }
  });
});

describe('publication.early', () => {
  it.each([
    ['2022-12-31', true],
    ['2022-06-01', true],
    ['2023-01-01', false],
  ] as const)('a 2022 report published on %s: early %s', (publishedOn, early) => {
    const result = validateReport({ ...busyReport2021(), publishedOn });
    expect(result.ok).toBe(true);
    expect(codes(result.findings).includes('publication.early')).toBe(early);
    if (early) expect(only(result.findings, 'publication.early', '/publishedOn')).toMatchObject({ expected: '2022-12-31', actual: publishedOn });
  });
});

describe('continuity (options.previous)', () => {
  it('continuity.carriedOver: this year 二 equals last year 四, per column', () => {
    const previous = previousOfBusy2021();
    previous.applications.carriedForward.naturalPerson = 2;
    previous.applications.outcomes.granted.naturalPerson = 8;
    previous.applications.outcomes.granted.total = 8;
    previous.applications.outcomes.total.naturalPerson = 8;
    previous.applications.outcomes.total.total = 8;
    previous.applications.carriedForward.total = 2;
    expect(validateReport(previous).findings).toEqual([]);
    const findings = validateReport(busyReport2021(), { previous }).findings;
    const f = only(findings, 'continuity.carriedOver', '/applications/carriedOver/naturalPerson');
    expect(f).toMatchObject({ severity: 'error', expected: 2, actual: 3, previousCells: ['/applications/carriedForward/naturalPerson'] });
    only(findings, 'continuity.carriedOver', '/applications/carriedOver/total');
  });

  it('continuity.inForce: in force = last in force + issued − repealed (a warning)', () => {
    const previous = previousOfBusy2021();
    previous.proactive.normativeDocuments.inForce = 130;
    const result = validateReport(busyReport2021(), { previous });
    expect(result.ok).toBe(true);
    const f = only(result.findings, 'continuity.inForce', '/proactive/normativeDocuments/inForce');
    expect(f).toMatchObject({ severity: 'warning', expected: 139, actual: 140 });
  });

  it('continuity.previousCount (2019 edition): items last year = last report items + change', () => {
    const previous = buildReport({
      edition: '2019',
      year: 2019,
      proactive: { licensing: { previousCount: 45, change: -5 }, fees: { previousCount: 2, change: 1 } },
    });
    const report = busyReport2019();
    expect(validateReport(report, { previous }).findings).toEqual([]);
    report.proactive.licensing.previousCount = 41;
    report.proactive.licensing.change = -9;
    only(validateReport(report, { previous }).findings, 'continuity.previousCount', '/proactive/licensing/previousCount');
  });

  it('continuity.year: a previous report of another year is flagged and not compared', () => {
    const previous = { ...previousOfBusy2021(), year: 2020 };
    const findings = validateReport(busyReport2021(), { previous }).findings;
    expect(codes(findings)).toEqual(['continuity.year']);
    expect(findings[0]).toMatchObject({ path: '/year', expected: 2021, actual: 2020 });
  });

  it('continuity.previousInvalid: an unreadable previous report is flagged, the report itself still checked', () => {
    const result = validateReport(busyReport2021(), { previous: { edition: '2021' } });
    expect(result.ok).toBe(true);
    expect(only(result.findings, 'continuity.previousInvalid', '').message).toContain('shape.required /year');
  });

  it('a 2019 previous report feeds continuity.carriedOver of a 2021 report (table 三 is shared)', () => {
    const previous = buildReport({ edition: '2019', year: 2021, applications: { received: { naturalPerson: 2 }, carriedForward: { naturalPerson: 2 } } });
    const findings = validateReport(busyReport2021(), { previous }).findings;
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['continuity.carriedOver', '/applications/carriedOver/naturalPerson'],
      ['continuity.carriedOver', '/applications/carriedOver/total'],
    ]);
  });
});

describe('the rule catalogue', () => {
  const codes = Object.keys(RULES) as RuleCode[];

  it('every code has a severity, a rule in both languages, and a message in every language', () => {
    for (const code of codes) {
      const entry = RULES[code];
      expect(['error', 'warning', 'info'], code).toContain(entry.severity);
      expect(entry.rule.zh.length * entry.rule.en.length, code).toBeGreaterThan(0);
      for (const locale of Object.keys(MESSAGES) as Locale[]) {
        expect(typeof MESSAGES[locale][code], `${locale} ${code}`).toBe('function');
        const { message, ...values } = exampleFinding(code, locale);
        expect(message, `${locale} ${code}`).not.toMatch(/undefined|\[object|NaN/);
        // The finding carries its example values as fields: what the message was built from.
        expect(values, code).toMatchObject(entry.example);
      }
    }
  });

  it('a zh-CN message is Chinese throughout: JSON types are named in Chinese', () => {
    const typed = validateReport({ edition: '2021', year: 2021, proactive: [], applications: null, reviewAndLitigation: 'x', narrative: 5 }).findings;
    const messages = typed.filter((f) => f.code === 'shape.type').map((f) => f.message);
    expect(messages).toEqual([
      '文字部分：类型不符，应为对象，实为数字',
      '二、主动公开政府信息情况：类型不符，应为对象，实为数组',
      '三、收到和处理政府信息公开申请情况：类型不符，应为对象，实为空值',
      '四、政府信息公开行政复议、行政诉讼情况：类型不符，应为对象，实为字符串',
    ]);
    for (const message of messages) expect(message).not.toMatch(/[a-z]{3,}/);
  });

  it('a finding carries the values its message names: days late, candidates', () => {
    const report = buildReport({ edition: '2021', year: 2021, publisher: 'department', publishedOn: '2022-02-03' });
    const [late] = validateReport(report).findings;
    expect(late).toMatchObject({ code: 'publication.late', expected: '2022-01-31', actual: '2022-02-03', daysLate: 3 });
    if (late?.code === 'publication.late') expect(late.message).toContain(String(late.daysLate));
  });
});

describe('the rules see through blanks and through other errors', () => {
  it('a blank carriedForward counts as 0 in the 勾稽关系 (it is not a total)', () => {
    const report = readExample<Report>('shanghai-2019.json');
    report.applications.carriedForward.naturalPerson = null;
    const result = validateReport(report);
    expect(result.ok).toBe(false);
    expect(only(result.findings, 'applications.balance', '/applications/carriedForward/naturalPerson')).toMatchObject({ expected: 72, actual: 0 });
  });

  it('a blank carriedOver counts as 0 against last year', () => {
    const report = busyReport2021();
    report.applications.carriedOver.naturalPerson = null;
    report.applications.carriedOver.total = null;
    const f = only(validateReport(report, { previous: previousOfBusy2021() }).findings, 'continuity.carriedOver', '/applications/carriedOver/naturalPerson');
    expect(f).toMatchObject({ expected: 3, actual: 0 });
  });

  it('a shape error elsewhere does not hide the report-level rules', () => {
    const report = { ...busyReport2021(), year: 2020, publishedOn: '2021-02-01', extra: true };
    const result = validateReport(report);
    expect(codes(result.findings)).toEqual(expect.arrayContaining(['shape.unknownKey', 'edition.year', 'publication.late']));
    expect(only(result.findings, 'edition.year', '/edition')).toMatchObject({ expected: '2019', actual: '2021' });
    expect(only(result.findings, 'edition.year', '/edition').message).toBe('报告格式版本：2020 年度报告使用了 2021 年版格式，应使用 2019 年版');
  });

  it('without a readable edition, the year and dates are still checked', () => {
    const findings = validateReport({ edition: '2020', year: 1999, publishedOn: '2022-02-30' }).findings;
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['shape.edition', '/edition'],
      ['shape.year', '/year'],
      ['shape.date', '/publishedOn'],
    ]);
  });
});

describe('validateReport never throws', () => {
  const hostile: [string, unknown][] = [
    ['a getter throwing a non-Error', Object.defineProperty({ edition: '2021' }, 'year', { enumerable: true, get: () => { throw Object.create(null); } })],
    ['a getter throwing an object whose toString throws', Object.defineProperty({ edition: '2021' }, 'year', { enumerable: true, get: () => { throw { toString: () => { throw new Error('no'); } }; } })],
    ['a revoked Proxy', (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()],
  ];
  it.each(hostile)('on %s', (_, input) => {
    const result = validateReport(input);
    expect(result.ok).toBe(false);
    expect(codes(result.findings)).toContain('shape.unreadable');
  });

  it('on hostile options, or none', () => {
    const options = Object.defineProperty({}, 'locale', { get: () => { throw new Error('no'); } });
    expect(codes(validateReport(busyReport2021(), options).findings)).toEqual(['shape.unreadable']);
    expect(validateReport(busyReport2021(), null as never).ok).toBe(true);
  });

  it('on a hostile previous report: the report itself is still judged', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const result = validateReport(busyReport2021(), { previous: revoked.proxy });
    expect(result.ok).toBe(true);
    expect(codes(result.findings)).toEqual(['continuity.previousInvalid']);
  });
});

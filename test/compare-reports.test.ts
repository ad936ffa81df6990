/**
 * compareReports: one change per cell whose figure differs, with its
 * labels; the continuity.* findings; trend.jump at and around its
 * thresholds; reports that do not read; reports of the two editions.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, compareReports, type Report2021 } from '../src/index.js';
import { busyReport2019, busyReport2021, previousOfBusy2021 } from './fixtures/reports.js';

const at = (findings: { code: string; path: string }[]) => findings.map((f) => `${f.code} ${f.path}`);

/** A 2021 report of `year` whose 行政许可 decisions and 收费 amount are given. */
const withFigures = (year: number, decisions: number | null, amount: string | null = '0') =>
  buildReport({ edition: '2021', year, proactive: { licensing: { decisions }, fees: { amount } } });

describe('compareReports: the changes', () => {
  it('the same figures: no change, no finding', () => {
    const previous = { ...busyReport2021(), year: 2021 };
    delete (previous as Partial<Report2021>).publishedOn;
    expect(compareReports(previous, busyReport2021(), {})).toMatchObject({ changes: [] });
  });

  it('one change per cell that differs, with the official labels of its row and column', () => {
    const { changes } = compareReports(withFigures(2021, 8), withFigures(2022, 12));
    expect(changes).toEqual([
      {
        path: '/proactive/licensing/decisions',
        label: '第二十条第（五）项 · 行政许可 · 本年处理决定数量',
        row: '第二十条第（五）项 · 行政许可',
        column: '本年处理决定数量',
        previous: 8,
        current: 12,
        delta: 4,
        ratio: 1.5,
      },
    ]);
  });

  it('table 三: every cell that differs, totals included, in the order of the form', () => {
    const { changes } = compareReports(previousOfBusy2021(), busyReport2021());
    expect(changes.map((c) => c.path)).toContain('/applications/received/total');
    const received = changes.find((c) => c.path === '/applications/received/naturalPerson')!;
    expect(received).toMatchObject({ row: '一、本年新收政府信息公开申请数量', column: '自然人', previous: 10, current: 40, delta: 30, ratio: 4 });
    const paths = changes.map((c) => c.path);
    expect(paths.indexOf('/applications/received/naturalPerson')).toBeLessThan(paths.indexOf('/applications/carriedForward/naturalPerson'));
  });

  it('amounts: delta as a decimal string, ratio exact to four decimals', () => {
    const [change] = compareReports(withFigures(2021, 0, '12.5'), withFigures(2022, 0, '3.1251')).changes;
    expect(change).toMatchObject({ path: '/proactive/fees/amount', previous: '12.5000', current: '3.1251', delta: '-9.3749', ratio: 0.25 });
    expect(compareReports(withFigures(2021, 0, '0.1'), withFigures(2022, 0, '0.3')).changes[0]).toMatchObject({ delta: '0.2000', ratio: 3 });
  });

  it('a blank counts as 0: blank against 0 is no change; blank against 5 is, with previous null and no ratio', () => {
    expect(compareReports(withFigures(2021, null), withFigures(2022, 0)).changes).toEqual([]);
    expect(compareReports(withFigures(2021, null), withFigures(2022, 5)).changes).toMatchObject([{ previous: null, current: 5, delta: 5, ratio: null }]);
    expect(compareReports(withFigures(2021, 0, null), withFigures(2022, 0, '0')).changes).toEqual([]);
  });

  it('a 2019-edition report against a 2021 one: the cells they share', () => {
    const previous = buildReport({ edition: '2019', year: 2020, proactive: { licensing: { decisions: 1200 }, fees: { previousCount: 3 } }, applications: { carriedForward: { naturalPerson: 3 }, received: { naturalPerson: 3 } } });
    const { changes, findings } = compareReports(previous, busyReport2021());
    expect(changes.map((c) => c.path)).toContain('/proactive/licensing/decisions');
    expect(changes.some((c) => c.path.startsWith('/proactive/regulations') || c.path.startsWith('/proactive/fees'))).toBe(false);
    expect(at(findings)).toContain('continuity.year /year');
  });

  it('signed changes (2019 本年增/减) are compared, never a jump, with no ratio', () => {
    const previous = { ...busyReport2019(), year: 2019 };
    const current = busyReport2019();
    current.proactive.licensing.change = -80;
    current.proactive.licensing.previousCount = 32;
    const { changes, findings } = compareReports(previous, current);
    expect(changes.find((c) => c.path === '/proactive/licensing/change')).toMatchObject({ previous: -8, current: -80, delta: -72, ratio: null });
    expect(findings.filter((f) => f.code === 'trend.jump').map((f) => f.path)).not.toContain('/proactive/licensing/change');
  });
});

describe('compareReports: trend.jump', () => {
  it.each([
    [2, 10, true, 5],
    [2, 9, false, 4.5],
    [10, 49, false, 4.9],
    [10, 50, true, 5],
    [10, 2, true, 0.2],
    [10, 3, false, 0.3],
    [15, 3, true, 0.2],
    [0, 10, true, null],
    [0, 9, false, null],
    [9, 0, false, 0],
    [10, 0, true, 0],
  ] as const)('%i → %i: a jump %s (ratio %s)', (previous, current, jumped, ratio) => {
    const { changes, findings } = compareReports(withFigures(2021, previous), withFigures(2022, current));
    expect(changes[0]!.ratio).toBe(ratio);
    expect(at(findings)).toEqual(jumped ? ['trend.jump /proactive/licensing/decisions'] : []);
    if (jumped) expect(findings[0]).toMatchObject({ severity: 'warning', previous, actual: current, ratio, cells: ['/proactive/licensing/decisions'] });
  });

  it('the thresholds are options', () => {
    expect(at(compareReports(withFigures(2021, 4), withFigures(2022, 12), { grewTo: 3 }).findings)).toEqual(['trend.jump /proactive/licensing/decisions']);
    expect(at(compareReports(withFigures(2021, 10), withFigures(2022, 50), { grewTo: 6 }).findings)).toEqual([]);
    expect(at(compareReports(withFigures(2021, 10), withFigures(2022, 4), { fellTo: 0.5 }).findings)).toEqual(['trend.jump /proactive/licensing/decisions']);
    expect(at(compareReports(withFigures(2021, 2), withFigures(2022, 10), { atLeast: 11 }).findings)).toEqual([]);
  });

  it('amounts jump too, compared exactly', () => {
    expect(at(compareReports(withFigures(2021, 0, '2.0002'), withFigures(2022, 0, '10.001')).findings)).toEqual(['trend.jump /proactive/fees/amount']);
    expect(at(compareReports(withFigures(2021, 0, '2.0002'), withFigures(2022, 0, '10.0009')).findings)).toEqual([]);
  });

  it('says the figures in either language', () => {
    const [zh] = compareReports(withFigures(2021, 12), withFigures(2022, 95)).findings;
    expect(zh!.message).toBe('第二十条第（五）项 · 行政许可 · 本年处理决定数量：由上年 12 增至 95（7.9167 倍），请核实');
    const [en] = compareReports(withFigures(2021, 60), withFigures(2022, 3), { locale: 'en' }).findings;
    expect(en!.message).toBe('第二十条第（五）项 · 行政许可 · 本年处理决定数量 (administrative licensing · decisions this year): fell from 60 last year to 3 (×0.05); worth a second look');
  });
});

describe('compareReports: continuity and unreadable reports', () => {
  it('the continuity.* findings of validateReport with previous come back, first', () => {
    const previous = previousOfBusy2021();
    previous.applications.carriedForward.naturalPerson = 2;
    previous.applications.carriedForward.total = 2;
    previous.applications.outcomes.granted.naturalPerson = 8;
    previous.applications.outcomes.granted.total = 8;
    previous.applications.outcomes.total.naturalPerson = 8;
    previous.applications.outcomes.total.total = 8;
    const { findings } = compareReports(previous, busyReport2021());
    expect(at(findings).filter((f) => f.startsWith('continuity.'))).toEqual([
      'continuity.carriedOver /applications/carriedOver/naturalPerson',
      'continuity.carriedOver /applications/carriedOver/total',
    ]);
    expect(findings[0]).toMatchObject({ severity: 'error', expected: 2, actual: 3 });
    expect(findings.findIndex((f) => f.code === 'trend.jump')).toBeGreaterThan(1);
  });

  it('continuity.year when the reports are not of consecutive years; the cells are still compared', () => {
    const { changes, findings } = compareReports(withFigures(2020, 8), withFigures(2022, 12));
    expect(at(findings)).toEqual(['continuity.year /year']);
    expect(changes).toHaveLength(1);
  });

  it('a report that does not read: its findings under /previous or /current, and no change', () => {
    expect(at(compareReports({ edition: '2021' }, busyReport2021()).findings)).toEqual([
      'shape.required /previous/year',
      'shape.required /previous/proactive',
      'shape.required /previous/applications',
      'shape.required /previous/reviewAndLitigation',
      'continuity.previousInvalid ',
    ]);
    const result = compareReports(previousOfBusy2021(), 42);
    expect(result).toMatchObject({ changes: [] });
    expect(at(result.findings)).toEqual(['shape.type /current']);
    expect(() => compareReports(undefined, undefined, null as never)).not.toThrow();
  });
});

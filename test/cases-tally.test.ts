import { describe, expect, it } from 'vitest';
import { tallyApplications, type CaseRecord, type OutcomeId } from '../src/cases.js';
import { buildReport, validateReport, type Applications2019 } from '../src/index.js';

const rec = (id: string, receivedOn: string, closed?: [string, string], extra: Partial<CaseRecord> = {}): CaseRecord => ({
  id,
  applicant: 'naturalPerson',
  receivedOn,
  ...(closed && { outcome: closed[0] as OutcomeId, closedOn: closed[1] }),
  ...extra,
});

describe('cases.md §2: the four rows', () => {
  const register = [
    rec('received-in-Y', '2024-03-01', ['granted', '2024-03-20']),
    rec('carried-over-open', '2023-12-28'),
    rec('carried-over-closed-in-Y', '2023-12-20', ['partiallyGranted', '2024-01-02']),
    rec('closed-before-Y', '2023-11-01', ['granted', '2023-11-20']),
    rec('closed-on-last-day-before-Y', '2023-12-01', ['granted', '2023-12-31']),
    rec('received-in-Y-closed-after', '2024-12-20', ['granted', '2025-01-10']),
    rec('received-in-Y-open', '2024-12-30'),
    rec('received-after-Y', '2025-01-02', ['granted', '2025-01-06']),
  ];
  const { applications: a, findings } = tallyApplications(register, { year: 2024 });

  it('counts each record in 一 or 二 and in 三 or 四', () => {
    expect(a.received.naturalPerson).toBe(3);
    expect(a.carriedOver.naturalPerson).toBe(2);
    expect(a.outcomes.granted.naturalPerson).toBe(1);
    expect(a.outcomes.partiallyGranted.naturalPerson).toBe(1);
    expect(a.outcomes.total.total).toBe(2);
    expect(a.carriedForward.naturalPerson).toBe(3);
    expect(a.received.total! + a.carriedOver.total!).toBe(a.outcomes.total.total! + a.carriedForward.total!);
  });

  it('fills every total and validates with no applications.* error', () => {
    const report = buildReport({ edition: '2021', year: 2024, applications: a });
    expect(validateReport(report).findings.filter((f) => f.code.startsWith('applications.'))).toEqual([]);
    expect(a.received.total).toBe(3);
  });

  it('finds the overdue record carried over from last year', () => {
    expect(findings.map((f) => [f.code, f.path])).toEqual([['case.overdue', '/cases/1']]);
  });

  it("Y's 结转下年度 is Y + 1's 上年结转", () => {
    for (const year of [2022, 2023, 2024]) {
      expect(tallyApplications(register, { year }).applications.carriedForward).toEqual(tallyApplications(register, { year: year + 1 }).applications.carriedOver);
    }
  });
});

describe('columns, outcomes and editions', () => {
  it('puts each applicant in its column, by key or by label', () => {
    const { applications } = tallyApplications(
      [
        rec('1', '2024-03-01', undefined, { applicant: 'legalServiceAgency' }),
        { ...rec('2', '2024-03-01'), applicant: '社会公益组织' },
        { ...rec('3', '2024-03-01'), applicant: '其他' },
      ],
      { year: 2024 },
    );
    expect(applications.received).toMatchObject({ legalServiceAgency: 1, publicInterestOrganization: 1, otherOrganization: 1, naturalPerson: 0, total: 3 });
  });

  it('reads an outcome by its id, its numbering or its label', () => {
    const spellings = ['denied.stateSecret', '（三）1', '(三)1', '1.属于国家秘密', '属于国家秘密', '（三）不予公开 1.属于国家秘密', '（三）1.属于国家秘密', '(三)1、属于国家秘密'];
    const register = spellings.map((outcome, i) => ({ ...rec(String(i), '2024-03-01'), outcome, closedOn: '2024-03-05' }));
    const { applications, findings } = tallyApplications(register, { year: 2024 });
    expect(findings).toEqual([]);
    expect(applications.outcomes.denied.stateSecret.naturalPerson).toBe(spellings.length);
  });

  it('reads “三安全一稳定” typed with straight quotes', () => {
    const register = ['3.危及"三安全一稳定"', '（三）3.危及“三安全一稳定”'].map((outcome, i) => ({ ...rec(String(i), '2024-03-01'), outcome, closedOn: '2024-03-05' }));
    const { applications, findings } = tallyApplications(register, { year: 2024 });
    expect(findings).toEqual([]);
    expect(applications.outcomes.denied.endangersSecurityOrStability.total).toBe(2);
  });

  it('counting into edition 2019, a record may name its own （六）其他处理 row; into 2021 that row does not exist', () => {
    const spellings = ['otherHandling', '（六）', '(六)其他处理', '其他处理'];
    const register = spellings.map((outcome, i) => ({ ...rec(String(i), '2020-03-02'), outcome, closedOn: '2020-03-10' }));
    const a: Applications2019 = tallyApplications(register, { year: 2020, edition: '2019' }).applications;
    expect(a.outcomes.otherHandling.total).toBe(spellings.length);
    expect(tallyApplications(register, { year: 2020 }).findings.map((f) => f.code)).toEqual(spellings.map(() => 'case.shape'));
  });

  it('edition 2019 puts the three otherHandling rows into its one （六）其他处理', () => {
    const register = ['otherHandling.noCorrectionInTime', 'otherHandling.feeNotPaidInTime', 'otherHandling.other', 'granted'].map((outcome, i) => ({
      ...rec(String(i), '2020-03-02'),
      outcome,
      closedOn: '2020-03-10',
    }));
    const { applications } = tallyApplications(register, { year: 2020, edition: '2019' });
    const a: Applications2019 = applications;
    expect(a.outcomes.otherHandling.naturalPerson).toBe(3);
    expect(a.outcomes.total.total).toBe(4);
    expect(validateReport(buildReport({ edition: '2019', year: 2020, applications: a })).findings.filter((f) => f.code.startsWith('applications.'))).toEqual([]);
  });

  it('ignores unknown keys without a finding', () => {
    const { findings, applications } = tallyApplications([{ ...rec('1', '2024-03-01', ['granted', '2024-03-05']), 申请人姓名: '张三', handler: { name: 'x' } }], { year: 2024 });
    expect(findings).toEqual([]);
    expect(applications.received.total).toBe(1);
  });
});

describe('reading', () => {
  it('reads a record that is not a plain object (a class with getters) by its fields, as a plain one', () => {
    class Application {
      readonly id = '2024-009';
      readonly applicant = 'naturalPerson';
      readonly receivedOn = '2024-03-01';
      get outcome() {
        return 'granted';
      }
      get closedOn() {
        return '2024-03-20';
      }
    }
    const plain = { id: '2024-009', applicant: 'naturalPerson', receivedOn: '2024-03-01', outcome: 'granted', closedOn: '2024-03-20' };
    const [ours, theirs] = [tallyApplications([new Application()], { year: 2024 }), tallyApplications([plain], { year: 2024 })];
    expect(ours).toEqual(theirs);
    expect(ours.applications.outcomes.granted.naturalPerson).toBe(1);
    expect(ours.findings).toEqual([]);
  });

  it('reads any iterable once: a generator', () => {
    let pulled = 0;
    function* register() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield rec(`g-${i}`, '2024-05-06', ['granted', '2024-05-20']);
      }
    }
    const { applications } = tallyApplications(register(), { year: 2024 });
    expect(pulled).toBe(1000);
    expect(applications.outcomes.granted.total).toBe(1000);
  });

  it('lists every finding of a large register (no cap of 500 per code)', () => {
    const register = Array.from({ length: 1200 }, (_, i) => rec(`late-${i}`, '2024-03-01', ['granted', '2024-06-28']));
    expect(tallyApplications(register, { year: 2024 }).findings.filter((f) => f.code === 'case.late')).toHaveLength(1200);
  });

  it('late for records closed in Y; overdue at asOf', () => {
    const register = [rec('late', '2024-09-20', ['granted', '2024-10-25']), rec('open', '2024-11-01')];
    expect(tallyApplications(register, { year: 2024 }).findings.map((f) => [f.code, (f as { caseId?: string }).caseId])).toEqual([
      ['case.late', 'late'],
      ['case.overdue', 'open'],
    ]);
    expect(tallyApplications(register, { year: 2024, asOf: '2024-11-20' }).findings.map((f) => f.code)).toEqual(['case.late']);
  });

  it('a deadline the calendar cannot reach is calendar.outOfRange; the record is still counted', () => {
    const { applications, findings } = tallyApplications([rec('old', '2018-10-08', ['granted', '2019-01-10'])], { year: 2019, edition: '2019' });
    expect(applications.carriedOver.total).toBe(1);
    expect(findings).toMatchObject([{ code: 'calendar.outOfRange', path: '/cases/0', caseId: 'old', year: 2018 }]);
  });

  it('a deadline past the calendar but certainly after the day it is compared with needs no uncovered day', () => {
    const register = [
      rec('closed-next-day', '2026-12-15', ['granted', '2026-12-16']),
      rec('open-14-working-days', '2026-12-10'),
      rec('open-with-extension', '2026-12-01', undefined, { extension: { notifiedOn: '2026-12-20', workingDays: 10 } }),
    ];
    const { applications, findings } = tallyApplications(register, { year: 2026 });
    expect(applications.received.total).toBe(3);
    expect(findings).toEqual([]);
    // 20 working days after 2026-11-25 end on 2026-12-23: overdue at the end of 2026, whatever 2027's notice says.
    expect(tallyApplications([rec('open', '2026-11-25')], { year: 2026 }).findings).toMatchObject([{ code: 'case.overdue', expected: '2026-12-23' }]);
    // Closed on 2026-12-31: its deadline, 20 working days after 2026-12-02, is 2026-12-30; late by one working day.
    expect(tallyApplications([rec('late', '2026-12-02', ['granted', '2026-12-31'])], { year: 2026 }).findings).toMatchObject([{ code: 'case.late', workingDaysLate: 1 }]);
  });

  it('a December record whose lateness needs an uncovered day is still calendar.outOfRange', () => {
    // Its unanswered consultation runs into 2027: how many days it takes out is not known, nor whether 2026-12-31 was late.
    const consulted = rec('consulted', '2026-12-01', ['granted', '2026-12-31'], { consultations: [{ with: 'thirdParty', sentOn: '2026-12-21', answeredOn: null }] });
    expect(tallyApplications([consulted], { year: 2026 }).findings).toMatchObject([{ code: 'calendar.outOfRange', path: '/cases/0', year: 2027 }]);
    // With the extension counted and still no more than 2026's working days, it is on time.
    const extended = rec('extended', '2026-12-01', ['granted', '2026-12-31'], { extension: { notifiedOn: '2026-12-20', workingDays: 10 } });
    expect(tallyApplications([extended], { year: 2026 }).findings).toEqual([]);
  });

  it('an asOf past the calendar needs no deadline of a record closed before it', () => {
    const closed = rec('closed', '2026-12-20', ['granted', '2027-01-10']);
    expect(tallyApplications([closed], { year: 2026, asOf: '2027-06-30' }).findings).toEqual([]);
    // Open at that asOf, it is overdue or not only by a 2027 day: that is calendar.outOfRange.
    expect(tallyApplications([rec('open', '2026-12-20')], { year: 2026, asOf: '2027-06-30' }).findings.map((f) => f.code)).toEqual(['calendar.outOfRange']);
  });

  it('an asOf before the end of Y keeps the warnings of records received after it', () => {
    const record = rec('after-asOf', '2024-08-01', undefined, { extension: { notifiedOn: '2024-08-02', workingDays: 25 }, correction: { requestedOn: '2024-08-30', receivedOn: null } });
    expect(tallyApplications([record], { year: 2024, asOf: '2024-06-30' }).findings.map((f) => f.code)).toEqual(['case.extensionTooLong', 'case.correctionLate']);
    expect(tallyApplications([record], { year: 2024 }).findings.map((f) => f.code)).toEqual(['case.extensionTooLong', 'case.correctionLate', 'case.overdue']);
  });

  it('refuses bad options', () => {
    expect(() => tallyApplications([], { year: 2024.5 })).toThrow(RangeError);
    expect(() => tallyApplications([], { year: 2024, edition: '2020' as '2021' })).toThrow(TypeError);
    expect(() => tallyApplications([], { year: 2024, asOf: 'today' })).toThrow(TypeError);
    expect(() => tallyApplications(5 as never, { year: 2024 })).toThrow(TypeError);
  });
});

describe('an unknown channel: informational, so the record is counted, with case.channel', () => {
  it.each([['电话'], [12345], [null]])('%s', (channel) => {
    const { applications, findings } = tallyApplications([rec('A-1', '2024-03-01', ['granted', '2024-03-05'], { channel } as never)], { year: 2024 });
    expect(applications.outcomes.granted.total).toBe(1);
    expect(findings).toMatchObject([{ code: 'case.channel', severity: 'warning', path: '/cases/0/channel', caseId: 'A-1', actual: typeof channel === 'string' ? `"${channel}"` : channel === null ? 'null' : channel }]);
  });
});

describe('malformed records: a finding with its code and path, left out of the counts, never a throw', () => {
  const good = rec('good', '2024-03-01', ['granted', '2024-03-05']);
  const r = (over: Record<string, unknown>, drop: string[] = []) => {
    const record: Record<string, unknown> = { id: 'bad', applicant: 'naturalPerson', receivedOn: '2024-03-04', ...over };
    for (const key of drop) delete record[key];
    return record;
  };
  const closed = { outcome: 'granted', closedOn: '2024-03-20' };
  const cases: [string, unknown, string, string][] = [
    ['null', null, 'case.shape', ''],
    ['a number', 42, 'case.shape', ''],
    ['an array', [], 'case.shape', ''],
    ['a string', 'A-1,自然人', 'case.shape', ''],
    ['no id', r({}, ['id']), 'case.shape', '/id'],
    ['a numeric id', r({ id: 7 }), 'case.shape', '/id'],
    ['an empty id', r({ id: ' ' }), 'case.shape', '/id'],
    ['no applicant', r({}, ['applicant']), 'case.shape', '/applicant'],
    ['an unknown applicant', r({ applicant: 'person' }), 'case.shape', '/applicant'],
    ['a numeric applicant', r({ applicant: 1 }), 'case.shape', '/applicant'],
    ['no receivedOn', r({}, ['receivedOn']), 'case.shape', '/receivedOn'],
    ['2024-02-30', r({ receivedOn: '2024-02-30' }), 'case.shape', '/receivedOn'],
    ['a slashed date', r({ receivedOn: '2024/03/04' }), 'case.shape', '/receivedOn'],
    ['a numeric date', r({ receivedOn: 20240304 }), 'case.shape', '/receivedOn'],
    ['an unpadded date', r({ receivedOn: '2024-3-4' }), 'case.shape', '/receivedOn'],
    ['a date with a time', r({ receivedOn: '2024-03-04T09:00' }), 'case.shape', '/receivedOn'],
    ['onTheSpot as text', r({ onTheSpot: 'yes' }), 'case.shape', '/onTheSpot'],
    ['correction as text', r({ correction: '2024-03-05' }), 'case.shape', '/correction'],
    ['correction without requestedOn', r({ correction: {} }), 'case.shape', '/correction/requestedOn'],
    ['correction received "soon"', r({ correction: { requestedOn: '2024-03-05', receivedOn: 'soon' } }), 'case.shape', '/correction/receivedOn'],
    ['extension of 0 days', r({ extension: { notifiedOn: '2024-03-20', workingDays: 0 } }), 'case.shape', '/extension/workingDays'],
    ['extension of 2.5 days', r({ extension: { notifiedOn: '2024-03-20', workingDays: 2.5 } }), 'case.shape', '/extension/workingDays'],
    ['extension of "20"', r({ extension: { notifiedOn: '2024-03-20', workingDays: '20' } }), 'case.shape', '/extension/workingDays'],
    ['extension without notifiedOn', r({ extension: { workingDays: 5 } }), 'case.shape', '/extension/notifiedOn'],
    ['consultations as an object', r({ consultations: {} }), 'case.shape', '/consultations'],
    ['a consultation that is a number', r({ consultations: [5] }), 'case.shape', '/consultations/0'],
    ['a consultation with a court', r({ consultations: [{ with: 'court', sentOn: '2024-03-05', answeredOn: null }] }), 'case.shape', '/consultations/0/with'],
    ['a consultation sent "x"', r({ consultations: [{ with: 'agency', sentOn: 'x', answeredOn: null }] }), 'case.shape', '/consultations/0/sentOn'],
    ['a bad delayedUntil', r({ delayedUntil: '2024-13-01' }), 'case.shape', '/delayedUntil'],
    ['an unknown outcome', r({ ...closed, outcome: 'approved' }), 'case.shape', '/outcome'],
    ['a numeric outcome', r({ ...closed, outcome: 5 }), 'case.shape', '/outcome'],
    ['the 2019 edition id', r({ ...closed, outcome: 'otherHandling' }), 'case.shape', '/outcome'],
    ['a bad closedOn', r({ ...closed, closedOn: '2024-02-30' }), 'case.shape', '/closedOn'],
    ['an outcome without closedOn', r({ outcome: 'granted' }), 'case.outcomeWithoutClose', '/closedOn'],
    ['a closedOn without outcome', r({ closedOn: '2024-03-20' }), 'case.closeWithoutOutcome', '/outcome'],
    ['closed before received', r({ ...closed, closedOn: '2024-03-01' }), 'case.dateOrder', '/closedOn'],
    ['correction requested before receipt', r({ correction: { requestedOn: '2024-03-01', receivedOn: null } }), 'case.dateOrder', '/correction/requestedOn'],
    ['correction received before requested', r({ correction: { requestedOn: '2024-03-08', receivedOn: '2024-03-06' } }), 'case.dateOrder', '/correction/receivedOn'],
    ['a consultation answered before sent', r({ consultations: [{ with: 'thirdParty', sentOn: '2024-03-08', answeredOn: '2024-03-06' }] }), 'case.dateOrder', '/consultations/0/answeredOn'],
    ['delayedUntil before receipt', r({ delayedUntil: '2024-03-01' }), 'case.dateOrder', '/delayedUntil'],
    ['a second record with the same id', { ...good }, 'case.duplicateId', '/id'],
  ];

  it(`has at least 30 (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', (_, bad, code, path) => {
    const { applications, findings } = tallyApplications([good, bad], { year: 2024 });
    expect(findings.map((f) => [f.code, f.path])).toEqual([[code, `/cases/1${path}`]]);
    expect(findings[0]!.severity).toBe('error');
    const hasId = typeof bad === 'object' && bad !== null && typeof (bad as { id?: unknown }).id === 'string' && (bad as { id: string }).id.trim() !== '';
    expect((findings[0] as { caseId?: string }).caseId).toBe(hasId ? (bad as { id: string }).id : undefined);
    expect(applications.received.total).toBe(1);
    expect(applications.outcomes.total.total).toBe(1);
  });

  it('says every problem of one record', () => {
    const { findings } = tallyApplications([{ id: 'x', applicant: 'robot', receivedOn: 'soon', outcome: 'maybe', closedOn: 'later' }], { year: 2024 });
    expect(findings.map((f) => f.path)).toEqual(['/cases/0/applicant', '/cases/0/receivedOn', '/cases/0/closedOn', '/cases/0/outcome']);
  });
});

describe('the id set behind case.duplicateId', () => {
  it('finds every repeat among 100,000 ids, as a Set does, with or without a size given', async () => {
    const { IdSet } = await import('../src/cases/ids.js');
    const ids = Array.from({ length: 100_000 }, (_, i) => `R-${(i * 7919) % 60_000}`);
    for (const expected of [0, ids.length]) {
      const ours = new IdSet(expected);
      const set = new Set<string>();
      expect(ids.map((id) => ours.add(id))).toEqual(ids.map((id) => set.size !== set.add(id).size));
    }
  });
});

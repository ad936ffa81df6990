import { describe, expect, it } from 'vitest';
import { createCalendar } from '../src/cases/calendar.js';
import { replyDeadline } from '../src/cases/deadline.js';
import type { CaseRecord } from '../src/cases/record.js';
import { oracleWorkday } from './fixtures/chinese-days.js';

/** The n-th working day after `date` by chinese-days: an oracle independent of ours. */
const oracle = (date: string, n: number) => oracleWorkday(date, n);

const base = { id: 'A-1', applicant: 'naturalPerson', receivedOn: '2024-09-20' } as const satisfies CaseRecord;
const codes = (record: unknown, options = {}) => replyDeadline(record, options).findings.map((f) => f.code);

describe('第三十三条: 20 working days after receipt', () => {
  it('counts from the day after receipt, over 国庆节 and its make-up days', () => {
    expect(replyDeadline(base)).toMatchObject({ dueOn: '2024-10-23', lateBy: null, findings: [], basis: { kind: 'workingDays', period: 20, startOn: '2024-09-20' } });
    expect(oracle('2024-09-20', 20)).toBe('2024-10-23');
  });

  it('a reply on the deadline is on time; after it is late by the working days after it', () => {
    expect(replyDeadline({ ...base, outcome: 'granted', closedOn: '2024-10-23' })).toMatchObject({ lateBy: 0, findings: [] });
    const late = replyDeadline({ ...base, outcome: 'granted', closedOn: '2024-10-25' });
    expect(late.lateBy).toBe(2);
    expect(late.findings).toMatchObject([{ code: 'case.late', severity: 'warning', path: '/closedOn', caseId: 'A-1', expected: '2024-10-23', actual: '2024-10-25', workingDaysLate: 2 }]);
  });

  it('a reply on the rest day after the deadline is late, by 0 working days', () => {
    // 2024-11-15 is a Friday deadline for a receipt on 2024-10-18.
    const record = { ...base, receivedOn: '2024-10-18', outcome: 'granted', closedOn: '2024-11-16' };
    expect(replyDeadline(record)).toMatchObject({ dueOn: '2024-11-15', lateBy: 0, findings: [{ code: 'case.late', workingDaysLate: 0 }] });
  });

  it.each([
    ['the 2020 春节 extension', '2020-01-10'],
    ['2024: 除夕 worked', '2024-01-25'],
    ['2025: 除夕 off', '2025-01-20'],
    ['the 2019 Labour Day change', '2019-05-20'],
    ['a make-up Sunday deadline', '2024-01-08'],
    ['a receipt on a holiday', '2024-10-03'],
  ])('across %s it agrees with chinese-days', (_, receivedOn) => {
    expect(replyDeadline({ ...base, receivedOn }).dueOn).toBe(oracle(receivedOn, 20));
  });
});

describe('on the spot, 第三十五条, 补正', () => {
  it('on the spot: the deadline is the day of receipt', () => {
    expect(replyDeadline({ ...base, onTheSpot: true })).toMatchObject({ dueOn: '2024-09-20', basis: { kind: 'onTheSpot' } });
    expect(codes({ ...base, onTheSpot: true, outcome: 'granted', closedOn: '2024-09-23' })).toEqual(['case.late']);
  });

  it('第三十五条: delayedUntil replaces the deadline', () => {
    expect(replyDeadline({ ...base, delayedUntil: '2025-03-31' })).toMatchObject({ dueOn: '2025-03-31', basis: { kind: 'delayedUntil' } });
    expect(codes({ ...base, delayedUntil: '2025-03-31', outcome: 'granted', closedOn: '2025-03-31' })).toEqual([]);
  });

  it('补正: the period restarts in full from the corrected application', () => {
    const record = { ...base, correction: { requestedOn: '2024-09-24', receivedOn: '2024-10-15' } };
    expect(replyDeadline(record)).toMatchObject({ dueOn: oracle('2024-10-15', 20), basis: { restarted: true, startOn: '2024-10-15' } });
  });

  it('补正 not yet received: the period runs from receipt', () => {
    expect(replyDeadline({ ...base, correction: { requestedOn: '2024-09-24', receivedOn: null } }).dueOn).toBe('2024-10-23');
    expect(replyDeadline({ ...base, correction: { requestedOn: '2024-09-24' } }).dueOn).toBe('2024-10-23');
  });

  it('补正 is requested within 7 working days of receipt (第三十条)', () => {
    const seventh = oracle('2024-09-20', 7); // the make-up Sunday 09-29 counts
    expect(seventh).toBe('2024-09-30');
    expect(codes({ ...base, correction: { requestedOn: seventh, receivedOn: null } })).toEqual([]);
    // 10-08 is the next working day after 09-30: one working day late, across 国庆节.
    const late = replyDeadline({ ...base, correction: { requestedOn: '2024-10-08', receivedOn: null } });
    expect(late.findings).toMatchObject([{ code: 'case.correctionLate', path: '/correction/requestedOn', expected: '2024-09-30', actual: '2024-10-08', workingDaysLate: 1 }]);
  });

  it('the 7-day rule is not applied before 2019-05-15 (the 2007 条例 had none)', () => {
    expect(codes({ ...base, receivedOn: '2019-03-01', correction: { requestedOn: '2019-04-01', receivedOn: null } })).toEqual([]);
  });
});

describe('延期 and 征求意见', () => {
  it('an extension notified by the unextended deadline adds its working days', () => {
    const record = { ...base, extension: { notifiedOn: '2024-10-23', workingDays: 20 } };
    expect(replyDeadline(record)).toMatchObject({ dueOn: oracle('2024-09-20', 40), findings: [], basis: { extension: 20 } });
  });

  it('more than 20 working days: case.extensionTooLong, and 20 count', () => {
    const result = replyDeadline({ ...base, extension: { notifiedOn: '2024-10-21', workingDays: 25 } });
    expect(result.findings).toMatchObject([{ code: 'case.extensionTooLong', path: '/extension/workingDays', expected: 20, actual: 25 }]);
    expect(result.dueOn).toBe(oracle('2024-09-20', 40));
  });

  it('notified after the unextended deadline: case.extensionLate, and it does not extend', () => {
    const result = replyDeadline({ ...base, extension: { notifiedOn: '2024-10-24', workingDays: 10 }, outcome: 'granted', closedOn: '2024-10-30' });
    expect(result.findings).toMatchObject([
      { code: 'case.extensionLate', path: '/extension/notifiedOn', expected: '2024-10-23', actual: '2024-10-24' },
      { code: 'case.late', expected: '2024-10-23', actual: '2024-10-30', workingDaysLate: 5 },
    ]);
  });

  it('consultation time answered is not counted', () => {
    // Sent 2024-09-23, answered 2024-09-27: 4 working days after sending.
    const record = { ...base, consultations: [{ with: 'thirdParty', sentOn: '2024-09-23', answeredOn: '2024-09-27' }] };
    expect(replyDeadline(record)).toMatchObject({ dueOn: oracle('2024-09-20', 24), basis: { excluded: 4 } });
  });

  it('an unanswered consultation takes the 15 working days the law gives', () => {
    const record = { ...base, consultations: [{ with: 'agency', sentOn: '2024-09-23', answeredOn: null }] };
    expect(replyDeadline(record)).toMatchObject({ dueOn: oracle('2024-09-20', 35), basis: { excluded: 15 } });
  });

  it('overlapping consultations count their days once', () => {
    const record = {
      ...base,
      consultations: [
        { with: 'thirdParty', sentOn: '2024-09-23', answeredOn: '2024-09-27' },
        { with: 'agency', sentOn: '2024-09-25', answeredOn: '2024-09-30' },
      ],
    };
    // 09-24…09-27 and 09-26…09-30 (with the make-up Sunday 09-29): 6 working days, not 4 + 4.
    expect(replyDeadline(record).basis).toMatchObject({ excluded: 6 });
  });
});

describe('the 2019-05-15 switch (2007 条例 第二十四条: 15 + 15)', () => {
  it('received 2019-05-14: 15 working days; 2019-05-15: 20', () => {
    expect(replyDeadline({ ...base, receivedOn: '2019-05-14' })).toMatchObject({ dueOn: oracle('2019-05-14', 15), basis: { period: 15 } });
    expect(replyDeadline({ ...base, receivedOn: '2019-05-15' })).toMatchObject({ dueOn: oracle('2019-05-15', 20), basis: { period: 20 } });
  });

  it('before the switch an extension is at most 15', () => {
    const result = replyDeadline({ ...base, receivedOn: '2019-04-01', extension: { notifiedOn: '2019-04-10', workingDays: 20 } });
    expect(result.findings).toMatchObject([{ code: 'case.extensionTooLong', expected: 15, actual: 20 }]);
    expect(result.dueOn).toBe(oracle('2019-04-01', 30));
  });
});

describe('the calendar and open cases', () => {
  it('a deadline past the calendar is calendar.outOfRange, not a guess', () => {
    const result = replyDeadline({ ...base, receivedOn: '2026-12-20' });
    expect(result).toMatchObject({ dueOn: null, lateBy: null, basis: null });
    expect(result.findings).toMatchObject([{ code: 'calendar.outOfRange', severity: 'error', path: '', caseId: 'A-1', year: 2027 }]);
  });

  it('a calendar with the 2027 notice gives it', () => {
    const calendar = createCalendar({ years: { 2027: { notice: '国办发明电〔2026〕99号', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] } } });
    expect(replyDeadline({ ...base, receivedOn: '2026-12-20' }, { calendar }).dueOn).toBe('2027-01-18');
  });

  it('open past its deadline at asOf: case.overdue', () => {
    expect(codes(base, { asOf: '2024-10-23' })).toEqual([]);
    expect(replyDeadline(base, { asOf: '2024-10-28' }).findings).toMatchObject([
      { code: 'case.overdue', path: '', expected: '2024-10-23', asOf: '2024-10-28', workingDaysOverdue: 3 },
    ]);
  });

  it('a record that cannot be read has no deadline, and says why', () => {
    expect(replyDeadline({ ...base, receivedOn: '2024-13-01' })).toMatchObject({ dueOn: null, findings: [{ code: 'case.shape', path: '/receivedOn' }] });
    expect(replyDeadline('nope')).toMatchObject({ dueOn: null, findings: [{ code: 'case.shape', path: '' }] });
  });

  it('messages follow the locale', () => {
    const [finding] = replyDeadline({ ...base, outcome: 'granted', closedOn: '2024-10-25' }, { locale: 'en' }).findings;
    expect(finding?.message).toBe('case A-1 · date closed (办结日期): closed 2024-10-25, after the reply deadline 2024-10-23 (2 working days late)');
    const [zh] = replyDeadline({ ...base, outcome: 'granted', closedOn: '2024-10-25' }).findings;
    expect(zh?.message).toBe('申请 A-1 · 办结日期：2024-10-25 办结，晚于答复期限 2024-10-23（逾期 2 个工作日）');
  });

  it('refuses a bad asOf', () => {
    expect(() => replyDeadline(base, { asOf: '2024-02-30' })).toThrow(TypeError);
  });
});

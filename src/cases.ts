/**
 * Cases: from an agency's register of 政府信息公开申请 to table 三, and the
 * statutory reply deadline of each application on the State Council's
 * working-day calendar. Pure functions, no I/O: values in, values out.
 *
 * @example
 * ```ts
 * import { replyDeadline, tallyApplications } from 'gov-disclosure-report/cases';
 * const register = [{ id: '2024-001', applicant: 'naturalPerson', receivedOn: '2024-03-04', outcome: 'granted', closedOn: '2024-03-15' }];
 * const { applications, findings } = tallyApplications(register, { year: 2024 });
 * applications.outcomes.granted.naturalPerson; // 1
 * findings; // []
 * replyDeadline({ id: '1', applicant: 'naturalPerson', receivedOn: '2024-09-20' }).dueOn; // '2024-10-23'
 * ```
 *
 * @module
 */
export { tallyApplications, type Tally, type TallyOptions } from './cases/tally.js';
export { replyDeadline, type DeadlineBasis, type ReplyDeadline, type ReplyDeadlineOptions } from './cases/deadline.js';
export {
  addWorkingDays,
  CALENDAR_COVERAGE,
  CalendarRangeError,
  createCalendar,
  describeDay,
  isWorkingDay,
  workingDaysBetween,
  WorkingCalendar,
  type CalendarInput,
  type CalendarOption,
  type DayInfo,
} from './cases/calendar.js';
export { CALENDAR_DATA, type CalendarYear, type HolidayRange, type MakeupWorkday } from './cases/calendar-data.js';
export type { CaseRecord, Consultation, OutcomeId } from './cases/record.js';
export { APPLICANT_KEYS, CASE_FIELDS, CHANNELS, CONSULTED, type ApplicantKey, type CaseField } from './cases/fields.js';

/**
 * The case record (cases.md §1) and its reading: an unknown value in, the
 * record's dates as day numbers out, or findings and nothing when it cannot
 * be counted. Written by hand rather than with zod, so that a register of a
 * million records is read in a fraction of a second and this entry does not
 * load zod; the zod schema (`gov-disclosure-report/zod`) describes the same
 * record for callers who want one.
 *
 * @module
 */
import { APPLICANT_COLUMNS, outcomeCodes, type DENIED_ROWS, type NOT_PROCESSED_ROWS, type OTHER_HANDLING_ROWS, type UNABLE_TO_PROVIDE_ROWS } from '../format/applications.js';
import type { RuleParams } from '../rules/catalogue.js';
import type { FindingList } from '../validate/finding.js';
import { formatDay, parseDay } from './day.js';
import { APPLICANT_KEYS, CHANNELS, CONSULTED, type ApplicantKey, type CaseField } from './fields.js';

type Keys<T extends readonly { readonly key: string }[]> = T[number]['key'];

/**
 * An outcome row of table 三 as a record names it: the dotted id of the
 * 2021 edition's rows (the 2019 edition's one （六） row takes all three
 * `otherHandling.*`).
 *
 * @example
 * ```ts
 * import type { OutcomeId } from 'gov-disclosure-report/cases';
 * const outcome: OutcomeId = 'denied.thirdPartyRights';
 * ```
 */
export type OutcomeId =
  | 'granted'
  | 'partiallyGranted'
  | `denied.${Keys<typeof DENIED_ROWS>}`
  | `unableToProvide.${Keys<typeof UNABLE_TO_PROVIDE_ROWS>}`
  | `notProcessed.${Keys<typeof NOT_PROCESSED_ROWS>}`
  | `otherHandling.${Keys<typeof OTHER_HANDLING_ROWS>}`;

/**
 * A consultation (征求意见) whose time is not counted in the reply period:
 * of a third party (第三十二条) or another agency (第三十四条).
 *
 * @example
 * ```ts
 * import type { Consultation } from 'gov-disclosure-report/cases';
 * const consultation: Consultation = { with: 'thirdParty', sentOn: '2024-03-04', answeredOn: '2024-03-15' };
 * ```
 */
export interface Consultation {
  readonly with: keyof typeof CONSULTED;
  readonly sentOn: string;
  /** `null` while unanswered: then the 15 working days the law gives count. */
  readonly answeredOn: string | null;
}

/**
 * One application (一件申请) of an agency's register, as cases.md §1 fixes
 * its JSON. Dates are `YYYY-MM-DD`. A record with neither `outcome` nor
 * `closedOn` is open (在办). Other keys a register keeps are allowed and
 * ignored.
 *
 * @example
 * ```ts
 * import type { CaseRecord } from 'gov-disclosure-report/cases';
 * const record: CaseRecord = {
 *   id: '2024-042', applicant: 'naturalPerson', receivedOn: '2024-09-20', channel: 'online',
 *   extension: { notifiedOn: '2024-10-21', workingDays: 20 },
 *   outcome: 'partiallyGranted', closedOn: '2024-11-15',
 * };
 * ```
 */
export interface CaseRecord {
  /** 申请编号: unique in the register. */
  readonly id: string;
  /** 申请人类型: the applicant column of table 三. */
  readonly applicant: ApplicantKey;
  /** 收到申请之日 as 第三十一条 fixes it. */
  readonly receivedOn: string;
  /** 提交方式, informational. */
  readonly channel?: keyof typeof CHANNELS;
  /** 当场答复 (第三十三条第一款): the deadline is `receivedOn`. */
  readonly onTheSpot?: boolean;
  /** 补正 (第三十条): the reply period restarts in full when the corrected application arrives. */
  readonly correction?: { readonly requestedOn: string; readonly receivedOn: string | null };
  /** 延期 (第三十三条第二款): notified by the unextended due date, at most 20 working days. */
  readonly extension?: { readonly notifiedOn: string; readonly workingDays: number };
  /** 征求意见 (第三十二条, 第三十四条): time not counted. */
  readonly consultations?: readonly Consultation[];
  /** 第三十五条: the later date the agency set; it replaces the deadline. */
  readonly delayedUntil?: string;
  /** 办理结果: the outcome row (its numbering `（三）1` and printed label are accepted too). */
  readonly outcome?: OutcomeId;
  /** 办结日期: the day the reply counts as given (国办公开办函〔2016〕235号). */
  readonly closedOn?: string;
}

/** The outcome rows a record may name, in the order printed: the 2021 edition's leaves. */
export const OUTCOME_ROWS = /* @__PURE__ */ outcomeCodes('2021').filter((o) => o.id !== 'total');

/** A text as compared with labels: no white space, full-width brackets, `1.` for `1．` or `1、`. */
function normalise(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(\d)[．、]/g, '$1.');
}

/** Every spelling of an outcome a record may use, to its index in {@link OUTCOME_ROWS}: id, numbering, label, label without its number, group and label. */
const OUTCOME_INDEX: ReadonlyMap<string, number> = /* @__PURE__ */ (() => {
  const index = new Map<string, number>();
  OUTCOME_ROWS.forEach((row, i) => {
    const bare = row.label.replace(/^(?:\d+\.|（[一二三四五六七]）)/, '');
    const spellings = [row.id, row.code, row.label, bare, row.group ? `${row.group.label}${row.label}` : row.label];
    for (const spelling of spellings) index.set(normalise(spelling), i);
    index.set(row.id, i);
  });
  return index;
})();

/** The applicant keys and labels, to the column's index. */
const APPLICANT_INDEX: ReadonlyMap<string, number> = /* @__PURE__ */ new Map(
  APPLICANT_KEYS.flatMap((key, i) => [
    [key, i],
    [APPLICANT_COLUMNS[i]!.label, i],
  ]),
);

/**
 * The index in {@link OUTCOME_ROWS} of an outcome as a record or a register
 * names it, or -1.
 *
 * @internal
 */
export function outcomeIndex(value: string): number {
  return OUTCOME_INDEX.get(value) ?? OUTCOME_INDEX.get(normalise(value)) ?? -1;
}

/**
 * The index in {@link APPLICANT_KEYS} of an applicant as a record names it (key or label), or -1.
 *
 * @internal
 */
export function applicantIndex(value: string): number {
  return APPLICANT_INDEX.get(value) ?? APPLICANT_INDEX.get(value.trim()) ?? -1;
}

/** The dates of a consultation as day numbers; `answered` is NaN while unanswered. */
export interface ConsultationDays {
  readonly sent: number;
  readonly answered: number;
}

/**
 * A record as the counting and the deadline read it: dates as day numbers,
 * NaN where absent.
 *
 * @internal
 */
export interface CaseDays {
  readonly id: string;
  /** Index in {@link APPLICANT_KEYS}. */
  readonly column: number;
  readonly received: number;
  readonly onTheSpot: boolean;
  readonly correctionRequested: number;
  readonly correctionReceived: number;
  readonly extensionNotified: number;
  /** 0 without an extension. */
  readonly extensionDays: number;
  readonly consultations: readonly ConsultationDays[] | undefined;
  readonly delayedUntil: number;
  /** Index in {@link OUTCOME_ROWS}, -1 while open. */
  readonly outcome: number;
  readonly closed: number;
}

/**
 * Where a record's findings point: `prefix` + the field (`/cases/41` +
 * `/closedOn`), and the record's id once known.
 *
 * @internal
 */
export interface RecordPlace {
  prefix: string;
  caseId: string | undefined;
}

/** The id part of a finding's values, present only when the record has one. */
export function idOf(place: RecordPlace): { caseId?: string } {
  return place.caseId === undefined ? {} : { caseId: place.caseId };
}

const MAX_SHOWN = 60;

/** A value as a case.shape finding shows it: a string in quotes (cut short), a number, or its JSON type. */
function shown(value: unknown): string | number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

type Shape = RuleParams<'case.shape'>['expected'];

/** Reads the fields of one record, saying case.shape for each that is wrong. */
class Reader {
  ok = true;
  constructor(
    private readonly out: FindingList,
    private readonly place: RecordPlace,
  ) {}

  bad(path: string, expected: Shape, value: unknown): void {
    this.ok = false;
    const actual = shown(value);
    this.out.add('case.shape', this.place.prefix + path, { ...idOf(this.place), expected, ...(actual !== undefined && { actual }) });
  }

  /** A date, or NaN with a finding; `optional`: absent is NaN without one; `nullable`: null too. */
  date(value: unknown, path: string, optional: boolean, nullable = false): number {
    if (value === undefined && optional) return NaN;
    if (value === null && nullable) return NaN;
    const day = parseDay(value);
    if (Number.isNaN(day)) this.bad(path, nullable ? 'dateOrNull' : 'date', value);
    return day;
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.bad(path, 'object', value);
    return undefined;
  }
}

/**
 * Reads one record: its days, or `undefined` when it cannot be counted
 * (case.shape, case.dateOrder, case.outcomeWithoutClose,
 * case.closeWithoutOutcome), every problem said.
 *
 * @internal
 */
export function readCase(input: unknown, place: RecordPlace, out: FindingList): CaseDays | undefined {
  const read = new Reader(out, place);
  const record = read.object(input, '');
  if (!record) return undefined;
  const { id } = record;
  if (typeof id === 'string' && id.trim() !== '') place.caseId = id;
  else read.bad('/id', 'string', id);

  const applicant = record.applicant;
  const column = typeof applicant === 'string' ? applicantIndex(applicant) : -1;
  if (column < 0) read.bad('/applicant', 'applicant', applicant);
  const received = read.date(record.receivedOn, '/receivedOn', false);

  const { channel, onTheSpot } = record;
  if (channel !== undefined && !(typeof channel === 'string' && Object.hasOwn(CHANNELS, channel))) read.bad('/channel', 'channel', channel);
  if (onTheSpot !== undefined && typeof onTheSpot !== 'boolean') read.bad('/onTheSpot', 'boolean', onTheSpot);

  let correctionRequested = NaN;
  let correctionReceived = NaN;
  if (record.correction !== undefined) {
    const correction = read.object(record.correction, '/correction');
    if (correction) {
      correctionRequested = read.date(correction.requestedOn, '/correction/requestedOn', false);
      correctionReceived = read.date(correction.receivedOn, '/correction/receivedOn', true, true);
    }
  }

  let extensionNotified = NaN;
  let extensionDays = 0;
  if (record.extension !== undefined) {
    const extension = read.object(record.extension, '/extension');
    if (extension) {
      extensionNotified = read.date(extension.notifiedOn, '/extension/notifiedOn', false);
      const days = extension.workingDays;
      if (typeof days === 'number' && Number.isSafeInteger(days) && days >= 1) extensionDays = days;
      else read.bad('/extension/workingDays', 'workingDays', days);
    }
  }

  let consultations: ConsultationDays[] | undefined;
  if (record.consultations !== undefined) {
    if (!Array.isArray(record.consultations)) read.bad('/consultations', 'array', record.consultations);
    else {
      consultations = [];
      record.consultations.forEach((item: unknown, i) => {
        const at = `/consultations/${i}`;
        const consultation = read.object(item, at);
        if (!consultation) return;
        const party = consultation.with;
        if (!(typeof party === 'string' && Object.hasOwn(CONSULTED, party))) read.bad(`${at}/with`, 'consultedParty', party);
        const sent = read.date(consultation.sentOn, `${at}/sentOn`, false);
        const answered = read.date(consultation.answeredOn, `${at}/answeredOn`, true, true);
        consultations!.push({ sent, answered });
      });
    }
  }

  const delayedUntil = read.date(record.delayedUntil, '/delayedUntil', true);
  const closed = read.date(record.closedOn, '/closedOn', true);
  let outcome = -1;
  if (record.outcome !== undefined) {
    outcome = typeof record.outcome === 'string' ? outcomeIndex(record.outcome) : -1;
    if (outcome < 0) read.bad('/outcome', 'outcome', record.outcome);
  }
  if (!read.ok) return undefined;

  // Both present or both absent; a record with one of them is neither open nor closed.
  if (record.outcome !== undefined && record.closedOn === undefined) {
    out.add('case.outcomeWithoutClose', `${place.prefix}/closedOn`, { ...idOf(place), actual: record.outcome as string });
    return undefined;
  }
  if (record.closedOn !== undefined && record.outcome === undefined) {
    out.add('case.closeWithoutOutcome', `${place.prefix}/outcome`, { ...idOf(place), actual: record.closedOn as string });
    return undefined;
  }

  let inOrder = true;
  const order = (earlier: number, later: number, earlierField: CaseField, path: string) => {
    if (!(later < earlier)) return;
    inOrder = false;
    out.add('case.dateOrder', place.prefix + path, { ...idOf(place), expected: formatDay(earlier), actual: formatDay(later), earlier: earlierField });
  };
  order(received, closed, 'receivedOn', '/closedOn');
  order(received, correctionRequested, 'receivedOn', '/correction/requestedOn');
  order(correctionRequested, correctionReceived, 'correction.requestedOn', '/correction/receivedOn');
  order(received, delayedUntil, 'receivedOn', '/delayedUntil');
  consultations?.forEach((c, i) => order(c.sent, c.answered, 'consultations.sentOn', `/consultations/${i}/answeredOn`));
  if (!inOrder) return undefined;

  return {
    id: place.caseId!,
    column,
    received,
    onTheSpot: onTheSpot === true,
    correctionRequested,
    correctionReceived,
    extensionNotified,
    extensionDays,
    consultations,
    delayedUntil,
    outcome,
    closed,
  };
}

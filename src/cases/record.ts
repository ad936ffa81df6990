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
import { APPLICANT_COLUMNS, outcomeCodes, type OutcomeCode, type DENIED_ROWS, type NOT_PROCESSED_ROWS, type OTHER_HANDLING_ROWS, type UNABLE_TO_PROVIDE_ROWS } from '../format/applications.js';
import type { Edition } from '../format/types.js';
import type { RuleParams } from '../rules/catalogue.js';
import type { FindingList } from '../validate/finding.js';
import { formatDay, parseDay } from './day.js';
import { APPLICANT_KEYS, CHANNELS, CONSULTED, type ApplicantKey, type CaseField } from './fields.js';

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
  | `denied.${(typeof DENIED_ROWS)[number]['key']}`
  | `unableToProvide.${(typeof UNABLE_TO_PROVIDE_ROWS)[number]['key']}`
  | `notProcessed.${(typeof NOT_PROCESSED_ROWS)[number]['key']}`
  | `otherHandling.${(typeof OTHER_HANDLING_ROWS)[number]['key']}`;

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

/** A text as compared with labels: no white space, full-width brackets, `1.` for `1．` or `1、`, curly quotes for straight ones. */
function normalise(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(\d)[．、]/g, '$1.')
    .replace(/"([^"]*)"/g, '“$1”');
}

/** Every spelling of a row of table 三: id, numbering, label, label without its number, group and label, numbering and label. */
function spellingsOf(row: OutcomeCode): string[] {
  const bare = row.label.replace(/^(?:\d+\.|（[一二三四五六七]）)/, '');
  return [row.id, row.code, row.label, bare, ...(row.group ? [`${row.group.label}${row.label}`, `${row.code}.${bare}`] : [])];
}

/** Every spelling of an outcome a record may use, to its index in {@link OUTCOME_ROWS}. */
const OUTCOME_INDEX: ReadonlyMap<string, number> = /* @__PURE__ */ (() => {
  const index = new Map<string, number>();
  OUTCOME_ROWS.forEach((row, i) => {
    for (const spelling of spellingsOf(row)) index.set(normalise(spelling), i);
    index.set(row.id, i);
  });
  return index;
})();

/**
 * Edition 2019's one （六）其他处理 row, in every spelling, to the index of a
 * 2021 row counted in it: a register kept on the 2019 form names it so.
 */
const OTHER_HANDLING_2019: ReadonlyMap<string, number> = /* @__PURE__ */ (() => {
  const row = outcomeCodes('2019').find((o) => !OUTCOME_ROWS.some((r) => r.id === o.id) && o.id !== 'total')!;
  const counted = OUTCOME_ROWS.findIndex((r) => r.id.startsWith(`${row.id}.`));
  return new Map(spellingsOf(row).map((spelling) => [normalise(spelling), counted]));
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
 * names it, or -1; counting into edition 2019, its （六）其他处理 too.
 *
 * @internal
 */
export function outcomeIndex(value: string, edition: Edition = '2021'): number {
  const known = OUTCOME_INDEX.get(value);
  if (known !== undefined) return known;
  const text = normalise(value);
  return OUTCOME_INDEX.get(text) ?? (edition === '2019' ? OTHER_HANDLING_2019.get(text) : undefined) ?? -1;
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
 * Where a record's findings point: its index in the register (`/cases/41`),
 * or -1 for a record on its own (paths inside it: `/closedOn`), and its id
 * once known.
 *
 * @internal
 */
export interface RecordPlace {
  index: number;
  caseId: string | undefined;
}

/**
 * The pointer of a field of the record at `place`; built only when a
 * finding needs it, so that a clean record costs no string.
 *
 * @internal
 */
export function pathOf(place: RecordPlace, field: string): string {
  return place.index < 0 ? field : `/cases/${place.index}${field}`;
}

/**
 * The id part of a finding's values, present only when the record has one.
 *
 * @internal
 */
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
type Mutable<T> = { -readonly [K in keyof T]: T[K] };


/** Whether `text` has a character other than white space; a printable ASCII first character settles it without `trim`, which a million ids would each pay for. */
const hasText = (text: string): boolean => {
  const first = text.charCodeAt(0);
  return (first > 32 && first < 127) || text.trim() !== '';
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads records one after another into one reused {@link CaseDays}: the
 * tally reads a million records, and a clean one allocates nothing.
 *
 * @internal
 */
export class CaseReader {
  private ok = true;
  private place: RecordPlace = { index: -1, caseId: undefined };
  private readonly days: Mutable<CaseDays> = {
    id: '',
    column: 0,
    received: NaN,
    onTheSpot: false,
    correctionRequested: NaN,
    correctionReceived: NaN,
    extensionNotified: NaN,
    extensionDays: 0,
    consultations: undefined,
    delayedUntil: NaN,
    outcome: -1,
    closed: NaN,
  };

  /** `edition`: the edition counted into, whose own outcome rows a record may name. */
  constructor(
    private readonly out: FindingList,
    private readonly edition: Edition = '2021',
  ) {}

  private bad(field: string, expected: Shape, value: unknown): void {
    this.ok = false;
    const actual = shown(value);
    this.out.add('case.shape', pathOf(this.place, field), { ...idOf(this.place), expected, ...(actual !== undefined && { actual }) });
  }

  /** A date, or NaN with a finding; `optional`: absent is NaN without one; `nullable`: null too. */
  private date(value: unknown, field: string, optional: boolean, nullable = false): number {
    if (value === undefined && optional) return NaN;
    if (value === null && nullable) return NaN;
    const day = parseDay(value);
    if (day !== day) this.bad(field, nullable ? 'dateOrNull' : 'date', value);
    return day;
  }

  /** case.dateOrder for `later`, which is before `earlier`; false, for the record's `inOrder`. */
  private misordered(earlier: number, later: number, earlierField: CaseField, field: string): false {
    this.out.add('case.dateOrder', pathOf(this.place, field), { ...idOf(this.place), expected: formatDay(earlier), actual: formatDay(later), earlier: earlierField });
    return false;
  }

  /**
   * Reads one record: its days (valid until the next call), or `undefined`
   * when it cannot be counted (case.shape, case.dateOrder,
   * case.outcomeWithoutClose, case.closeWithoutOutcome), every problem said.
   * Sets `place.caseId` when the record has a usable id.
   */
  read(input: unknown, place: RecordPlace): CaseDays | undefined {
    this.ok = true;
    this.place = place;
    if (!isObject(input)) {
      this.bad('', 'object', input);
      return undefined;
    }
    const days = this.days;
    // The keys the record has, each read once, rather than every field by name: a register's records come in
    // several shapes, and a field read by name across many shapes (absent ones too) is a slow, allocating lookup.
    let id: unknown, applicant: unknown, receivedOn: unknown, channel: unknown, onTheSpot: unknown, correction: unknown;
    let extension: unknown, consultations: unknown, delayedUntil: unknown, outcome: unknown, closedOn: unknown;
    const prototype = Object.getPrototypeOf(input) as unknown;
    // Only a plain object (what JSON and the register readers give) is sure to hold its fields as its own keys;
    // any other (a class with getters, say) has each read by name.
    if (prototype !== Object.prototype && prototype !== null) {
      ({ id, applicant, receivedOn, channel, onTheSpot, correction, extension, consultations, delayedUntil, outcome, closedOn } = input);
    } else for (const key in input) {
      switch (key) {
        case 'id': id = input[key]; break;
        case 'applicant': applicant = input[key]; break;
        case 'receivedOn': receivedOn = input[key]; break;
        case 'channel': channel = input[key]; break;
        case 'onTheSpot': onTheSpot = input[key]; break;
        case 'correction': correction = input[key]; break;
        case 'extension': extension = input[key]; break;
        case 'consultations': consultations = input[key]; break;
        case 'delayedUntil': delayedUntil = input[key]; break;
        case 'outcome': outcome = input[key]; break;
        case 'closedOn': closedOn = input[key]; break;
      }
    }
    if (typeof id === 'string' && hasText(id)) place.caseId = days.id = id;
    else this.bad('/id', 'string', id);

    days.column = typeof applicant === 'string' ? applicantIndex(applicant) : -1;
    if (days.column < 0) this.bad('/applicant', 'applicant', applicant);
    days.received = this.date(receivedOn, '/receivedOn', false);

    // Informational (cases.md §1): an unknown channel is said, and the record still counts.
    if (channel !== undefined && !(typeof channel === 'string' && Object.hasOwn(CHANNELS, channel))) {
      this.out.add('case.channel', pathOf(place, '/channel'), { ...idOf(place), actual: shown(channel)! });
    }
    if (onTheSpot !== undefined && typeof onTheSpot !== 'boolean') this.bad('/onTheSpot', 'boolean', onTheSpot);
    days.onTheSpot = onTheSpot === true;

    days.correctionRequested = days.correctionReceived = NaN;
    if (correction !== undefined) {
      if (!isObject(correction)) this.bad('/correction', 'object', correction);
      else {
        days.correctionRequested = this.date(correction.requestedOn, '/correction/requestedOn', false);
        days.correctionReceived = this.date(correction.receivedOn, '/correction/receivedOn', true, true);
      }
    }

    days.extensionNotified = NaN;
    days.extensionDays = 0;
    if (extension !== undefined) {
      if (!isObject(extension)) this.bad('/extension', 'object', extension);
      else {
        days.extensionNotified = this.date(extension.notifiedOn, '/extension/notifiedOn', false);
        const n = extension.workingDays;
        if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1) days.extensionDays = n;
        else this.bad('/extension/workingDays', 'workingDays', n);
      }
    }

    days.consultations = undefined;
    if (consultations !== undefined) {
      if (!Array.isArray(consultations)) this.bad('/consultations', 'array', consultations);
      else days.consultations = this.consultations(consultations);
    }

    days.delayedUntil = this.date(delayedUntil, '/delayedUntil', true);
    days.closed = this.date(closedOn, '/closedOn', true);
    days.outcome = -1;
    if (outcome !== undefined) {
      days.outcome = typeof outcome === 'string' ? outcomeIndex(outcome, this.edition) : -1;
      if (days.outcome < 0) this.bad('/outcome', 'outcome', outcome);
    }
    if (!this.ok) return undefined;

    // Both present or both absent; a record with one of them is neither open nor closed.
    if (outcome !== undefined && closedOn === undefined) {
      this.out.add('case.outcomeWithoutClose', pathOf(place, '/closedOn'), { ...idOf(place), actual: outcome as string });
      return undefined;
    }
    if (closedOn !== undefined && outcome === undefined) {
      this.out.add('case.closeWithoutOutcome', pathOf(place, '/outcome'), { ...idOf(place), actual: closedOn as string });
      return undefined;
    }

    // Compared here, not in a call: a day passed to a function is boxed, a million times a run.
    let inOrder = true;
    if (days.closed < days.received) inOrder = this.misordered(days.received, days.closed, 'receivedOn', '/closedOn');
    if (days.correctionRequested === days.correctionRequested) {
      if (days.correctionRequested < days.received) inOrder = this.misordered(days.received, days.correctionRequested, 'receivedOn', '/correction/requestedOn');
      if (days.correctionReceived < days.correctionRequested) {
        inOrder = this.misordered(days.correctionRequested, days.correctionReceived, 'correction.requestedOn', '/correction/receivedOn');
      }
    }
    if (days.delayedUntil < days.received) inOrder = this.misordered(days.received, days.delayedUntil, 'receivedOn', '/delayedUntil');
    days.consultations?.forEach((c, i) => {
      if (c.answered < c.sent) inOrder = this.misordered(c.sent, c.answered, 'consultations.sentOn', `/consultations/${i}/answeredOn`);
    });
    return inOrder ? days : undefined;
  }

  private consultations(items: readonly unknown[]): ConsultationDays[] {
    const list: ConsultationDays[] = [];
    items.forEach((item, i) => {
      const at = `/consultations/${i}`;
      if (!isObject(item)) {
        this.bad(at, 'object', item);
        return;
      }
      const party = item.with;
      if (!(typeof party === 'string' && Object.hasOwn(CONSULTED, party))) this.bad(`${at}/with`, 'consultedParty', party);
      list.push({ sent: this.date(item.sentOn, `${at}/sentOn`, false), answered: this.date(item.answeredOn, `${at}/answeredOn`, true, true) });
    });
    return list;
  }
}

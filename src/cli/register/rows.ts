/**
 * A register's rows (CSV, TSV or a sheet) as case records (cases.md §7):
 * headers that are the JSON keys or the Chinese field names, applicants and
 * channels by label, dates as `YYYY-MM-DD`, `YYYY/M/D`, `YYYY年M月D日` or an
 * Excel date, with or without a time of day (a case system's export often
 * stamps one; the record keeps the day). What cannot be turned into its field's form is passed on as
 * given, for the tally to say what is wrong with it.
 */
import { CASE_FIELDS, CHANNELS, type CaseField } from '../../cases/fields.js';
import { dayFromParts, formatDay } from '../../cases/day.js';

/** A cell as a reader gives it. */
export type Cell = string | number | boolean | undefined;

/** The fields a column may hold: every field but the groups and the consultations (JSON only). */
type ColumnField = Exclude<CaseField, 'correction' | 'extension' | 'consultations' | `consultations.${string}`>;

const squash = (text: string) => text.replace(/^\ufeff/, '').replace(/\s+/g, '').toLowerCase();

/** Header → field: the JSON key (dotted inside correction and extension) or the Chinese name. */
const HEADERS: ReadonlyMap<string, ColumnField> = new Map(
  (Object.keys(CASE_FIELDS) as CaseField[])
    .filter((key): key is ColumnField => key !== 'correction' && key !== 'extension' && !key.startsWith('consultations'))
    .flatMap((key) => [
      [squash(key), key] as const,
      [squash(CASE_FIELDS[key].label), key] as const,
    ]),
);

const DATE_FIELDS = new Set<ColumnField>(['receivedOn', 'correction.requestedOn', 'correction.receivedOn', 'extension.notifiedOn', 'delayedUntil', 'closedOn']);

/** Channel labels as registers write them, to the key. */
const CHANNEL_WORDS: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(CHANNELS).flatMap(([key, { label }]) => [[key.toLowerCase(), key] as const, [label, key] as const]),
  ['现场', 'inPerson'],
  ['当面提交', 'inPerson'],
  ['信函', 'post'],
  ['网络', 'online'],
  ['网上', 'online'],
  ['网上申请', 'online'],
  ['电子邮件', 'online'],
]);

const YES = new Set(['是', 'true', '1', 'y', 'yes', '√', '✓']);
const NO = new Set(['否', 'false', '0', 'n', 'no', '']);

/** Excel's day 0 (its 1900 leap-year slip included): serial 45371 is 2024-03-20; in the 1904 date system, 43909 is. */
const EXCEL_EPOCH = { 1900: dayFromParts(1899, 12, 30), 1904: dayFromParts(1904, 1, 1) };

/** The last day Excel shows, 9999-12-31, as a 1900 serial. */
const EXCEL_LAST = 2_958_465;

/**
 * A date in one of the forms registers use, as `YYYY-MM-DD`; anything else
 * as given. A time of day after the date (`2024-03-20 10:30`, an Excel
 * date-time's fraction) is left out.
 */
export function registerDate(value: Cell, date1904 = false): Cell {
  if (typeof value === 'number' && value >= 1 && value < EXCEL_LAST + 1) return formatDay(EXCEL_EPOCH[date1904 ? 1904 : 1900] + Math.floor(value));
  if (typeof value !== 'string') return value;
  const match = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(value.trim());
  if (!match) return value;
  const [year, month, day] = [match[1], match[2] ?? match[4] ?? match[6], match[3] ?? match[5] ?? match[7]];
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** The columns of a header row: the field each holds, or the header itself for a column of the register's own. */
export function columnsOf(header: readonly Cell[]): (ColumnField | { own: string })[] {
  return header.map((cell) => {
    const text = cell === undefined ? '' : String(cell);
    return HEADERS.get(squash(text)) ?? { own: text.trim() };
  });
}

/** One row as a case record; `undefined` for a row with nothing in it. Date serials count from 1904 with `date1904`. */
export function recordOf(columns: readonly (ColumnField | { own: string })[], row: readonly Cell[], date1904 = false): Record<string, unknown> | undefined {
  const record: Record<string, unknown> = {};
  const correction: Record<string, unknown> = {};
  const extension: Record<string, unknown> = {};
  let empty = true;
  columns.forEach((column, i) => {
    let value = row[i];
    if (typeof value === 'string') value = value.trim();
    if (value === undefined || value === '') return;
    empty = false;
    if (typeof column === 'object') {
      if (column.own) record[column.own] = value;
      return;
    }
    if (DATE_FIELDS.has(column)) value = registerDate(value, date1904);
    switch (column) {
      case 'id':
        record.id = String(value);
        return;
      case 'channel':
        record.channel = CHANNEL_WORDS.get(String(value).toLowerCase()) ?? CHANNEL_WORDS.get(String(value)) ?? value;
        return;
      case 'onTheSpot': {
        const word = String(value).toLowerCase();
        record.onTheSpot = YES.has(word) ? true : NO.has(word) ? false : value;
        return;
      }
      case 'extension.workingDays':
        extension.workingDays = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
        return;
      case 'correction.requestedOn':
      case 'correction.receivedOn':
        correction[column.slice('correction.'.length)] = value;
        return;
      case 'extension.notifiedOn':
        extension.notifiedOn = value;
        return;
      default:
        record[column] = value;
    }
  });
  if (empty) return undefined;
  if (Object.keys(correction).length > 0) record.correction = { receivedOn: null, ...correction };
  if (Object.keys(extension).length > 0) record.extension = extension;
  return record;
}

/**
 * The messages in English. Cells are named by their official labels, then
 * their English glosses.
 *
 * @module
 */
import { EDITION_KEYS } from '../../format/layout.js';
import { YEAR_RANGE } from '../../format/report-fields.js';
import { APPLICANT_KEYS, CASE_FIELDS, CHANNELS, CONSULTED, caseFieldAt } from '../../cases/fields.js';
import type { RuleParams } from '../catalogue.js';
import type { MessageCatalogue, MessageContext } from './context.js';
import { NARRATIVE_FIGURES } from '../../format/narrative-figures.js';

/** `, got …`: the value found. */
const got = (actual: unknown, at: MessageContext) => (actual === undefined ? '' : `, got ${at.shown ?? String(actual)}`);

/** The place: official labels, then glosses where they differ. */
const place = (at: MessageContext) => (at.whereEn === at.where ? at.where : `${at.where} (${at.whereEn})`);

/**
 * Every message in English.
 *
 * @example
 * ```ts
 * import { MESSAGES_EN } from 'gov-disclosure-report';
 * MESSAGES_EN['cell.blank']({}, { where: '规章 · 本年制发件数', whereEn: 'regulations · issued this year' });
 * // '规章 · 本年制发件数 (regulations · issued this year): blank, counted as 0'
 * ```
 */
export const MESSAGES_EN: MessageCatalogue = {
  'shape.type': (p, at) => `${place(at)}: wrong type, expected ${p.expected}${got(p.actual, at)}`,
  'shape.required': (_, at) => `${place(at)}: required, missing`,
  'shape.unknownKey': (p, at) => `${place(at)}: not a field of the ${p.edition} edition`,
  'shape.edition': (p, at) => `${place(at)}: expected ${EDITION_KEYS.map((e) => `"${e}"`).join(' or ')}${got(p.actual, at)}`,
  'shape.year': (p, at) => `${place(at)}: expected an integer in ${YEAR_RANGE.min}–${YEAR_RANGE.max}${got(p.actual, at)}`,
  'shape.enum': (p, at) => `${place(at)}: expected one of ${p.expected}${got(p.actual, at)}`,
  'shape.date': (p, at) => `${place(at)}: expected a YYYY-MM-DD calendar date${got(p.actual, at)}`,
  'shape.unreadable': (p, at) => `${place(at)}: cannot be read (${p.reason})`,
  'cell.notInteger': (p, at) => `${place(at)}: expected ${p.kind === 'signedCount' ? 'an' : 'a non-negative'} integer${got(p.actual, at)}`,
  'cell.negative': (p, at) => `${place(at)}: must not be negative${got(p.actual, at)}`,
  'cell.tooLarge': (p, at) => `${place(at)}: beyond the exactly representable integers${got(p.actual, at)}`,
  'cell.blank': (_, at) => `${place(at)}: blank, counted as 0`,
  'money.invalid': (p, at) => `${place(at)}: expected a decimal amount in 万元 such as "12.3456"${got(p.actual, at)}`,
  'money.negative': (p, at) => `${place(at)}: amount must not be negative${got(p.actual, at)}`,
  'money.precision': (p, at) => `${place(at)}: more than four decimals, rounded half-up to ${p.expected}${got(p.actual, at)}`,
  'findings.omitted': (p, at) => `${place(at)}: ${p.omitted} more findings of ${p.rule} not listed`,
  'applications.balance': (p, at) => relation(p, at),
  'applications.outcomeTotal': (p, at) => relation(p, at),
  'applications.applicantTotal': (p, at) => relation(p, at),
  'reviewAndLitigation.total': (p, at) => relation(p, at),
  'edition.year': (p, at) => `${place(at)}: a ${p.year} report in the ${p.actual} edition; expected the ${p.expected} edition`,
  'publication.late': (p, at) => `${place(at)}: ${p.actual} is after the statutory deadline ${p.expected} (${p.daysLate} days late)`,
  'publication.early': (p, at) => `${place(at)}: ${p.actual} is before the report year ended (publish after ${p.expected})`,
  'continuity.carriedOver': (p, at) => relation(p, at),
  'continuity.inForce': (p, at) => relation(p, at),
  'continuity.previousCount': (p, at) => relation(p, at),
  'continuity.year': (p, at) => `${place(at)}: the previous report should be for ${p.expected}, got ${p.actual}`,
  'continuity.previousInvalid': (p, at) => `${place(at)}: the previous report is not a valid report (${p.reason}); cross-year rules skipped`,
  'narrative.figure': (p, at) => `${place(at)}: the text says “${p.text}”, ${QUANTITY[p.quantity]?.en ?? p.quantity} ${p.actual}; the tables say ${p.expected}`,
  'narrative.year': (p, at) => `${place(at)}: “${p.text}” speaks of ${p.actual}; this is the ${p.expected} report`,
  'rollup.year': (p) => `report ${p.part + 1} of the sum is for ${p.actual}, the sum for ${p.expected}; left out of the sum`,
  'rollup.edition': (p) => `report ${p.part + 1} of the sum is in the ${p.actual} edition, the sum in the ${p.expected} edition; left out of the sum`,
  'rollup.unreadable': (p) => `report ${p.part + 1} of the sum does not have the shape of a report; left out of the sum`,
  'trend.jump': (p, at) =>
    `${place(at)}: ${Number(p.actual) > Number(p.previous) ? 'grew' : 'fell'} from ${p.previous} last year to ${p.actual}${p.ratio === null ? '' : ` (×${p.ratio})`}; worth a second look`,
  'parse.unsupportedInput': (p, at) => `${place(at)}: this kind of input cannot be read yet (${p.reason})`,
  'parse.editionUnknown': (p, at) => `${place(at)}: the labels do not tell the edition; read as the ${p.expected} edition`,
  'parse.tableMissing': (_, at) => `${place(at)}: table not found; its cells are left blank`,
  'parse.imagesInsteadOfTables': (p, at) => `${place(at)}: table headings but no table text; the tables may be images (${p.reason})`,
  'parse.rowMissing': (_, at) => `${place(at)}: the report has no such row; its cells are left blank`,
  'parse.unreadableCell': (p, at) => `${place(at)}: not a figure, left blank${p.actual === undefined ? '' : `; printed “${p.actual}”`}`,
  'parse.ambiguous': (p, at) =>
    p.actual === undefined
      ? `${place(at)}: the row is printed twice with different figures (${candidates(p.candidates)}); left blank`
      : `${place(at)}: the digits ${p.actual} split ${p.candidates.length} ways that add up (${candidates(p.candidates)}); left blank`,
  'parse.subtotal': (p, at) => `${place(at)}: the report's subtotal should be ${p.expected}, found ${p.actual}`,
  'parse.labelVariant': (p, at) => `${place(at)}: printed as “${p.actual}”, read as this row by its number`,
  'parse.extraRow': (p, at) => `${place(at)}: a row outside the format, “${p.label}”, kept as an extra`,
  'case.shape': (p, at) => `${caseWhere(p, at)}: ${p.actual === undefined ? `required, missing; expected ${SHAPE_EN[p.expected]}` : `expected ${SHAPE_EN[p.expected]}, got ${p.actual}`}`,
  'case.duplicateId': (p, at) => `${caseWhere(p, at)}: already in the register; this record is not counted`,
  'case.dateOrder': (p, at) => `${caseWhere(p, at)}: ${p.actual} is before the ${CASE_FIELDS[p.earlier].en} (${CASE_FIELDS[p.earlier].label}) ${p.expected}`,
  'case.outcomeWithoutClose': (p, at) => `${caseWhere(p, at)}: an outcome (${p.actual}) but no closing date`,
  'case.closeWithoutOutcome': (p, at) => `${caseWhere(p, at)}: a closing date (${p.actual}) but no outcome`,
  'case.late': (p, at) => `${caseWhere(p, at)}: closed ${p.actual}, after the reply deadline ${p.expected} (${days(p.workingDaysLate)} late)`,
  'case.overdue': (p, at) => `${caseWhere(p, at)}: still open on ${p.asOf}, past the reply deadline ${p.expected} (${days(p.workingDaysOverdue)} overdue)`,
  'case.extensionTooLong': (p, at) => `${caseWhere(p, at)}: an extension of ${days(p.actual)}, more than the ${p.expected} allowed; counted as ${p.expected}`,
  'case.channel': (p, at) => `${caseWhere(p, at)}: ${p.actual} is none of ${Object.keys(CHANNELS).join(', ')}; the channel changes no count`,
  'case.extensionLate': (p, at) => `${caseWhere(p, at)}: extension notified ${p.actual}, after the unextended deadline ${p.expected}; it does not extend the period`,
  'case.correctionLate': (p, at) => `${caseWhere(p, at)}: correction requested ${p.actual}, after the 7th working day from receipt, ${p.expected} (${days(p.workingDaysLate)} late)`,
  'calendar.outOfRange': (p, at) => `${caseWhere(p, at)}: the working-day calendar has no data for ${p.year} (State Council holiday notice); no deadline computed`,
};

/** Each quantity of narrative.figure by its key. */
const QUANTITY = Object.fromEntries(NARRATIVE_FIGURES.map((q) => [q.key, q]));

/** A count of working days, singular or plural. */
const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** What case.shape expected, in words. */
const SHAPE_EN: Readonly<Record<RuleParams<'case.shape'>['expected'], string>> = {
  object: 'an object',
  string: 'a non-empty string',
  date: 'a YYYY-MM-DD calendar date',
  dateOrNull: 'a YYYY-MM-DD calendar date or null',
  boolean: 'true or false',
  array: 'an array',
  workingDays: 'a whole number of working days above 0',
  applicant: `an applicant category (${APPLICANT_KEYS.join(', ')})`,
  outcome: 'an outcome row of table 三 (e.g. granted, （三）1 or its label)',
  consultedParty: `who was consulted (${Object.keys(CONSULTED).join(', ')})`,
};

/** The case and the field a finding is about: case 2024-042 · date closed (办结日期). */
function caseWhere(p: { readonly caseId?: string }, at: MessageContext): string {
  const { record, field, item } = caseFieldAt(at.where);
  const who = p.caseId !== undefined ? `case ${p.caseId}` : record !== undefined ? `record ${record + 1}` : at.where || 'case record';
  if (!field) return who;
  return `${who} · ${field.en}${item !== undefined ? ` ${item + 1}` : ''} (${field.label})`;
}

function relation(p: { readonly expected: number | string; readonly actual: number }, at: MessageContext): string {
  return `${place(at)}: expected ${p.expected} (${at.relation}), found ${p.actual}`;
}

/** The first three candidates, and an ellipsis for the rest. */
function candidates(list: readonly string[]): string {
  return list.slice(0, 3).join('; ') + (list.length > 3 ? '; …' : '');
}

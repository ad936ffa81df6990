/**
 * The register commands (cases.md §7): `tally` counts a register into table
 * 三 and prints it in the official layout with the findings under it;
 * `reply-deadline` prints one application's reply deadline and the rule that
 * set it.
 */
import { parseArgs } from 'node:util';
import { replyDeadline, type DeadlineBasis } from '../cases/deadline.js';
import { tallyApplications } from '../cases/tally.js';
import { buildReport } from '../builders/builders.js';
import { isCalendarDate } from '../dates/deadline.js';
import { EDITION_KEYS } from '../format/layout.js';
import type { Edition } from '../format/types.js';
import { tableGrids } from '../render/grid.js';
import { findingsHtml, tableHtml } from '../render/html.js';
import { findingsMarkdown, tableMarkdown } from '../render/markdown.js';
import { findingsText, tableText } from '../render/text.js';
import type { Report } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import { maxBytes, oneOf, UsageError } from './commands.js';
import { findingLines } from './findings.js';
import { InputError, printable, type Io } from './io.js';
import { openRegister, registerFromBytes } from './register/read.js';
import { registerDate } from './register/rows.js';

const LOCALES = ['zh-CN', 'en'] as const;
const FORMATS = {
  text: { table: tableText, findings: findingsText },
  markdown: { table: tableMarkdown, findings: findingsMarkdown },
  html: { table: tableHtml, findings: findingsHtml },
} as const;

/** A date option in any form a register may use, as `YYYY-MM-DD`. */
function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = registerDate(value);
  if (typeof date === 'string' && isCalendarDate(date)) return date;
  throw new UsageError(`--${name} must be a date such as 2024-09-20, not "${value}"`);
}

/** tally FILE --year N [--edition 2021|2019] [--as-of DATE] [--json] [--to text|markdown|html] [--locale zh-CN|en] [--max-bytes N] */
export async function tally(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      edition: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      to: { type: 'string' },
      locale: { type: 'string' },
      'max-bytes': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('tally needs exactly one FILE (or - for standard input)');
  if (values.year === undefined || !/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be a report year such as 2024${values.year === undefined ? '' : `, not "${values.year}"`}`);
  const year = Number(values.year);
  const edition: Edition = oneOf('edition', values.edition, EDITION_KEYS, '2021');
  const to = oneOf('to', values.to, Object.keys(FORMATS) as (keyof typeof FORMATS)[], 'text');
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const asOf = dateOption('as-of', values['as-of']);
  const limit = maxBytes(values['max-bytes']);
  const file = positionals[0]!;
  let result;
  let register;
  try {
    register = file === '-' ? registerFromBytes(await io.readStdin(limit)) : openRegister(file, limit);
    result = tallyApplications(register.records, { year, edition, locale, asOf });
  } catch (error) {
    // A register that turns out unreadable, at its opening or on the way through it, is named.
    if (error instanceof InputError) throw error.message.startsWith(`${file}: `) ? error : new InputError(`${file}: ${error.message}`);
    if (error instanceof RangeError) throw new UsageError(error.message.replace(/^tallyApplications: /, '--'));
    throw error;
  }
  const { applications, findings } = result;
  const ok = !findings.some((f) => f.severity === 'error');
  if (values.json) {
    io.stdout(`${JSON.stringify({ file, ok, year, edition, format: register.format, applications, findings }, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  // One call for either edition: the tally's table is of the edition asked for.
  const report = buildReport({ edition, year, applications } as never) as Report;
  const grid = tableGrids(report).find((g) => g.table.key === 'applications')!;
  const format = FORMATS[to];
  const parts = [format.table(grid)];
  if (findings.length > 0) parts.push(format.findings(findings));
  io.stdout(`${printable(parts.join('\n\n'))}\n`);
  return ok ? 0 : 1;
}

/** The rule that set a deadline, in words. */
function basisWords(basis: DeadlineBasis, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (basis.kind === 'onTheSpot') return zh ? '《条例》第三十三条第一款：当场答复，期限为收到申请之日' : 'Article 33(1): answered on the spot; the deadline is the day of receipt';
  if (basis.kind === 'delayedUntil') return zh ? '《条例》第三十五条：行政机关确定并告知申请人的延迟答复期限' : 'Article 35: the later date the agency set and told the applicant';
  const total = basis.period + basis.extension + basis.excluded;
  const article = basis.period === 20 ? (zh ? '《条例》第三十三条第二款' : 'Article 33(2)') : zh ? '2007年《条例》第二十四条（2019年5月15日前收到的申请）' : 'Article 24 of the 2007 regulations (received before 2019-05-15)';
  const start = basis.restarted ? (zh ? '收到补正申请之日（第三十条）' : 'the day the corrected application arrived (Article 30)') : zh ? '收到申请之日' : 'the day of receipt';
  const parts = zh
    ? [`${basis.period} 个工作日`, basis.extension > 0 && `延期 ${basis.extension} 个工作日`, basis.excluded > 0 && `征求意见 ${basis.excluded} 个工作日不计算在内`]
    : [`${basis.period} working days`, basis.extension > 0 && `an extension of ${basis.extension}`, basis.excluded > 0 && `${basis.excluded} of consultation not counted`];
  const terms = parts.filter(Boolean).join(zh ? '，' : ', ');
  return zh
    ? `${article}：${basis.startOn}（${start}）之后第 ${total} 个工作日（${terms}）`
    : `${article}: the ${ordinal(total)} working day after ${basis.startOn}, ${start} (${terms})`;
}

/** 21st, 22nd, 23rd, 24th; 11th to 13th. */
function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** reply-deadline --received DATE [--extension N] [--extension-notified DATE] [--correction-requested DATE] [--correction-received DATE] [--delayed-until DATE] [--on-the-spot] [--closed DATE] [--as-of DATE] [--json] [--locale zh-CN|en] */
export function replyDeadlineCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      received: { type: 'string' },
      extension: { type: 'string' },
      'extension-notified': { type: 'string' },
      'correction-requested': { type: 'string' },
      'correction-received': { type: 'string' },
      'delayed-until': { type: 'string' },
      'on-the-spot': { type: 'boolean' },
      closed: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      locale: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`reply-deadline takes no argument, got "${positionals[0]}"`);
  const locale: Locale = oneOf('locale', values.locale, LOCALES, 'zh-CN');
  const receivedOn = dateOption('received', values.received);
  if (receivedOn === undefined) throw new UsageError('--received is required: the day the application was received (收到申请之日)');
  if (values.extension !== undefined && !/^\d+$/.test(values.extension)) throw new UsageError(`--extension must be a number of working days, not "${values.extension}"`);
  const correctionReceived = dateOption('correction-received', values['correction-received']);
  const correctionRequested = dateOption('correction-requested', values['correction-requested']);
  const closedOn = dateOption('closed', values.closed);
  const delayedUntil = dateOption('delayed-until', values['delayed-until']);
  // Without --correction-requested, the request is taken as made on receipt: a correction cannot arrive before it.
  if (correctionRequested === undefined && correctionReceived !== undefined && correctionReceived < receivedOn) {
    throw new UsageError(`--correction-received ${correctionReceived} is before --received ${receivedOn}`);
  }
  const record = {
    id: '-',
    applicant: 'naturalPerson',
    receivedOn,
    ...(values['on-the-spot'] && { onTheSpot: true }),
    ...((correctionRequested ?? correctionReceived) !== undefined && { correction: { requestedOn: correctionRequested ?? receivedOn, receivedOn: correctionReceived ?? null } }),
    // Without the day it was notified, an extension is taken as notified in time.
    ...(values.extension !== undefined && { extension: { notifiedOn: dateOption('extension-notified', values['extension-notified']) ?? receivedOn, workingDays: Number(values.extension) } }),
    ...(delayedUntil && { delayedUntil }),
    ...(closedOn && { outcome: 'granted', closedOn }),
  };
  const result = replyDeadline(record, { locale, asOf: dateOption('as-of', values['as-of']) });
  const ok = !result.findings.some((f) => f.severity === 'error');
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  if (result.dueOn && result.basis) io.stdout(`${result.dueOn}\n${basisWords(result.basis, locale)}\n`);
  for (const f of result.findings) (ok ? io.stdout : io.stderr)(findingLines(f, ok ? io.tty : io.ttyErr));
  return ok ? 0 : 1;
}

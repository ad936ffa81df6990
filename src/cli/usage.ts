import { EDITION_KEYS } from '../format/layout.js';
import { PUBLISHED_FILES, REPORT_FILES } from './inputs.js';
import { DEFAULT_MAX_BYTES } from './io.js';

const OUTPUT = `  --format FORMAT  text (default), json (a versioned document: schema/output.json), ndjson (one
                   line per finding), sarif (SARIF 2.1.0) or junit (JUnit XML), for CI annotations
  -q, --quiet      print only the errors, not the warnings and notes
  --max-warnings N exit 1 when there are more than N warnings (errors always exit 1)`;

const JOBS = `  --jobs N         read the files in N worker threads (default: one per core); the output is the same,
                   in the same order, whatever N is; --jobs 1, or a single file, starts no thread`;

const PROGRESS = `On a terminal, a line on standard error counts the files done; nothing when it is piped.`;

const MAX_BYTES = `  --max-bytes N    read at most N bytes of an input (default ${DEFAULT_MAX_BYTES}, 64 MiB): a larger
                   one, or anything that is not a regular file (a FIFO, a device), is refused as unreadable`;

/** The help text of each command. */
export const USAGE = {
  main: `Usage: gov-disclosure-report <command> [options]

Checks and prints 政府信息公开工作年度报告 (government information disclosure annual reports).

Commands:
  validate FILE…   check report JSON files (a folder: every *.json under it; a quoted glob; - for stdin)
  render FILE      print a report's tables in the official layout
  parse FILE       read a published report (HTML, PDF, Word, Excel, plain text or Markdown) into the report JSON
  rollup FILE…     sum report JSON files into one (本级汇总): --agency NAME --year N
  compare LAST THIS  the cells that changed from last year's report, and the year-over-year findings
  export FILE…     one CSV or NDJSON row per report and cell, from report JSON and published files alike
  schema           print the JSON Schema of the report
  deadline         print the Article 49 publication deadline
  tally FILE       count a register of applications (CSV, TSV, JSON, NDJSON, .xlsx) into table 三
  reply-deadline   print an application's reply deadline in statutory working days

Run "gov-disclosure-report <command> --help" or "gov-disclosure-report help <command>" for a
command's options.
Options: --help, --version; --color / --no-color (default: on a terminal, unless NO_COLOR is
set; FORCE_COLOR=1 turns it on anywhere)

Every command exits 2, with one line on standard error, when its output cannot be written
(a full disk, a reader that has gone).`,
  validate: `Usage: gov-disclosure-report validate FILE… [--previous FILE] [--locale zh-CN|en] [--json | --format FORMAT]
                                             [--quiet] [--max-warnings N] [--max-bytes N] [--jobs N]

Validates report JSON files against the format and every rule of the catalogue.
A folder validates every *.json file under it, sub-folders too (hidden ones and node_modules
skipped); a quoted glob such as 'reports/**/*.json' is expanded by the command itself;
- reads standard input.

Options:
  --previous FILE  last year's report: turns on the continuity.* rules
  --locale LOCALE  language of the messages: zh-CN (default) or en
  --json           print [{file, ok, findings}] as JSON, with "error" for a file that cannot be read
${OUTPUT}
${MAX_BYTES}
${JOBS}

An unreadable file is reported and the others are still validated. ${PROGRESS}
Exit status: 0 no error (warnings allowed), 1 an error in a report, 2 unreadable input.`,
  render: `Usage: gov-disclosure-report render FILE [--to markdown|html|text|xlsx|docx] [-o FILE] [--locale zh-CN|en] [--max-bytes N]

Prints the report's tables in the official layout and labels, marking the cells at fault; or
writes them as an Excel workbook, or the whole report as a Word document (the findings then go
to standard error).

Options:
  --to FORMAT      text (default), markdown or html; xlsx (a sheet per table) or docx (needs -o)
  -o, --output FILE  write to FILE instead of standard output, replacing it once the output is
                     complete (a run stopped by a fault or an interrupt leaves it as it was)
  --locale LOCALE  language of the findings listed after the tables: zh-CN (default) or en
${MAX_BYTES}

Exit status: 0 no error, 1 an error in the report, 2 unreadable input.`,
  parse: `Usage: gov-disclosure-report parse FILE… [--json | --format FORMAT] [--quiet] [--max-warnings N]
                                          [--locale zh-CN|en] [--max-bytes N] [--jobs N]

Reads a published report into the canonical report JSON, printed on standard output, with the
findings on standard error. The kind of input is told from its content: HTML pages and web
archives (.mht, .mhtml), PDF files, Word (.docx, .doc) and Excel (.xlsx, .xls) files and Office's
XML files (Word and Excel 2003 XML, Flat OPC; as .doc, .xls, or .xml given by name), and plain text
or Markdown (text extractions whose rows keep their figures on one line).

Several files, a folder (its ${PUBLISHED_FILES.name} files, sub-
folders too) or a quoted glob print the findings of each file, or with --format json each
file's {file, ok, findings, report}. ${PROGRESS}

Options:
  --json           one FILE: print {ok, report, edition, provenance, extras, findings} instead
${OUTPUT}
  --locale LOCALE  language of the findings: zh-CN (default) or en
${MAX_BYTES}
${JOBS}

Exit status: 0 no error, 1 an error (a table missing, or the report's own numbers), 2 unreadable input.`,
  rollup: `Usage: gov-disclosure-report rollup FILE… --agency NAME --year N [--publisher department|government|other]
                                           [--edition ${EDITION_KEYS.join('|')}] [--to json|html|markdown|text] [--json]
                                           [--locale zh-CN|en] [--max-bytes N]

Sums report JSON files (a folder: every *.json under it; a quoted glob) into one report of the
body NAME for year N (本级汇总): every count summed, every total derived, amounts summed exactly.
Prints the sum's report JSON, or its tables with --to; the findings go to standard error, each
at its file (a.json#/year). A part of another year or edition is left out with rollup.year or
rollup.edition (errors); a part with faults of its own is summed, its findings listed.

Options:
  --agency NAME    the body the sum reports for (required)
  --year N         the report year (required)
  --publisher P    department, government or other
  --edition E      the edition of the sum (default: that of the first part of year N)
  --to FORMAT      json (default: the report JSON), html, markdown or text (the tables)
  --json           print {ok, files, summed, report, findings} instead, nothing on standard error
  --locale LOCALE  language of the findings: zh-CN (default) or en
${MAX_BYTES}

Exit status: 0 no error, 1 an error (a part left out, or a part's own), 2 unreadable input.`,
  compare: `Usage: gov-disclosure-report compare LAST THIS [--format text|json] [--grew-to X] [--fell-to X] [--at-least N]
                                            [--locale zh-CN|en] [--max-bytes N]

Compares this year's report JSON (THIS) with last year's (LAST), cell by cell: every figure that
changed, with its labels, last year's and this year's values, the change and the ratio; then the
continuity.* findings (this year's carried-over against last year's carried-forward, …) and a
trend.jump warning for each figure that jumped.

Options:
  --format FORMAT  text (default) or json: {ok, changes: [{path, label, row, column, previous,
                   current, delta, ratio}], findings}
  --grew-to X      a figure that grew to X times last year's or more is a jump (default 5)
  --fell-to X      a figure that fell to X times last year's or less is a jump (default 0.2)
  --at-least N     only when the larger of the two figures is at least N (default 10)
  --locale LOCALE  language of the findings: zh-CN (default) or en
${MAX_BYTES}

Exit status: 0 no error (jumps are warnings), 1 an error (continuity), 2 unreadable input.`,
  export: `Usage: gov-disclosure-report export FILE… [--to csv|ndjson] [-o FILE] [--jobs N] [--max-bytes N]

Writes one row per report and cell, for a spreadsheet or pandas: file, agency, year, edition,
pointer (the cell's JSON Pointer), table, row and column (the official labels), value (a count,
an amount as its decimal string, empty for a blank cell). Takes report JSON files and published
reports alike (told from the content; a published one is read as parse reads it); a folder
gives every ${REPORT_FILES.name} file under it.

Options:
  --to FORMAT      csv (default: UTF-8 with a byte order mark, so Excel shows the Chinese, and
                   CRLF line ends) or ndjson (one JSON object a line, null for a blank cell)
  -o, --output FILE  write to FILE instead of standard output, replacing it once the output is
                     complete (a run stopped by a fault or an interrupt leaves it as it was)
${MAX_BYTES}
${JOBS}

A file that cannot be read, or holds no report, is named on standard error and the others are
still exported. ${PROGRESS}
Exit status: 0 every file exported, 1 a file with no report in it, 2 unreadable input.`,
  schema: `Usage: gov-disclosure-report schema [--edition ${EDITION_KEYS.join('|')}]

Prints the JSON Schema (draft 2020-12) of the report JSON: of one edition, or of either.

Exit status: 0, or 2 for a bad option.`,
  deadline: `Usage: gov-disclosure-report deadline --year N --publisher department|government

Prints the Article 49 (条例第四十九条) deadline for publishing the report of year N:
departments by 31 January, governments by 31 March of the next year.

Exit status: 0, or 2 for a bad option.`,
  tally: `Usage: gov-disclosure-report tally FILE --year N [--edition 2021|2019] [--as-of DATE] [--json] [--to text|markdown|html] [--locale zh-CN|en] [--max-bytes N]

Counts a register (台账) of 政府信息公开申请 into table 三 of report year N and prints it in the
official layout, the findings under it. The kind of file is told from its content: an .xlsx
workbook (its first sheet), a JSON array, NDJSON (one record a line, read as it streams), or
CSV/TSV with a header row; text in UTF-8 or GB18030. Headers are the record's JSON keys or
申请编号, 申请人类型, 收到申请日期, 提交方式, 当场答复, 补正告知日期, 补正收到日期, 延期告知日期,
延期工作日, 延迟答复日期, 办理结果, 办结日期; dates YYYY-MM-DD, YYYY/M/D,
YYYY年M月D日 or an Excel date cell, a time of day after them left out.

Options:
  --year N         the report year (required)
  --edition E      ${EDITION_KEYS.join(' or ')} (default 2021)
  --as-of DATE     check open applications for case.overdue on this day (default: the end of the year)
  --json           print {file, ok, year, edition, format, applications, findings}
  --to FORMAT      text (default), markdown or html
  --locale LOCALE  language of the findings: zh-CN (default) or en
${MAX_BYTES}
                   (an NDJSON file is streamed and not limited)

Exit status: 0 no error (warnings allowed), 1 an error in the register, 2 unreadable input.`,
  'reply-deadline': `Usage: gov-disclosure-report reply-deadline --received DATE [--extension N] [--extension-notified DATE]
                   [--correction-requested DATE] [--correction-received DATE] [--delayed-until DATE]
                   [--on-the-spot] [--closed DATE] [--as-of DATE] [--json] [--locale zh-CN|en]

Prints the reply deadline of one application (条例第三十条至第三十五条) on the State Council's
working-day calendar, and the rule that set it.

Options:
  --received DATE              收到申请之日 (required)
  --extension N                延期: working days added (taken as notified in time unless --extension-notified)
  --correction-received DATE   补正: the period restarts from the corrected application
  --delayed-until DATE         第三十五条: the later date the agency set
  --on-the-spot                当场答复
  --closed DATE                the day the reply was given: prints how late it was
  --as-of DATE                 an open application past its deadline on this day is overdue
  --json                       print {dueOn, lateBy, findings, basis}

Exit status: 0, 1 for an error finding (the calendar does not cover a day the deadline needs, or
the dates are out of order: --closed before --received), 2 for a bad option.`,
} as const;

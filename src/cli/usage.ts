import { EDITION_KEYS } from '../format/layout.js';
import { DEFAULT_MAX_BYTES } from './io.js';

const MAX_BYTES = `  --max-bytes N    read at most N bytes of an input (default ${DEFAULT_MAX_BYTES}, 64 MiB): a larger
                   one, or anything that is not a regular file (a FIFO, a device), is refused as unreadable`;

/** The help text of each command. */
export const USAGE = {
  main: `Usage: gov-disclosure-report <command> [options]

Checks and prints 政府信息公开工作年度报告 (government information disclosure annual reports).

Commands:
  validate FILE…   check report JSON files (a directory: every *.json in it; - for stdin)
  render FILE      print a report's tables in the official layout
  parse FILE       read a published report (HTML, PDF, plain text or Markdown) into the report JSON
  schema           print the JSON Schema of the report
  deadline         print the Article 49 publication deadline

Run "gov-disclosure-report <command> --help" for a command's options.
Options: --help, --version

Every command exits 2, with one line on standard error, when its output cannot be written
(a full disk, a reader that has gone).`,
  validate: `Usage: gov-disclosure-report validate FILE… [--previous FILE] [--locale zh-CN|en] [--json] [--max-bytes N]

Validates report JSON files against the format and every rule of the catalogue.
A directory validates every *.json file directly in it (not in its sub-directories);
- reads standard input.

Options:
  --previous FILE  last year's report: turns on the continuity.* rules
  --locale LOCALE  language of the messages: zh-CN (default) or en
  --json           print [{file, ok, findings}] as JSON, with "error" for a file that cannot be read
${MAX_BYTES}

An unreadable file is reported and the others are still validated.
Exit status: 0 no error (warnings allowed), 1 an error in a report, 2 unreadable input.`,
  render: `Usage: gov-disclosure-report render FILE [--to markdown|html|text] [--locale zh-CN|en] [--max-bytes N]

Prints the report's tables in the official layout and labels, marking the cells at fault.

Options:
  --to FORMAT      text (default), markdown or html
  --locale LOCALE  language of the findings listed after the tables: zh-CN (default) or en
${MAX_BYTES}

Exit status: 0 no error, 1 an error in the report, 2 unreadable input.`,
  parse: `Usage: gov-disclosure-report parse FILE [--json] [--locale zh-CN|en] [--max-bytes N]

Reads a published report into the canonical report JSON, printed on standard output, with the
findings on standard error. The kind of input is told from its content: HTML pages, PDF files,
and plain text or Markdown (text extractions whose rows keep their figures on one line).

Options:
  --json           print {ok, report, edition, provenance, extras, findings} instead
  --locale LOCALE  language of the findings: zh-CN (default) or en
${MAX_BYTES}

Exit status: 0 no error, 1 an error (a table missing, or the report's own numbers), 2 unreadable input.`,
  schema: `Usage: gov-disclosure-report schema [--edition ${EDITION_KEYS.join('|')}]

Prints the JSON Schema (draft 2020-12) of the report JSON: of one edition, or of either.

Exit status: 0, or 2 for a bad option.`,
  deadline: `Usage: gov-disclosure-report deadline --year N --publisher department|government

Prints the Article 49 (条例第四十九条) deadline for publishing the report of year N:
departments by 31 January, governments by 31 March of the next year.

Exit status: 0, or 2 for a bad option.`,
} as const;

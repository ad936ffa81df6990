/**
 * The rows of `export`: one per report and cell, every label taken from the
 * edition's layout, as CSV for Excel or NDJSON for pandas and jq.
 */
import { layoutOf, type CellInfo, type ObjectNode } from '../format/layout.js';
import type { Report } from '../model/types.js';

/**
 * The values of `export --to`.
 *
 * @example
 * ```ts
 * import { EXPORT_FORMATS } from './export-rows.js';
 * EXPORT_FORMATS; // ['csv', 'ndjson']
 * ```
 */
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;

/**
 * A value of `export --to`.
 *
 * @example
 * ```ts
 * import type { ExportFormat } from './export-rows.js';
 * const to: ExportFormat = 'csv';
 * ```
 */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of a row, in order: the CSV header and the NDJSON keys. */
const EXPORT_COLUMNS = ['file', 'agency', 'year', 'edition', 'pointer', 'table', 'row', 'column', 'value'] as const;

/**
 * What starts a CSV export: the byte order mark, without which Excel reads
 * UTF-8 as the local code page and garbles the Chinese, then the header.
 *
 * @example
 * ```ts
 * import { csvHead } from './export-rows.js';
 * csvHead(); // '\uFEFFfile,agency,year,edition,pointer,table,row,column,value\r\n'
 * ```
 */
export function csvHead(): string {
  return `\uFEFF${csvLine(EXPORT_COLUMNS)}`;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. Four lines
// are simpler than a dependency, and csv-parse (already one) reads them back in the tests.
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (value: string) => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;
// A text from the input (its file name, the agency it names) that Excel would run as a formula keeps a
// leading ' and stays text, as OWASP advises for CSV meant for spreadsheets; the labels and figures are the
// library's own and never start so.
const FORMULA_START = /^[=+\-@\t\r]/;
const csvText = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

type Json = Record<string, unknown>;

/** Each cell under `node` with its value and the label of the row holding it, in the order of the form. */
function* cellsUnder(node: ObjectNode, object: Json | undefined): Generator<{ cell: CellInfo; row: string; value: unknown }> {
  for (const child of node.children) {
    const value = object?.[child.key];
    if (child.type === 'object') yield* cellsUnder(child, value as Json | undefined);
    else yield { cell: child.cell, row: node.label, value: value ?? null };
  }
}

/**
 * One row per cell of the report, CSV lines (CRLF) or NDJSON lines: the
 * file, the report's agency, year and edition, the cell's JSON Pointer, its
 * table, row and column labels, and its value — a count as a number, an
 * amount as its decimal string, a blank cell empty (CSV) or `null`.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { exportRows } from './export-rows.js';
 * const report = buildReport({ edition: '2021', year: 2024, agency: '某局', proactive: { fees: { amount: '1.5' } } });
 * const lines = exportRows('a.json', report, 'ndjson').trimEnd().split('\n');
 * lines.length; // 200
 * JSON.parse(lines.find((l) => l.includes('/proactive/fees/amount'))!).value; // '1.5000'
 * exportRows('a.json', report, 'csv').split('\r\n')[0]; // 'a.json,某局,2024,2021,/proactive/regulations/issued,二、主动公开政府信息情况,第二十条第（一）项 · 规章,本年制发件数,0'
 * exportRows('a.json', { ...report, agency: '=HYPERLINK("x")' }, 'csv').split(',')[1]; // '"\'=HYPERLINK(""x"")"'
 * ```
 */
export function exportRows(file: string, report: Report, to: ExportFormat): string {
  const layout = layoutOf(report.edition);
  const agency = report.agency ?? null;
  // A published report whose title was not read has no year: blank, as a blank agency is.
  const year = report.year ?? null;
  const lines: string[] = [];
  for (const table of layout.tables) {
    for (const { cell, row, value } of cellsUnder(table, (report as unknown as Json)[table.key] as Json | undefined)) {
      if (to === 'ndjson') {
        lines.push(`${JSON.stringify({ file, agency, year, edition: report.edition, pointer: cell.pointer, table: cell.table.label, row, column: cell.column.label, value })}\n`);
      } else {
        lines.push(csvLine([csvText(file), csvText(agency ?? ''), year === null ? '' : String(year), report.edition, cell.pointer, cell.table.label, row, cell.column.label, value === null ? '' : String(value)]));
      }
    }
  }
  return lines.join('');
}

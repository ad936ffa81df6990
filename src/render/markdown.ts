import type { Finding } from '../validate/finding.js';
import { denseRows, type Slot } from './dense.js';
import { escapeHtml } from './html.js';
import type { TableGrid } from './grid.js';
import { markedText } from './text.js';

/** Text for Markdown: no HTML gets through (a report's strings are not trusted), and one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>]/g, (ch) => escapeHtml(ch)).replaceAll('\n', ' ');
}

/** Text for a Markdown table cell: also no `|`. */
export const escapeCell = (text: string) => escapeMarkdown(text).replaceAll('|', '\\|');

function gfm(header: string[], body: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/**
 * One table as GitHub-flavoured Markdown, which has no spans: table 二 as
 * one small table per Article 20 block under its header; tables 三 and 四
 * with their stacked column headers joined into one header row (申请人情况 ·
 * 法人或其他组织 · 商业企业), and each row label in the row where it starts.
 */
export function tableMarkdown(grid: TableGrid): string {
  const dense = denseRows(grid);
  const text = ({ cell, start }: Slot) => (!start ? '' : cell.faults ? `**${markedText(cell)}**` : cell.text);
  const starts = (row: Slot[]) => row.filter((slot) => slot.start).map(text);
  const parts = [`## ${grid.heading}`];
  if (grid.headerRows === 0) {
    // Table 二: a full-width header line opens each block, the next line holds its column labels.
    const opens = dense.flatMap((row, r) => (row[0]!.cell.colspan === grid.width ? [r] : []));
    opens.forEach((r, i) => {
      const lines = dense.slice(r + 2, opens[i + 1] ?? dense.length);
      parts.push(`**${escapeMarkdown(dense[r]![0]!.cell.text)}**`, gfm(starts(dense[r + 1]!), lines.map(starts)));
    });
  } else {
    // A header names every column it spans, except the corner note, which also spans rows: it names its first column.
    const header = Array.from({ length: grid.width }, (_, c) => {
      const names: string[] = [];
      for (const row of dense.slice(0, grid.headerRows)) {
        const { cell, start } = row[c]!;
        const namesIt = start || cell.rowspan === 1 || cell.colspan === 1;
        if (namesIt && names.at(-1) !== cell.text) names.push(cell.text);
      }
      return names.join(' · ');
    });
    parts.push(gfm(header, dense.slice(grid.headerRows).map((row) => row.map(text))));
  }
  return parts.join('\n\n');
}

/** The findings as a Markdown list. */
export function findingsMarkdown(findings: readonly Finding[]): string {
  return findings
    .map((f) => `- ${f.severity === 'error' ? '**error**' : f.severity} \`${f.code}\` \`${f.path.replaceAll('`', "'")}\`: ${escapeMarkdown(f.message)}`)
    .join('\n');
}

import type { Finding } from '../validate/finding.js';
import type { GridCell, TableGrid } from './grid.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function cellHtml(cell: GridCell): string {
  const attributes: string[] = [];
  if (cell.colspan > 1) attributes.push(`colspan="${cell.colspan}"`);
  if (cell.rowspan > 1) attributes.push(`rowspan="${cell.rowspan}"`);
  if (cell.pointer) attributes.push(`data-pointer="${escapeHtml(cell.pointer)}"`);
  if (cell.faults) {
    const severity = cell.faults.some((f) => f.severity === 'error') ? 'error' : 'warning';
    attributes.push(`class="fault fault-${severity}"`, `title="${escapeHtml(cell.faults.map((f) => f.message).join('\n'))}"`);
  } else if (cell.involved) {
    attributes.push('class="involved"');
  }
  const tag = cell.header ? 'th' : 'td';
  return `<${tag}${attributes.map((a) => ` ${a}`).join('')}>${escapeHtml(cell.text)}</${tag}>`;
}

/** One table as HTML: `<thead>` for its column header rows, spans as the form prints them. */
export function tableHtml(grid: TableGrid): string {
  const row = (cells: GridCell[]) => `<tr>${cells.map(cellHtml).join('')}</tr>`;
  const head = grid.rows.slice(0, grid.headerRows).map(row).join('\n');
  const body = grid.rows.slice(grid.headerRows).map(row).join('\n');
  return [
    `<section class="gdr-section" data-table="${grid.table.key}">`,
    `<h2>${escapeHtml(grid.heading)}</h2>`,
    `<table class="gdr-table" data-table="${grid.table.key}">`,
    head ? `<thead>\n${head}\n</thead>` : '',
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The findings as an HTML list, each with its code and path. */
export function findingsHtml(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const items = findings.map(
    (f) =>
      `<li class="finding finding-${f.severity}" data-code="${escapeHtml(f.code)}" data-path="${escapeHtml(f.path)}">` +
      `<code>${escapeHtml(f.code)}</code> ${escapeHtml(f.message)}</li>`,
  );
  return `<ol class="gdr-findings">\n${items.join('\n')}\n</ol>`;
}

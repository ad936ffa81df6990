import type { Finding } from '../validate/finding.js';
import { denseRows } from './dense.js';
import type { GridCell, TableGrid } from './grid.js';

// East Asian wide and full-width characters take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** The width of text in a monospaced terminal. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** A figure with its fault mark: `*` for an error, `?` for a warning. */
export function markedText(cell: GridCell): string {
  if (!cell.faults) return cell.text;
  return `${cell.text}${cell.faults.some((f) => f.severity === 'error') ? '*' : '?'}`;
}

const GAP = 2;

/**
 * One table as aligned plain text: every row of the form, a cell spanning
 * columns laid across them. Column widths come from the single-column cells,
 * then widen where a spanning cell needs more room.
 */
export function tableText(grid: TableGrid): string {
  const dense = denseRows(grid);
  const widths = Array<number>(grid.width).fill(0);
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((a, b) => a + b, 0) + GAP * (span - 1);
  const starts = dense.flatMap((row) => row.flatMap((slot, c) => (slot.start ? [{ c, cell: slot.cell, text: markedText(slot.cell) }] : [])));
  for (const { c, cell, text } of starts) if (cell.colspan === 1) widths[c] = Math.max(widths[c]!, displayWidth(text));
  for (const { c, cell, text } of starts.filter((s) => s.cell.colspan > 1).sort((a, b) => a.cell.colspan - b.cell.colspan)) {
    const missing = displayWidth(text) - spanWidth(c, cell.colspan);
    if (missing > 0) widths[c + cell.colspan - 1]! += missing;
  }
  const lines = dense.map((row) => {
    let line = '';
    row.forEach((slot, c) => {
      // A cell is drawn where it starts, and where a row span carries it down, as blank room.
      if (row[c - 1]?.cell === slot.cell) return;
      const text = slot.start ? markedText(slot.cell) : '';
      line += text + ' '.repeat(spanWidth(c, slot.cell.colspan) - displayWidth(text) + GAP);
    });
    return line.trimEnd();
  });
  if (grid.headerRows > 0) lines.splice(grid.headerRows, 0, '-'.repeat(spanWidth(0, grid.width)));
  return `${grid.heading}\n\n${lines.join('\n')}`;
}

/** The findings as plain lines, after a legend of the marks: severity mark, code, path and message. */
export function findingsText(findings: readonly Finding[]): string {
  return ['(* error, ? warning)', ...findings.map((f) => `${f.severity === 'error' ? '*' : '?'} ${f.code} ${f.path}\n  ${f.message}`)].join('\n');
}

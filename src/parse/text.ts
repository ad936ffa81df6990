/**
 * Plain text as other tools extract it from web pages and PDFs: each table
 * line broken into cells at tabs, `|` and spaces. A row is found by its
 * label, and takes the figures that follow the label on the same line, in
 * the form's column order, only when there are exactly as many as the row
 * has columns; anything else leaves the row blank and says so. Figures are
 * never borrowed from another line, so none lands in the wrong row.
 */
import type { CellInfo, Layout } from '../format/layout.js';
import type { TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import type { SourceCell, SourceLine } from './html.js';
import { namesLabel, normalizeLabel } from './normalize.js';
import { record, type Mapped } from './tables.js';

/** A figure-like token: a number (with an optional unit), or a placeholder. */
const VALUE = /^(?:[+-]?\d+(?:\.\d+)?(?:万元|元)?|\/|-+|—+|–|无)$/;

/**
 * One line's cells: tabs, `|` and runs of spaces part cells; within a cell,
 * text runs join into one label (a wrapped label keeps its pieces) and each
 * figure stands alone (`行政处罚 0` is a label and a figure).
 */
export function cellsOf(line: SourceLine): SourceCell[] {
  const cells: SourceCell[] = [];
  const segments = /[^\t|｜]+/g;
  for (let segment = segments.exec(line.text); segment; segment = segments.exec(line.text)) {
    let text: SourceCell | undefined;
    const tokens = /[^\s]+(?: (?=[^\s]))?/g;
    for (const part of segment[0].split(/ {2,}/)) {
      const base = line.offset + segment.index + segment[0].indexOf(part);
      for (let token = tokens.exec(part); token; token = tokens.exec(part)) {
        const word = token[0].trim();
        if (VALUE.test(word.normalize('NFKC'))) {
          text = undefined;
          cells.push({ text: word, label: '', offset: base + token.index, colspan: 1, rowspan: 1 });
        } else if (text) {
          text.text += word;
          text.label = normalizeLabel(text.text);
        } else {
          text = { text: word, label: normalizeLabel(word), offset: base + token.index, colspan: 1, rowspan: 1 };
          cells.push(text);
        }
      }
      text = undefined;
    }
  }
  return cells;
}

/** The leaf rows of a table, each with its cells in column order and the labels that name it. */
function rowsOf(layout: Layout, table: TableMeta) {
  const rows = new Map<string, { cells: CellInfo[]; label: string; groups: string[] }>();
  for (const cell of layout.cells.filter((c) => c.table.key === table.key)) {
    const pointer = cell.pointer.slice(0, cell.pointer.lastIndexOf('/'));
    const row = rows.get(pointer) ?? { cells: [], label: cell.rows.at(-1)!.label, groups: cell.rows.slice(0, -1).map((r) => r.label) };
    row.cells.push(cell);
    rows.set(pointer, row);
  }
  return [...rows.entries()];
}

/**
 * Tables 二 and 三 from lines of text: each line whose label cell names a
 * row gives that row the figures after the label, if they are exactly as
 * many as its columns.
 */
export function mapTextRows(lines: readonly SourceLine[], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const rows = rowsOf(layout, table);
  for (const line of lines) {
    const cells = cellsOf(line);
    // The innermost label of the line: the last text cell that names a row.
    for (let i = cells.length - 1; i >= 0; i--) {
      const cell = cells[i]!;
      if (cell.label === '') continue;
      const candidates = rows.filter(([, row]) => namesLabel(cell.label, row.label));
      const found =
        candidates.length === 1 ? candidates[0] : candidates.find(([, row]) => row.groups.some((g) => cells.some((c) => c.label !== '' && namesLabel(c.label, g))));
      if (!found) continue;
      const [pointer, row] = found;
      if (row.cells.some((c) => into.values.has(c.index))) break; // a row is read once: a repeated label is not a second reading
      const figures = cells.slice(i + 1).filter((c) => c.label === '');
      if (figures.length === row.cells.length) {
        row.cells.forEach((target, k) => record(into, target, figures[k]!, out));
      } else if (figures.length > 0) {
        out.add('parse.unreadableCell', pointer, { actual: figures.map((f) => f.text).join(' ').slice(0, 200), detail: String(row.cells.length) });
      }
      break;
    }
  }
}

/** Table 四 from lines of text: the figures after its header, when they are exactly one per cell. */
export function mapTextAcross(lines: readonly SourceLine[], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const block = table.blocks[0]!;
  const cells = layout.cells.filter((c) => c.table.key === table.key);
  const all = lines.map(cellsOf);
  const lastHeader = all.reduce((last, line, i) => (line.some((c) => c.label !== '' && namesLabel(c.label, block.columns[0]!.label)) ? i : last), -1);
  const figures = all.slice(lastHeader + 1).flat().filter((c) => c.label === '');
  if (figures.length === cells.length) cells.forEach((cell, k) => record(into, cell, figures[k]!, out));
  else if (figures.length > 0) out.add('parse.unreadableCell', `/${table.key}`, { actual: figures.map((f) => f.text).join(' ').slice(0, 200), detail: String(cells.length) });
}

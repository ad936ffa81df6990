/**
 * Plain text as other tools extract it from web pages and PDFs: each table
 * line broken into cells at tabs, `|` and spaces. A row is found by its
 * label, and takes the figures that follow the label on the same line, in
 * the form's column order, only when there are exactly as many as the row
 * has columns (in a well-formed Markdown table, its columns of figures,
 * blanks included); anything else leaves the row blank and says so. Figures are
 * never taken from another line, so none lands in the wrong row.
 */
import type { Layout } from '../format/layout.js';
import type { TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import type { SourceCell, SourceLine } from './source.js';
import { normalizeLabel } from './normalize.js';
import { withUnits } from './header-units.js';
import { leafRows, recordCell, recordRow, type Mapped, type TableReading } from './rows.js';

/** A figure-like token: a number (with an optional unit), or a placeholder. */
const VALUE = /^(?:[+-]?\d+(?:\.\d+)?(?:万元|元)?|\/|-+|—+|–|无)$/;

/** Whether a word is a figure: a number (with an optional unit), or a placeholder; full-width forms read as half-width. */
const isFigure = (word: string) => VALUE.test(word.replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

/**
 * One line's cells. In a line with `|`, each piece between two `|` is one
 * cell: a figure when it is one figure-like word, a blank when it is empty,
 * else a label, whatever it holds (`（一）予以公开（含 3 件）` is one label).
 * Otherwise tabs and runs of spaces part cells; within a cell, text runs join
 * into one label (a wrapped label keeps its pieces) and each figure stands
 * alone (`行政处罚 0` is a label and a figure).
 */
export function cellsOfTextLine(line: SourceLine): SourceCell[] {
  return /[|｜]/.test(line.text) ? pipeCells(line) : spacedCells(line);
}

function pipeCells(line: SourceLine): SourceCell[] {
  const cells: SourceCell[] = [];
  const pieces = line.text.split(/[|｜]/);
  let offset = line.offset;
  pieces.forEach((piece, i) => {
    const at = offset + (piece.length - piece.trimStart().length);
    offset += piece.length + 1;
    const text = piece.trim();
    // Before the first | and after the last, nothing is no cell; a Markdown |---| rule is none either.
    if ((text === '' && (i === 0 || i === pieces.length - 1)) || /^:?-{3,}:?$/.test(text)) return;
    const label = text === '' || isFigure(text) ? '' : normalizeLabel(text);
    cells.push({ text, label, offset: at, colspan: 1, rowspan: 1 });
  });
  return cells;
}

function spacedCells(line: SourceLine): SourceCell[] {
  const cells: SourceCell[] = [];
  // Cells part at tabs and runs of two spaces or more; words within a cell part at single spaces.
  const pattern = /\S+|\t| {2,}| /g;
  let text: { raw: string[]; offset: number } | undefined;
  const close = () => {
    if (text) cells.push({ text: text.raw.join(''), label: normalizeLabel(text.raw.join('')), offset: text.offset, colspan: 1, rowspan: 1 });
    text = undefined;
  };
  for (let match = pattern.exec(line.text); match; match = pattern.exec(line.text)) {
    const word = match[0];
    if (word === ' ') continue;
    if (word === '\t' || word.startsWith('  ')) {
      close();
      continue;
    }
    // A rule of dashes under a header: no cell.
    if (/^:?-{3,}:?$/.test(word)) continue;
    const offset = line.offset + match.index;
    if (isFigure(word)) {
      close();
      cells.push({ text: word, label: '', offset, colspan: 1, rowspan: 1 });
    } else if (text) text.raw.push(word);
    else text = { raw: [word], offset };
  }
  close();
  return cells;
}

/** Whether a cell is blank: a `|` table's empty cell. */
export const isBlank = (cell: SourceCell) => cell.text.trim() === '';

/**
 * A row's figures among the cells after its label: all of them when they
 * are as many as its columns; else, when that leaves exactly as many and no
 * blank among them, all but the blank cells at either end (the padding
 * columns of a `|` table). A blank left inside could be padding as well as
 * the row's own (a merged cell exported as a figure and a blank), so such a
 * row is not read. Cells that are all blank are no reading. (The rows of a
 * well-formed Markdown table come laid on its columns, {@link cellsByLine}:
 * their cells are exact, and read by the first rule.)
 */
export function figuresOf(cells: readonly SourceCell[], count: number): readonly SourceCell[] | undefined {
  if (cells.every(isBlank)) return undefined;
  if (cells.length === count) return cells;
  let [start, end] = [0, cells.length];
  while (start < end && isBlank(cells[start]!)) start++;
  while (end > start && isBlank(cells[end - 1]!)) end--;
  const trimmed = cells.slice(start, end);
  return trimmed.length === count && !trimmed.some(isBlank) ? trimmed : undefined;
}

/**
 * Tables 二 and 三 from lines of text: each line whose label cell names a
 * row gives that row the figures after the label, if they are exactly as
 * many as its columns.
 */
export function mapTextRows(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList, { nameRow, units }: TableReading): void {
  const columns = leafRows(layout, table)[0]?.cells.map((cell) => cell.column.key) ?? [];
  for (const cells of lines) {
    const labels = cells.flatMap((c) => (c.label === '' ? [] : [c.label]));
    // The innermost label of the line: the last text cell that names a row.
    for (let i = cells.length - 1; i >= 0; i--) {
      const cell = cells[i]!;
      if (cell.label === '') continue;
      const { row, slip, group } = nameRow(cell.label, labels);
      // The cells from the first figure after the label on, words among them kept in place (不适用 is
      // a cell that is not a figure, not a gap); words right after the label are more of it.
      const after = cells.slice(i + 1);
      const first = after.findIndex((c) => c.label === '');
      const figures = first < 0 ? [] : after.slice(first);
      // A group's own row (（六）其他处理 0 0 0 0 0 0 0): a subtotal, settled once the table is read.
      const subtotal = group && figuresOf(figures, columns.length);
      if (group && subtotal) {
        into.groupRows.push({ ...group, table: table.key, label: cell.text.trim(), figures: new Map(columns.map((key, k) => [key, subtotal[k]])), offset: cell.offset });
        break;
      }
      if (!row) continue;
      const seen = row.cells.some((c) => into.provenance.has(c.pointer));
      const own = figuresOf(figures, row.cells.length);
      // A row printed again with the same figures is the same reading; with others, it is unsure (recordRow).
      if (own) {
        recordRow(into, row.cells, withUnits(row.cells, own, units), row.pointer, out, slip);
      } else if (!figures.every(isBlank) && !seen) {
        out.add('parse.unreadableCell', row.pointer, { actual: figures.map((f) => f.text).join(' ').slice(0, 200) });
      }
      break;
    }
  }
}

/**
 * Table 四 from lines of text: the one line that holds a figure for every
 * cell and nothing else. No line like that, or more than one, leaves the
 * table unread: figures are never gathered from several lines, where a year
 * or a page number could slip in.
 */
export function mapTextAcross(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const cells = layout.cells.filter((c) => c.table.key === table.key);
  const full = lines.flatMap((line) => (line.every((c) => c.label === '') ? [figuresOf(line, cells.length)] : [])).filter((line) => line !== undefined);
  if (full.length === 1) cells.forEach((cell, k) => recordCell(into, cell, full[0]![k]!, out));
  else if (!mapTextGroups(lines, layout, table, into, out) && lines.some((line) => line.some((c) => c.label === ''))) {
    out.add('parse.unreadableCell', `/${table.key}`);
  }
}

/**
 * Table 四 as one small table per group (行政复议, then each kind of
 * 行政诉讼), as Markdown conversions print it: under a line that names one
 * group, the first line of one figure per outcome and nothing else. Returns
 * whether any group was read.
 */
function mapTextGroups(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): boolean {
  const block = table.blocks[0]!;
  const labels = block.rows.map((row) => normalizeLabel(row.label));
  let group: number | undefined;
  const read = new Set<number>();
  for (const cells of lines) {
    const text = cells.map((c) => c.label).join('');
    const named = labels.flatMap((label, i) => (text.includes(label) ? [i] : []));
    if (named.length === 1) {
      group = named[0];
      continue;
    }
    const figures = cells.every((c) => c.label === '') ? figuresOf(cells, block.columns.length) : undefined;
    if (group === undefined || read.has(group) || !figures) continue;
    const row = block.rows[group]!;
    block.columns.forEach((column, k) => recordCell(into, layout.cellAt.get(`/${table.key}/${row.key}/${column.key}`)!, figures[k]!, out));
    read.add(group);
  }
  return read.size > 0;
}

/**
 * Each line's cells ({@link cellsOfTextLine}), a text printed on many lines split
 * once: a table may print the same line thousands of times. The rows of a
 * well-formed `|` table are then laid on its columns ({@link onColumns}).
 */
export function cellsByLine(lines: readonly SourceLine[]): SourceCell[][] {
  const split = new Map<string, SourceCell[]>();
  const cells = lines.map((line) => {
    let cells = split.get(line.text);
    if (!cells) split.set(line.text, (cells = cellsOfTextLine({ text: line.text, offset: 0 })));
    return cells.map((cell) => ({ ...cell, offset: cell.offset + line.offset }));
  });
  return onColumns(lines, cells);
}

/** The number of pieces between the outer pipes of a line written with a leading and a trailing `|`; undefined for any other line. */
function framedWidth(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed.length >= 2 && /^[|｜]/.test(trimmed) && /[|｜]$/.test(trimmed) ? trimmed.split(/[|｜]/).length - 2 : undefined;
}

/** A Markdown table's delimiter row: `| --- | :---: |`. */
const isRule = (text: string) => framedWidth(text) !== undefined && text.trim().slice(1, -1).split(/[|｜]/).every((piece) => /^\s*:?-{3,}:?\s*$/.test(piece));

/**
 * A `|` table written as well-formed Markdown is a grid: its header line and
 * delimiter row framed by pipes, with as many pieces each, and under them
 * rows framed with as many pieces. In such a row each piece is one column,
 * and a blank piece a blank cell, not padding, wherever it stands. A column
 * before the first one in which any row has a figure, with a label in some
 * row, is a column of labels (a row labelled in the first leaves the next
 * ones empty): a blank piece there is only the layout, and is dropped, so
 * that the cells after a row's label are exactly its columns of figures, a
 * blank at either end included. A column blank in every row is kept: it may
 * be one of figures. A row of any other width, a table not so written (a garbled
 * conversion), or a piece that is a rule of dashes leaves the row as it was
 * split, read with the caution of {@link figuresOf}.
 */
function onColumns(lines: readonly SourceLine[], cells: readonly SourceCell[][]): SourceCell[][] {
  const result = [...cells];
  for (let rule = 1; rule < lines.length; rule++) {
    if (!isRule(lines[rule]!.text)) continue;
    const width = framedWidth(lines[rule - 1]!.text);
    if (width === undefined || framedWidth(lines[rule]!.text) !== width) continue;
    // The body: the framed rows of the header's width under the rule (every piece a cell), up to the next table's header.
    const body: number[] = [];
    for (let r = rule + 1; r < lines.length && !isRule(lines[r + 1]?.text ?? ''); r++) {
      if (framedWidth(lines[r]!.text) !== width || cells[r]!.length !== width) break;
      body.push(r);
    }
    // The label columns: before the first column with a figure in any row, those with a label in some row.
    const firstFigure = Math.min(width, ...body.map((r) => cells[r]!.findIndex((cell) => cell.label === '' && !isBlank(cell))).filter((k) => k >= 0));
    const labelled = new Set(body.flatMap((r) => cells[r]!.flatMap((cell, k) => (k < firstFigure && cell.label !== '' ? [k] : []))));
    for (const r of body) result[r] = cells[r]!.filter((cell, k) => !labelled.has(k) || !isBlank(cell));
  }
  return result;
}

/** A line that is one figure and nothing else: one cell per line, as some pages flatten their tables. */
function loneFigure(cells: readonly SourceCell[]): SourceCell | undefined {
  return cells.length === 1 && cells[0]!.label === '' ? cells[0] : undefined;
}

/**
 * Tables 二 and 三 flattened to one cell per line (or paragraph): a line
 * that names a row, then that row's figures on the lines right after it, one
 * per line, exactly as many as its columns. Anything else leaves the row
 * unread.
 */
export function mapColumnRows(lines: readonly SourceCell[][], into: Mapped, out: FindingList, { nameRow, units }: TableReading): void {
  // The group labels on the lines before, which tell apart rows of one name.
  const groups: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i]!;
    if (cells.length !== 1 || cells[0]!.label === '') continue;
    const { row, slip, group } = nameRow(cells[0]!.label, groups);
    if (!row) {
      if (group) groups.push(cells[0]!.label);
      continue;
    }
    const figures: SourceCell[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const figure = loneFigure(lines[j]!);
      if (!figure) break;
      figures.push(figure);
    }
    const seen = row.cells.some((c) => into.provenance.has(c.pointer));
    if (figures.length === row.cells.length) {
      recordRow(into, row.cells, withUnits(row.cells, figures, units), row.pointer, out, slip);
    } else if (figures.length > 0 && !seen) out.add('parse.unreadableCell', row.pointer, { actual: figures.map((f) => f.text).join(' ') });
  }
}

/** Table 四 flattened to one cell per line: the one run of lone figures with one per cell. */
export function mapColumnAcross(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const cells = layout.cells.filter((c) => c.table.key === table.key);
  const runs: SourceCell[][] = [[]];
  for (const line of lines) {
    const figure = loneFigure(line);
    if (figure) runs.at(-1)!.push(figure);
    else if (runs.at(-1)!.length > 0) runs.push([]);
  }
  const full = runs.filter((run) => run.length === cells.length);
  if (full.length === 1 && runs.filter((run) => run.length > 0).length === 1) cells.forEach((cell, k) => recordCell(into, cell, full[0]![k]!, out));
  else if (runs.some((run) => run.length > 0)) out.add('parse.unreadableCell', `/${table.key}`);
}

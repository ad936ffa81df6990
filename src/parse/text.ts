/**
 * Plain text as other tools extract it from web pages and PDFs: each table
 * line broken into cells at tabs, `|` and spaces. A row is found by its
 * label, and takes the figures that follow the label on the same line, in
 * the form's column order, only when there are exactly as many as the row
 * has columns; anything else leaves the row blank and says so. Figures are
 * never taken from another line, so none lands in the wrong row.
 */
import type { Layout } from '../format/layout.js';
import type { TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import type { SourceCell, SourceLine } from './html.js';
import { normalizeLabel } from './normalize.js';
import { leafRows, record, recordRow, rowNamer, type Mapped } from './tables.js';

/** A figure-like token: a number (with an optional unit), or a placeholder. */
const VALUE = /^(?:[+-]?\d+(?:\.\d+)?(?:万元|元)?|\/|-+|—+|–|无)$/;

/**
 * One line's cells: tabs, `|` and runs of spaces part cells; within a cell,
 * text runs join into one label (a wrapped label keeps its pieces) and each
 * figure stands alone (`行政处罚 0` is a label and a figure).
 */
export function cellsOf(line: SourceLine): SourceCell[] {
  const cells: SourceCell[] = [];
  // Cells part at tabs, | and runs of two spaces or more; words within a cell part at single spaces.
  const pattern = /[^\s|｜]+|\t|[|｜]| {2,}| /g;
  let text: { raw: string[]; offset: number } | undefined;
  // Between two | with nothing but spaces is a blank cell (| 3 |  | 0 |); before the first | is none.
  let sincePipe: 'no pipe yet' | 'nothing' | 'something' = 'no pipe yet';
  const close = () => {
    if (text) cells.push({ text: text.raw.join(''), label: normalizeLabel(text.raw.join('')), offset: text.offset, colspan: 1, rowspan: 1 });
    text = undefined;
  };
  for (let match = pattern.exec(line.text); match; match = pattern.exec(line.text)) {
    const word = match[0];
    const offset = line.offset + match.index;
    if (word === '|' || word === '｜') {
      close();
      if (sincePipe === 'nothing') cells.push({ text: '', label: '', offset, colspan: 1, rowspan: 1 });
      sincePipe = 'nothing';
      continue;
    }
    if (word === ' ') continue;
    if (/^(?:\t| {2,})$/.test(word)) {
      close();
      continue;
    }
    sincePipe = 'something';
    // A Markdown table's |---| rule: no cell.
    if (/^:?-{3,}:?$/.test(word)) continue;
    if (VALUE.test(word.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))) {
      close();
      cells.push({ text: word, label: '', offset, colspan: 1, rowspan: 1 });
    } else if (text) text.raw.push(word);
    else text = { raw: [word], offset };
  }
  close();
  return cells;
}

/**
 * A row's figures among the cells after its label: all of them when they
 * are as many as its columns; else, when that leaves exactly as many, all
 * but the blank cells at either end (the padding columns of a `|` table).
 * Trimming only blanks at the ends cannot move a figure to another column:
 * the count comes out right only when no blank of the row itself was
 * trimmed. Cells that are all blank are no reading.
 */
export function figuresOf(cells: readonly SourceCell[], count: number): readonly SourceCell[] | undefined {
  // Only blanks is no reading at all: a | table's header line ends in its padding (总计 | ||||||).
  if (cells.every((cell) => cell.text.trim() === '')) return undefined;
  if (cells.length === count) return cells;
  let [start, end] = [0, cells.length];
  while (start < end && cells[start]!.text.trim() === '') start++;
  while (end > start && cells[end - 1]!.text.trim() === '') end--;
  return end - start === count ? cells.slice(start, end) : undefined;
}

/**
 * Tables 二 and 三 from lines of text: each line whose label cell names a
 * row gives that row the figures after the label, if they are exactly as
 * many as its columns.
 */
export function mapTextRows(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const nameRow = rowNamer(layout, table);
  const columns = leafRows(layout, table)[0]?.cells.map((cell) => cell.column.key) ?? [];
  for (const cells of lines) {
    const labels = cells.flatMap((c) => (c.label === '' ? [] : [c.label]));
    // The innermost label of the line: the last text cell that names a row.
    for (let i = cells.length - 1; i >= 0; i--) {
      const cell = cells[i]!;
      if (cell.label === '') continue;
      const { row, slip, group } = nameRow(cell.label, labels);
      const figures = cells.slice(i + 1).filter((c) => c.label === '');
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
        recordRow(into, row.cells, own, row.pointer, out);
        if (slip !== undefined && !seen) out.add('parse.labelVariant', row.pointer, { actual: slip });
      } else if (figures.some((f) => f.text.trim() !== '') && !seen) {
        out.add('parse.unreadableCell', row.pointer, { actual: figures.map((f) => f.text).join(' ').slice(0, 200), detail: String(row.cells.length) });
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
  if (full.length === 1) cells.forEach((cell, k) => record(into, cell, full[0]![k]!, out));
  else if (!mapTextGroups(lines, layout, table, into, out) && lines.some((line) => line.some((c) => c.label === ''))) {
    out.add('parse.unreadableCell', `/${table.key}`, { detail: String(cells.length) });
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
    block.columns.forEach((column, k) => record(into, layout.cellAt.get(`/${table.key}/${row.key}/${column.key}`)!, figures[k]!, out));
    read.add(group);
  }
  return read.size > 0;
}

/**
 * Each line's cells ({@link cellsOf}), a text printed on many lines split
 * once: a table may print the same line thousands of times.
 */
export function cellLines(lines: readonly SourceLine[]): SourceCell[][] {
  const split = new Map<string, SourceCell[]>();
  return lines.map((line) => {
    let cells = split.get(line.text);
    if (!cells) split.set(line.text, (cells = cellsOf({ text: line.text, offset: 0 })));
    return cells.map((cell) => ({ ...cell, offset: cell.offset + line.offset }));
  });
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
export function mapColumnRows(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const nameRow = rowNamer(layout, table);
  // The lines before that name no row: the group labels that tell apart rows of one name.
  const groups: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i]!;
    if (cells.length !== 1 || cells[0]!.label === '') continue;
    const { row, slip } = nameRow(cells[0]!.label, groups);
    if (!row) {
      groups.push(cells[0]!.label);
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
      recordRow(into, row.cells, figures, row.pointer, out);
      if (slip !== undefined && !seen) out.add('parse.labelVariant', row.pointer, { actual: slip });
    } else if (figures.length > 0 && !seen) out.add('parse.unreadableCell', row.pointer, { actual: figures.map((f) => f.text).join(' '), detail: String(row.cells.length) });
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
  if (full.length === 1 && runs.filter((run) => run.length > 0).length === 1) cells.forEach((cell, k) => record(into, cell, full[0]![k]!, out));
  else if (runs.some((run) => run.length > 0)) out.add('parse.unreadableCell', `/${table.key}`, { detail: String(cells.length) });
}

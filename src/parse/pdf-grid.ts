/**
 * A PDF's tables rebuilt as tables, from where its text and its ruling
 * lines stand: the rulings of a page cut it into cells (column bands from
 * the vertical lines, row bands from the horizontal ones; a border missing
 * between two bands merges them into one spanning cell), every text item
 * goes to the cell it stands in, a label wrapped over lines is one cell's
 * text. A table cut by a page break is joined again: a row cut in two is one
 * row, a label cell carried onto the next page is one cell, header rows
 * printed again on the next page are dropped. What comes out is what the
 * HTML reader gives, so the same table mapping reads it.
 */
import { EDITIONS } from '../format/layout.js';
import { MONEY_UNITS } from '../format/units.js';
import type { HtmlDocument } from './html.js';
import { classify } from './html-tables.js';
import { namesLabel, normalizeLabel } from './normalize.js';
import type { Ruling, Rulings } from './pdf-rulings.js';
import type { SourceCell, SourceLine, SourceTable } from './source.js';

/**
 * A text item of a page: its text, where its baseline starts and its size
 * (PDF units from the bottom left), and its offset in the rebuilt text.
 *
 * @example
 * ```ts
 * import type { PdfItem } from './pdf-grid.js';
 * const item: PdfItem = { str: '550', x: 300, y: 612, width: 18, height: 10.5, offset: 1834 };
 * ```
 */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  offset: number;
}

/**
 * One page as the grid reader takes it: its text items, the lines they were
 * rebuilt into (each line's items, top to bottom) and its rulings.
 *
 * @example
 * ```ts
 * import type { PdfPage } from './pdf-grid.js';
 * const page: PdfPage = { number: 1, lines: [], rulings: { horizontal: [], vertical: [] } };
 * ```
 */
export interface PdfPage {
  number: number;
  lines: { line: SourceLine; items: PdfItem[] }[];
  rulings: Rulings;
}

/** A cell of a page's table: the bands it covers, its box, its items, and whether a border closes it above and below. */
interface GridCell {
  left: number;
  right: number;
  top: number;
  bottom: number;
  row: number;
  rows: number;
  items: PdfItem[];
  closedTop: boolean;
  closedBottom: boolean;
  page: number;
}

/** A table as drawn on one page. */
interface Fragment {
  page: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  rows: number;
  cells: GridCell[];
}

// Coordinates closer than this (PDF units; a point) are one: borders drawn twice, or a pixel apart.
const NEAR = 2.5;
// A page with more rulings than this is a drawing: it is not read as a table.
const MAX_RULINGS = 4_000;
// Rows beyond which a table is not joined to the next page's.
const MAX_ROWS = 500;

/**
 * Values sorted and gathered into clusters, each value joining the one
 * before it when no more than NEAR apart: each cluster as its mean
 * (ascending), and the index of the cluster each value was put in. A chain
 * of near values can leave one more than NEAR from its cluster's mean, so a
 * value's cluster is looked up here, never found again by distance.
 *
 * @example
 * ```ts
 * import { clusters } from './pdf-grid.js';
 * const { means, index } = clusters([100, 102, 104, 300]);
 * means; // [102, 300]
 * index.get(104); // 0 (two units and more from 102, the mean)
 * ```
 */
export function clusters(values: readonly number[]): { means: number[]; index: Map<number, number> } {
  const sorted = [...values].sort((a, b) => a - b);
  const means: number[] = [];
  const index = new Map<number, number>();
  let group: number[] = [];
  const close = () => {
    means.push(group.reduce((s, x) => s + x, 0) / group.length);
    group = [];
  };
  for (const v of sorted) {
    if (group.length > 0 && v - group.at(-1)! > NEAR) close();
    group.push(v);
    index.set(v, means.length);
  }
  if (group.length > 0) close();
  return { means, index };
}

/** Rulings along one line merged: collinear pieces (within NEAR of one another) that touch or overlap are one. */
function merged(rulings: readonly Ruling[]): Ruling[] {
  const out: Ruling[] = [];
  const byLine = [...rulings].sort((a, b) => a.at - b.at);
  for (let i = 0; i < byLine.length; ) {
    let j = i + 1;
    while (j < byLine.length && byLine[j]!.at - byLine[j - 1]!.at <= NEAR) j++;
    const line = byLine.slice(i, j).sort((a, b) => a.from - b.from);
    const at = line.reduce((s, r) => s + r.at, 0) / line.length;
    let current: Ruling | undefined;
    for (const r of line) {
      if (current && r.from <= current.to + NEAR) current.to = Math.max(current.to, r.to);
      else out.push((current = { at, from: r.from, to: r.to }));
    }
    i = j;
  }
  return out;
}

/** The middle of an item's text: half its width along, a third of its height above its baseline. */
const middleOf = (item: PdfItem): [number, number] => [item.x + item.width / 2, item.y + item.height * 0.3];

/** The index of the band of `bounds` (ascending) holding `v`, or -1. */
function bandOf(bounds: readonly number[], v: number): number {
  if (v < bounds[0]! || v > bounds.at(-1)!) return -1;
  let [low, high] = [0, bounds.length - 1];
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (bounds[mid]! <= v) low = mid;
    else high = mid;
  }
  return low;
}

/** Whether one of the rulings along a line (as `byLine` indexes them) runs past `mid`. */
const covers = (onLine: readonly Ruling[] | undefined, mid: number) => (onLine ?? []).some((l) => l.from - NEAR <= mid && mid <= l.to + NEAR);

/** Rulings indexed by the cluster their `at` was put in (`index` of `clusters`; `flip` for bounds read top to bottom), so a border is looked for only among the rulings on its line. */
function byLine(rulings: readonly Ruling[], index: ReadonlyMap<number, number>, flip?: number): Ruling[][] {
  const out: Ruling[][] = [];
  for (const r of rulings) {
    const i = index.get(r.at)!;
    (out[flip === undefined ? i : flip - i] ??= []).push(r);
  }
  return out;
}

/** The tables drawn on a page: rulings that meet, as groups, each cut into cells. */
function pageFragments(page: PdfPage): Fragment[] {
  const horizontal = merged(page.rulings.horizontal);
  const vertical = merged(page.rulings.vertical);
  if (horizontal.length + vertical.length > MAX_RULINGS) return [];
  // Rulings that meet are one table: union-find over crossing pairs.
  const all = [...horizontal.map((r) => ({ r, h: true })), ...vertical.map((r) => ({ r, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Verticals by their x: a horizontal ruling looks only at those standing between its ends.
  const verticals = vertical.map((v, j) => ({ v, j })).sort((a, b) => a.v.at - b.v.at);
  horizontal.forEach((h, i) => {
    let [k, high] = [0, verticals.length];
    while (k < high) {
      const mid = (k + high) >> 1;
      if (verticals[mid]!.v.at < h.from - NEAR) k = mid + 1;
      else high = mid;
    }
    for (; k < verticals.length && verticals[k]!.v.at <= h.to + NEAR; k++) {
      const { v, j } = verticals[k]!;
      if (h.at >= v.from - NEAR && h.at <= v.to + NEAR) parent[find(i)] = find(horizontal.length + j);
    }
  });
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  all.forEach(({ r, h }, i) => {
    const group = groups.get(find(i)) ?? { h: [], v: [] };
    (h ? group.h : group.v).push(r);
    groups.set(find(i), group);
  });
  const fragments: Fragment[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const columnBounds = clusters([...v.map((r) => r.at), ...h.flatMap((r) => [r.from, r.to])]);
    const rowBounds = clusters([...h.map((r) => r.at), ...v.flatMap((r) => [r.from, r.to])]);
    const xs = columnBounds.means;
    // Row bounds top to bottom.
    const ys = [...rowBounds.means].reverse();
    const [vAt, hAt] = [byLine(v, columnBounds.index), byLine(h, rowBounds.index, ys.length - 1)];
    const [columns, rows] = [xs.length - 1, ys.length - 1];
    if (columns < 1 || rows < 1 || columns * rows > 10_000) continue;
    // Base cells without a border between them are one cell.
    const root = Array.from({ length: rows * columns }, (_, i) => i);
    const findCell = (i: number): number => (root[i] === i ? i : (root[i] = findCell(root[i]!)));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const [midY, midX] = [(ys[r]! + ys[r + 1]!) / 2, (xs[c]! + xs[c + 1]!) / 2];
        if (c + 1 < columns && !covers(vAt[c + 1], midY)) root[findCell(r * columns + c + 1)] = findCell(r * columns + c);
        if (r + 1 < rows && !covers(hAt[r + 1], midX)) root[findCell((r + 1) * columns + c)] = findCell(r * columns + c);
      }
    }
    const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number; n: number }>();
    for (let i = 0; i < rows * columns; i++) {
      const [r, c] = [Math.floor(i / columns), i % columns];
      const s = spans.get(findCell(i));
      if (s) Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c), n: s.n + 1 });
      else spans.set(findCell(i), { r0: r, r1: r, c0: c, c1: c, n: 1 });
    }
    // Borders that do not close a rectangle: not a table the reader can lay out.
    if ([...spans.values()].some((s) => (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1) !== s.n)) continue;
    const cellAt = new Map<number, GridCell>();
    const cells = [...spans.entries()].map(([id, s]) => {
      const [left, right, top, bottom] = [xs[s.c0]!, xs[s.c1 + 1]!, ys[s.r0]!, ys[s.r1 + 1]!];
      const cell: GridCell = {
        ...{ left, right, top, bottom, row: s.r0, rows: s.r1 - s.r0 + 1, items: [], page: page.number },
        closedTop: covers(hAt[s.r0], (left + right) / 2),
        closedBottom: covers(hAt[s.r1 + 1], (left + right) / 2),
      };
      cellAt.set(id, cell);
      return cell;
    });
    fragments.push({ page: page.number, left: xs[0]!, right: xs.at(-1)!, top: ys[0]!, bottom: ys.at(-1)!, rows, cells });
    // Each text item goes to the cell its middle stands in.
    const descending = [...ys].reverse();
    for (const { items } of page.lines) {
      for (const item of items) {
        const [x, y] = middleOf(item);
        const c = bandOf(xs, x);
        const yBand = bandOf(descending, y);
        if (c < 0 || yBand < 0) continue;
        cellAt.get(findCell((rows - 1 - yBand) * columns + c))!.items.push(item);
      }
    }
  }
  return fragments.sort((a, b) => b.top - a.top);
}

/** A cell's text: its items in reading order (page, line, left to right, as their offsets run), joined with nothing, as a label wrapped over lines (or cut by a page break) reads. */
function textOf(items: readonly PdfItem[]): string {
  return [...items].sort((a, b) => a.offset - b.offset).map((i) => i.str).join('');
}

// A figure, an amount with the unit it may be printed in too.
const FIGURE = new RegExp(`^[-+]?[\\d,.]+(?:${Object.keys(MONEY_UNITS).join('|')})?$`);
const isFigure = (cell: GridCell) => FIGURE.test(normalizeLabel(textOf(cell.items)));
const isBlank = (cell: GridCell) => cell.items.length === 0;
// A row label opens with its numbering: 一、 (一) 1. — a piece cut from a label above does not.
const NUMBERED = /^(?:[一二三四五六七八九十]+,|\([一二三四五六七八九十]+\)|\d+\.)/;

const sameBox = (a: GridCell, b: GridCell) => Math.abs(a.left - b.left) <= NEAR && Math.abs(a.right - b.right) <= NEAR;

// The row labels of the form's tables, both editions: a piece that names one on its own is a row of its own.
const ROW_LABELS = [...new Set(Object.values(EDITIONS).flatMap((e) => e.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.map((r) => r.label)))))];

/** Whether a cell's text names a row of the form on its own. */
const namesRow = (cell: GridCell | undefined) => {
  const label = cell ? normalizeLabel(textOf(cell.items)) : '';
  return label !== '' && ROW_LABELS.some((row) => namesLabel(label, row));
};

/**
 * Whether the cells opening a page (`below`) are the rest of the row closing the page before (`above`),
 * cut by the page break: the same cells across, no figure where the other
 * half has text (figures are not cut), and not opening with a row number.
 * Nor when the upper piece of the label names a row of the form on its own
 * and the lower one does too (two unnumbered rows, as 规章 and 规范性文件), or
 * the border at the break is drawn on both sides (LibreOffice draws a cut
 * row so too, Chromium leaves it open).
 */
function cutRow(above: readonly GridCell[], below: readonly GridCell[]): boolean {
  if (above.length !== below.length || !above.every((a, i) => sameBox(a, below[i]!))) return false;
  const open = above.some((a, i) => !a.closedBottom || !below[i]!.closedTop);
  // A blank rest (the row's text all stood above the break) joins too: a row of nothing holds nothing to lose.
  const first = below.findIndex((c) => !isBlank(c));
  // A tail such as 申请数量 reads as a row's label too (the form's labels shortened): only an upper piece that is a label of its own tells two rows.
  if (first >= 0 && (NUMBERED.test(normalizeLabel(textOf(below[first]!.items))) || (namesRow(above[first]) && (!open || namesRow(below[first]))))) return false;
  return above.every((a, i) => isBlank(a) || isBlank(below[i]!) || (!isFigure(a) && !isFigure(below[i]!)));
}

/** The signature of a row band of a fragment (its cells' boxes and labels), to tell a header printed again. */
function rowSignature(cells: readonly GridCell[], row: number): string {
  return cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.left - b.left)
    .map((c) => `${Math.round(c.left / 4)}:${Math.round(c.right / 4)}:${normalizeLabel(textOf(c.items))}`)
    .join('|');
}

/** Whether an item's middle stands inside one of a page's tables. */
function inTable(fragments: readonly Fragment[] | undefined, item: PdfItem): boolean {
  const [x, y] = middleOf(item);
  return (fragments ?? []).some((f) => x >= f.left - NEAR && x <= f.right + NEAR && y <= f.top + NEAR && y >= f.bottom - NEAR);
}

/**
 * Whether a fragment spans the width of the table so far, or part of it from
 * one of its column edges to another: a label cell carried onto the next
 * page may be drawn there without its borders.
 */
function within(table: readonly Fragment[], below: Fragment): boolean {
  const edges = table.flatMap((f) => f.cells.flatMap((c) => [c.left, c.right]));
  const onEdge = (x: number) => edges.some((e) => Math.abs(e - x) <= NEAR * 2);
  return below.left >= Math.min(...edges) - NEAR * 2 && below.right <= Math.max(...edges) + NEAR * 2 && onEdge(below.left) && onEdge(below.right);
}

/**
 * The lines a printer repeats in the margins of every page (Chromium's date
 * and page title above, the URL and 3/7 below): on each page of two or more,
 * at the same height with the same text once digits are dropped (the page
 * number, a clock that ticked), above or below all else on the page and
 * outside its tables' bands. Body text that happens to repeat stands among
 * the page's other lines, so it is not taken.
 */
function runningLines(pages: readonly PdfPage[], onPage: ReadonlyMap<number, Fragment[]>): Set<SourceLine> {
  const running = new Set<SourceLine>();
  if (pages.length < 2) return running;
  // A line as a key: its height to the point and its text without digits.
  const keyOf = (line: SourceLine, items: readonly PdfItem[], dy = 0) => `${Math.round((items[0]?.y ?? NaN) + dy)}|${line.text.replace(/\d/g, '')}`;
  // Keys looked up a point or two either side: a height a rounding off is the same height.
  const has = (keys: ReadonlySet<string>, line: SourceLine, items: readonly PdfItem[]) => [-2, -1, 0, 1, 2].some((dy) => keys.has(keyOf(line, items, dy)));
  const everyPage = pages.map((page) => new Set(page.lines.map(({ line, items }) => keyOf(line, items))));
  // What stands on every page stands on the first: its lines are the only ones looked for on the others.
  const margins = new Set(pages[0]!.lines.filter(({ line, items }) => everyPage.every((keys) => has(keys, line, items))).map(({ line, items }) => keyOf(line, items)));
  for (const page of pages) {
    const outside = (y: number) => (onPage.get(page.number) ?? []).every((f) => y > f.top + NEAR || y < f.bottom - NEAR);
    const repeated = ({ line, items }: PdfPage['lines'][number]) => outside(items[0]?.y ?? NaN) && has(margins, line, items);
    // Lines run top to bottom: only an unbroken run from the top edge, or up from the bottom one, is a margin's.
    const head = page.lines.findIndex((l) => !repeated(l));
    // A page of nothing else: no body to tell its margins from, none is taken.
    if (head < 0) continue;
    const tail = page.lines.findLastIndex((l) => !repeated(l));
    for (const { line } of [...page.lines.slice(0, head), ...page.lines.slice(tail + 1)]) running.add(line);
  }
  return running;
}

/**
 * The fragments joined into tables: a fragment opening a page continues the
 * table closing the page before when nothing but page numbers, or a
 * printer's running header and footer (see `runningLines`), stands between
 * them and it spans the other's width, or part of it (see `within`).
 */
function joined(pages: readonly PdfPage[], fragments: readonly Fragment[], onPage: ReadonlyMap<number, Fragment[]>): Fragment[][] {
  // What stands outside the tables on each page, top to bottom, but page numbers (- 3 -, 第3页, 3/7).
  const folio = /^[-—–\s]*(?:第\s*)?\d+(?:\s*页)?(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[-—–\s]*$/;
  const running = runningLines(pages, onPage);
  const byNumber = new Map(pages.map((page) => [page.number, page]));
  const textBetween = (page: PdfPage, above: number, below: number) =>
    page.lines.some(({ line, items }) => !folio.test(line.text) && !running.has(line) && items.some((i) => i.y < above && i.y > below && !inTable(onPage.get(page.number), i)));
  const tables: Fragment[][] = [];
  let rows = 0;
  fragments.forEach((fragment, k) => {
    const previous = fragments[k - 1];
    const table = tables.at(-1);
    const page = byNumber.get(fragment.page);
    const before = previous && byNumber.get(previous.page);
    const continues =
      previous && table && page && before &&
      previous.page === fragment.page - 1 &&
      // No form's table is this long: a longer run is not joined, which keeps the work for each join bounded.
      rows < MAX_ROWS &&
      onPage.get(previous.page)!.at(-1) === previous &&
      onPage.get(fragment.page)![0] === fragment &&
      within(table, fragment) &&
      !textBetween(before, previous.bottom, -Infinity) && !textBetween(page, Infinity, fragment.top);
    if (continues) table.push(fragment);
    else [tables[tables.length], rows] = [[fragment], 0];
    rows += fragment.rows;
  });
  return tables;
}

/** One table out of its fragments, page after page: cut rows and carried cells joined, repeated headers dropped. */
function tableOf(fragments: readonly Fragment[]): GridCell[] {
  const [first, ...rest] = fragments;
  const cells = first!.cells.map((c) => ({ ...c, items: [...c.items] }));
  let total = first!.rows;
  for (const fragment of rest) {
    // Header rows printed again: as many leading rows as match the table's first ones and hold no figure.
    let header = 0;
    while (header < fragment.rows && rowSignature(fragment.cells, header) === rowSignature(first!.cells, header) && !fragment.cells.some((c) => c.row === header && isFigure(c))) header++;
    if (!fragment.cells.every((c) => c.row >= header || c.row + c.rows <= header)) header = 0;
    const own = fragment.cells.filter((c) => c.row >= header).map((c) => ({ ...c, row: c.row - header, items: [...c.items] }));
    const ending = cells.filter((c) => c.row + c.rows === total).sort((a, b) => a.left - b.left);
    // Cells above with nothing drawn under them on this page: carried on, borders and all left undrawn.
    const undrawn = ending.filter((c) => c.right <= fragment.left + NEAR || c.left >= fragment.right - NEAR);
    const bottom = ending.filter((c) => !undrawn.includes(c));
    const top = own.filter((c) => c.row === 0).sort((a, b) => a.left - b.left);
    const cut = cutRow(bottom, top);
    const offset = cut ? total - 1 : total;
    const carriedOn = new Set<GridCell>();
    for (const cell of top) {
      const upper = bottom.find((a) => sameBox(a, cell));
      if (!upper || !isBlank(cell) && !cut) continue;
      // A cut row's halves are one cell; a blank cell left open by the break, or standing under a label left of the row's figures, carries the cell above on.
      const open = !cell.closedTop && !upper.closedBottom;
      const underLabel = !isBlank(upper) && !isFigure(upper) && top.filter((b) => b.left < cell.left).every((b) => !isFigure(b));
      if (!cut && !open && !underLabel) continue;
      upper.items.push(...cell.items);
      upper.rows += cell.rows - (cut ? 1 : 0);
      carriedOn.add(cell);
    }
    for (const cell of own) if (!carriedOn.has(cell)) cells.push({ ...cell, row: cell.row + offset });
    total = offset + fragment.rows - header;
    for (const cell of undrawn) cell.rows = total - cell.row;
  }
  return withoutStrayBands(cells);
}

/**
 * The cells with the row bands that only a stray border made taken out: a
 * band where only blank cells start, each under a label cell of its width
 * (a label cell drawn shorter than its row), is that label cell carried on;
 * a band where no cell starts is no row.
 */
function withoutStrayBands(cells: GridCell[]): GridCell[] {
  const rows = Math.max(...cells.map((c) => c.row + c.rows));
  let kept = cells;
  for (let band = 1; band < rows; band++) {
    const starting = kept.filter((c) => c.row === band);
    const uppers = starting.map((c) => kept.find((u) => u.row + u.rows === band && sameBox(u, c)));
    if (starting.length === 0 || !starting.every((c, i) => isBlank(c) && uppers[i] && !isBlank(uppers[i]) && !isFigure(uppers[i]))) continue;
    starting.forEach((c, i) => (uppers[i]!.rows += c.rows));
    kept = kept.filter((c) => !starting.includes(c));
  }
  for (let band = rows - 1; band > 0; band--) {
    if (kept.some((c) => c.row === band)) continue;
    for (const c of kept) {
      if (c.row < band && c.row + c.rows > band) c.rows--;
      else if (c.row > band) c.row--;
    }
  }
  return kept;
}

/** A table's cells as the HTML reader gives them: rows of cells with their spans, the columns from every cell's edges. */
function sourceTable(cells: readonly GridCell[], blankOffset: (cell: GridCell) => number): SourceTable {
  const { index } = clusters(cells.flatMap((c) => [c.left, c.right]));
  const column = (x: number) => index.get(x)!;
  const rows: SourceCell[][] = [];
  for (const cell of [...cells].sort((a, b) => a.row - b.row || a.left - b.left)) {
    const ordered = [...cell.items].sort((a, b) => a.offset - b.offset);
    const text = textOf(ordered);
    const source: SourceCell = { text, label: normalizeLabel(text), offset: ordered[0]?.offset ?? blankOffset(cell), colspan: Math.max(1, column(cell.right) - column(cell.left)), rowspan: cell.rows };
    (rows[cell.row] ??= []).push(source);
  }
  return { rows: Array.from(rows, (row) => row ?? []), offset: Math.min(...cells.map((c) => c.items[0]?.offset ?? Infinity)) };
}

/**
 * The tables of a PDF drawn with ruling lines, as the HTML reader gives
 * them, and the text outside them as lines; `undefined` when no page draws
 * a table, or the tables are not the form's three. A blank cell has no text to point at: it gets an offset past
 * `end`, the length of the rebuilt text, and `blanks` says where its box
 * stands (its left, at its bottom).
 *
 * @example
 * ```ts
 * import { pdfTables } from './pdf-grid.js';
 * const line = (y: number) => ({ at: y, from: 100, to: 300 });
 * const column = (x: number) => ({ at: x, from: 600, to: 700 });
 * const item = { str: '行政许可', x: 110, y: 680, width: 40, height: 10, offset: 0 };
 * const figure = { str: '550', x: 210, y: 680, width: 15, height: 10, offset: 5 };
 * const page = { number: 1, lines: [{ line: { text: '行政许可\t550', offset: 0 }, items: [item, figure] }], rulings: { horizontal: [line(600), line(650), line(700)], vertical: [column(100), column(200), column(300)] } };
 * // One table, not the form's three: read as lines instead.
 * pdfTables([page], 9); // undefined
 * ```
 */
export function pdfTables(pages: readonly PdfPage[], end: number): { doc: HtmlDocument; blanks: Map<number, { page: number; x: number; y: number }> } | undefined {
  const fragments = pages.flatMap(pageFragments);
  if (fragments.length === 0) return undefined;
  const blanks = new Map<number, { page: number; x: number; y: number }>();
  let next = end;
  const blankOffset = (cell: GridCell) => {
    blanks.set(++next, { page: cell.page, x: Math.round(cell.left), y: Math.round(cell.bottom) });
    return next;
  };
  const onPage = new Map<number, Fragment[]>();
  for (const fragment of fragments) onPage.set(fragment.page, [...(onPage.get(fragment.page) ?? []), fragment]);
  const tables = joined(pages, fragments, onPage).map((parts) => sourceTable(tableOf(parts), blankOffset));
  // Rulings that do not draw the form's three tables (a letterhead, a box around a paragraph): the lines are read instead.
  const kinds = new Set(tables.map(classify));
  if (!(['proactive', 'applications', 'reviewAndLitigation'] as const).every((key) => kinds.has(key))) return undefined;
  const lines = pages.flatMap((page) => page.lines.filter(({ items }) => !items.every((item) => inTable(onPage.get(page.number), item))).map(({ line }) => line));
  return { doc: { title: '', tables, lines }, blanks };
}

/**
 * Maps published tables onto the cells of the model. Rows and columns are
 * found by their labels, matched against the format metadata after
 * normalisation; where a header is missing, the form's own order stands in.
 */
import type { CellInfo, Layout } from '../format/layout.js';
import type { ColumnMeta, TableKey } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import { readCellText, type CellTextKind } from './cell-text.js';
import type { SourceCell, SourceTable } from './html.js';
import { namesLabel } from './normalize.js';

/**
 * Where a figure came from.
 *
 * @example
 * ```ts
 * import { parseReport, type Provenance } from 'gov-disclosure-report/parse';
 * const source: Provenance | undefined = parseReport(html).provenance['/proactive/fees/amount'];
 * ```
 */
export interface Provenance {
  /** The cell's text as published. */
  raw: string;
  kind: CellTextKind;
  /** Offset of the cell in the input (for a PDF, in its text as rebuilt line by line). */
  offset: number;
  /** For a PDF: the page, and the position on it (PDF units from the bottom left) of the text the figure starts in. */
  page?: number;
  x?: number;
  y?: number;
}

/**
 * A row of figures the form does not have (a local row or table), kept rather than dropped.
 *
 * @example
 * ```ts
 * import { parseReport, type ExtraRow } from 'gov-disclosure-report/parse';
 * const extras: ExtraRow[] = parseReport(html).extras;
 * ```
 */
export interface ExtraRow {
  table: TableKey | 'other';
  label: string;
  cells: string[];
  offset: number;
}

/** What mapping collects: the figures by cell index, their provenance, and the extras. */
export interface Mapped {
  values: Map<number, number | string | null>;
  provenance: Map<string, Provenance>;
  extras: ExtraRow[];
}

/** One slot of a table laid out with its spans: the cell covering it. */
type Dense = SourceCell[][];

function dense(table: SourceTable): Dense {
  const grid: Dense = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = cell;
      }
      c += cell.colspan;
    }
  });
  return grid;
}

/** Which of the report's tables a published table is, from its labels. */
export function classify(table: SourceTable): TableKey | undefined {
  const text = table.rows.flat().map((c) => c.label).join('');
  if (text.includes('第二十条')) return 'proactive';
  if (text.includes('本年新收') || text.includes('申请人情况') || (text.includes('不予公开') && text.includes('无法提供'))) return 'applications';
  if (text.includes('行政复议') && text.includes('行政诉讼')) return 'reviewAndLitigation';
  return undefined;
}

/** Records one figure read from `source` into `cell`, with its provenance. */
export function record(into: Mapped, cell: CellInfo, source: SourceCell, out: FindingList): void {
  const reading = readCellText(source.text, cell.kind);
  into.values.set(cell.index, reading.value);
  into.provenance.set(cell.pointer, { raw: source.text.trim(), kind: reading.kind, offset: source.offset });
  if (reading.kind === 'text') out.add('parse.unreadableCell', cell.pointer, { actual: source.text.trim().slice(0, 200) });
}

const distinct = (cells: readonly (SourceCell | undefined)[]) => cells.filter((c, i): c is SourceCell => c !== undefined && cells.indexOf(c) === i);

/** Table 二: block by block, under each Article 20 header; columns by the 信息内容 line, or in the form's order. */
export function mapProactive(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const table = layout.meta.tables[0];
  const rows = tables.flatMap((t) => t.rows);
  let block: (typeof table.blocks)[number] | undefined;
  let columns: readonly (ColumnMeta | undefined)[] = [];
  for (const row of rows) {
    const [first, ...rest] = row;
    if (!first) continue;
    const header = table.blocks.find((b) => b.label !== undefined && namesLabel(first.label, b.label));
    if (header) {
      [block, columns] = [header, header.columns];
      continue;
    }
    if (!block) continue;
    if (block.rowHeader && namesLabel(first.label, block.rowHeader)) {
      const named = rest.map((c) => block!.columns.find((col) => namesLabel(c.label, col.label)));
      columns = named.some(Boolean) ? named : block.columns;
      continue;
    }
    const metaRow = block.rows.find((r) => namesLabel(first.label, r.label));
    if (!metaRow) {
      into.extras.push({ table: 'proactive', label: first.text.trim(), cells: rest.map((c) => c.text.trim()), offset: first.offset });
      continue;
    }
    rest.forEach((source, i) => {
      const column = columns[i];
      const cell = column && layout.cellAt.get(`/proactive/${metaRow.key}/${column.key}`);
      if (cell) record(into, cell, source, out);
    });
  }
}

/** The header text over each column of a dense table, bottom line first. */
function columnHeaders(grid: Dense, headerRows: number, width: number): string[][] {
  return Array.from({ length: width }, (_, c) => distinct(grid.slice(0, headerRows).map((row) => row[c])).map((cell) => cell.label).reverse());
}

/**
 * Table 三: the applicant columns by their headers (else the last seven, in
 * the form's order); each line by its innermost row label, its group label
 * telling apart sub-rows of the same name.
 */
export function mapApplications(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const leaves = layout.cells.filter((c) => c.table.key === 'applications' && c.column.key === 'total');
  const applicant = layout.meta.tables[1].blocks[0]!.columns;
  const first = leaves[0]!.rows[0]!.label;
  for (const table of tables) {
    const grid = dense(table);
    const width = Math.max(...grid.map((row) => row.length));
    const start = grid.findIndex((row) => row.some((cell) => cell && namesLabel(cell.label, first)));
    const headerRows = Math.max(0, start);
    const headers = columnHeaders(grid, headerRows, width);
    let valueColumns = headers.map((texts) => applicant.find((col) => texts[0] !== undefined && namesLabel(texts[0], col.label)));
    if (valueColumns.filter(Boolean).length < applicant.length) {
      valueColumns = Array.from({ length: width }, (_, c) => applicant[c - (width - applicant.length)]);
    }
    const firstValue = valueColumns.findIndex(Boolean);
    for (const row of grid.slice(headerRows)) {
      const labels = distinct(row.slice(0, firstValue)).map((c) => c.label).filter((t) => t !== '');
      const innermost = labels.at(-1);
      if (innermost === undefined) continue;
      const candidates = leaves.filter((leaf) => namesLabel(innermost, leaf.rows.at(-1)!.label));
      const leaf =
        candidates.length === 1
          ? candidates[0]
          : candidates.find((c) => c.rows.slice(0, -1).some((group) => labels.some((t) => namesLabel(t, group.label))));
      if (!leaf) {
        const values = distinct(row.slice(firstValue)).map((c) => c.text.trim());
        const label = distinct(row.slice(0, firstValue)).map((c) => c.text.trim()).filter(Boolean).join(' ');
        if (values.some((v) => v !== '')) into.extras.push({ table: 'applications', label, cells: values, offset: row[0]!.offset });
        continue;
      }
      const rowPointer = leaf.pointer.slice(0, leaf.pointer.lastIndexOf('/'));
      row.forEach((source, c) => {
        const column = valueColumns[c];
        if (!column || !source || row.indexOf(source) !== c) return;
        const cell = layout.cellAt.get(`${rowPointer}/${column.key}`);
        if (cell) record(into, cell, source, out);
      });
    }
  }
}

/** Table 四: the line of figures under the headers, each column by its group and outcome headers (else in the form's order). */
export function mapReviewAndLitigation(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const block = layout.meta.tables[2].blocks[0]!;
  const order = block.rows.flatMap((row) => block.columns.map((column) => ({ row, column })));
  for (const table of tables) {
    const grid = dense(table);
    const width = Math.max(...grid.map((row) => row.length));
    const headerRows = grid.reduce((last, row, r) => (row.some((c) => c && namesLabel(c.label, block.columns[0]!.label)) ? r + 1 : last), 0);
    const headers = columnHeaders(grid, headerRows, width);
    const named = headers.map((texts) => {
      const row = block.rows.find((r) => texts.some((t) => namesLabel(t, r.label)));
      const column = block.columns.find((col) => texts[0] !== undefined && namesLabel(texts[0], col.label));
      return row && column ? { row, column } : undefined;
    });
    const columns = named.every(Boolean) && width === order.length ? named : Array.from({ length: width }, (_, c) => order[c - (width - order.length)]);
    for (const row of grid.slice(headerRows)) {
      row.forEach((source, c) => {
        const slot = columns[c];
        if (!slot || !source || row.indexOf(source) !== c) return;
        const cell = layout.cellAt.get(`/reviewAndLitigation/${slot.row.key}/${slot.column.key}`);
        if (cell && !into.values.has(cell.index)) record(into, cell, source, out);
      });
    }
  }
}

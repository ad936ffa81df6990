/**
 * Maps published tables onto the cells of the model. Rows and columns are
 * found by their labels, matched against the format metadata after
 * normalisation; where a header is missing, the form's own order stands in.
 */
import { EDITIONS, type CellInfo, type Layout } from '../format/layout.js';
import type { ColumnMeta, TableKey, TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import { readCellText, type CellTextKind } from './cell-text.js';
import type { SourceCell, SourceTable } from './html.js';
import { labelStarts, namesLabel, normalizeLabel, slipOf, withoutNumber } from './normalize.js';

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

/**
 * A row of a group of the form (（三）不予公开, say) printed with figures of
 * its own: a local subtotal. Its figures by column key.
 */
export interface GroupRow {
  pointer: string;
  table: TableKey;
  label: string;
  figures: Map<string, SourceCell | undefined>;
  offset: number;
}

/** What mapping collects: the figures by cell index, their provenance, the extras, and the groups' own rows. */
export interface Mapped {
  values: Map<number, number | string | null>;
  provenance: Map<string, Provenance>;
  extras: ExtraRow[];
  groupRows: GroupRow[];
}

/** One slot of a table laid out with its spans: the cell covering it, and whether the cell starts there. */
interface Slot {
  cell: SourceCell;
  start: boolean;
}
type Dense = (Slot | undefined)[][];

// Beyond this many slots a "table" is not one of the form's: it is not laid out.
const MAX_SLOTS = 20_000;

/** The table laid out with its spans, or `undefined` when it is far larger than any table of the form. */
function dense(table: SourceTable): Dense | undefined {
  const slots = table.rows.reduce((n, row) => n + row.reduce((m, cell) => m + cell.colspan * cell.rowspan, 0), 0);
  if (slots > MAX_SLOTS) return undefined;
  const grid: Dense = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = { cell, start: dr === 0 && dc === 0 };
      }
      c += cell.colspan;
    }
  });
  return grid;
}

const widthOf = (grid: Dense) => grid.reduce((width, row) => Math.max(width, row.length), 0);

/** Which of the report's tables a published table is, from its labels. */
export function classify(table: SourceTable): TableKey | undefined {
  const cells = table.rows.flat();
  const names = (label: string) => cells.some((cell) => namesLabel(cell.label, label));
  const { tables } = EDITIONS['2021'];
  // Table 二 by an Article 20 block header; 三 by its first row or the 申请人情况 header; 四 by its groups.
  if (tables[0].blocks.some((block) => block.label !== undefined && names(block.label))) return 'proactive';
  if (names(tables[1].header!) || names(tables[1].blocks[0]!.rows[0]!.label)) return 'applications';
  if (tables[2].blocks[0]!.rows.every((row) => names(row.label))) return 'reviewAndLitigation';
  return undefined;
}

/** A leaf row of a table: its pointer, its cells in column order, its label and its groups' labels. */
export interface LeafRow {
  pointer: string;
  cells: CellInfo[];
  label: string;
  groups: string[];
}

/** The groups of a table's rows that a report may print a subtotal row for (（三）–（六）), by label, with their pointers. */
export function subtotalGroups(layout: Layout, table: TableMeta): Map<string, string> {
  const groups = new Map<string, string>();
  for (const cell of layout.cells.filter((c) => c.table.key === table.key)) {
    // The rows between the top one (三、本年度办理结果) and the leaf; the last of cell.rows is the key before the column's.
    cell.rows.slice(1, -1).forEach((row, i) => {
      const keys = cell.path.length - (cell.rows.length - 1 - i);
      groups.set(row.label, `/${cell.path.slice(0, keys).join('/')}`);
    });
  }
  return groups;
}

/**
 * Settles the groups' own rows of a table once all its rows are read: a
 * subtotal is checked against its parts (`parse.subtotal`), then left out;
 * one whose parts were not all read cannot be checked, and is kept as an
 * extra row rather than dropped.
 */
export function settleGroupRows(layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const leaves = leafRows(layout, table);
  for (const row of into.groupRows.filter((r) => r.table === table.key)) {
    const parts = leaves.filter((leaf) => leaf.pointer.startsWith(`${row.pointer}/`));
    const checkable = parts.every((leaf) => leaf.cells.every((cell) => typeof into.values.get(cell.index) === 'number'));
    if (!checkable) {
      const cells = [...row.figures.values()].map((cell) => cell?.text.trim() ?? '');
      into.extras.push({ table: table.key, label: row.label, cells, offset: row.offset });
      continue;
    }
    for (const [key, source] of row.figures) {
      const cells = parts.map((leaf) => leaf.cells.find((cell) => cell.column.key === key)).filter((cell) => cell !== undefined);
      checkSubtotal(into, cells, source, `${row.pointer}/${key}`, out);
    }
  }
}

/** What a line's labels name: a leaf row (with the printed label, when a slip in its words was read by its number), or a group, whose own row it is. */
export interface Named {
  row?: LeafRow;
  slip?: string;
  group?: { pointer: string };
}

/** What names rows: a line's innermost label and its labels in, what they name out (see {@link rowNamer}). */
export type RowNamer = (innermost: string, labels: readonly string[]) => Named;

/**
 * Names the rows of one table by their labels. A line's innermost label
 * names a leaf row, a group's label among the line's labels telling apart
 * rows of one name; failing that, a numbered label with a slip in its words
 * names the row of its number; failing that, a group's label among the
 * line's labels names that group's own row. Stray characters before an
 * item number (`度4.保护…`) are passed over. What a text names is worked out
 * once: a table may print a label thousands of times.
 */
export function rowNamer(layout: Layout, table: TableMeta): RowNamer {
  const rows = leafRows(layout, table);
  const groups = [...subtotalGroups(layout, table)];
  // What each text names, worked out once: the rows named from the first place in it a label starts;
  // failing any, those named with a slip; failing those, the group whose own row it is.
  const named = new Map<string, { rows: LeafRow[]; slip?: string; group?: string }>();
  const lookup = (text: string) => {
    let found = named.get(text);
    if (!found) {
      const starts = labelStarts(text);
      let exact: LeafRow[] = [];
      starts.find((t) => {
        const words = withoutNumber(t);
        return (exact = rows.filter((row) => namesLabel(t, row.label, words))).length > 0;
      });
      let slips: LeafRow[] = [];
      const slipped = exact.length > 0 ? undefined : starts.find((t) => (slips = rows.filter((row) => slipOf(t, row.label))).length > 0);
      let group: (typeof groups)[number] | undefined;
      if (exact.length === 0 && slipped === undefined) starts.find((t) => (group = groups.find(([label]) => namesLabel(t, label))) !== undefined);
      found = slipped !== undefined ? { rows: slips, slip: slipped } : group ? { rows: exact, group: group[1] } : { rows: exact };
      named.set(text, found);
    }
    return found;
  };
  return (innermost, labels) => {
    const { rows: candidates, slip } = lookup(innermost);
    const row = candidates.length === 1 ? candidates[0] : candidates.find((r) => r.groups.some((g) => labels.some((t) => namesLabel(t, g))));
    if (row) return slip === undefined ? { row } : { row, slip };
    const pointer = [innermost, ...labels].map((label) => lookup(label).group).find((group) => group !== undefined);
    return pointer ? { group: { pointer } } : {};
  };
}

/** The leaf rows of one table, in the form's order. */
export function leafRows(layout: Layout, table: TableMeta): LeafRow[] {
  const rows = new Map<string, LeafRow>();
  for (const cell of layout.cells.filter((c) => c.table.key === table.key)) {
    const pointer = cell.pointer.slice(0, cell.pointer.lastIndexOf('/'));
    const row = rows.get(pointer) ?? { pointer, cells: [], label: cell.rows.at(-1)!.label, groups: cell.rows.slice(0, -1).map((r) => r.label) };
    row.cells.push(cell);
    rows.set(pointer, row);
  }
  return [...rows.values()];
}

/** Records one figure read from `source` into `cell`, with its provenance; `source.unit` is a unit its header gave. */
export function record(into: Mapped, cell: CellInfo, source: SourceCell & { unit?: '元' }, out: FindingList): void {
  const reading = readCellText(source.text, cell.kind, source.unit);
  into.values.set(cell.index, reading.value);
  into.provenance.set(cell.pointer, { raw: source.text.trim(), kind: reading.kind, offset: source.offset });
  if (reading.kind === 'text') out.add('parse.unreadableCell', cell.pointer, { actual: source.text.trim().slice(0, 200) });
}

/** The unit a column header gives its amounts: 元 where it says 元 and not 万元. */
function unitOf(header: string): '元' | undefined {
  return header.includes('元') && !header.includes('万元') ? '元' : undefined;
}

/**
 * Lines of text have no grid to put a header over its column: the unit of a
 * money column is read from the line that names it by the words of its
 * label before the parenthesis (本年收费金额（单位：元）). Keyed by column key.
 */
export function headerUnits(lines: readonly (readonly SourceCell[])[], table: TableMeta): Map<string, '元'> {
  const units = new Map<string, '元'>();
  for (const column of table.blocks.flatMap((b) => b.columns).filter((c) => c.kind === 'money')) {
    const words = normalizeLabel(column.label).split('(')[0]!;
    const header = lines.map((cells) => cells.map((c) => c.label).join('')).find((text) => text.includes(words));
    if (header !== undefined && unitOf(header.slice(header.indexOf(words))) === '元') units.set(column.key, '元');
  }
  return units;
}

/** A row's figures with the unit their column's header gives (see {@link headerUnits}). */
export function withUnits(cells: readonly CellInfo[], figures: readonly SourceCell[], units: ReadonlyMap<string, '元'>): (SourceCell & { unit?: '元' })[] {
  return figures.map((figure, k) => (cells[k]?.kind === 'money' && units.has(cells[k]!.column.key) ? { ...figure, unit: '元' as const } : figure));
}

/**
 * Table 二: block by block, under each Article 20 header; columns by the
 * 信息内容 line, which must name every one, or, with no such line, in the
 * form's order. A row is read once.
 */
export function mapProactive(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const table = layout.meta.tables[0];
  const rows = tables.flatMap((t) => t.rows);
  let block: (typeof table.blocks)[number] | undefined;
  let columns: readonly (ColumnMeta | undefined)[] = [];
  let units: readonly ('元' | undefined)[] = [];
  for (const row of rows) {
    const [first, ...rest] = row;
    if (!first) continue;
    const header = table.blocks.find((b) => b.label !== undefined && namesLabel(first.label, b.label));
    if (header) {
      [block, columns, units] = [header, header.columns, []];
      continue;
    }
    if (!block) continue;
    if (block.rowHeader && namesLabel(first.label, block.rowHeader)) {
      const named = rest.map((c) => block!.columns.find((col) => namesLabel(c.label, col.label)));
      // Headers that do not name the block's columns: its rows are not read by position.
      columns = named.every(Boolean) && named.length === block.columns.length ? named : [];
      units = rest.map((c) => unitOf(c.label));
      if (columns.length === 0) out.add('parse.unreadableCell', `/proactive`, { actual: rest.map((c) => c.text.trim()).join(' | ').slice(0, 200) });
      continue;
    }
    const metaRow = block.rows.find((r) => namesLabel(first.label, r.label));
    if (!metaRow) {
      into.extras.push({ table: 'proactive', label: first.text.trim(), cells: rest.map((c) => c.text.trim()), offset: first.offset });
      continue;
    }
    if (columns.length !== block.columns.length) continue;
    const cells = columns.map((column) => layout.cellAt.get(`/proactive/${metaRow.key}/${column!.key}`)!);
    recordRow(into, cells, rest.slice(0, cells.length).map((c, i) => (units[i] ? { ...c, unit: units[i] } : c)), `/proactive/${metaRow.key}`, out);
  }
}

/** The header over each column of a laid-out table: its header cells top to bottom, joined and normalised. */
function columnHeaders(grid: Dense, headerRows: number, width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    const cells: SourceCell[] = [];
    for (const row of grid.slice(0, headerRows)) {
      const cell = row[c]?.cell;
      if (cell && cells.at(-1) !== cell) cells.push(cell);
    }
    return cells.map((cell) => cell.label).join('');
  });
}

/** The distinct cells of some slots, in order. */
function cellsIn(slots: readonly (Slot | undefined)[]): SourceCell[] {
  const cells: SourceCell[] = [];
  for (const slot of slots) if (slot && cells.at(-1) !== slot.cell) cells.push(slot.cell);
  return cells;
}

/** A row's figures as printed, for a finding: `8|0|—`. */
function printed(texts: readonly (string | undefined)[]): string {
  return texts.map((t) => t ?? '').join('|');
}

/**
 * Records a row's figures once: a second printing of the row with other
 * figures makes it unsure, and blank. `slip` is the printed label when the
 * row was named by its number with a slip in its words: said once, with
 * parse.labelVariant.
 */
export function recordRow(into: Mapped, cells: readonly CellInfo[], sources: readonly (SourceCell | undefined)[], pointer: string, out: FindingList, slip?: string): void {
  const seen = cells.filter((cell) => into.provenance.has(cell.pointer));
  if (slip !== undefined && seen.length === 0) out.add('parse.labelVariant', pointer, { actual: slip });
  if (seen.length > 0) {
    const same = cells.every((cell, k) => (into.provenance.get(cell.pointer)?.raw ?? '') === (sources[k]?.text.trim() ?? ''));
    if (!same) {
      for (const cell of cells) into.values.set(cell.index, null);
      out.add('parse.ambiguous', pointer, { candidates: [printed(cells.map((cell) => into.provenance.get(cell.pointer)?.raw)), printed(sources.map((source) => source?.text.trim()))] });
    }
    return;
  }
  cells.forEach((cell, k) => {
    const source = sources[k];
    if (source) record(into, cell, source, out);
  });
}

/**
 * Table 三: the applicant columns named by their headers (a 小计 column is
 * set aside); each line by its innermost row label, its group label telling
 * apart sub-rows of the same name. Headers that do not name all seven
 * columns leave the table unread rather than read by position.
 */
export function mapApplications(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const applicant = layout.meta.tables[1].blocks[0]!.columns;
  const nameRow = rowNamer(layout, layout.meta.tables[1]);
  const first = leafRows(layout, layout.meta.tables[1])[0]!.label;
  for (const table of tables) {
    const grid = dense(table);
    if (!grid) continue;
    const width = widthOf(grid);
    const start = grid.findIndex((row) => row.some((slot) => slot && namesLabel(slot.cell.label, first)));
    const headerRows = Math.max(0, start);
    const headers = columnHeaders(grid, headerRows, width);
    const named = headers.map((text) => (text.includes('小计') ? undefined : applicant.find((col) => text.endsWith(normalizeLabel(col.label)))));
    let valueColumns: (ColumnMeta | undefined)[];
    if (named.filter(Boolean).length === applicant.length && new Set(named.filter(Boolean)).size === applicant.length) valueColumns = named;
    else if (headerRows === 0) valueColumns = Array.from({ length: width }, (_, c) => applicant[c - (width - applicant.length)]);
    else {
      out.add('parse.unreadableCell', '/applications', { actual: headers.filter(Boolean).join(' | ').slice(0, 200) });
      continue;
    }
    const firstValue = valueColumns.findIndex(Boolean);
    // A local 小计 column beside the five organisation columns, and subtotal rows of the groups: checked, then left out.
    const subtotalColumn = headers.findIndex((text) => text.includes('小计'));
    for (const row of grid.slice(headerRows)) {
      const labels = cellsIn(row.slice(0, firstValue)).map((c) => c.label).filter((t) => t !== '');
      const innermost = labels.at(-1);
      if (innermost === undefined) continue;
      const { row: leaf, slip, group } = nameRow(innermost, labels);
      if (group) {
        const figures = new Map(valueColumns.flatMap((column, c) => (column ? [[column.key, row[c]?.start ? row[c]!.cell : undefined] as const] : [])));
        const label = cellsIn(row.slice(0, firstValue)).map((c) => c.text.trim()).filter(Boolean).join(' ');
        into.groupRows.push({ ...group, table: 'applications', label, figures, offset: row.find(Boolean)!.cell.offset });
        continue;
      }
      if (!leaf) {
        const values = cellsIn(row.slice(firstValue)).map((c) => c.text.trim());
        const label = cellsIn(row.slice(0, firstValue)).map((c) => c.text.trim()).filter(Boolean).join(' ');
        if (values.some((v) => v !== '')) into.extras.push({ table: 'applications', label, cells: values, offset: row.find(Boolean)!.cell.offset });
        continue;
      }
      const cells: CellInfo[] = [];
      const sources: (SourceCell | undefined)[] = [];
      valueColumns.forEach((column, c) => {
        const cell = column && layout.cellAt.get(`${leaf.pointer}/${column.key}`);
        if (!cell) return;
        cells.push(cell);
        sources.push(row[c]?.start ? row[c]!.cell : undefined);
      });
      recordRow(into, cells, sources, leaf.pointer, out, slip);
      if (subtotalColumn >= 0) {
        const organisations = cells.filter((cell) => cell.column.group !== undefined);
        checkSubtotal(into, organisations, row[subtotalColumn]?.cell, leaf.pointer, out);
      }
    }
  }
}

/** A local subtotal checked against its parts: it must be their sum; it never enters the model. */
function checkSubtotal(into: Mapped, parts: readonly CellInfo[], source: SourceCell | undefined, path: string, out: FindingList): void {
  if (!source) return;
  const subtotal = readCellText(source.text, 'count').value;
  const values = parts.map((cell) => into.values.get(cell.index));
  if (typeof subtotal !== 'number' || values.some((v) => typeof v !== 'number')) return;
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  if (sum !== subtotal) out.add('parse.subtotal', path, { expected: sum, actual: subtotal, cells: parts.map((c) => c.pointer) });
}

/**
 * Table 四: the line of figures under the headers, each column named by its
 * group and outcome headers. Columns the headers do not name, or more than
 * one line of figures, leave the table unread rather than read by position.
 */
export function mapReviewAndLitigation(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const block = layout.meta.tables[2].blocks[0]!;
  const readable = tables.flatMap((table) => {
    const grid = dense(table);
    if (!grid) return [];
    const width = widthOf(grid);
    const headerRows = grid.reduce((last, row, r) => (row.some((slot) => slot && namesLabel(slot.cell.label, block.columns[0]!.label)) ? r + 1 : last), 0);
    const headers = columnHeaders(grid, headerRows, width);
    const named = headers.map((text) => {
      const row = block.rows.find((r) => text.includes(normalizeLabel(r.label)));
      const column = block.columns.find((col) => text.endsWith(normalizeLabel(col.label)));
      return row && column ? layout.cellAt.get(`/reviewAndLitigation/${row.key}/${column.key}`) : undefined;
    });
    const lines = grid.slice(headerRows).filter((row) => row.some((slot) => slot?.start && slot.cell.text.trim() !== ''));
    return [{ named, lines, headerRows }];
  });
  const cells = layout.cells.filter((c) => c.table.key === 'reviewAndLitigation');
  const usable = readable.filter(({ named, lines }) => lines.length > 0 && cells.every((cell) => named.includes(cell)));
  if (usable.length !== 1 || usable[0]!.lines.length !== 1) {
    if (readable.some((t) => t.lines.length > 0)) out.add('parse.unreadableCell', '/reviewAndLitigation');
    return;
  }
  const { named, lines } = usable[0]!;
  const line = lines[0]!;
  recordRow(
    into,
    cells,
    cells.map((cell) => {
      const c = named.indexOf(cell);
      return line[c]?.start ? line[c]!.cell : undefined;
    }),
    '/reviewAndLitigation',
    out,
  );
}

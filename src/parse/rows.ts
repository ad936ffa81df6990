/**
 * The rows every reader shares: a table's leaf rows and groups, the namer
 * that tells which row a printed label is, and the recording of a row's
 * figures once, with their provenance, into what a parse collects.
 */
import type { CellInfo, Layout } from '../format/layout.js';
import type { TableKey, TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import { readCellText, type CellTextKind } from './cell-text.js';
import type { MoneyUnit } from './header-units.js';
import { labelStarts, namesLabel, slipOf, withoutNumber } from './normalize.js';
import type { SourceCell } from './source.js';

/**
 * Where a figure came from.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { parseReport, type Provenance } from 'gov-disclosure-report/parse';
 * const html = renderReport(buildReport({ edition: '2021', year: 2021, proactive: { fees: { amount: 1.5 } } }), { to: 'html' });
 * const source: Provenance | undefined = (await parseReport(html)).provenance['/proactive/fees/amount'];
 * source; // { raw: '1.5000', kind: 'number', offset: … }
 * ```
 */
export interface Provenance {
  /** The cell's text as published. */
  raw: string;
  kind: CellTextKind;
  /**
   * Offset of the cell in the input (for a PDF, in its text as rebuilt line
   * by line; for Word and Excel, the cell's place among the file's cells and
   * paragraphs in reading order).
   */
  offset: number;
  /** For a PDF: the page, and the position on it (PDF units from the bottom left) of the text the figure starts in. */
  page?: number;
  x?: number;
  y?: number;
  /** For Excel: the cell's address with its sheet, `Sheet1!C7` (quoted as Excel quotes it: `'二、主动公开政府信息情况'!B7`). */
  address?: string;
  /** For Word: the table, its row and the cell in that row, each counted from 1 in the document's order. */
  table?: number;
  row?: number;
  cell?: number;
}

/**
 * A row of figures the form does not have (a local row or table), kept rather than dropped.
 *
 * @example
 * ```ts
 * // type-only: needs a published page with rows of its own
 * import { parseReport, type ExtraRow } from 'gov-disclosure-report/parse';
 * declare const html: string;
 * const extras: ExtraRow[] = (await parseReport(html)).extras;
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
 *
 * @example
 * ```ts
 * import type { GroupRow } from './rows.js';
 * const row: GroupRow = { pointer: '/applications/outcomes/denied', table: 'applications', label: '（三）不予公开', figures: new Map(), offset: 0 };
 * ```
 */
export interface GroupRow {
  pointer: string;
  table: TableKey;
  label: string;
  figures: Map<string, SourceCell | undefined>;
  offset: number;
}

/**
 * What mapping collects: the figures by cell index, their provenance, the extras, and the groups' own rows.
 *
 * @example
 * ```ts
 * import type { Mapped } from './rows.js';
 * const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [], groupRows: [] };
 * ```
 */
export interface Mapped {
  values: Map<number, number | string | null>;
  provenance: Map<string, Provenance>;
  extras: ExtraRow[];
  groupRows: GroupRow[];
}

/**
 * A leaf row of a table: its pointer, its cells in column order, its label and its groups' labels.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { leafRows, type LeafRow } from './rows.js';
 * const layout = layoutOf('2021');
 * const received: LeafRow = leafRows(layout, layout.meta.tables[1])[0]!;
 * received; // { pointer: '/applications/received', label: '一、本年新收政府信息公开申请数量', groups: [], cells: … }
 * received.cells.length; // 7: the six applicant columns and 总计
 * ```
 */
export interface LeafRow {
  readonly pointer: string;
  readonly cells: readonly CellInfo[];
  readonly label: string;
  readonly groups: readonly string[];
}

// Each table's leaf rows, worked out once for a layout: every page read asks for them several times.
const LEAF_ROWS = new WeakMap<Layout, Map<TableKey, readonly LeafRow[]>>();

/**
 * The leaf rows of one table, in the form's order.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { leafRows } from './rows.js';
 * const layout = layoutOf('2021');
 * leafRows(layout, layout.meta.tables[1])[0]!.pointer; // '/applications/received'
 * ```
 */
export function leafRows(layout: Layout, table: TableMeta): readonly LeafRow[] {
  let byTable = LEAF_ROWS.get(layout);
  if (!byTable) LEAF_ROWS.set(layout, (byTable = new Map()));
  let leaves = byTable.get(table.key);
  if (!leaves) {
    const rows = new Map<string, { pointer: string; cells: CellInfo[]; label: string; groups: string[] }>();
    for (const cell of layout.cells.filter((c) => c.table.key === table.key)) {
      const pointer = cell.pointer.slice(0, cell.pointer.lastIndexOf('/'));
      const row = rows.get(pointer) ?? { pointer, cells: [], label: cell.rows.at(-1)!.label, groups: cell.rows.slice(0, -1).map((r) => r.label) };
      row.cells.push(cell);
      rows.set(pointer, row);
    }
    byTable.set(table.key, (leaves = [...rows.values()]));
  }
  return leaves;
}

/**
 * The groups of a table's rows that a report may print a subtotal row for (（三）–（六）), by label, with their pointers.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { subtotalGroups } from './rows.js';
 * const layout = layoutOf('2021');
 * subtotalGroups(layout, layout.meta.tables[1]).get('（三）不予公开'); // '/applications/outcomes/denied'
 * ```
 */
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
 *
 * @example
 * ```ts
 * // type-only: needs the rows a reader has collected from a table
 * import type { Layout } from 'gov-disclosure-report';
 * import type { FindingList } from '../validate/finding.js';
 * import { settleGroupRows, type Mapped } from './rows.js';
 * declare const layout: Layout, mapped: Mapped, out: FindingList;
 * settleGroupRows(layout, layout.meta.tables[1], mapped, out); // parse.subtotal where a group's own row does not add up
 * ```
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

/**
 * A local subtotal checked against its parts: it must be their sum; it never enters the model.
 *
 * @example
 * ```ts
 * // type-only: needs the figures a reader has recorded
 * import type { CellInfo } from 'gov-disclosure-report';
 * import type { FindingList } from '../validate/finding.js';
 * import { checkSubtotal, type Mapped } from './rows.js';
 * import type { SourceCell } from './source.js';
 * declare const mapped: Mapped, organisationCells: CellInfo[], subtotalCell: SourceCell, out: FindingList;
 * checkSubtotal(mapped, organisationCells, subtotalCell, '/applications/received', out);
 * ```
 */
export function checkSubtotal(into: Mapped, parts: readonly CellInfo[], source: SourceCell | undefined, path: string, out: FindingList): void {
  if (!source) return;
  const subtotal = readCellText(source.text, 'count').value;
  const values = parts.map((cell) => into.values.get(cell.index));
  if (typeof subtotal !== 'number' || values.some((v) => typeof v !== 'number')) return;
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  if (sum !== subtotal) out.add('parse.subtotal', path, { expected: sum, actual: subtotal, cells: parts.map((c) => c.pointer) });
}

/**
 * What a line's labels name: a leaf row (with the printed label, when a slip in its words was read by its number), or a group, whose own row it is.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { rowNamer, type Named } from './rows.js';
 * const layout = layoutOf('2021');
 * const named: Named = rowNamer(layout, layout.meta.tables[1])('(一)予以公开', []); // { row: { pointer: '/applications/outcomes/granted', … } }
 * ```
 */
export interface Named {
  row?: LeafRow;
  slip?: string;
  group?: { pointer: string };
}

/**
 * What names rows: a line's innermost label and its labels in, what they name out (see {@link rowNamer}).
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { rowNamer, type RowNamer } from './rows.js';
 * const layout = layoutOf('2021');
 * const nameRow: RowNamer = rowNamer(layout, layout.meta.tables[1]);
 * nameRow('1.属于国家秘密', ['（三）不予公开']).row?.pointer; // '/applications/outcomes/denied/stateSecret'
 * ```
 */
export type RowNamer = (innermost: string, labels: readonly string[]) => Named;

/**
 * What the readers of one table's lines share, worked out once a table:
 * what each printed label names, and the units its headers give.
 *
 * @example
 * ```ts
 * // type-only: needs the lines of a table and what a parse collects
 * import type { Layout, TableMeta } from 'gov-disclosure-report';
 * import type { FindingList } from '../validate/finding.js';
 * import { headerUnits } from './header-units.js';
 * import { rowNamer, type Mapped, type TableReading } from './rows.js';
 * import type { SourceCell } from './source.js';
 * import { mapTextRows } from './text.js';
 * declare const lines: SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList;
 * const reading: TableReading = { nameRow: rowNamer(layout, table), units: headerUnits(lines, table) };
 * mapTextRows(lines, layout, table, into, out, reading);
 * ```
 */
export interface TableReading {
  nameRow: RowNamer;
  units: ReadonlyMap<string, MoneyUnit>;
}

/**
 * Names the rows of one table by their labels. A line's innermost label
 * names a leaf row, a group's label among the line's labels telling apart
 * rows of one name; failing that, a numbered label with a slip in its words
 * names the row of its number; failing that, a group's label among the
 * line's labels names that group's own row. Stray characters before an
 * item number (`度4.保护…`) are passed over. What a text names is worked out
 * once: a table may print a label thousands of times.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { rowNamer } from './rows.js';
 * const layout = layoutOf('2021');
 * rowNamer(layout, layout.meta.tables[1])('2.其他法律行政止公开', []).slip; // '2.其他法律行政止公开'
 * ```
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

/**
 * Records one figure read from `source` into `cell`, with its provenance; `source.unit` is a unit its header gave.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { FindingList } from '../validate/finding.js';
 * import { recordCell, type Mapped } from './rows.js';
 * const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [], groupRows: [] };
 * const fees = layoutOf('2021').cellAt.get('/proactive/fees/amount')!;
 * recordCell(mapped, fees, { text: '147230', label: '', offset: 80, colspan: 1, rowspan: 1, unit: '元' }, new FindingList('zh-CN'));
 * mapped.values.get(fees.index); // '14.723': 147230 元 in the form's 万元
 * mapped.provenance.get(fees.pointer); // { raw: '147230', kind: 'number', offset: 80 }
 * ```
 */
export function recordCell(into: Mapped, cell: CellInfo, source: SourceCell & { unit?: MoneyUnit }, out: FindingList): void {
  const reading = readCellText(source.text, cell.kind, source.unit);
  into.values.set(cell.index, reading.value);
  into.provenance.set(cell.pointer, { raw: source.text.trim(), kind: reading.kind, offset: source.offset });
  if (reading.kind === 'text') out.add('parse.unreadableCell', cell.pointer, { actual: source.text.trim().slice(0, 200) });
}

/**
 * A row's figures as printed, for a finding: `8|0|—`.
 *
 * @example
 * ```ts
 * import { printedRow } from './rows.js';
 * printedRow(['8', '0', undefined]); // '8|0|'
 * ```
 */
export function printedRow(texts: readonly (string | undefined)[]): string {
  return texts.map((t) => t ?? '').join('|');
}

/**
 * Records a row's figures once: a second printing of the row with other
 * figures makes it unsure, and blank. `slip` is the printed label when the
 * row was named by its number with a slip in its words: said once, with
 * parse.labelVariant.
 *
 * @example
 * ```ts
 * // type-only: needs a row named and its figures read
 * import type { FindingList } from '../validate/finding.js';
 * import { recordRow, type LeafRow, type Mapped } from './rows.js';
 * import type { SourceCell } from './source.js';
 * declare const mapped: Mapped, row: LeafRow, figures: SourceCell[], out: FindingList;
 * recordRow(mapped, row.cells, figures, row.pointer, out); // a second printing with other figures: parse.ambiguous
 * ```
 */
export function recordRow(into: Mapped, cells: readonly CellInfo[], sources: readonly (SourceCell | undefined)[], pointer: string, out: FindingList, slip?: string): void {
  const seen = cells.filter((cell) => into.provenance.has(cell.pointer));
  if (slip !== undefined && seen.length === 0) out.add('parse.labelVariant', pointer, { actual: slip });
  if (seen.length > 0) {
    const same = cells.every((cell, k) => (into.provenance.get(cell.pointer)?.raw ?? '') === (sources[k]?.text.trim() ?? ''));
    if (!same) {
      for (const cell of cells) into.values.set(cell.index, null);
      out.add('parse.ambiguous', pointer, { candidates: [printedRow(cells.map((cell) => into.provenance.get(cell.pointer)?.raw)), printedRow(sources.map((source) => source?.text.trim()))] });
    }
    return;
  }
  cells.forEach((cell, k) => {
    const source = sources[k];
    if (source) recordCell(into, cell, source, out);
  });
}

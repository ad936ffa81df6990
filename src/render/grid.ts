/**
 * A table as the form prints it: rows of cells with their spans, header or
 * figure, built from the format metadata. Every renderer draws from this.
 *
 * @module
 */
import { layoutOf, type CellInfo } from '../format/layout.js';
import { CELL_UNITS } from '../format/units.js';
import type { BlockMeta, RowMeta, TableMeta } from '../format/types.js';
import type { Report } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import type { Finding } from '../validate/finding.js';

/**
 * One cell of a printed table.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { tableGrids } from 'gov-disclosure-report/render';
 * const [proactive] = tableGrids(buildReport({ edition: '2021', year: 2021 }));
 * proactive.rows[0][0]; // { text: '第二十条第（一）项', header: true, colspan: 4, rowspan: 1 }
 * ```
 */
export interface GridCell {
  /** What the form prints: a label, or a figure (blank for a blank cell). */
  text: string;
  /** A label (header) rather than a figure. */
  header: boolean;
  colspan: number;
  rowspan: number;
  /** The cell's JSON Pointer, for a figure. */
  pointer?: string;
  /** The findings whose path is this cell. */
  faults?: Finding[];
  /** Read by a rule that failed, though not itself at fault. */
  involved?: boolean;
}

/**
 * One table as printed: its metadata, its width in grid columns, how many of
 * its rows are the column header, and its rows.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { tableGrids } from 'gov-disclosure-report/render';
 * const [, applications] = tableGrids(buildReport({ edition: '2021', year: 2021 }));
 * applications.width; // 10
 * ```
 */
export interface TableGrid {
  table: TableMeta;
  /** The table's heading as printed: the official one, or its English gloss. */
  heading: string;
  width: number;
  headerRows: number;
  rows: GridCell[][];
}

const label = (text: string, colspan = 1, rowspan = 1): GridCell => ({ text, header: true, colspan, rowspan });

/** The label to print: the official one, or in English its gloss where the metadata has one. */
type Say = (official: string | undefined, en: string | undefined) => string;

/** Builds the cells of figures from the report, with the findings that concern them. */
function figureOf(report: Report, findings: readonly Finding[]) {
  const faults = new Map<string, Finding[]>();
  const involved = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    faults.set(f.path, [...(faults.get(f.path) ?? []), f]);
    if (f.severity === 'error') for (const pointer of f.cells ?? []) involved.add(pointer);
  }
  return (cell: CellInfo, colspan = 1, rowspan = 1): GridCell => {
    const value = cell.path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], report);
    // An amount whose header prints no unit (2019's 采购总金额) says it is in 万元, lest it be read as 元.
    const unit = cell.kind === 'money' && value != null && cell.column.unit === undefined ? CELL_UNITS.money : '';
    const figure: GridCell = { text: figureText(value) + unit, header: false, colspan, rowspan, pointer: cell.pointer };
    const own = faults.get(cell.pointer);
    if (own) figure.faults = own;
    else if (involved.has(cell.pointer)) figure.involved = true;
    return figure;
  };
}

/** What a cell prints: a figure as given, even one of the wrong type, so a fault can be shown in place. */
function figureText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return Array.isArray(value) ? '[…]' : '{…}';
  return String(value);
}

type Figure = ReturnType<typeof figureOf>;
type CellAt = (row: string, column: string) => CellInfo;

/** Spans of a block's columns on a grid `width` wide (the row-label column excluded). */
function columnSpans(block: BlockMeta, width: number): number[] {
  const spans = block.columns.map((_, i) => block.spans?.[i] ?? 1);
  spans[spans.length - 1]! += width - spans.reduce((a, b) => a + b, 0);
  return spans;
}

/** Table 二: per block, its Article 20 header, the column labels, then one line per row. */
function blocksGrid(table: TableMeta, figure: Figure, at: CellAt, say: Say): TableGrid {
  const dataWidth = Math.max(...table.blocks.map((b) => b.columns.reduce((sum, _, i) => sum + (b.spans?.[i] ?? 1), 0)));
  const rows: GridCell[][] = [];
  for (const block of table.blocks) {
    const spans = columnSpans(block, dataWidth);
    if (block.label) rows.push([label(say(block.label, block.labelEn), dataWidth + 1)]);
    rows.push([label(say(block.rowHeader, block.rowHeaderEn)), ...block.columns.map((c, i) => label(say(c.label, c.en), spans[i]))]);
    for (const row of block.rows) rows.push([label(say(row.label, row.en)), ...block.columns.map((c, i) => figure(at(row.key, c.key), spans[i]))]);
  }
  return { table, heading: say(table.label, table.en), width: dataWidth + 1, headerRows: 0, rows };
}

const leafCount = (row: RowMeta): number => (row.rows ? row.rows.reduce((n, r) => n + leafCount(r), 0) : 1);
const depthOf = (rows: readonly RowMeta[]): number => Math.max(...rows.map((r) => (r.rows ? 1 + depthOf(r.rows) : 1)));

/** Column headers over several rows: a group label spans its columns, an ungrouped label spans the header's depth. */
function columnHeaders(block: BlockMeta, say: Say, top?: string): GridCell[][] {
  const grouped = block.columns.some((c) => c.group);
  const first: GridCell[] = [];
  const second: GridCell[] = [];
  for (let i = 0; i < block.columns.length; i++) {
    const column = block.columns[i]!;
    if (!column.group) {
      first.push(label(say(column.label, column.en), 1, grouped ? 2 : 1));
      continue;
    }
    let span = 1;
    while (block.columns[i + span]?.group === column.group) span++;
    first.push(label(say(column.group, column.groupEn), span));
    second.push(...block.columns.slice(i, i + span).map((c) => label(say(c.label, c.en))));
    i += span - 1;
  }
  const headers = grouped ? [first, second] : [first];
  return top ? [[label(top, block.columns.length)], ...headers] : headers;
}

/** Table 三: the 勾稽关系 corner, the applicant headers, then the three-level row labels with their spans. */
function matrixGrid(table: TableMeta, figure: Figure, at: CellAt, say: Say): TableGrid {
  const block = table.blocks[0]!;
  const depth = depthOf(block.rows);
  const headers = columnHeaders(block, say, table.header && say(table.header, table.headerEn));
  headers[0]!.unshift(label(say(table.note, table.noteEn), depth, headers.length));
  const rows: GridCell[][] = [...headers];
  const walk = (list: readonly RowMeta[], level: number, prefix: string, pending: GridCell[]) => {
    for (const row of list) {
      const id = prefix ? `${prefix}.${row.key}` : row.key;
      if (row.rows) {
        walk(row.rows, level + 1, id, [...pending, label(say(row.label, row.en), 1, leafCount(row))]);
      } else {
        rows.push([...pending, label(say(row.label, row.en), depth - level), ...block.columns.map((c) => figure(at(id, c.key)))]);
      }
      pending = [];
    }
  };
  walk(block.rows, 0, '', []);
  return { table, heading: say(table.label, table.en), width: depth + block.columns.length, headerRows: headers.length, rows };
}

/** Table 四: the groups side by side under their headers, one line of figures. */
function acrossGrid(table: TableMeta, figure: Figure, at: CellAt, say: Say): TableGrid {
  const block = table.blocks[0]!;
  const n = block.columns.length;
  const top: GridCell[] = [];
  const middle: GridCell[] = [];
  const bottom: GridCell[] = [];
  for (let i = 0; i < block.rows.length; i++) {
    const row = block.rows[i]!;
    if (!row.group) {
      top.push(label(say(row.label, row.en), n));
      middle.push(...block.columns.map((c) => label(say(c.label, c.en), 1, 2)));
      continue;
    }
    let span = 1;
    while (block.rows[i + span]?.group === row.group) span++;
    top.push(label(say(row.group, row.groupEn), n * span));
    for (const member of block.rows.slice(i, i + span)) {
      middle.push(label(say(member.label, member.en), n));
      bottom.push(...block.columns.map((c) => label(say(c.label, c.en))));
    }
    i += span - 1;
  }
  const figures = block.rows.flatMap((row) => block.columns.map((c) => figure(at(row.key, c.key))));
  return { table, heading: say(table.label, table.en), width: n * block.rows.length, headerRows: 3, rows: [top, middle, bottom, figures] };
}

/**
 * The three tables of a report as the form prints them, with the cells at
 * fault marked from `findings` (those whose path is the cell) and the cells
 * the failing rules read marked as involved. With `locale` `en`, the labels
 * are the metadata's English glosses (not official; the layout is the same).
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { tableGrids } from 'gov-disclosure-report/render';
 * const report = buildReport({ edition: '2019', year: 2020 });
 * tableGrids(report).map((g) => g.width); // [5, 10, 15]
 * tableGrids(report, [], 'en')[1].rows[0][1].text; // 'applicants'
 * ```
 */
export function tableGrids(report: Report, findings: readonly Finding[] = [], locale: Locale = 'zh-CN'): TableGrid[] {
  const layout = layoutOf(report.edition);
  const figure = figureOf(report, findings);
  const say: Say = locale === 'en' ? (official, en) => en ?? official ?? '' : (official) => official ?? '';
  return layout.tables.map((node) => {
    const table = layout.meta.tables.find((t) => t.key === node.key)!;
    const at: CellAt = (row, column) => layout.cellAt.get(`${node.pointer}/${row.replaceAll('.', '/')}/${column}`)!;
    if (table.rowsAcross) return acrossGrid(table, figure, at, say);
    return table.blocks.length > 1 || table.blocks[0]!.label ? blocksGrid(table, figure, at, say) : matrixGrid(table, figure, at, say);
  });
}

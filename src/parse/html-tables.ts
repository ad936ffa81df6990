/**
 * Published HTML tables onto the cells of the model: which of the form's
 * tables each one is, laid out with its spans, its columns named by their
 * headers. Rows and columns are found by their labels, matched against the
 * format metadata after normalisation; where a header is missing, the form's
 * own order stands in.
 */
import { EDITIONS, type CellInfo, type Layout } from '../format/layout.js';
import type { ColumnMeta, TableKey } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import { headerUnit, type MoneyUnit } from './header-units.js';
import { namesLabel, normalizeLabel } from './normalize.js';
import { readCellText } from './cell-text.js';
import { checkSubtotal, leafRows, printedRow, recordRow, type Mapped, type RowNamer } from './rows.js';
import type { SourceCell, SourceTable } from './source.js';

/** One slot of a table laid out with its spans: the cell covering it, and whether the cell starts there. */
interface Slot {
  cell: SourceCell;
  start: boolean;
}

type SlotGrid = (Slot | undefined)[][];

// Beyond this many slots a "table" is not one of the form's: it is not laid out.
const MAX_SLOTS = 20_000;

/** The table laid out with its spans, or `undefined` when it is far larger than any table of the form. */
function slotGrid(table: SourceTable): SlotGrid | undefined {
  const slots = table.rows.reduce((n, row) => n + row.reduce((m, cell) => m + cell.colspan * cell.rowspan, 0), 0);
  if (slots > MAX_SLOTS) return undefined;
  const grid: SlotGrid = table.rows.map(() => []);
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

const widthOf = (grid: SlotGrid) => grid.reduce((width, row) => Math.max(width, row.length), 0);

/**
 * Which of the report's tables a published table is, from its labels.
 *
 * @example
 * ```ts
 * import { readHtml } from './html.js';
 * import { classify } from './html-tables.js';
 * classify(readHtml('<table><tr><td>第二十条第（一）项</td></tr></table>').tables[0]!); // 'proactive'
 * ```
 */
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

/**
 * Table 二: block by block, under each Article 20 header; columns by the
 * 信息内容 line, which must name every one, or, with no such line, in the
 * form's order. A row is read once.
 *
 * @example
 * ```ts
 * import { buildReport, layoutOf } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { FindingList } from '../validate/finding.js';
 * import { readHtml } from './html.js';
 * import { classify, mapProactive } from './html-tables.js';
 * import { type Mapped } from './rows.js';
 * const page = renderReport(buildReport({ edition: '2021', year: 2021, proactive: { licensing: { decisions: 550 } } }), { to: 'html' });
 * const layout = layoutOf('2021');
 * const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [], groupRows: [] };
 * mapProactive(readHtml(page).tables.filter((t) => classify(t) === 'proactive'), layout, mapped, new FindingList('zh-CN'));
 * mapped.provenance.get('/proactive/licensing/decisions'); // { raw: '550', kind: 'number', offset: … }
 * ```
 */
export function mapProactive(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const table = layout.meta.tables[0];
  const rows = tables.flatMap((t) => t.rows);
  let block: (typeof table.blocks)[number] | undefined;
  let columns: readonly (ColumnMeta | undefined)[] = [];
  let units: readonly (MoneyUnit | undefined)[] = [];
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
      units = rest.map((c) => headerUnit(c.label));
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
    const pointer = `/proactive/${metaRow.key}`;
    // A row that lost a cell is not read by position: table 二 has no 总计 to tell which.
    if (rest.length > 0 && rest.length < cells.length) {
      out.add('parse.unreadableCell', pointer, { actual: printedRow(rest.map((c) => c.text.trim())) });
      continue;
    }
    recordRow(into, cells, rest.slice(0, cells.length).map((c, i) => (units[i] ? { ...c, unit: units[i] } : c)), pointer, out);
  }
}

/** The header over each column of a laid-out table: its header cells top to bottom, joined and normalised. */
function columnHeaderTexts(grid: SlotGrid, headerRows: number, width: number): string[] {
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

/**
 * The figures of a row that printed one cell fewer than its columns (a
 * `<td>` lost), placed by the row's own arithmetic. Every place the lost
 * cell may have stood is tried, its figure worked out from its group's 总计
 * (the sum of the others where it was the 总计, else the 总计 less the
 * others); places where that is negative or another group does not add up
 * are dropped. When every place left gives every cell the same figure, the
 * figures are read with a 总计 as the lost cell (left blank; the total is
 * derived). Else, or in a row with no 总计 to check, `undefined`: the row
 * is not read. Sources come back in the order of `cells`.
 */
function placeLostCell(cells: readonly CellInfo[], printed: readonly SourceCell[]): (SourceCell | undefined)[] | undefined {
  if (printed.length !== cells.length - 1) return undefined;
  const figures = printed.map((source) => readCellText(source.text, 'count').value);
  if (!figures.every((f): f is number => typeof f === 'number')) return undefined;
  // Each cell's group: the run of cells up to and including the next 总计.
  const groups: number[][] = [];
  let group: number[] = [];
  cells.forEach((cell, j) => {
    group.push(j);
    if (cell.column.isTotal) [groups[groups.length], group] = [group, []];
  });
  if (group.length > 0 || groups.length === 0) return undefined;
  const places: { lost: number; values: number[] }[] = [];
  for (let lost = 0; lost < cells.length; lost++) {
    const values = cells.map((_, j) => (j < lost ? figures[j]! : j > lost ? figures[j - 1]! : 0));
    const holds = groups.every((members) => {
      const total = members.at(-1)!;
      const sum = (skip: number) => members.reduce((s, j) => (j === total || j === skip ? s : s + values[j]!), 0);
      if (!members.includes(lost)) return values[total] === sum(-1);
      values[lost] = lost === total ? sum(lost) : values[total]! - sum(lost);
      return values[lost]! >= 0;
    });
    if (holds) places.push({ lost, values });
  }
  const agreed = places.every(({ values }) => values.join() === places[0]!.values.join());
  const lost = places.find((place) => cells[place.lost]!.column.isTotal)?.lost;
  if (!agreed || lost === undefined) return undefined;
  return cells.map((_, j) => (j < lost ? printed[j] : j > lost ? printed[j - 1] : undefined));
}

/**
 * Table 三: the applicant columns named by their headers (a 小计 column is
 * set aside); each line by its innermost row label, its group label telling
 * apart sub-rows of the same name. Headers that do not name all seven
 * columns leave the table unread rather than read by position.
 *
 * @example
 * ```ts
 * import { buildReport, layoutOf } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { FindingList } from '../validate/finding.js';
 * import { readHtml } from './html.js';
 * import { classify, mapApplications } from './html-tables.js';
 * import { rowNamer, type Mapped } from './rows.js';
 * const page = renderReport(buildReport({ edition: '2021', year: 2021, applications: { received: { naturalPerson: 6 } } }), { to: 'html' });
 * const layout = layoutOf('2021');
 * const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [], groupRows: [] };
 * const tables = readHtml(page).tables.filter((t) => classify(t) === 'applications');
 * mapApplications(tables, layout, mapped, new FindingList('zh-CN'), rowNamer(layout, layout.meta.tables[1]));
 * mapped.provenance.get('/applications/received/naturalPerson')?.raw; // '6'
 * ```
 */
export function mapApplications(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList, nameRow: RowNamer): void {
  const applicant = layout.meta.tables[1].blocks[0]!.columns;
  const first = leafRows(layout, layout.meta.tables[1])[0]!.label;
  for (const table of tables) {
    const grid = slotGrid(table);
    if (!grid) continue;
    const width = widthOf(grid);
    const start = grid.findIndex((row) => row.some((slot) => slot && namesLabel(slot.cell.label, first)));
    const headerRows = Math.max(0, start);
    const headers = columnHeaderTexts(grid, headerRows, width);
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
      let sources: (SourceCell | undefined)[] | undefined = [];
      let lost = 0;
      valueColumns.forEach((column, c) => {
        const cell = column && layout.cellAt.get(`${leaf.pointer}/${column.key}`);
        if (!cell) return;
        cells.push(cell);
        sources!.push(row[c]?.start ? row[c]!.cell : undefined);
        if (!row[c]) lost++;
      });
      // A row shorter than its table lost a cell: its figures stand left of their columns.
      if (lost > 0) {
        const printed = cellsIn(row.slice(firstValue));
        sources = lost === 1 && subtotalColumn < 0 ? placeLostCell(cells, printed) : undefined;
        if (!sources) {
          out.add('parse.unreadableCell', leaf.pointer, { actual: printedRow(printed.map((c) => c.text.trim())) });
          continue;
        }
      }
      recordRow(into, cells, sources, leaf.pointer, out, slip);
      if (subtotalColumn >= 0) {
        const organisations = cells.filter((cell) => cell.column.group !== undefined);
        checkSubtotal(into, organisations, row[subtotalColumn]?.cell, leaf.pointer, out);
      }
    }
  }
}

/**
 * Table 四: the line of figures under the headers, each column named by its
 * group and outcome headers. Columns the headers do not name, or more than
 * one line of figures, leave the table unread rather than read by position.
 *
 * @example
 * ```ts
 * import { buildReport, layoutOf } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { FindingList } from '../validate/finding.js';
 * import { readHtml } from './html.js';
 * import { classify, mapReviewAndLitigation } from './html-tables.js';
 * import { type Mapped } from './rows.js';
 * const page = renderReport(buildReport({ edition: '2021', year: 2021, reviewAndLitigation: { administrativeReview: { upheld: 2 } } }), { to: 'html' });
 * const layout = layoutOf('2021');
 * const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [], groupRows: [] };
 * mapReviewAndLitigation(readHtml(page).tables.filter((t) => classify(t) === 'reviewAndLitigation'), layout, mapped, new FindingList('zh-CN'));
 * mapped.provenance.get('/reviewAndLitigation/administrativeReview/upheld')?.raw; // '2'
 * ```
 */
export function mapReviewAndLitigation(tables: readonly SourceTable[], layout: Layout, into: Mapped, out: FindingList): void {
  const block = layout.meta.tables[2].blocks[0]!;
  const readable = tables.flatMap((table) => {
    const grid = slotGrid(table);
    if (!grid) return [];
    const width = widthOf(grid);
    const headerRows = grid.reduce((last, row, r) => (row.some((slot) => slot && namesLabel(slot.cell.label, block.columns[0]!.label)) ? r + 1 : last), 0);
    const headers = columnHeaderTexts(grid, headerRows, width);
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
  let sources: (SourceCell | undefined)[] | undefined = cells.map((cell) => {
    const c = named.indexOf(cell);
    return line[c]?.start ? line[c]!.cell : undefined;
  });
  // A line shorter than its table lost a cell: its figures stand left of their columns.
  if (named.some((cell, c) => cell && !line[c])) {
    const ordered = named.filter((cell) => cell !== undefined);
    const printed = cellsIn(line.slice(named.findIndex(Boolean)));
    const placed = placeLostCell(ordered, printed);
    sources = placed && cells.map((cell) => placed[ordered.indexOf(cell)]);
    if (!sources) return out.add('parse.unreadableCell', '/reviewAndLitigation', { actual: printedRow(printed.map((c) => c.text.trim())) });
  }
  recordRow(into, cells, sources, '/reviewAndLitigation', out);
}

/**
 * The format metadata compiled once per edition into what the code walks:
 * one entry per cell with its JSON Pointer and labels, the object tree of
 * the report JSON, and the sum relations expanded to cell equations.
 * Everything here is derived from the edition modules.
 *
 * @module
 */
import { EDITION_2019 } from './edition-2019.js';
import { EDITION_2021 } from './edition-2021.js';
import type { BlockMeta, CellKind, ColumnMeta, Edition, EditionMeta, RelationRuleCode, RowMeta, TableMeta } from './types.js';

/**
 * One cell of the report grid.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * const cell = layoutOf('2021').cellAt.get('/applications/outcomes/total/naturalPerson');
 * cell?.label; // '三、本年度办理结果（七）总计 · 自然人'
 * ```
 */
export interface CellInfo {
  /** Position in {@link Layout.cells}. */
  readonly index: number;
  /** RFC 6901 JSON Pointer of the cell in the report JSON. */
  readonly pointer: string;
  /** The keys from the report root to the cell. */
  readonly path: readonly string[];
  readonly kind: CellKind;
  /** A total (总计): may be omitted or `null`, and is then derived from its parts. */
  readonly derived: boolean;
  readonly table: TableMeta;
  readonly block: BlockMeta;
  /** The rows from the table down to the cell's row. */
  readonly rows: readonly RowMeta[];
  readonly column: ColumnMeta;
  /** The cell named by its official labels, e.g. `三、本年度办理结果（七）总计 · 自然人`. */
  readonly label: string;
  /** The same in English glosses. */
  readonly en: string;
}

/**
 * An object of the report JSON: a table or a row.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * layoutOf('2021').tables[1].children.map((n) => n.key);
 * // ['received', 'carriedOver', 'outcomes', 'carriedForward']
 * ```
 */
export interface ObjectNode {
  readonly type: 'object';
  readonly key: string;
  readonly pointer: string;
  /** May be omitted on input: a 总计 row, whose cells are all derived. */
  readonly optional: boolean;
  readonly children: readonly (ObjectNode | CellNode)[];
  readonly label: string;
  readonly en: string;
}

/**
 * A cell of the report JSON, pointing into {@link Layout.cells}.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * const received = layoutOf('2021').tables[1].children[0];
 * received.type === 'object' && received.children[0]; // { type: 'cell', key: 'naturalPerson', cell: … }
 * ```
 */
export interface CellNode {
  readonly type: 'cell';
  readonly key: string;
  readonly cell: CellInfo;
}

/**
 * A relation expanded to cells: `target = Σ plus − Σ minus + Σ previous`,
 * where `previous` are pointers into last year's report.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * const eq = layoutOf('2021').equations.find((e) => e.rule === 'reviewAndLitigation.total');
 * eq?.plus.length; // 4
 * ```
 */
export interface Equation {
  readonly rule: RelationRuleCode;
  readonly target: number;
  readonly plus: readonly number[];
  readonly minus: readonly number[];
  readonly previous: readonly string[];
}

/**
 * An edition's compiled layout.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * layoutOf('2021').cells.length; // 200
 * ```
 */
export interface Layout {
  readonly meta: EditionMeta;
  /** The three table objects of the report JSON, in order. */
  readonly tables: readonly ObjectNode[];
  /** Every cell, in the order the form prints them. */
  readonly cells: readonly CellInfo[];
  readonly cellAt: ReadonlyMap<string, CellInfo>;
  /** Every table and row object by its pointer. */
  readonly objectAt: ReadonlyMap<string, ObjectNode>;
  readonly equations: readonly Equation[];
}

/**
 * Escapes one key for a JSON Pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
 *
 * @example
 * ```ts
 * import { pointerSegment } from 'gov-disclosure-report';
 * pointerSegment('a/b'); // 'a~1b'
 * ```
 */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Joins the labels of a cell's headers. A numbered label such as （七）总计 or
 * 1.属于国家秘密 reads on from its parent, as the form prints it; other parts
 * are set apart with ` · `.
 */
function joinLabels(parts: readonly string[]): string {
  return parts.reduce((joined, part) => (joined === '' ? part : /^[（\d]/.test(part) ? joined + part : `${joined} · ${part}`), '');
}

function compile(meta: EditionMeta): Layout {
  const cells: CellInfo[] = [];
  const cellAt = new Map<string, CellInfo>();
  const objectAt = new Map<string, ObjectNode>();
  const equations: Equation[] = [];

  const tables = meta.tables.map((table) => {
    const pointer = `/${table.key}`;
    // Row id (dotted path) → its cells by column key, per block, to expand the relations.
    const leavesByBlock = table.blocks.map(() => new Map<string, Map<string, number>>());
    const rowNode = (block: BlockMeta, blockIndex: number, row: RowMeta, parents: readonly RowMeta[], base: string, id: string, derived: boolean): ObjectNode => {
      const rowPointer = `${base}/${row.key}`;
      const chain = [...parents, row];
      const headers = [block.label, ...chain.flatMap((r) => (r.group ? [r.group, r.label] : [r.label]))].filter((l) => l !== undefined);
      const en = [...chain.map((r) => r.en)].join(' › ');
      const isDerived = derived || row.isTotal === true;
      let children: (ObjectNode | CellNode)[];
      if (row.rows) {
        children = row.rows.map((sub) => rowNode(block, blockIndex, sub, chain, rowPointer, `${id}.${sub.key}`, isDerived));
      } else {
        const byColumn = new Map<string, number>();
        leavesByBlock[blockIndex]!.set(id, byColumn);
        children = block.columns.map((column) => {
          const cell: CellInfo = {
            index: cells.length,
            pointer: `${rowPointer}/${column.key}`,
            path: [...rowPointer.slice(1).split('/'), column.key],
            kind: column.kind,
            derived: isDerived || column.isTotal === true,
            table,
            block,
            rows: chain,
            column,
            label: `${joinLabels(headers)} · ${column.label}`,
            en: `${en} · ${column.en}`,
          };
          cells.push(cell);
          cellAt.set(cell.pointer, cell);
          byColumn.set(column.key, cell.index);
          return { type: 'cell', key: column.key, cell } satisfies CellNode;
        });
      }
      const node: ObjectNode = { type: 'object', key: row.key, pointer: rowPointer, optional: row.isTotal === true, children, label: joinLabels(headers), en };
      objectAt.set(rowPointer, node);
      return node;
    };
    const children = table.blocks.flatMap((block, b) => block.rows.map((row) => rowNode(block, b, row, [], pointer, row.key, false)));
    const node: ObjectNode = { type: 'object', key: table.key, pointer, optional: false, children, label: table.label, en: table.en };
    objectAt.set(pointer, node);

    for (const relation of table.relations) {
      const minus = relation.minus ?? [];
      const previous = relation.previous ?? [];
      for (const leaves of leavesByBlock) {
        const lines: [(name: string) => number | undefined, (name: string) => string | undefined][] = [];
        if (relation.within === 'row') {
          for (const [id, byColumn] of leaves) {
            const base = `${pointer}/${id.replaceAll('.', '/')}`;
            lines.push([(col) => byColumn.get(col), (col) => (byColumn.has(col) ? `${base}/${col}` : undefined)]);
          }
        } else {
          const columns = [...(leaves.values().next().value?.keys() ?? [])];
          for (const col of columns) {
            lines.push([(id) => leaves.get(id)?.get(col), (id) => (leaves.get(id)?.has(col) ? `${pointer}/${id.replaceAll('.', '/')}/${col}` : undefined)]);
          }
        }
        for (const [at, pointerOf] of lines) {
          const target = at(relation.target);
          const plus = relation.plus.map(at);
          const minusCells = minus.map(at);
          const previousPointers = previous.map(pointerOf);
          const all = [target, ...plus, ...minusCells];
          if (all.some((i) => i === undefined) || previousPointers.some((p) => p === undefined)) continue;
          equations.push({
            rule: relation.rule,
            target: target!,
            plus: plus as number[],
            minus: minusCells as number[],
            previous: previousPointers as string[],
          });
        }
      }
    }
    return node;
  });
  return { meta, tables, cells, cellAt, objectAt, equations };
}

const LAYOUTS: Readonly<Record<Edition, Layout>> = { '2021': /* @__PURE__ */ compile(EDITION_2021), '2019': /* @__PURE__ */ compile(EDITION_2019) };

/**
 * The compiled layout of an edition: every cell with its pointer and labels,
 * the object tree and the expanded sum relations.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * const cell = layoutOf('2019').cellAt.get('/proactive/procurement/amount');
 * cell?.kind; // 'money'
 * ```
 */
export function layoutOf(edition: Edition): Layout {
  return LAYOUTS[edition];
}

/**
 * The two editions' metadata by edition.
 *
 * @example
 * ```ts
 * import { EDITIONS } from 'gov-disclosure-report';
 * Object.keys(EDITIONS); // ['2021', '2019']
 * ```
 */
export const EDITIONS: Readonly<Record<Edition, EditionMeta>> = { '2021': EDITION_2021, '2019': EDITION_2019 };

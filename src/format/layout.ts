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
import type { BlockMeta, CellKind, ColumnMeta, Edition, EditionMeta, RelationMeta, RelationRuleCode, RowMeta, TableMeta } from './types.js';

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
  /** The relation in words, from the metadata's labels, for messages. */
  readonly wording: { readonly zh: string; readonly en: string };
}

/**
 * A read-only lookup by JSON Pointer (a `Map` at run time). Declared here
 * rather than as `ReadonlyMap` so the package's types compile in a project
 * with the default `lib`, which has no ES2015 collections.
 *
 * @example
 * ```ts
 * import { layoutOf, type Lookup, type CellInfo } from 'gov-disclosure-report';
 * const cells: Lookup<CellInfo> = layoutOf('2021').cellAt;
 * cells.has('/proactive/fees/amount'); // true
 * ```
 */
export interface Lookup<V> {
  /** The value at a pointer, if any. */
  get(pointer: string): V | undefined;
  /** Whether a pointer has a value. */
  has(pointer: string): boolean;
  /** Calls `each` with every value and its pointer, in the order the form prints them. */
  forEach(each: (value: V, pointer: string) => void): void;
  readonly size: number;
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
  readonly cellAt: Lookup<CellInfo>;
  /** Every table and row object by its pointer. */
  readonly objectAt: Lookup<ObjectNode>;
  readonly equations: readonly Equation[];
  /** For each derived cell (by index), the sum of its parts that derives it. */
  readonly derivedBy: readonly (Equation | undefined)[];
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

/** What compiling an edition collects. */
interface Collected {
  readonly cells: CellInfo[];
  readonly cellAt: Map<string, CellInfo>;
  readonly objectAt: Map<string, ObjectNode>;
  readonly equations: Equation[];
}

/** A block's leaf rows by row id (dotted path), each with its row and its cells by column key. */
type Leaves = Map<string, { readonly row: RowMeta; readonly cells: Map<string, CellInfo> }>;

/** The place of a row in its table, as the compiler walks down. */
interface RowPlace {
  readonly table: TableMeta;
  readonly block: BlockMeta;
  readonly leaves: Leaves;
  readonly parents: readonly RowMeta[];
  readonly pointer: string;
  readonly id: string;
  readonly derived: boolean;
}

function rowNode(row: RowMeta, place: RowPlace, into: Collected): ObjectNode {
  const { table, block, leaves } = place;
  const pointer = `${place.pointer}/${row.key}`;
  const chain = [...place.parents, row];
  const headers = [block.label, ...chain.flatMap((r) => (r.group ? [r.group, r.label] : [r.label]))].filter((l) => l !== undefined);
  const label = joinLabels(headers);
  const en = chain.map((r) => r.en).join(' › ');
  const derived = place.derived || row.isTotal === true;
  let children: (ObjectNode | CellNode)[];
  if (row.rows) {
    const below = { ...place, parents: chain, pointer, derived };
    children = row.rows.map((sub) => rowNode(sub, { ...below, id: `${place.id}.${sub.key}` }, into));
  } else {
    const cells = new Map<string, CellInfo>();
    leaves.set(place.id, { row, cells });
    children = block.columns.map((column): CellNode => {
      const cell: CellInfo = {
        index: into.cells.length,
        pointer: `${pointer}/${column.key}`,
        path: [...pointer.slice(1).split('/'), column.key],
        kind: column.kind,
        derived: derived || column.isTotal === true,
        table,
        block,
        rows: chain,
        column,
        label: `${label} · ${column.label}`,
        en: `${en} · ${column.en}`,
      };
      into.cells.push(cell);
      into.cellAt.set(cell.pointer, cell);
      cells.set(column.key, cell);
      return { type: 'cell', key: column.key, cell };
    });
  }
  const node: ObjectNode = { type: 'object', key: row.key, pointer, optional: row.isTotal === true, children, label, en };
  into.objectAt.set(pointer, node);
  return node;
}

/** One line a relation holds on: its cells by name, and the label each name prints. */
interface Line {
  readonly cell: (name: string) => CellInfo | undefined;
  readonly label: (name: string) => { readonly zh: string; readonly en: string };
}

/** The lines of a block: each row, for a relation within rows; each column, for one within columns. */
function linesOf(relation: RelationMeta, block: BlockMeta, leaves: Leaves): Line[] {
  if (relation.within === 'row') {
    const column = (name: string) => block.columns.find((c) => c.key === name);
    return [...leaves.values()].map(({ cells }) => ({
      cell: (name) => cells.get(name),
      label: (name) => ({ zh: column(name)?.label ?? name, en: column(name)?.en ?? name }),
    }));
  }
  return block.columns.map((column) => ({
    cell: (id) => leaves.get(id)?.cells.get(column.key),
    label: (id) => ({ zh: leaves.get(id)?.row.label ?? id, en: leaves.get(id)?.row.en ?? id }),
  }));
}

/** The relation in words, unless the metadata words it: `上年现行有效件数加本年制发件数减本年废止件数`. */
function wordingOf(relation: RelationMeta, line: Line): { zh: string; en: string } {
  if (relation.wording) return relation.wording;
  const terms = [
    ...(relation.previous ?? []).map((n) => ({ zh: `上年${line.label(n).zh}`, en: `last year's ${line.label(n).en}` })),
    ...relation.plus.map(line.label),
  ];
  const minus = (relation.minus ?? []).map(line.label);
  return {
    zh: terms.map((t) => t.zh).join('加') + minus.map((t) => `减${t.zh}`).join(''),
    en: terms.map((t) => t.en).join(' + ') + minus.map((t) => ` − ${t.en}`).join(''),
  };
}

/** A relation expanded on every line of a block where all its names exist. */
function expand(relation: RelationMeta, block: BlockMeta, leaves: Leaves): Equation[] {
  return linesOf(relation, block, leaves).flatMap((line) => {
    const target = line.cell(relation.target);
    const plus = relation.plus.map(line.cell);
    const minus = (relation.minus ?? []).map(line.cell);
    // Last year's cells sit at the same pointers in last year's report.
    const previous = (relation.previous ?? []).map(line.cell);
    const all = [target, ...plus, ...minus, ...previous];
    if (!all.every((c) => c !== undefined)) return [];
    const index = (c: CellInfo | undefined) => c!.index;
    return [
      {
        rule: relation.rule,
        target: target!.index,
        plus: plus.map(index),
        minus: minus.map(index),
        previous: previous.map((c) => c!.pointer),
        wording: wordingOf(relation, line),
      },
    ];
  });
}

function compile(meta: EditionMeta): Layout {
  const into: Collected = { cells: [], cellAt: new Map(), objectAt: new Map(), equations: [] };
  const tables = meta.tables.map((table) => {
    const pointer = `/${table.key}`;
    const blocks = table.blocks.map((block) => ({ block, leaves: new Map() as Leaves }));
    const children = blocks.flatMap(({ block, leaves }) =>
      block.rows.map((row) => rowNode(row, { table, block, leaves, parents: [], pointer, id: row.key, derived: false }, into)),
    );
    for (const relation of table.relations) {
      for (const { block, leaves } of blocks) into.equations.push(...expand(relation, block, leaves));
    }
    const node: ObjectNode = { type: 'object', key: table.key, pointer, optional: false, children, label: table.label, en: table.en };
    into.objectAt.set(pointer, node);
    return node;
  });
  // A total is derived by the sum of its parts; the balance of table 三 also sets 结转 总计, but as a difference.
  const derivedBy: (Equation | undefined)[] = [];
  for (const eq of into.equations) {
    if (eq.previous.length === 0 && eq.minus.length === 0 && into.cells[eq.target]!.derived) derivedBy[eq.target] ??= eq;
  }
  return { meta, tables, ...into, derivedBy };
}

/** Layouts compiled so far: each edition is compiled the first time it is asked for. */
const compiled: Partial<Record<Edition, Layout>> = {};

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
  return (compiled[edition] ??= compile(EDITIONS[edition]));
}

/**
 * The two editions' metadata by edition.
 *
 * @example
 * ```ts
 * import { EDITIONS } from 'gov-disclosure-report';
 * EDITIONS['2021'].document; // '国办公开办函〔2021〕30号'
 * ```
 */
export const EDITIONS: Readonly<Record<Edition, EditionMeta>> = { '2021': EDITION_2021, '2019': EDITION_2019 };

/**
 * The editions, oldest first: the keys of {@link EDITIONS}.
 *
 * @example
 * ```ts
 * import { EDITION_KEYS } from 'gov-disclosure-report';
 * EDITION_KEYS; // ['2019', '2021']
 * ```
 */
export const EDITION_KEYS: readonly Edition[] = Object.keys(EDITIONS) as Edition[];

/**
 * Whether a value names an edition.
 *
 * @example
 * ```ts
 * import { isEdition } from 'gov-disclosure-report';
 * isEdition('2019'); // true
 * isEdition(2019);   // false
 * ```
 */
export function isEdition(value: unknown): value is Edition {
  return typeof value === 'string' && Object.hasOwn(EDITIONS, value);
}

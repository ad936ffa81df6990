/**
 * zod 4 schemas of the report JSON, generated from the format metadata.
 * Each property carries its official label as `title` and an English gloss
 * as `description`, and each table and row shape an English name as `id`,
 * so `z.toJSONSchema` gives a documented schema with `$defs` that code
 * generators name types by.
 *
 * These check the shape only; {@link validateReport} checks the shape with
 * precise codes and every rule of the catalogue.
 *
 * @module
 */
import { z } from 'zod';
import { ARTICLE_20_ITEMS, article20Header } from '../format/article20.js';
import { layoutOf, type CellInfo, type ObjectNode } from '../format/layout.js';
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import { PUBLISHERS, REPORT_FIELDS, YEAR_RANGE } from '../format/report-fields.js';
import type { Edition, TableKey } from '../format/types.js';
import type { Report2019, Report2021 } from '../model/types.js';
import { AMOUNT_PATTERN, MAX_AMOUNT_LENGTH } from '../money/decimal.js';
import { isoDate, portablePattern } from './portable.js';
import { shapeNames } from './shape-names.js';

/**
 * A table as the report JSON may give it (model.md §1.1): every cell
 * required, but a total may be omitted or `null`, and an amount may be a
 * JSON number as well as a decimal string.
 *
 * @example
 * ```ts
 * import type { TableJson } from 'gov-disclosure-report/zod';
 * import type { CaseCounts } from 'gov-disclosure-report';
 * const review: TableJson<CaseCounts> = { upheld: 1, corrected: 0, otherResult: 0, pending: 0 };
 * ```
 */
export type TableJson<T> = [T] extends [string | null]
  ? string | number | null
  : [T] extends [object]
    ? { [K in keyof T as K extends 'total' ? never : K]: TableJson<T[K]> } & { [K in keyof T as K extends 'total' ? K : never]?: TableJson<T[K]> | null }
    : T;

/**
 * A 2021-edition report as its JSON may give it: what {@link report2021Schema} accepts.
 *
 * @example
 * ```ts
 * // type-only: `input` is a report's JSON, parsed
 * import { report2021Schema, type ReportJson2021 } from 'gov-disclosure-report/zod';
 * declare const input: unknown;
 * const parsed: ReportJson2021 = report2021Schema.parse(input);
 * ```
 */
export type ReportJson2021 = Omit<Report2021, TableKey> & { [K in TableKey]: TableJson<Report2021[K]> };

/**
 * A 2019-edition report as its JSON may give it: what {@link report2019Schema} accepts.
 *
 * @example
 * ```ts
 * // type-only: `input` is a report's JSON, parsed
 * import { report2019Schema, type ReportJson2019 } from 'gov-disclosure-report/zod';
 * declare const input: unknown;
 * const parsed: ReportJson2019 = report2019Schema.parse(input);
 * ```
 */
export type ReportJson2019 = Omit<Report2019, TableKey> & { [K in TableKey]: TableJson<Report2019[K]> };
const MAX = Number.MAX_SAFE_INTEGER;

/*
 * Each object of the report JSON is one named schema (`$defs` in its JSON
 * Schema), its properties `$ref`s to it, and rows alike share one. A named
 * schema's title repeats its English name, as code generators (quicktype)
 * name a type by its title and do not read `$defs` names. Every property's
 * title is the official label of its cell, row or table; a column of a
 * shared row is titled with what its rows have in common.
 */

/** Named schemas, shared by both editions, so a schema of both never holds two schemas of one name. */
const named = new Map<string, { readonly signature: string; readonly schema: z.ZodType }>();

/** A property: its key, its schema, and what its schema says, to tell two shapes of one name apart. */
type Property = readonly [key: string, schema: z.ZodType, signature: string];

function define(name: string, signature: string, build: () => z.ZodType): z.ZodType {
  const known = named.get(name);
  if (known && known.signature !== signature) throw new Error(`two different shapes are named ${name}`);
  if (known) return known.schema;
  const schema = build().meta({ id: name, title: name });
  named.set(name, { signature, schema });
  return schema;
}

function object(name: string, properties: readonly Property[]): z.ZodType {
  const signature = JSON.stringify(properties.map(([key, , sig]) => [key, sig]));
  return define(name, signature, () => z.strictObject(Object.fromEntries(properties.map(([key, schema]) => [key, schema]))));
}

/** The value of an amount cell. */
const amount = () =>
  define('Amount', '', () =>
    z
      .union([
        z.string().max(MAX_AMOUNT_LENGTH).regex(AMOUNT_PATTERN).meta(portablePattern(AMOUNT_PATTERN, '0-9.')),
        z.number().min(0).max(MAX),
      ])
      .nullable()
      .meta({ description: 'An amount in 万元: a plain decimal string (digits, optionally a point and more digits) or a number; null when blank' }),
  );

/** A cell of a row named `uses.length` times: its own label when once, else its column's with what those rows share. */
function cellProperty(cell: CellInfo, uses: readonly ObjectNode[]): Property {
  const blocks = new Set(uses.map((row) => row.children[0]?.type === 'cell' && row.children[0].cell.block));
  const scope = blocks.size === 1 ? (cell.block.label ?? cell.table.label) : cell.table.label;
  const title = uses.length === 1 ? cell.label : [scope, cell.column.group, cell.column.label].filter((part) => part !== undefined).join(' · ');
  const total = cell.derived ? '; a total: may be omitted or null, derived from its parts' : '';
  const meta = { title, description: `${uses.length === 1 ? cell.en : cell.column.en}${total}` };
  const value = cell.kind === 'money' ? amount() : z.number().int().min(cell.kind === 'count' ? 0 : -MAX).max(MAX).nullable();
  const schema = value.meta(meta);
  return [cell.column.key, cell.derived ? schema.optional() : schema, JSON.stringify([cell.kind, cell.derived, meta])];
}

/** A table or row: a property `$ref`ing its named schema, titled with its label. */
function objectProperty(node: ObjectNode, names: ReadonlyMap<ObjectNode, string>): Property {
  const name = names.get(node)!;
  const uses = [...names].filter(([, other]) => other === name).map(([row]) => row);
  const properties = node.children.map((child) => (child.type === 'cell' ? cellProperty(child.cell, uses) : objectProperty(child, names)));
  const first = node.children[0];
  const item = first?.type === 'cell' ? first.cell.block.article20Item : undefined;
  const meta = { title: node.label, description: item ? `${node.en} — ${article20Header(item)}：${ARTICLE_20_ITEMS[item]}` : node.en };
  const schema = object(name, properties);
  return [node.key, (node.optional ? schema.nullable().optional() : schema).meta(meta), JSON.stringify([name, node.optional, meta])];
}

const publisher = () =>
  define('Publisher', '', () =>
    z.enum(Object.keys(PUBLISHERS) as [keyof typeof PUBLISHERS]).meta({ description: Object.entries(PUBLISHERS).map(([key, p]) => `${key}: ${p.label}`).join('; ') }),
  );

/** The zod schema of an edition's report, made from its layout. */
export function editionSchema(edition: Edition) {
  const layout = layoutOf(edition);
  const names = shapeNames(edition);
  const tables = Object.fromEntries(layout.tables.map((table) => objectProperty(table, names)));
  const narrative = object(
    'Narrative',
    NARRATIVE_SECTIONS.map((s): Property => [s.key, z.string().meta({ title: s.label, description: s.en }).optional(), s.label]),
  );
  const field = (key: keyof typeof REPORT_FIELDS) => ({ title: REPORT_FIELDS[key].label, description: REPORT_FIELDS[key].en });
  return z
    .strictObject({
      edition: define(`Edition${edition}`, '', () => z.literal(edition)).meta(field('edition')),
      year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).meta(field('year')),
      agency: z.string().meta(field('agency')).optional(),
      publisher: publisher().meta(field('publisher')).optional(),
      publishedOn: isoDate().meta(field('publishedOn')).optional(),
      narrative: narrative.meta(field('narrative')).optional(),
      ...tables,
    })
    .meta({ title: `${layout.meta.title}（${layout.meta.document}）`, description: `Edition ${edition}` });
}

/**
 * The zod schema of a 2021-edition report.
 *
 * @example
 * ```ts
 * // type-only: `text` is a report's JSON, read from a file
 * import { report2021Schema } from 'gov-disclosure-report/zod';
 * declare const text: string;
 * report2021Schema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const report2021Schema = /* @__PURE__ */ editionSchema('2021') as unknown as z.ZodType<ReportJson2021>;

/**
 * The zod schema of a 2019-edition report.
 *
 * @example
 * ```ts
 * // type-only: `text` is a report's JSON, read from a file
 * import { report2019Schema } from 'gov-disclosure-report/zod';
 * declare const text: string;
 * report2019Schema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const report2019Schema = /* @__PURE__ */ editionSchema('2019') as unknown as z.ZodType<ReportJson2019>;

/**
 * The zod schema of a report of either edition, discriminated by `edition`.
 *
 * @example
 * ```ts
 * import { reportSchema } from 'gov-disclosure-report/zod';
 * import { z } from 'zod';
 * const jsonSchema = z.toJSONSchema(reportSchema);
 * ```
 */
export const reportSchema = /* @__PURE__ */ z.discriminatedUnion('edition', [
  report2021Schema as unknown as ReturnType<typeof editionSchema>,
  report2019Schema as unknown as ReturnType<typeof editionSchema>,
]) as unknown as z.ZodType<ReportJson2021 | ReportJson2019>;

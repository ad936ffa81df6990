/**
 * zod 4 schemas of the report JSON, generated from the format metadata.
 * Each property carries its official label as `title` and where it sits on
 * the form as `description`, so `z.toJSONSchema` gives a documented schema.
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
import { AMOUNT_PATTERN, MAX_AMOUNT_LENGTH } from '../money/decimal.js';

const MAX = Number.MAX_SAFE_INTEGER;

function describeCell(cell: CellInfo): string {
  const item = cell.block.article20Item;
  const article = item ? ` — ${article20Header(item)}：${ARTICLE_20_ITEMS[item]}` : '';
  const total = cell.derived ? '; a total: may be omitted or null, derived from its parts' : '';
  return `${cell.table.label} · ${cell.label}${article} (${cell.en}${total})`;
}

function cellSchema(cell: CellInfo): z.ZodType {
  const meta = { title: cell.column.label, description: describeCell(cell) };
  let schema: z.ZodType;
  if (cell.kind === 'money') {
    schema = z.union([z.string().max(MAX_AMOUNT_LENGTH).regex(AMOUNT_PATTERN), z.number().min(0).max(MAX)]).nullable();
  } else {
    schema = z.number().int().min(cell.kind === 'count' ? 0 : -MAX).max(MAX).nullable();
  }
  schema = schema.meta(meta);
  return cell.derived ? schema.optional() : schema;
}

function objectSchema(node: ObjectNode): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const child of node.children) shape[child.key] = child.type === 'cell' ? cellSchema(child.cell) : objectSchema(child);
  const schema = z.strictObject(shape);
  return (node.optional ? schema.nullable().optional() : schema).meta({ title: node.label, description: node.en });
}

/** The zod schema of an edition's report, made from its layout. */
export function editionSchema(edition: Edition) {
  const layout = layoutOf(edition);
  const tables = Object.fromEntries(layout.tables.map((t) => [t.key, objectSchema(t)]));
  const narrative = Object.fromEntries(
    NARRATIVE_SECTIONS.map((s) => [s.key, z.string().meta({ title: s.label, description: s.en }).optional()]),
  );
  const field = (key: keyof typeof REPORT_FIELDS) => ({ title: REPORT_FIELDS[key].label, description: REPORT_FIELDS[key].en });
  return z
    .strictObject({
      edition: z.literal(edition).meta(field('edition')),
      year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).meta(field('year')),
      agency: z.string().meta(field('agency')).optional(),
      publisher: z.enum(Object.keys(PUBLISHERS) as [keyof typeof PUBLISHERS]).meta(field('publisher')).optional(),
      publishedOn: z.iso.date().meta(field('publishedOn')).optional(),
      narrative: z.strictObject(narrative).meta(field('narrative')).optional(),
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

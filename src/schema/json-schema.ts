/**
 * The JSON Schema (draft 2020-12) of the report, generated from the zod
 * schemas, which are generated from the format metadata.
 *
 * @module
 */
import { z } from 'zod';
import type { Edition } from '../format/types.js';
import { report2019Schema, report2021Schema, reportSchema } from './zod.js';

/**
 * The JSON Schema of the report JSON of one edition, or of either edition
 * (`oneOf`) when none is named. Every property carries its official label as
 * `title` and where it sits on the form in `description`.
 *
 * @example
 * ```ts
 * import { reportJsonSchema } from 'gov-disclosure-report/zod';
 * const schema = reportJsonSchema('2021');
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function reportJsonSchema(edition?: Edition): Record<string, unknown> {
  const schema = edition === '2021' ? report2021Schema : edition === '2019' ? report2019Schema : reportSchema;
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $id: `urn:gov-disclosure-report:schema:${edition ?? 'report'}`, ...rest };
}

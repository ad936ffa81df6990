/**
 * The JSON Schema (draft 2020-12) of the report, generated from the zod
 * schemas, which are generated from the format metadata.
 *
 * @module
 */
import { z } from 'zod';
import { EDITION_KEYS } from '../format/layout.js';
import { REPORT_TITLE_PHRASE } from '../format/report-fields.js';
import type { Edition } from '../format/types.js';
import { editionSchema } from './zod.js';

/** One edition's schema, without the keywords that belong to a whole document. */
function editionJsonSchema(edition: Edition): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(editionSchema(edition), { target: 'draft-2020-12' }) as Record<string, unknown>;
  return schema;
}

/** A schema moved to `base` in a document: its `$ref`s (all within itself) follow it. */
function rebase(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rebase(item, base));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === '$ref' && typeof item === 'string' ? item.replace(/^#/, base) : rebase(item, base)]),
  );
}

/**
 * The JSON Schema of the report JSON of one edition, or of either edition
 * when none is named: then `edition` picks the edition's schema
 * (`if`/`then`, one per edition), so a validator's errors are about that edition, not
 * about why the report is not the other one. Every property carries its
 * official label as `title` and an English gloss in `description`; each
 * table and row is a named schema in `$defs` (`ApplicantCounts`,
 * `ReviewOutcomes`, …), which rows alike share. Its patterns read alike in
 * ECMA-262, Python, Java and RE2.
 *
 * @example
 * ```ts
 * import { reportJsonSchema } from 'gov-disclosure-report/zod';
 * const schema = reportJsonSchema('2021');
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function reportJsonSchema(edition?: Edition): Record<string, unknown> {
  const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:gov-disclosure-report:schema:${edition ?? 'report'}` };
  if (edition) return { ...head, ...editionJsonSchema(edition) };
  return {
    ...head,
    title: REPORT_TITLE_PHRASE,
    description: 'An annual report of either edition of the format; its edition field picks the schema it follows.',
    type: 'object',
    required: ['edition'],
    properties: { edition: { enum: EDITION_KEYS } },
    allOf: EDITION_KEYS.map((key) => ({ if: { properties: { edition: { const: key } } }, then: { $ref: `#/$defs/edition${key}` } })),
    $defs: Object.fromEntries(EDITION_KEYS.map((key) => [`edition${key}`, rebase(editionJsonSchema(key), `#/$defs/edition${key}`)])),
  };
}

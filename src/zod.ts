/**
 * The zod schemas and the JSON Schemas of the report JSON and of a case
 * record, in their own entry point so that the validator
 * (`gov-disclosure-report`) and `gov-disclosure-report/cases` do not load zod.
 *
 * @example
 * ```ts
 * // type-only: `input` is a report's JSON, parsed
 * import { reportSchema } from 'gov-disclosure-report/zod';
 * declare const input: unknown;
 * const parsed = reportSchema.safeParse(input);
 * ```
 *
 * @module
 */
export { report2019Schema, report2021Schema, reportSchema, type ReportJson2019, type ReportJson2021, type TableJson } from './schema/zod.js';
export { reportJsonSchema } from './schema/json-schema.js';
export { caseJsonSchema, caseRecordSchema } from './schema/case.js';

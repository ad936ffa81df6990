/**
 * The zod schemas and the JSON Schema of the report JSON, in their own entry
 * point so that the validator (`gov-disclosure-report`) does not load zod.
 *
 * @example
 * ```ts
 * import { reportSchema } from 'gov-disclosure-report/zod';
 * const parsed = reportSchema.safeParse(input);
 * ```
 *
 * @module
 */
export { report2019Schema, report2021Schema, reportSchema, type ReportJson2019, type ReportJson2021, type TableJson } from './schema/zod.js';
export { reportJsonSchema } from './schema/json-schema.js';

/**
 * The zod schema and the JSON Schema of a case record (cases.md §1), for
 * callers who validate a register in their own code or in another language.
 * Each property is titled with its Chinese name, as a register's header
 * gives it. `tallyApplications` does not use them: it reads records by hand,
 * with findings, and does not load zod.
 *
 * @module
 */
import { z } from 'zod';
import { APPLICANT_COLUMNS } from '../format/applications.js';
import { APPLICANT_KEYS, CASE_FIELDS, CHANNELS, CONSULTED, type CaseField } from '../cases/fields.js';
import { OUTCOME_ROWS } from '../cases/record.js';
import { isoDate, notBlank } from './portable.js';

const meta = (field: CaseField, note = '') => ({ title: CASE_FIELDS[field].label, description: `${CASE_FIELDS[field].en}${note}` });
const keys = <T extends object>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

const APPLICANTS = [...APPLICANT_KEYS, ...APPLICANT_COLUMNS.filter((c) => !('isTotal' in c)).map((c) => c.label)] as [string, ...string[]];
const OUTCOMES = [...new Set(OUTCOME_ROWS.flatMap((o) => [o.id, o.code, o.label]))] as [string, ...string[]];

/**
 * The zod schema of one case record. Unknown keys are allowed (registers
 * keep many fields of their own); `outcome` and `closedOn` come together.
 *
 * @example
 * ```ts
 * import { caseRecordSchema } from 'gov-disclosure-report/zod';
 * caseRecordSchema.safeParse({ id: '2024-042', applicant: 'naturalPerson', receivedOn: '2024-09-20' }).success; // true
 * ```
 */
export const caseRecordSchema = /* @__PURE__ */ z
  .looseObject({
    id: notBlank().meta(meta('id', '; unique in the register')),
    applicant: z.enum(APPLICANTS).meta(meta('applicant', '; the column of table 三, by key or label')),
    receivedOn: isoDate().meta(meta('receivedOn', '; 收到申请之日 as 条例第三十一条 fixes it')),
    channel: z.enum(keys(CHANNELS)).meta(meta('channel', '; informational')).optional(),
    onTheSpot: z.boolean().meta(meta('onTheSpot', '; 第三十三条第一款: the deadline is the day of receipt')).optional(),
    correction: z
      .looseObject({
        requestedOn: isoDate().meta(meta('correction.requestedOn')),
        receivedOn: isoDate().nullable().meta(meta('correction.receivedOn', '; null until it arrives')).optional(),
      })
      .meta(meta('correction', '; 第三十条: the period restarts from the corrected application'))
      .optional(),
    extension: z
      .looseObject({
        notifiedOn: isoDate().meta(meta('extension.notifiedOn')),
        workingDays: z.number().int().min(1).meta(meta('extension.workingDays', '; at most 20 (15 before 2019-05-15)')),
      })
      .meta(meta('extension', '; 第三十三条第二款'))
      .optional(),
    consultations: z
      .array(
        z.looseObject({
          with: z.enum(keys(CONSULTED)).meta(meta('consultations.with')),
          sentOn: isoDate().meta(meta('consultations.sentOn')),
          answeredOn: isoDate().nullable().meta(meta('consultations.answeredOn', '; null while unanswered')).optional(),
        }),
      )
      .meta(meta('consultations', '; 第三十二条, 第三十四条: time not counted'))
      .optional(),
    delayedUntil: isoDate().meta(meta('delayedUntil', '; 第三十五条: replaces the deadline')).optional(),
    outcome: z.enum(OUTCOMES).meta(meta('outcome', '; the row of table 三: its id, numbering or label')).optional(),
    closedOn: isoDate().meta(meta('closedOn', '; the day the reply counts as given')).optional(),
  })
  .refine((record) => (record.outcome === undefined) === (record.closedOn === undefined), {
    message: 'outcome and closedOn come together',
    path: ['closedOn'],
  })
  .meta({ title: '政府信息公开申请', description: 'One application of an agency register (cases.md §1)' });

/**
 * The JSON Schema (draft 2020-12) of one case record, for registers kept
 * in other languages: {@link caseRecordSchema}, with `outcome` and
 * `closedOn` required together.
 *
 * @example
 * ```ts
 * import { caseJsonSchema } from 'gov-disclosure-report/zod';
 * const schema = caseJsonSchema();
 * schema.title;                           // '政府信息公开申请'
 * schema.properties['receivedOn']?.title; // '收到申请日期'
 * ```
 */
export function caseJsonSchema(): { readonly title: string; readonly properties: Readonly<Record<string, { readonly title: string }>>; readonly [keyword: string]: unknown } {
  const { $schema: _, ...schema } = z.toJSONSchema(caseRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:gov-disclosure-report:schema:case',
    ...schema,
    dependentRequired: { outcome: ['closedOn'], closedOn: ['outcome'] },
  } as unknown as ReturnType<typeof caseJsonSchema>;
}

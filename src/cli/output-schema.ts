/**
 * The JSON Schema (draft 2020-12) of `validate --format json` and
 * `parse --format json`, which the build writes to `schema/output.json`.
 */

/** The version of the `--format json` document: it changes only when a field is removed or changes meaning, never when one is added. */
export const OUTPUT_VERSION = 1;

/**
 * The JSON Schema of the `--format json` document: `{version, tool,
 * command, summary, results}`, each result `{file, ok, findings, error?,
 * report?}`.
 *
 * @example
 * ```ts
 * import { outputJsonSchema } from './output-schema.js';
 * outputJsonSchema().$id; // 'urn:gov-disclosure-report:schema:output'
 * outputJsonSchema().properties.version.const; // 1
 * ```
 */
export function outputJsonSchema() {
  const count = { type: 'integer', minimum: 0 } as const;
  const value = { anyOf: [{ type: 'number' }, { type: 'string' }] } as const;
  const pointers = { type: 'array', items: { type: 'string' } } as const;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:gov-disclosure-report:schema:output',
    title: 'gov-disclosure-report validate/parse --format json',
    description:
      'What `validate --format json` and `parse --format json` print. A later version 1 may add fields; a removed or changed field raises `version`. (`validate --json` prints only the array of results, without `report`.)',
    type: 'object',
    required: ['version', 'tool', 'command', 'summary', 'results'],
    additionalProperties: false,
    properties: {
      version: { const: OUTPUT_VERSION, description: 'The version of this document’s shape.' },
      tool: {
        type: 'object',
        required: ['name', 'version'],
        additionalProperties: false,
        properties: { name: { const: 'gov-disclosure-report' }, version: { type: 'string', description: 'The package version.' } },
      },
      command: { enum: ['validate', 'parse'] },
      summary: {
        type: 'object',
        required: ['files', 'unreadable', 'errors', 'warnings', 'infos'],
        additionalProperties: false,
        properties: { files: count, unreadable: count, errors: count, warnings: count, infos: count },
        description: 'Counts over every result; with --quiet, of the errors printed.',
      },
      results: { type: 'array', items: { $ref: '#/$defs/FileResult' }, description: 'One per input, in the order given; a folder or pattern expands to its files, sorted.' },
    },
    $defs: {
      FileResult: {
        type: 'object',
        required: ['file', 'ok', 'findings'],
        additionalProperties: false,
        properties: {
          file: { type: 'string', description: 'The path as given or found; "-" for standard input.' },
          ok: { type: 'boolean', description: 'False when a finding is an error, or the file could not be read.' },
          findings: { type: 'array', items: { $ref: '#/$defs/Finding' } },
          error: { type: 'string', description: 'Only when the input could not be read: one line, starting with the path.' },
          report: { type: 'object', description: 'parse only: the report read (schema/report.json), when any could be.' },
        },
      },
      Finding: {
        type: 'object',
        required: ['code', 'severity', 'path', 'message'],
        description: 'A finding of model.md §2; a rule may add values of its own (e.g. daysLate).',
        properties: {
          code: { type: 'string', pattern: '^[a-zA-Z]+\\.[a-zA-Z]+$', description: 'The stable rule code, e.g. applications.balance.' },
          severity: { enum: ['error', 'warning', 'info'] },
          path: { type: 'string', description: 'RFC 6901 JSON Pointer of the cell at fault ("" = the whole report).' },
          expected: value,
          actual: value,
          cells: pointers,
          previousCells: pointers,
          message: { type: 'string' },
        },
      },
    },
  } as const;
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CASE_FIELDS, tallyApplications } from '../src/cases.js';
import { caseJsonSchema, caseRecordSchema } from '../src/zod.js';
import { ROOT } from './fixtures/cli.js';

const shipped = JSON.parse(readFileSync(`${ROOT}schema/case.json`, 'utf8')) as ReturnType<typeof caseJsonSchema>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(shipped);

const base = { id: 'A-1', applicant: 'naturalPerson', receivedOn: '2024-03-04' };
/** Records the schema and the tally's reading must judge alike (shape only: the order of dates is the tally's). */
const RECORDS: [string, unknown][] = [
  ['a minimal open record', base],
  ['a closed record', { ...base, outcome: 'granted', closedOn: '2024-03-20' }],
  ['every field', {
    ...base,
    channel: 'post',
    onTheSpot: false,
    correction: { requestedOn: '2024-03-05', receivedOn: '2024-03-08' },
    extension: { notifiedOn: '2024-04-01', workingDays: 15 },
    consultations: [{ with: 'thirdParty', sentOn: '2024-03-11', answeredOn: null }],
    delayedUntil: '2024-06-30',
    outcome: '（三）4',
    closedOn: '2024-06-28',
  }],
  ['a label for the applicant and the outcome', { ...base, applicant: '法律服务机构', outcome: '1.本机关不掌握相关政府信息', closedOn: '2024-03-20' }],
  ['unknown keys', { ...base, 申请人姓名: '张三', handler: { name: '李四' } }],
  ['a correction not yet received', { ...base, correction: { requestedOn: '2024-03-05', receivedOn: null } }],
  ['no id', { applicant: 'naturalPerson', receivedOn: '2024-03-04' }],
  ['a blank id', { ...base, id: ' ' }],
  ['an unknown applicant', { ...base, applicant: 'robot' }],
  ['2024-02-30', { ...base, receivedOn: '2024-02-30' }],
  ['an unknown channel', { ...base, channel: 'email' }],
  ['onTheSpot as text', { ...base, onTheSpot: 'yes' }],
  ['an extension of 0', { ...base, extension: { notifiedOn: '2024-03-20', workingDays: 0 } }],
  ['an unknown outcome', { ...base, outcome: 'approved', closedOn: '2024-03-20' }],
  ['an outcome without closedOn', { ...base, outcome: 'granted' }],
  ['closedOn without outcome', { ...base, closedOn: '2024-03-20' }],
  ['a consultation with a court', { ...base, consultations: [{ with: 'court', sentOn: '2024-03-05', answeredOn: null }] }],
  ['a number', 42],
];

/** Whether the tally reads the record's shape as sound: an unknown channel is counted, with case.channel, but is not the schema's. */
const readable = (record: unknown) =>
  !tallyApplications([record], { year: 2024 }).findings.some((f) => ['case.shape', 'case.outcomeWithoutClose', 'case.closeWithoutOutcome', 'case.channel'].includes(f.code));

describe('schema/case.json', () => {
  it('is draft 2020-12, titled with the Chinese field names', () => {
    expect(shipped.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(shipped).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
    expect(shipped.title).toBe('政府信息公开申请');
    for (const key of ['id', 'applicant', 'receivedOn', 'channel', 'onTheSpot', 'delayedUntil', 'outcome', 'closedOn'] as const) {
      expect(shipped.properties[key]?.title).toBe(CASE_FIELDS[key].label);
    }
  });

  it.each(RECORDS)('judges %s as the tally and the zod schema do', (_, record) => {
    expect(validate(record)).toBe(readable(record));
    expect(caseRecordSchema.safeParse(record).success).toBe(readable(record));
  });
});

describe('the cases entry', () => {
  it('loads neither zod nor anything of the command line', () => {
    const script = "require('./dist/cases.cjs'); console.log(JSON.stringify(Object.keys(require.cache)))";
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
    expect(loaded.filter((path) => /zod|csv-parse|fflate|htmlparser2|node:fs/.test(path))).toEqual([]);
    expect(loaded.length).toBeLessThanOrEqual(3);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParseInput, type ParseOptions } from '../src/parse.js';
import { ROOT } from './fixtures/cli.js';

// parseReport never rejects: what is not text or bytes, and options that cannot be read, get a finding.
const P016 = readFileSync(`${ROOT}test/corpus/html/P016.html`);

describe('the input of parseReport', () => {
  it('takes an ArrayBuffer as the bytes it holds', async () => {
    const bytes = new Uint8Array(P016);
    const result = await parseReport(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(result.report).toEqual((await parseReport(P016)).report);
    expect(result.ok).toBe(true);
  });

  it('takes a PDF as an ArrayBuffer', async () => {
    const pdf = new Uint8Array(readFileSync(`${ROOT}test/corpus/pdf/010.pdf`));
    expect((await parseReport(pdf.buffer)).report?.applications.received.total).toBe(95);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a plain object', { text: '一、总体情况' }],
    ['an array of bytes', [60, 112, 62]],
    ['a DataView', new DataView(new ArrayBuffer(8))],
    ['a revoked proxy', (() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })()],
  ])('answers %s with parse.unsupportedInput, never a rejection', async (_, input) => {
    const result = await parseReport(input as unknown as ParseInput);
    expect(result).toMatchObject({ ok: false, provenance: {}, extras: [] });
    expect(result.findings.map((f) => f.code)).toEqual(['parse.unsupportedInput']);
  });

  it('answers a detached ArrayBuffer with parse.unsupportedInput', async () => {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] });
    const result = await parseReport(buffer);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'parse.unsupportedInput' })]);
  });
});

describe('the options of parseReport', () => {
  it('whose getter throws: the defaults are used, the report is read, and the finding names the options', async () => {
    const options = Object.defineProperty({}, 'locale', { get: () => { throw new Error('boom'); } }) as ParseOptions;
    const result = await parseReport(P016, options);
    expect(result.report).toEqual((await parseReport(P016)).report);
    const finding = result.findings.find((f) => f.code === 'parse.unsupportedInput');
    expect(finding).toMatchObject({ path: '', reason: expect.stringMatching(/^options that cannot be read \(boom\)/) });
    expect(result.findings.filter((f) => f.code === 'parse.unsupportedInput')).toHaveLength(1);
  });

  it('that are not an object: the defaults, with the finding; null is no options', async () => {
    const result = await parseReport(P016, 'en' as unknown as ParseOptions);
    expect(result.findings[0]).toMatchObject({ code: 'parse.unsupportedInput', reason: expect.stringContaining('options') });
    expect(result.report).toEqual((await parseReport(P016)).report);
    expect((await parseReport(P016, null as unknown as ParseOptions)).findings.some((f) => f.code === 'parse.unsupportedInput')).toBe(false);
  });
});

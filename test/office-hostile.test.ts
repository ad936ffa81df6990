import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/parse.js';
import { renderReport } from '../src/render.js';
import { busyReport2021 } from './fixtures/reports.js';

const refused = async (bytes: Uint8Array) => {
  const result = await parseReport(bytes, { locale: 'en' });
  expect(result.ok).toBe(false);
  expect(result.report).toBeUndefined();
  return result.findings.map((f) => `${f.code}: ${f.message}`);
};
const CONTENT_TYPES = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

describe('Word and Excel files that cannot be read give a parse.unsupportedInput finding, never a crash or a hang', () => {
  it('a zip bomb: a part that inflates past 50 MB stops there', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    expect((await refused(bomb)).join()).toMatch(/parse.unsupportedInput.*more than 50 MB/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a part whose bytes were damaged fails its CRC-32 instead of giving other figures', async () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>1520</w:t></w:r></w:p></w:body></w:document>') }, { level: 0 });
    const at = Buffer.from(bytes).indexOf('1520');
    bytes[at] = '7'.charCodeAt(0);
    expect((await refused(bytes)).join()).toMatch(/CRC-32/);
  });

  it.each([
    ['cut short', (b: Uint8Array) => b.subarray(0, b.length / 2), /central directory/],
    ['a deflate stream of noise', (b: Uint8Array) => b.map((x, i) => (i > 200 && i < b.length - 400 ? (x * 31 + i) & 0xff : x)), /cannot be read/],
    ['a zip that is no Office document', () => zipSync({ 'a.txt': strToU8('hello') }), /no \[Content_Types\]\.xml/],
    ['an Office package that is neither workbook nor document', () => zipSync({ '[Content_Types].xml': strToU8('<Types/>') }), /neither a workbook/],
    ['only the signature', () => new Uint8Array([0x50, 0x4b, 3, 4]), /cannot be read/],
  ])('%s', async (_, damage, reason) => {
    const docx = renderReport(busyReport2021(), { to: 'docx' });
    const findings = await refused(damage(docx));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^parse\.unsupportedInput/);
    expect(findings[0]).toMatch(reason);
  });

  it('a zip of 20 000 entries is refused from its directory, before anything is inflated', async () => {
    const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CONTENT_TYPES) };
    for (let i = 0; i < 20_000; i++) files[`x/${i}`] = new Uint8Array(0);
    expect((await refused(zipSync(files))).join()).toMatch(/20001 entries/);
  });
});

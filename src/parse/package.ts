/**
 * Office Open XML packages (.xlsx, .docx) as a reader meets them: a zip
 * told from its signature and `[Content_Types].xml`, its parts inflated on
 * demand within a budget, each checked against its CRC-32 (a damaged part
 * could change a figure and still be XML), and XML walked by namespace and
 * local name. Hostile files give a reason, not an exception or a hang: a
 * zip bomb stops at the budget, a corrupt archive at its first bad byte.
 */
import { Inflate } from 'fflate';
import { Parser } from 'htmlparser2';

/** What a package holds: a workbook or a word-processing document. */
export type PackageKind = 'xlsx' | 'docx';

/**
 * An opened package: its kind and its parts, read as text when asked for.
 *
 * @example
 * ```ts
 * // type-only: needs the bytes of an .xlsx file
 * import { openPackage } from './package.js';
 * declare const bytes: Uint8Array;
 * const opened = openPackage(bytes);
 * if ('kind' in opened) console.log(opened.kind, opened.part('xl/workbook.xml')?.length);
 * ```
 */
export interface OfficePackage {
  kind: PackageKind;
  /** The names of its parts, as stored. */
  names: string[];
  /** A part's text (UTF-8), or `undefined` when there is no such part; throws a {@link PackageError} when it cannot be read. */
  part(name: string): string | undefined;
}

/**
 * Why a package cannot be read (a corrupt part, the budget spent).
 *
 * @example
 * ```ts
 * import { PackageError } from './package.js';
 * new PackageError('a part that fails its CRC-32').message; // 'a part that fails its CRC-32'
 * ```
 */
export class PackageError extends Error {}

// No report needs more: inflating stops here, whatever the archive claims.
const MAX_INFLATED = 50 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
// Compressed bytes pushed to the inflater at a time: each push yields at most ~1000 times as much.
const CHUNK = 16 * 1024;

/**
 * Whether the bytes start like a zip archive: `PK\x03\x04`.
 *
 * @example
 * ```ts
 * import { isZip } from './package.js';
 * isZip(new Uint8Array([0x50, 0x4b, 3, 4])); // true
 * ```
 */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

interface Entry {
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  local: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The central directory: each entry by name. */
function directoryOf(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && end >= bytes.length - 22 - 65_535 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0 || end < bytes.length - 22 - 65_535) throw new PackageError('a zip archive without its central directory (cut short?)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new PackageError('a ZIP64 archive, far larger than a report');
  if (count > MAX_ENTRIES) throw new PackageError(`a zip archive of ${count} entries`);
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new PackageError('a zip archive whose central directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** A part's bytes: stored or deflated, inflated within what is left of the budget, then checked. */
function inflateEntry(bytes: Uint8Array, entry: Entry, budget: { left: number }): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.flags & 1) throw new PackageError('an encrypted part');
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== 0x04034b50) throw new PackageError('a part that is not where the directory says');
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(start, start + entry.compressed);
  if (data.length < entry.compressed) throw new PackageError('a part cut short');
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (size > budget.left) throw new PackageError(`parts that inflate to more than ${MAX_INFLATED / 1024 / 1024} MB (a zip bomb?)`);
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length || i === 0; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    } catch (error) {
      throw error instanceof PackageError ? error : new PackageError(`a part that cannot be inflated (${error instanceof Error ? error.message : 'damaged'})`);
    }
    out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) (out.set(chunk, at), (at += chunk.length));
  } else {
    throw new PackageError(`a part compressed by method ${entry.method}`);
  }
  if (out.length > budget.left) throw new PackageError(`parts larger than ${MAX_INFLATED / 1024 / 1024} MB`);
  budget.left -= out.length;
  if (crc32(out) !== entry.crc) throw new PackageError('a part that fails its CRC-32 (damaged)');
  return out;
}

/**
 * Opens the bytes of a zip as an Office document, or says why not: the
 * kind from `[Content_Types].xml` (a workbook's or a document's main part,
 * macro-enabled and templates too).
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { openPackage } from './package.js';
 * const opened = openPackage(renderReport(buildReport({ edition: '2021', year: 2021 }), { to: 'docx' }));
 * 'kind' in opened && opened.kind; // 'docx'
 * ```
 */
export function openPackage(bytes: Uint8Array): OfficePackage | { reason: string } {
  try {
    const entries = directoryOf(bytes);
    const budget = { left: MAX_INFLATED };
    const decoder = new TextDecoder('utf-8');
    const part = (name: string) => {
      const entry = entries.get(name);
      return entry && decoder.decode(inflateEntry(bytes, entry, budget));
    };
    const types = part('[Content_Types].xml');
    if (types === undefined) return { reason: 'a zip archive that is not an Office document (no [Content_Types].xml)' };
    const kind = packageKind(types);
    if (!kind) return { reason: 'an Office document that is neither a workbook (.xlsx) nor a Word document (.docx)' };
    return { kind, names: [...entries.keys()], part };
  } catch (error) {
    if (error instanceof PackageError) return { reason: `a zip archive that cannot be read: ${error.message}` };
    throw error;
  }
}

/**
 * What a package is, by the content types it gives its parts: a workbook
 * or a word-processing document (its main part's type), or neither.
 *
 * @example
 * ```ts
 * import { packageKind } from './package.js';
 * packageKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'); // 'docx'
 * packageKind('application/xml'); // undefined
 * ```
 */
export function packageKind(types: string): PackageKind | undefined {
  return /spreadsheetml\.(?:sheet|template)\.main|ms-excel\.(?:sheet|template)/.test(types)
    ? 'xlsx'
    : /wordprocessingml\.(?:document|template)\.main|ms-word\.(?:document|template)/.test(types)
      ? 'docx'
      : undefined;
}

/**
 * The title in a package's core properties (`dc:title`), as a page's
 * `<title>`: LibreOffice keeps a saved page's title there.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { documentTitle, openPackage, type OfficePackage } from './package.js';
 * documentTitle(openPackage(renderReport(buildReport({ edition: '2021', year: 2021 }), { to: 'docx' })) as OfficePackage); // ''
 * ```
 */
export function documentTitle(pkg: OfficePackage): string {
  let core = 'docProps/core.xml';
  walkXml(pkg.part('_rels/.rels') ?? '', {
    open(name, attributes) {
      const target = attributes.get('Target');
      if (name.endsWith('}Relationship') && attributes.get('Type')?.endsWith('/metadata/core-properties') && target) core = target.replace(/^\//, '');
    },
  });
  let title = '';
  let inTitle = false;
  walkXml(pkg.part(core) ?? '', {
    open: (name) => void (inTitle = name === '{http://purl.org/dc/elements/1.1/}title'),
    text: (text) => void (inTitle && (title += text)),
    close: () => void (inTitle = false),
  });
  return title.trim();
}

/**
 * An element or attribute name with its namespace resolved, in Clark
 * notation: `{uri}local` (`local` alone when it has no namespace).
 */
export type QName = string;

/** What {@link walkXml} calls for each element and text. */
export interface XmlHandlers {
  open?: (name: QName, attributes: ReadonlyMap<QName, string>) => void;
  text?: (text: string) => void;
  close?: (name: QName) => void;
}

/**
 * Walks XML with htmlparser2 in XML mode, names resolved by namespace:
 * producers choose their own prefixes (`x:c` as well as `c`).
 *
 * @example
 * ```ts
 * import { walkXml } from './package.js';
 * const names: string[] = [];
 * walkXml('<x:c xmlns:x="urn:a" r="A1"/>', { open: (name, attributes) => names.push(name, attributes.get('r')!) });
 * names; // ['{urn:a}c', 'A1']
 * ```
 */
export function walkXml(xml: string, on: XmlHandlers): void {
  const scopes: Map<string, string>[] = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  const resolve = (name: string, element: boolean) => {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    if (!element && colon < 0) return name;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]!.get(prefix);
      if (uri !== undefined) return uri === '' ? name.slice(colon + 1) : `{${uri}}${name.slice(colon + 1)}`;
    }
    return name;
  };
  const names: QName[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const scope = new Map<string, string>();
        for (const [key, value] of Object.entries(attributes)) {
          if (key === 'xmlns') scope.set('', value);
          else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
        }
        scopes.push(scope);
        const qname = resolve(name, true);
        names.push(qname);
        const resolved = new Map<QName, string>();
        for (const [key, value] of Object.entries(attributes)) if (key !== 'xmlns' && !key.startsWith('xmlns:')) resolved.set(resolve(key, false), value);
        on.open?.(qname, resolved);
      },
      ontext(text) {
        on.text?.(text);
      },
      onclosetag() {
        scopes.pop();
        on.close?.(names.pop()!);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

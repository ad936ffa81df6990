/**
 * The text of a file's bytes, decoded as the file says: a byte-order mark
 * (UTF-8, UTF-16LE, UTF-16BE), else the page's own declaration in its
 * first kilobyte (`<meta charset>`, the `http-equiv` content type, an XML
 * declaration), else UTF-8, or GB18030 when the bytes are not UTF-8 but are
 * GB18030 throughout (older government sites save pages in GBK, and
 * declare `gb2312`). And where a PDF starts, past junk before `%PDF-`.
 */

import { PIECE_BYTES } from './pieces.js';

// How far a declaration or a PDF header is looked for, as browsers and PDF readers do.
const PRESCAN = 1024;

// GB2312 and GBK are subsets of GB18030: a page declaring either is decoded as GB18030, which reads both.
const ALIASES: Readonly<Record<string, string>> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', 'cp936': 'gb18030', 'csgb2312': 'gb18030' };

/** The encoding a page declares in its first kilobyte, if any. */
function declared(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN));
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/**
 * Decodes a text file's bytes by its byte-order mark, its declaration, or
 * as UTF-8 (GB18030 when they are not UTF-8 and are GB18030 throughout).
 *
 * @example
 * ```ts
 * import { decodeText } from './encoding.js';
 * const gbk = new Uint8Array([0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, 0x67, 0x62, 0x32, 0x33, 0x31, 0x32, 0x3e, 0xd5, 0xfe, 0xb8, 0xae]);
 * decodeText(gbk); // '<meta charset=gb2312>政府'
 * decodeText(new Uint8Array([0xff, 0xfe, 0x3f, 0x65, 0x9c, 0x5e])); // '政府'
 * ```
 */
export function decodeText(bytes: Uint8Array): string {
  return decodePieces(bytes).join('');
}

/**
 * {@link decodeText} in pieces of at most {@link PIECE_BYTES} bytes each,
 * which a reader takes without joining them (see `./pieces.ts`). No
 * character is cut in two, not even a pair of UTF-16 surrogates. `named`:
 * the encoding the file's container names (a web archive's part header),
 * which comes before the page's own declaration.
 *
 * @example
 * ```ts
 * import { decodePieces } from './encoding.js';
 * decodePieces(new TextEncoder().encode('政'.repeat(20_000))).map((piece) => piece.length); // [10922, 9078]: the first 32,768 bytes hold 10,922 whole characters
 * ```
 */
export function decodePieces(bytes: Uint8Array, named?: string): string[] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return inPieces(bytes, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return inPieces(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return inPieces(bytes, 'utf-16be');
  const label = named ?? declared(bytes);
  // A page declaring UTF-16 without a byte-order mark is read as UTF-8, as browsers read it: its declaration was readable as ASCII.
  if (label && !label.startsWith('utf-16')) {
    try {
      return inPieces(bytes, ALIASES[label] ?? label);
    } catch {
      // An encoding no decoder knows: read as UTF-8 below.
    }
  }
  try {
    return inPieces(bytes, 'utf-8', true);
  } catch {
    try {
      return inPieces(bytes, 'gb18030', true);
    } catch {
      return inPieces(bytes, 'utf-8');
    }
  }
}

/**
 * The bytes decoded a piece at a time; `fatal`: throw on bytes the encoding
 * cannot have. A streaming decoder holds back the first bytes of a character
 * it has not had all of, and the first half of a surrogate pair, so no
 * character is cut between pieces.
 */
function inPieces(bytes: Uint8Array, label: string, fatal = false): string[] {
  const decoder = new TextDecoder(label, { fatal });
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) pieces.push(decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true }));
  pieces.push(decoder.decode());
  return pieces.filter((piece) => piece !== '');
}

/**
 * Where a PDF starts: `%PDF-` at most a kilobyte into the bytes (junk
 * before it is skipped, as PDF readers skip it), or -1.
 *
 * @example
 * ```ts
 * import { pdfStart } from './encoding.js';
 * pdfStart(new TextEncoder().encode('HTTP junk\r\n%PDF-1.7')); // 11
 * pdfStart(new TextEncoder().encode('<html>')); // -1
 * ```
 */
export function pdfStart(bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN + 5));
  return head.indexOf('%PDF-');
}

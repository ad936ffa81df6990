/**
 * Web archives (MHTML, RFC 2557): a page saved with its images in one file,
 * as Word's "single file web page" (.mht, and the .doc files that systems
 * export this way so that Word opens them) and a browser's "webpage, single
 * file" (.mhtml) write it. The report is the archive's HTML part, its body
 * in quoted-printable or base64 (RFC 2045), in the charset its header names.
 */

// How far into the bytes the archive's headers are looked for.
const HEADERS = 4096;
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** The end of a block of headers (a blank line) at or after `from`: where the body starts, or -1. */
function bodyStart(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0x0a, from); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    const next = bytes[at + 1] === 0x0d ? at + 2 : at + 1;
    if (bytes[next] === 0x0a) return next + 1;
  }
  return -1;
}

/** A header's value, its folded lines joined, from a block of headers. */
function header(headers: string, name: string): string | undefined {
  const match = new RegExp(`^${name}[ \\t]*:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers);
  return match?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** A parameter of a header's value (`boundary`, `charset`), quoted or not. */
function parameter(value: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Where `pattern` first stands in `bytes` at or after `from`, or -1. */
function find(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(pattern[0]!, from); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(pattern[0]!, at + 1)) {
    let i = 1;
    while (i < pattern.length && bytes[at + i] === pattern[i]) i++;
    if (i === pattern.length) return at;
  }
  return -1;
}

const HEX = (code: number) => (code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 0x37 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1);

/** Quoted-printable decoded: `=XX` is a byte, `=` at a line's end joins it to the next; anything else stays. */
function quotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0x3d) {
      out[n++] = byte;
      continue;
    }
    // A soft line break, maybe after white space a writer left: dropped.
    let j = i + 1;
    while (bytes[j] === 0x20 || bytes[j] === 0x09) j++;
    if (bytes[j] === 0x0a || (bytes[j] === 0x0d && bytes[j + 1] === 0x0a)) {
      i = bytes[j] === 0x0a ? j : j + 1;
      continue;
    }
    const [high, low] = [HEX(bytes[i + 1] ?? 0), HEX(bytes[i + 2] ?? 0)];
    if (high >= 0 && low >= 0) {
      out[n++] = high * 16 + low;
      i += 2;
    } else out[n++] = byte;
  }
  return out.subarray(0, n);
}

/** Base64 decoded, line breaks and any other character outside the alphabet skipped. */
function base64(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((bytes.length * 3) / 4));
  let [n, bits, count] = [0, 0, 0];
  for (const byte of bytes) {
    const value = byte >= 0x41 && byte <= 0x5a ? byte - 0x41 : byte >= 0x61 && byte <= 0x7a ? byte - 0x47 : byte >= 0x30 && byte <= 0x39 ? byte + 4 : byte === 0x2b ? 62 : byte === 0x2f ? 63 : -1;
    if (value < 0) continue;
    bits = ((bits << 6) | value) & 0xffffff;
    if (++count % 4 === 0) out.set([bits >> 16, (bits >> 8) & 0xff, bits & 0xff], (n += 3) - 3);
  }
  if (count % 4 === 2) out[n++] = (bits >> 4) & 0xff;
  else if (count % 4 === 3) out.set([(bits >> 10) & 0xff, (bits >> 2) & 0xff], (n += 2) - 2);
  return out.subarray(0, n);
}

/** A part's body decoded by its transfer encoding. */
function decoded(body: Uint8Array, encoding: string | undefined): Uint8Array {
  const name = encoding?.toLowerCase();
  return name === 'quoted-printable' ? quotedPrintable(body) : name === 'base64' ? base64(body) : body;
}

/**
 * Whether a text starts as a block of headers does (a field's name, then a
 * colon): only such a text is looked at further as a web archive.
 *
 * @example
 * ```ts
 * import { startsWithHeader } from './mhtml.js';
 * startsWithHeader('MIME-Version: 1.0'); // true
 * startsWithHeader('<html>'); // false
 * ```
 */
export function startsWithHeader(head: string): boolean {
  return /^[!-9;-~]+:/.test(head.slice(0, 80));
}

// How deep archives may nest in archives (multipart/alternative in multipart/related).
const MAX_NESTING = 3;

/** The first HTML part of the multipart body `bytes[from, to)` with this boundary, searched into nested multiparts. */
function htmlPart(bytes: Uint8Array, from: number, to: number, boundary: string, nesting: number): { body: Uint8Array; headers: string; type: string } | undefined {
  const delimiter = new TextEncoder().encode(`\n--${boundary}`);
  // A delimiter is the boundary on a line of its own: after it, "--" (the last), white space or the line's end; not a longer boundary.
  const delimiterAt = (after: number) => {
    for (let at = find(bytes, delimiter, after); at >= 0 && at < to; at = find(bytes, delimiter, at + 1)) {
      const next = bytes[at + delimiter.length];
      if (next === undefined || next === 0x2d || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a) return at;
    }
    return -1;
  };
  // Each part: after a delimiter line, its headers, then its body up to the next delimiter (the line break before it is the delimiter's).
  for (let at = delimiterAt(from - 1); at >= 0 && bytes[at + delimiter.length] !== 0x2d; ) {
    const partStart = bytes.indexOf(0x0a, at + 1) + 1;
    const bodyAt = partStart > 0 && partStart < to ? bodyStart(bytes, partStart - 1) : -1;
    if (bodyAt < 0 || bodyAt > to) return undefined;
    const next = delimiterAt(bodyAt - 1);
    const end = next < 0 ? to : bytes[next - 1] === 0x0d ? next - 1 : next;
    const headers = latin1(bytes.subarray(partStart, bodyAt));
    const type = header(headers, 'Content-Type') ?? '';
    if (/^text\/html/i.test(type)) return { body: bytes.subarray(bodyAt, Math.max(bodyAt, end)), headers, type };
    const inner = parameter(type, 'boundary');
    if (/^multipart\//i.test(type) && inner && nesting < MAX_NESTING) {
      const found = htmlPart(bytes, bodyAt, Math.max(bodyAt, end), inner, nesting + 1);
      if (found) return found;
    }
    at = next;
  }
  return undefined;
}

/**
 * The HTML page a web archive holds: its bytes, decoded from their transfer
 * encoding, the charset its header names, and whether it was encoded
 * (quoted-printable or base64: its bytes are the page's own, in that
 * charset); `undefined` for bytes that are no web archive (no
 * `MIME-Version` header and multipart or HTML content type at their
 * start); a reason for an archive that holds no HTML page. An HTML part is
 * looked for in nested multiparts too.
 *
 * @example
 * ```ts
 * import { archivedPage } from './mhtml.js';
 * const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="utf-8"\r\n' +
 *   'Content-Transfer-Encoding: quoted-printable\r\n\r\n<td rowspan=3D"2">=E6=94=BF=E5=BA=9C</td>=\r\n<td>1</td>\r\n--b--\r\n';
 * const page = archivedPage(new TextEncoder().encode(mht));
 * if (page && 'html' in page) new TextDecoder(page.charset).decode(page.html); // '<td rowspan="2">政府</td><td>1</td>'
 * archivedPage(new TextEncoder().encode('<html><body>政府</body></html>')); // undefined
 * archivedPage(new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n')); // { reason: 'a web archive (MHTML) without its boundary' }
 * ```
 */
export function archivedPage(bytes: Uint8Array): { html: Uint8Array; charset: string | undefined; encoded: boolean } | { reason: string } | undefined {
  // A header field first, or no archive: a page is not searched for a blank line.
  if (!startsWithHeader(latin1(bytes.subarray(0, 80)))) return undefined;
  const start = bodyStart(bytes.subarray(0, HEADERS), 0);
  const headers = latin1(bytes.subarray(0, Math.max(0, start)));
  const type = header(headers, 'Content-Type');
  if (header(headers, 'MIME-Version') === undefined || !/^(multipart\/|text\/html)/i.test(type ?? '')) return undefined;
  const boundary = parameter(type, 'boundary');
  if (!/^text\/html/i.test(type!) && !boundary) return { reason: 'a web archive (MHTML) without its boundary' };
  const part = /^text\/html/i.test(type!) ? { body: bytes.subarray(start), headers, type: type! } : htmlPart(bytes, start, bytes.length, boundary!, 1);
  if (!part) return { reason: 'a web archive (MHTML) without an HTML page' };
  const encoding = header(part.headers, 'Content-Transfer-Encoding')?.toLowerCase();
  return { html: decoded(part.body, encoding), charset: parameter(part.type, 'charset')?.toLowerCase(), encoded: encoding === 'quoted-printable' || encoding === 'base64' };
}

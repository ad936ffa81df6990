/**
 * Office's XML files, which systems fill in from a template or export and
 * publish as .doc, .xls or .xml (Word and Excel open them as documents and
 * workbooks): a Word 2007 "XML document" (Flat OPC: a package's parts inline
 * in one XML file), a Word 2003 XML document (`<w:wordDocument>`, read as a
 * .docx is: `./docx.ts`) and an Excel 2003 XML workbook (`<Workbook>`:
 * `./spreadsheet-xml.ts`). Told from their first kilobytes.
 */
import { packageKind, type OfficePackage } from './package.js';

const PACKAGE = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const WORD_2003 = 'http://schemas.microsoft.com/office/word/2003/wordml';
const SPREADSHEET_2003 = 'urn:schemas-microsoft-com:office:spreadsheet';
/**
 * How far into a file its root element is looked for (past the XML
 * declaration and processing instructions), in characters or bytes.
 *
 * @example
 * ```ts
 * import { XML_HEAD } from './office-xml.js';
 * XML_HEAD; // 4096
 * ```
 */
export const XML_HEAD = 4096;

/** The prefix the root element of `head` has, when it is `local` of namespace `uri` (after the XML declaration, processing instructions, comments, a doctype). */
function rootPrefix(head: string, local: string, uri: string): string | undefined {
  const match = new RegExp(`^\\ufeff?(?:\\s|<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!DOCTYPE[^>]*>)*<(?:([\\w.-]+):)?${local}\\b[^>]*>`).exec(head);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const declared = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']${uri.replace(/[./]/g, '\\$&')}["']`).test(match[0]);
  return declared ? prefix : undefined;
}

/**
 * Which of Office's XML files `head` (a file's first kilobytes, as text)
 * starts: a Flat OPC package, a Word 2003 XML document, an Excel 2003 XML
 * workbook, or none.
 *
 * @example
 * ```ts
 * import { officeXmlKind } from './office-xml.js';
 * officeXmlKind('<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'); // 'wordml'
 * officeXmlKind('<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'); // 'flat'
 * officeXmlKind('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'); // 'spreadsheetml'
 * officeXmlKind('<html><body>'); // undefined
 * ```
 */
export function officeXmlKind(head: string): 'flat' | 'wordml' | 'spreadsheetml' | undefined {
  const start = head.slice(0, XML_HEAD);
  if (rootPrefix(start, 'package', PACKAGE) !== undefined) return 'flat';
  if (rootPrefix(start, 'wordDocument', WORD_2003) !== undefined) return 'wordml';
  if (rootPrefix(start, 'Workbook', SPREADSHEET_2003) !== undefined) return 'spreadsheetml';
  return undefined;
}

/**
 * A Flat OPC file's parts as a package: each `pkg:part` by its name, its
 * XML the text of its `pkg:xmlData` (binary parts, images and fonts, are
 * no text and left out); its kind from its parts' content types.
 *
 * @example
 * ```ts
 * import { openFlatPackage } from './office-xml.js';
 * const flat = '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
 *   '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">' +
 *   '<pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/></pkg:xmlData></pkg:part></pkg:package>';
 * const pkg = openFlatPackage(flat);
 * 'kind' in pkg && pkg.kind; // 'docx'
 * 'kind' in pkg && pkg.part('word/document.xml'); // '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
 * ```
 */
export function openFlatPackage(xml: string): OfficePackage | { reason: string } {
  const prefix = rootPrefix(xml.slice(0, XML_HEAD), 'package', PACKAGE);
  if (prefix === undefined) return { reason: 'an XML file that is not a Flat OPC package' };
  const p = prefix ? `${prefix}:` : '';
  const parts = new Map<string, string>();
  const types: string[] = [];
  const [open, close, dataOpen, dataClose] = [`<${p}part`, `</${p}part>`, `<${p}xmlData>`, `</${p}xmlData>`];
  for (let at = xml.indexOf(open); at >= 0; ) {
    const end = xml.indexOf(close, at);
    const tagEnd = xml.indexOf('>', at);
    if (end < 0 || tagEnd < 0 || tagEnd > end) break;
    const tag = xml.slice(at, tagEnd);
    const attribute = (name: string) => new RegExp(`\\s${p}${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
    const [name, type] = [attribute('name'), attribute('contentType')];
    // Its content is its first child: looked for there, not searched for (a search across binary parts would make the walk quadratic).
    const data = xml.indexOf('<', tagEnd);
    if (name !== undefined && data >= 0 && data < end && xml.startsWith(dataOpen, data)) {
      const dataEnd = xml.lastIndexOf(dataClose, end);
      parts.set(name.replace(/^\//, ''), xml.slice(data + dataOpen.length, Math.max(data + dataOpen.length, dataEnd)));
      types.push(type ?? '');
    }
    at = xml.indexOf(open, end);
  }
  const kind = packageKind(types.join('\n'));
  if (!kind) return { reason: 'a Word XML package (Flat OPC) that is neither a workbook nor a Word document' };
  return { kind, names: [...parts.keys()], part: (name) => parts.get(name) };
}

/**
 * The list definitions of a Word document (.docx): its numbering part
 * (`w:abstractNum` levels, `w:num` lists with their restarts) and the lists
 * its paragraph styles number with (a heading style linked to a list), for
 * the numbers Word shows before numbered paragraphs (see `./word-lists.ts`).
 */
import { walkXml, type OfficePackage } from './package.js';
import { inheritNumbering, LIST_LEVELS, msonfcFormat, type ListLevel, type NumberingRef, type WordList } from './word-lists.js';

// A .docx's namespace (transitional, strict) and Word 2003 XML's, whose elements a .docx names alike.
const MAIN = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main', 'http://schemas.microsoft.com/office/word/2003/wordml'];

/**
 * An element's name in WordprocessingML's namespace (either of its URIs, or
 * Word 2003 XML's), or `undefined` for another namespace's.
 *
 * @example
 * ```ts
 * import { wordName } from './docx-lists.js';
 * wordName('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr'); // 'numPr'
 * wordName('{urn:other}numPr'); // undefined
 * ```
 */
export function wordName(name: string): string | undefined {
  const uri = MAIN.find((u) => name.startsWith(`{${u}}`));
  return uri === undefined ? undefined : name.slice(uri.length + 2);
}

/**
 * An attribute of a WordprocessingML element, by its local name, in the
 * element's own namespace (`w:val` of a `w:numId`).
 *
 * @example
 * ```ts
 * import { wordAttribute } from './docx-lists.js';
 * const w = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}';
 * wordAttribute(`${w}numId`, new Map([[`${w}val`, '4']]), 'val'); // '4'
 * ```
 */
export function wordAttribute(element: string, attributes: ReadonlyMap<string, string>, local: string): string | undefined {
  return attributes.get(`${element.slice(0, element.indexOf('}') + 1)}${local}`);
}

const level = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '0', 10);
  return Number.isInteger(n) && n >= 0 && n < LIST_LEVELS ? n : 0;
};
// Word 2003 XML writes them capitalized (Tab, Space, Nothing).
const SUFFIX: Readonly<Record<string, string>> = { tab: '\t', space: ' ', nothing: '' };
const whole = (value: string | undefined, otherwise: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isInteger(n) && n >= 0 ? n : otherwise;
};

/**
 * Reads a `w:numId` or a `w:ilvl` (of a `w:numPr`; a `w:ilfo` of Word 2003
 * XML's `w:listPr` is its `w:numId`) into `ref`; anything else is left alone.
 *
 * @example
 * ```ts
 * import { readNumberingRef } from './docx-lists.js';
 * import type { NumberingRef } from './word-lists.js';
 * const ref: NumberingRef = {};
 * readNumberingRef(ref, 'numId', '4');
 * readNumberingRef(ref, 'ilvl', '1');
 * ref; // { list: '4', level: 1 }
 * ```
 */
export function readNumberingRef(ref: NumberingRef, name: string | undefined, value: string | undefined): void {
  if ((name === 'numId' || name === 'ilfo') && value !== undefined) ref.list = value;
  else if (name === 'ilvl') ref.level = level(value);
}

/**
 * The parts a part's relationships name, by the end of their type
 * (`/numbering`, `/styles`), as paths in the package; the part `''` is the
 * package itself, whose relationships name its main document.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { openPackage, type OfficePackage } from './package.js';
 * import { relatedParts } from './docx-lists.js';
 * const document = openPackage(renderReport(buildReport({ edition: '2021', year: 2021, agency: '某局' }), { to: 'docx' })) as OfficePackage;
 * relatedParts(document, 'word/document.xml').get('/styles'); // 'word/styles.xml'
 * ```
 */
export function relatedParts(pkg: OfficePackage, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const found = new Map<string, string>();
  walkXml(pkg.part(`${folder}_rels/${part.slice(slash + 1)}.rels`) ?? '', {
    open(name, attributes) {
      const [type, target] = [attributes.get('Type'), attributes.get('Target')];
      if (!name.endsWith('}Relationship') || !type || !target || attributes.get('TargetMode') === 'External') return;
      found.set(type.slice(type.lastIndexOf('/')), target.startsWith('/') ? target.slice(1) : folder + target);
    },
  });
  return found;
}

/**
 * The lists of a numbering part, by their `w:numId` (or of a Word 2003 XML
 * file's `w:lists`, by their `w:ilfo`).
 *
 * @example
 * ```ts
 * import { readNumbering } from './docx-lists.js';
 * const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
 * const lists = readNumbering(`<w:numbering ${w}><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num></w:numbering>`);
 * lists.get('1'); // { definition: '3', levels: [{ start: 1, format: 'chineseCounting', text: '%1、', suffix: '' }], starts: new Map() }
 * ```
 */
export function readNumbering(xml: string): Map<string, WordList> {
  const definitions = new Map<string, (ListLevel | undefined)[]>();
  const lists = new Map<string, { definition: string; overrides: (ListLevel | undefined)[]; starts: Map<number, number> }>();
  let levels: (ListLevel | undefined)[] | undefined;
  let current: ListLevel | undefined;
  let list: { definition: string; overrides: (ListLevel | undefined)[]; starts: Map<number, number> } | undefined;
  let overridden = 0;
  walkXml(xml, {
    open(name, attributes) {
      const n = wordName(name);
      const value = wordAttribute(name, attributes, 'val');
      // Word 2003 XML: w:listDef for w:abstractNum, w:list (by its w:ilfo) for w:num, w:ilst for w:abstractNumId.
      if (n === 'abstractNum' || n === 'listDef') definitions.set(wordAttribute(name, attributes, n === 'listDef' ? 'listDefId' : 'abstractNumId') ?? '', (levels = []));
      else if (n === 'num' || n === 'list') lists.set(wordAttribute(name, attributes, n === 'list' ? 'ilfo' : 'numId') ?? '', (list = { definition: '', overrides: [], starts: new Map() }));
      else if ((n === 'abstractNumId' || n === 'ilst') && list) list.definition = value ?? '';
      else if (n === 'lvlOverride') overridden = level(wordAttribute(name, attributes, 'ilvl'));
      else if (n === 'startOverride' && list) list.starts.set(overridden, whole(value, 1));
      else if (n === 'lvl') {
        current = { start: 1, format: 'decimal', text: '', suffix: '\t' };
        // A level inside a list's override replaces the definition's level for that list.
        const into = list ? list.overrides : levels;
        if (into) into[level(wordAttribute(name, attributes, 'ilvl'))] = current;
      } else if (current && n === 'start') current.start = whole(value, 1);
      else if (current && n === 'numFmt') current.format = value ?? 'decimal';
      else if (current && n === 'lvlText') current.text = value ?? '';
      else if (current && n === 'suff') current.suffix = SUFFIX[(value ?? 'tab').toLowerCase()] ?? '\t';
      else if (current && n === 'nfc') current.format = msonfcFormat(whole(value, 0));
      else if (current && n === 'isLgl') current.legal = value === undefined || value === '1' || value === 'true';
    },
    close(name) {
      const n = wordName(name);
      if (n === 'lvl') current = undefined;
      else if (n === 'abstractNum' || n === 'listDef') levels = undefined;
      else if (n === 'num' || n === 'list') list = undefined;
    },
  });
  const read = new Map<string, WordList>();
  for (const [id, { definition, overrides, starts }] of lists) {
    const base = definitions.get(definition) ?? [];
    const levels = Array.from({ length: Math.max(base.length, overrides.length) }, (_, i) => overrides[i] ?? base[i]);
    read.set(id, { definition, levels, starts });
  }
  return read;
}

/**
 * The numbering each paragraph style gives its paragraphs, by style id,
 * styles based on another taking its numbering where they have none.
 *
 * @example
 * ```ts
 * import { readStyleNumbering } from './docx-lists.js';
 * const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
 * const styles = readStyleNumbering(`<w:styles ${w}><w:style w:type="paragraph" w:styleId="h1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="h1b"><w:basedOn w:val="h1"/></w:style></w:styles>`);
 * styles.get('h1b'); // { list: '4' }
 * ```
 */
export function readStyleNumbering(xml: string): Map<string, NumberingRef> {
  const own = new Map<string, { based?: string; ref: NumberingRef }>();
  let style: { based?: string; ref: NumberingRef } | undefined;
  walkXml(xml, {
    open(name, attributes) {
      const n = wordName(name);
      const value = wordAttribute(name, attributes, 'val');
      if (n === 'style') {
        style = wordAttribute(name, attributes, 'type') === 'paragraph' ? { ref: {} } : undefined;
        if (style) own.set(wordAttribute(name, attributes, 'styleId') ?? '', style);
      } else if (style && n === 'basedOn' && value !== undefined) style.based = value;
      else if (style) readNumberingRef(style.ref, n, value);
    },
    close(name) {
      if (wordName(name) === 'style') style = undefined;
    },
  });
  return inheritNumbering(own);
}

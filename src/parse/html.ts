/**
 * HTML as published: the `<table>`s with their spans, each cell's text and
 * offset, and the text around them as lines. htmlparser2 reads real-world
 * markup (unclosed tags, entities, Word's and editors' wrappers) and gives
 * the offsets provenance needs.
 */
import { Tokenizer } from 'htmlparser2';
import { normalizeLabel } from './normalize.js';
import { pieced } from './pieces.js';
import type { SourceCell, SourceLine, SourceTable } from './source.js';
import { isInvisible } from './visible-text.js';

/** What an HTML document holds: its title, its tables, and its text outside them as lines. */
export interface HtmlDocument {
  title: string;
  tables: SourceTable[];
  lines: SourceLine[];
}

// Tags after which text starts a new line.
const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'table']);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);
// Elements that never have content or an end tag.
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr', 'area', 'base', 'source']);

// The only attributes read; a name of another length is not even sliced.
const SPANS = new Set(['colspan', 'rowspan']);
const SPAN_LENGTHS = new Set([...SPANS].map((name) => name.length));

// No table of the form is wider or longer than this; a larger span is read as 1.
const MAX_SPAN = 60;
const spanOf = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isInteger(n) && n > 0 && n <= MAX_SPAN ? n : 1;
};

/**
 * Reads the tables and the text of an HTML document. It drives htmlparser2's
 * tokenizer itself: htmlparser2's Parser keeps its open elements in an array
 * it shifts at the front, which is quadratic on deeply nested markup, and
 * this needs no tree, only where tables, rows and cells open and close.
 * A page decoded in pieces (see `./pieces.ts`) is read as it is, piece by
 * piece, with the same offsets.
 *
 * @example
 * ```ts
 * import { readHtml } from './html.js';
 * const cell = readHtml(['<p>表三</p><table><tr><td>行政', '许可</td></tr></table>']).tables[0]!.rows[0]![0]!;
 * cell.text; // '行政许可'
 * cell.offset; // 20: where its <td> stands in the text the pieces make
 * ```
 */
export function readHtml(html: string | readonly string[]): HtmlDocument {
  const pieces = typeof html === 'string' ? [html] : html;
  const { slice, length } = pieced(pieces);
  const tables: SourceTable[] = [];
  const open: SourceTable[] = [];
  const lines: SourceLine[] = [];
  let cell: SourceCell | undefined;
  let line: SourceLine = { text: '', offset: 0 };
  let skipping = 0;
  let inTitle = false;
  let title = '';
  let tag = { name: '', start: 0, attributes: {} as Record<string, string> };
  // The attribute being read, when it is one of SPANS: the others (Word's pages carry a style on every cell) are skipped.
  let attribute: { name: string; value: string } | undefined;

  const endLine = (at: number) => {
    if (line.text.trim() !== '') lines.push({ text: line.text.trim(), offset: line.offset });
    line = { text: '', offset: at };
  };
  const finishCell = () => {
    if (!cell) return;
    cell.label = normalizeLabel(cell.text);
    cell = undefined;
  };

  const openTag = (name: string, attributes: Record<string, string>, at: number) => {
    if (SKIP.has(name)) skipping++;
    if (name === 'title') inTitle = true;
    if (name === 'table') {
      endLine(at);
      open.push({ rows: [], offset: at });
    }
    const table = open.at(-1);
    if (!table) return;
    if (name === 'tr') table.rows.push([]);
    if (name === 'td' || name === 'th') {
      finishCell();
      if (table.rows.length === 0) table.rows.push([]);
      cell = { text: '', label: '', offset: at, colspan: spanOf(attributes.colspan), rowspan: spanOf(attributes.rowspan) };
      table.rows.at(-1)!.push(cell);
    } else if (cell && (BLOCK.has(name) || name === 'sup' || name === 'sub')) cell.text += ' ';
  };

  const closeTag = (name: string, at: number) => {
    if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
    if (name === 'title') inTitle = false;
    if (name === 'td' || name === 'th') finishCell();
    else if (name === 'table') {
      finishCell();
      const table = open.pop();
      if (table) tables.push(table);
      line.offset = at;
    } else if (cell && BLOCK.has(name)) cell.text += ' ';
    else if (!cell && open.length === 0 && BLOCK.has(name)) endLine(at);
  };

  const text = (value: string, at: number) => {
    if (skipping > 0) return;
    if (inTitle) title += value;
    else if (cell) cell.text += value;
    else if (open.length === 0) {
      if (line.text === '') line.offset = at;
      line.text += value;
    }
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = { name: slice(start, end).toLowerCase(), start: start - 1, attributes: {} };
      },
      onattribname(start, end) {
        const name = SPAN_LENGTHS.has(end - start) ? slice(start, end).toLowerCase() : '';
        attribute = SPANS.has(name) ? { name, value: '' } : undefined;
      },
      onattribdata(start, end) {
        if (attribute) attribute.value += slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute) attribute.value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribute) tag.attributes[attribute.name] = attribute.value;
      },
      onopentagend() {
        openTag(tag.name, tag.attributes, tag.start);
        if (VOID.has(tag.name)) closeTag(tag.name, tag.start);
      },
      onselfclosingtag() {
        openTag(tag.name, tag.attributes, tag.start);
        closeTag(tag.name, tag.start);
      },
      onclosetag(start, end) {
        closeTag(slice(start, end).toLowerCase(), end + 1);
      },
      ontext(start, end) {
        text(slice(start, end), start);
      },
      ontextentity(codepoint, end) {
        // An entity for a character that shows nothing (&shy;, &#8203;) is left out, as the text's own are.
        const ch = String.fromCodePoint(codepoint);
        if (!isInvisible(ch)) text(ch, end);
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  endLine(length);
  while (open.length > 0) tables.push(open.pop()!);
  tables.sort((a, b) => a.offset - b.offset);
  return { title: title.trim(), tables, lines };
}

/**
 * Word 97–2003 documents (.doc, [MS-DOC]): the text of the main document
 * from the piece table, cut into paragraphs by their marks, and each
 * paragraph's properties from the formatted disk pages that cover its mark:
 * whether it stands in a table, and whether it ends a row (whose properties
 * then give the edges of its cells, whence their grid spans, and their merges
 * down rows). A cell ends with U+0007, a row with a further U+0007.
 * Fields show their result, not their code. Tables nested in a cell are read
 * as text of that cell. A paragraph Word numbers (its own list, or its
 * style's) starts with its number, and text deleted with its change tracked
 * or hidden is left out, as in a .docx.
 */
import type { HtmlDocument } from './html.js';
import { CompoundFileError, unlessDamaged, type CompoundFile } from './cfb.js';
import { CELLS, eachModifier, reader, type Reader } from './doc-bytes.js';
import { readDocLists, readDocStyleNumbering, readListModifier } from './doc-lists.js';
import { OfficeCollector, wordTable, type OfficePlace, type WordCell, type WordTable } from './office.js';
import type { SourceTable } from './source.js';
import { listNumbers, paragraphNumber, type NumberingRef, type WordList } from './word-lists.js';

// Paragraph and table properties ([MS-DOC] 2.6.2, 2.6.3): the single property modifiers read here.
const IN_TABLE = 0x2416;
const ROW_END = 0x2417;
const DEPTH = 0x6649;
const HUGE_PROPERTIES = 0x6646;
const MERGE_ACROSS = 0x5624;
const MERGE_DOWN = 0xd62b;
// Character properties ([MS-DOC] 2.6.1): text deleted with its change tracked, and hidden text.
const DELETED = 0x0800;
const HIDDEN = 0x083c;
// No Word row has more cells than this.
const MAX_CELLS = 64;

interface CellProps {
  first: boolean;
  merged: boolean;
  down: 'restart' | 'continue' | undefined;
}

interface Paragraph extends NumberingRef {
  /** Its style's index in the style sheet. */
  style: number;
  inTable: boolean;
  rowEnd: boolean;
  depth: number;
  /** For a row's end: the edges of its cells (twips from the left) and each cell's merges. */
  edges?: number[];
  cells?: CellProps[];
}

const PLAIN: Paragraph = { style: 0, inTable: false, rowEnd: false, depth: 0 };

/** Applies a list of property modifiers to a paragraph's properties. */
function applyModifiers(read: Reader, from: number, to: number, into: Paragraph, data?: () => Reader): void {
  eachModifier(read, from, to, (sprm, at, size) => {
    readListModifier(into, sprm, read, at);
    if (sprm === IN_TABLE) into.inTable = read.u8(at) !== 0;
    else if (sprm === ROW_END) into.rowEnd = read.u8(at) !== 0;
    else if (sprm === DEPTH) into.depth = read.u32(at);
    else if (sprm === HUGE_PROPERTIES && data) {
      // The properties did not fit the page: they are in the Data stream, after their size (and point nowhere further).
      const stream = data();
      const offset = read.u32(at);
      applyModifiers(stream, offset + 2, offset + 2 + stream.u16(offset), into);
    } else if (sprm === CELLS && read.u8(at + 2) > 0 && read.u8(at + 2) <= MAX_CELLS && 3 + (read.u8(at + 2) + 1) * 2 <= size) {
      const count = read.u8(at + 2);
      into.edges = Array.from({ length: count + 1 }, (_, i) => read.i16(at + 3 + i * 2));
      const descriptors = at + 3 + (count + 1) * 2;
      into.cells = Array.from({ length: count }, (_, i) => {
        const flags = descriptors + i * 20 + 2 <= at + size ? read.u16(descriptors + i * 20) : 0;
        return { first: (flags & 1) !== 0, merged: (flags & 2) !== 0, down: flags & 0x20 ? (flags & 0x40 ? 'restart' : 'continue') : undefined };
      });
    } else if (sprm === MERGE_DOWN && into.cells) {
      const cell = into.cells[read.u8(at + 1)];
      const flag = read.u8(at + 2);
      if (cell) cell.down = flag === 1 ? 'restart' : flag === 3 ? 'continue' : undefined;
    } else if (sprm === MERGE_ACROSS && into.cells) {
      const [first, limit] = [read.u8(at), read.u8(at + 1)];
      for (let i = first; i < limit && i < into.cells.length; i++) into.cells[i]![i === first ? 'first' : 'merged'] = true;
    }
  });
}

interface Run {
  start: number;
  end: number;
  /** Where its properties stand in the WordDocument stream, or -1 for none. */
  at: number;
}

/**
 * The runs of file positions that share paragraph or character properties,
 * from the bin table and its 512-byte pages, in order. A page's entry for a
 * run is 13 bytes for paragraphs (an offset, then layout hints), 1 for
 * characters.
 */
function propertyRuns(word: Reader, table: Reader, fc: number, lcb: number, kind: 'paragraph' | 'character'): Run[] {
  if (lcb < 4 || (lcb - 4) % 8 !== 0) throw new CompoundFileError(`a Word document whose ${kind} table is damaged`);
  const pages = (lcb - 4) / 8;
  const entry = kind === 'paragraph' ? 13 : 1;
  // Each page is one of the stream's own: a table naming one page over and over would give 29 (or 101) runs per 8 bytes.
  if (pages > word.bytes.length / 512) throw new CompoundFileError(`a Word document whose ${kind} table names more pages than its stream holds`);
  const runs: Run[] = [];
  for (let p = 0; p < pages; p++) {
    const page = (table.u32(fc + (pages + 1) * 4 + p * 4) & 0x3fffff) * 512;
    word.slice(page, 512);
    const count = word.u8(page + 511);
    if ((count + 1) * 4 + count * entry > 511) throw new CompoundFileError(`a Word document with a damaged page of ${kind} properties`);
    for (let r = 0; r < count; r++) {
      const offset = word.u8(page + (count + 1) * 4 + r * entry);
      runs.push({ start: word.u32(page + r * 4), end: word.u32(page + (r + 1) * 4), at: offset === 0 ? -1 : page + offset * 2 });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/**
 * The file positions of text that is no text of the report, from the
 * character properties: text deleted while Word tracked changes (it stays in
 * the file, struck through, until the change is accepted; a .docx keeps it in
 * `w:delText`, not read either), and hidden text, which Word neither shows
 * nor prints. Ranges in order, touching ones joined. Damage to the character
 * properties costs this, not the document.
 */
function unseenText(word: Reader, table: Reader, fc: number, lcb: number): [number, number][] {
  return unlessDamaged(() => {
    const ranges: [number, number][] = [];
    for (const run of propertyRuns(word, table, fc, lcb, 'character')) {
      let on = false;
      if (run.at >= 0) {
        eachModifier(word, run.at + 1, run.at + 1 + word.u8(run.at), (sprm, at) => {
          // A toggle: 1, or 0x81 (the opposite of the style's: a style that hides text is not read, and none deletes).
          if (sprm === DELETED || sprm === HIDDEN) on ||= (word.u8(at) & 1) === 1;
        });
      }
      const last = ranges.at(-1);
      if (on && last && last[1] >= run.start) last[1] = Math.max(last[1], run.end);
      else if (on) ranges.push([run.start, run.end]);
    }
    return ranges;
  }, []);
}

/** The characters of a piece of text (at file position `fc`, `width` bytes each) that `unseen` covers, as ranges of their indexes. */
function unseenIn(unseen: [number, number][], fc: number, length: number, width: number): [number, number][] {
  let [low, high] = [0, unseen.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (unseen[mid]![1] <= fc) low = mid + 1;
    else high = mid;
  }
  const cuts: [number, number][] = [];
  for (let i = low; i < unseen.length && unseen[i]![0] < fc + length * width; i++) {
    cuts.push([Math.max(0, Math.ceil((unseen[i]![0] - fc) / width)), Math.min(length, Math.ceil((unseen[i]![1] - fc) / width))]);
  }
  return cuts;
}

/**
 * The properties of the paragraph that holds file position `fc`, each set
 * read once, and where that paragraph ends (-1 for one without properties),
 * which tells one paragraph from the next.
 */
function propertiesAt(word: Reader, runs: Run[], data: () => Reader) {
  const cache = new Map<number, Paragraph>();
  return (fc: number): [Paragraph, number] => {
    let [low, high] = [0, runs.length - 1];
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (runs[mid]!.end <= fc) low = mid + 1;
      else high = mid - 1;
    }
    const run = runs[low];
    if (!run || run.start > fc || run.at < 0) return [PLAIN, -1];
    let paragraph = cache.get(run.at);
    if (!paragraph) {
      paragraph = { ...PLAIN };
      const size = word.u8(run.at);
      // A size byte of 0 is followed by the real size; either counts the two bytes of the style's index.
      const [from, length] = size === 0 ? [run.at + 2, word.u8(run.at + 1) * 2] : [run.at + 1, size * 2 - 1];
      paragraph.style = word.u16(from);
      applyModifiers(word, from + 2, Math.min(from + length, run.at - (run.at % 512) + 511), paragraph, data);
      cache.set(run.at, paragraph);
    }
    return [paragraph, run.end];
  };
}

interface Piece {
  cp: number;
  end: number;
  fc: number;
  narrow: boolean;
}

/**
 * The pieces of the main document's text, in order: where each stands in the
 * stream and whether it is 8-bit. Their bytes together are at most `streamLength`:
 * pieces that name the same bytes over and over are refused, not read.
 */
function pieces(table: Reader, fc: number, lcb: number, textLength: number, streamLength: number): Piece[] {
  const clx = reader(table.slice(fc, lcb), 'a Word document whose piece table is');
  let at = 0;
  // Formatting of fast-saved pieces comes first: skipped, the text is all that is read. Its size is
  // read unsigned (a valid one is below 0x3FA3), so each step goes forward and the walk ends.
  while (at < clx.bytes.length && clx.u8(at) === 1) at += 3 + clx.u16(at + 1);
  if (clx.u8(at) !== 2) throw new CompoundFileError('a Word document without its piece table');
  const size = clx.u32(at + 1);
  const count = (size - 4) / 12;
  if (!Number.isInteger(count) || count < 1) throw new CompoundFileError('a Word document whose piece table is damaged');
  const plc = at + 5;
  const out: Piece[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const [cp, end] = [clx.u32(plc + i * 4), clx.u32(plc + (i + 1) * 4)];
    if (end < cp || (out.length > 0 && cp !== out.at(-1)!.end)) throw new CompoundFileError('a Word document whose pieces of text are out of order');
    const raw = clx.u32(plc + (count + 1) * 4 + i * 8 + 2);
    const narrow = (raw & 0x40000000) !== 0;
    const piece = { cp, end: Math.min(end, textLength), fc: narrow ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff, narrow };
    total += (piece.end - piece.cp) * (narrow ? 1 : 2);
    if (total > streamLength) throw new CompoundFileError(`a Word document whose pieces of text are longer than its stream of ${streamLength} bytes`);
    out.push(piece);
    if (end >= textLength) break;
  }
  return out;
}

/** The title in the document's summary information (PIDSI_TITLE), in the code page the property set names. */
function summaryTitle(file: CompoundFile): string {
  // A damaged title costs the title, not the document.
  return unlessDamaged(() => titleIn(file.stream('\u0005SummaryInformation')), '');
}

function titleIn(stream: Uint8Array | undefined): string {
  if (!stream) return '';
  const read = reader(stream, 'summary information');
  const set = read.u32(28 + 16);
  const count = read.u32(set + 4);
  const value = (id: number) => {
    for (let i = 0; i < count && i < 1000; i++) if (read.u32(set + 8 + i * 8) === id) return set + read.u32(set + 12 + i * 8);
    return undefined;
  };
  const title = value(2);
  if (title === undefined) return '';
  const page = value(1);
  const codePage = page === undefined ? 1252 : read.u16(page + 4);
  const type = read.u32(title);
  const length = read.u32(title + 4);
  const labels: Record<number, string> = { 1200: 'utf-16le', 65001: 'utf-8', 936: 'gbk', 950: 'big5', 1252: 'windows-1252' };
  const [bytes, label] = type === 0x1f ? [read.slice(title + 8, length * 2), 'utf-16le'] : type === 0x1e ? [read.slice(title + 8, length), labels[codePage]] : [undefined, undefined];
  return bytes && label ? new TextDecoder(label).decode(bytes).replace(/\0[\s\S]*$/, '').trim() : '';
}

/**
 * What numbers the document's paragraphs: its lists (FIB pairs 73 and 74)
 * and its styles' numbering (pair 1). Damage to them costs the numbers, not
 * the document.
 */
function numbering(table: Reader, pair: (i: number) => readonly [number, number]) {
  // Each read on its own: damage to the style sheet leaves the paragraphs' own lists numbered.
  const lists = unlessDamaged(() => {
    const [[at, size], [overrides, overridesSize]] = [pair(73), pair(74)];
    return size > 0 && overridesSize > 0 ? readDocLists(table, at, overrides, overridesSize) : new Map<string, WordList>();
  }, new Map<string, WordList>());
  const styles = unlessDamaged(() => {
    const [at, size] = pair(1);
    return size > 0 ? readDocStyleNumbering(table, at, size) : new Map<number, NumberingRef>();
  }, new Map<number, NumberingRef>());
  return { nextNumber: listNumbers(lists), styles };
}

/** A row as read: its cells' text, and the properties its end gives. */
interface RawRow {
  cells: { text: string; offset: number }[];
  end?: Paragraph;
}

/**
 * A table's rows with their cells' grid spans: the grid is every cell edge
 * of every row, so a cell as wide as two cells of another row spans two.
 * A cell merged into the one before it (the old way of merging across)
 * widens that one.
 */
function tableOf(number: number, raw: RawRow[], collect: OfficeCollector): SourceTable {
  const grid = [...new Set(raw.flatMap((row) => row.end?.edges ?? []))].sort((a, b) => a - b);
  const column = new Map(grid.map((edge, i) => [edge, i]));
  const table: WordTable = { number, rows: [] };
  raw.forEach((row, r) => {
    const { edges, cells: props } = row.end ?? {};
    const known = edges && props && props.length === row.cells.length;
    const cells: WordCell[] = [];
    row.cells.forEach((cell, c) => {
      const span = known ? column.get(edges[c + 1]!)! - column.get(edges[c]!)! : 1;
      const place: OfficePlace = { table: number, row: r + 1, cell: c + 1 };
      const merged = known && props[c]!.merged && !props[c]!.first && cells.length > 0;
      if (merged) {
        cells.at(-1)!.span += Math.max(span, 1);
        return;
      }
      cells.push({ text: cell.text, span: span > 0 ? span : 1, merge: known ? props[c]!.down : undefined, offset: cell.offset, place });
    });
    table.rows.push({ before: known ? column.get(edges[0]!)! : 0, cells });
  });
  return wordTable(table, collect);
}

/**
 * Reads a Word 97–2003 document from its compound file: its paragraphs
 * outside tables as lines, its tables with their merged cells, each cell
 * with the number of its table, row and cell; or says why it is not one
 * that can be read (an .xls, an encrypted or Word 95 document). Damage
 * throws a {@link CompoundFileError}.
 *
 * @example
 * ```ts
 * // type-only: needs the bytes of a .doc file
 * import { openCompoundFile } from './cfb.js';
 * import { readDoc } from './doc.js';
 * declare const bytes: Uint8Array;
 * const read = readDoc(openCompoundFile(bytes));
 * if ('doc' in read) console.log(read.doc.tables.length, read.places.get(0));
 * ```
 */
export function readDoc(file: CompoundFile): { doc: HtmlDocument; places: Map<number, OfficePlace> } | { reason: string } {
  const stream = file.stream('WordDocument');
  if (!stream) return { reason: 'a compound file (OLE2) that is neither a Word document nor an Excel workbook' };
  const word = reader(stream, 'a Word document');
  if (word.u16(0) !== 0xa5ec) return { reason: 'a compound file whose WordDocument stream is not a Word document' };
  if (word.u16(2) < 0xc0) return { reason: 'a Word 6 or Word 95 document, which is not read: save it as .docx' };
  const flags = word.u16(0x0a);
  if (flags & 0x0100) return { reason: 'an encrypted (password-protected) Word document' };
  const tableStream = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!tableStream) throw new CompoundFileError('a Word document without its table stream');
  const table = reader(tableStream, 'a Word document whose table stream is');
  // The file information block: counts of 16-bit, then 32-bit values, then (offset, size) pairs in the table stream.
  const longs = 0x22 + word.u16(0x20) * 2;
  // No more characters than the stream has bytes: the count is the file's to say, up to 2^32.
  const textLength = Math.min(word.u32(longs + 2 + 12), stream.length);
  const pairs = longs + 2 + word.u16(longs) * 4;
  const pair = (i: number) => {
    if (i >= word.u16(pairs)) throw new CompoundFileError('a Word document whose header is cut short');
    return [word.u32(pairs + 2 + i * 8), word.u32(pairs + 6 + i * 8)] as const;
  };
  let data: Reader | undefined;
  const dataStream = () => (data ??= reader(file.stream('Data') ?? new Uint8Array(0), 'a Word document whose Data stream is'));
  const propertiesOf = propertiesAt(word, propertyRuns(word, table, ...pair(13), 'paragraph'), dataStream);
  const unseen = unseenText(word, table, ...pair(12));
  const { nextNumber, styles } = numbering(table, pair);

  const collect = new OfficeCollector();
  const tables: SourceTable[] = [];
  let rows: RawRow[] = [];
  let row: RawRow = { cells: [] };
  let cell = '';
  let paragraph: string[] = [];
  // Fields: each open one, whether its code (not shown) or its result is being read.
  const fields: boolean[] = [];
  let inCode = 0;
  const closeTable = () => {
    if (row.cells.length > 0) rows.push(row);
    if (rows.length > 0) tables.push(tableOf(tables.length + 1, rows, collect));
    [rows, row, cell] = [[], { cells: [] }, ''];
  };
  // Where the paragraph last numbered ends: a page break cuts a paragraph into lines, and only its first is numbered.
  let numbered = -1;
  const endParagraph = (mark: number, fc: number) => {
    const [found, end] = propertiesOf(fc);
    // A page or section break ends a line, never a table's cell or row.
    const props = mark === 0x0c ? PLAIN : found;
    const body = paragraph.join('');
    paragraph = [];
    // No number for a row's end, a paragraph whose mark was deleted or hidden (it joins the next one), or a blank line before a page break.
    const numberedHere = !found.rowEnd && (end < 0 || end !== numbered) && (mark === 0x0c ? body.trim() !== '' : unseenIn(unseen, fc, 1, 1).length === 0);
    if (numberedHere) numbered = end;
    const text = (numberedHere ? paragraphNumber(nextNumber, found, styles.get(found.style)) : '') + body;
    if (props.inTable || props.depth > 0) {
      const shown = text.replace(/[\t\n]/g, ' ');
      // A mark of a table nested in the cell ends a paragraph of this cell's text.
      if (mark !== 0x07 || props.depth > 1) cell += `${shown} `;
      else if (!props.rowEnd) {
        row.cells.push({ text: `${cell}${shown} `, offset: collect.take() });
        cell = '';
      } else {
        rows.push({ cells: row.cells, end: props });
        [row, cell] = [{ cells: [] }, ''];
      }
      return;
    }
    closeTable();
    for (const line of text.split('\n')) collect.line(line, {});
  };

  for (const piece of pieces(table, ...pair(33), textLength, stream.length)) {
    const width = piece.narrow ? 1 : 2;
    const bytes = word.slice(piece.fc, (piece.end - piece.cp) * width);
    const text = new TextDecoder(piece.narrow ? 'windows-1252' : 'utf-16le').decode(bytes);
    let from = 0;
    // Deleted and hidden text is left out, the marks that end cells and paragraphs kept: a row deleted shows as one with empty cells, as in a .docx.
    const cuts = unseenIn(unseen, piece.fc, text.length, width);
    let c = 0;
    const flush = (to: number) => {
      if (inCode > 0 || to <= from) return;
      let at = from;
      for (; c < cuts.length && cuts[c]![0] < to; c++) {
        const [start, end] = cuts[c]!;
        if (start > at) paragraph.push(text.slice(at, start));
        at = Math.max(at, end);
        // A cut that goes on past `to` is kept for what follows.
        if (end > to) break;
      }
      if (at < to) paragraph.push(text.slice(at, to));
    };
    const shown = (i: number) => {
      while (c < cuts.length && cuts[c]![1] <= i) c++;
      return !(c < cuts.length && cuts[c]![0] <= i);
    };
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x20) continue;
      flush(i);
      from = i + 1;
      if (code === 0x13) {
        fields.push(true);
        inCode++;
      } else if (code === 0x14 && fields.at(-1)) {
        fields[fields.length - 1] = false;
        inCode--;
      } else if (code === 0x15 && fields.length > 0) {
        if (fields.pop()) inCode--;
      } else if (inCode > 0) {
        // Inside a field's code: nothing shows.
      } else if (code === 0x0d || code === 0x07 || code === 0x0c) {
        endParagraph(code, piece.fc + i * width);
      } else if (!shown(i)) {
        // A deleted or hidden tab, line break or hyphen.
      } else if (code === 0x09) {
        paragraph.push('\t');
      } else if (code === 0x0b) {
        paragraph.push('\n');
      } else if (code === 0x1e) {
        paragraph.push('-');
      }
    }
    flush(text.length);
  }
  closeTable();
  if (paragraph.length > 0) collect.line(paragraph.join(''), {});
  return { doc: { title: summaryTitle(file), tables, lines: collect.lines }, places: collect.places };
}

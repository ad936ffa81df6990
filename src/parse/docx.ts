/**
 * Word documents (.docx): the body's paragraphs as lines and its tables as
 * rows of cells, a cell merged across columns by `w:gridSpan` (and rows
 * starting past the grid's first columns by `w:gridBefore`), down rows by
 * `w:vMerge`: a continuing cell is folded into the cell above it, as a
 * browser reads `rowspan`. A numbered paragraph starts with the number Word
 * shows for it (一、, （二）). Text deleted, or moved away, with the change
 * tracked is left out (its `w:delText` is no `w:t`; a tab or break in it
 * neither), as is hidden text (`w:vanish`), which Word neither shows nor prints.
 */
import { readNumbering, readNumberingRef, readStyleNumbering, relatedParts, wordAttribute, wordName } from './docx-lists.js';
import type { HtmlDocument } from './html.js';
import { OfficeCollector, wordTable, type OfficePlace, type WordCell, type WordTable } from './office.js';
import { walkXml, type OfficePackage } from './package.js';
import type { SourceTable } from './source.js';
import { listNumbers, paragraphNumber, type NumberingRef, type WordList } from './word-lists.js';

const FALLBACK = '{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback';
// Word 2003 XML's annotations (aml:annotation): a comment, a change of formatting (the properties before it) or a deletion.
const ANNOTATION = '{http://schemas.microsoft.com/aml/2001/core}annotation';
const ANNOTATION_TYPE = '{http://schemas.microsoft.com/office/word/2003/wordml}type';
// What is no text of the body where it stands: the fallback of alternate content (read once, as its choice), and in Word 2003 XML
// the headers and footers (in w:sectPr) and the footnotes and endnotes (in their run).
const ASIDE = new Set(['hdr', 'ftr', 'footnote', 'endnote']);

// No table of the form is wider than this; a larger span is read as 1.
const MAX_SPAN = 60;
const spanOf = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isInteger(n) && n > 0 && n <= MAX_SPAN ? n : 1;
};

/**
 * Reads an opened Word document: its paragraphs outside tables as lines,
 * its tables (nested ones too) with their merged cells, each cell with the
 * number of its table, row and cell.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { openPackage, type OfficePackage } from './package.js';
 * import { readDocx } from './docx.js';
 * const document = openPackage(renderReport(buildReport({ edition: '2021', year: 2021, agency: '某局' }), { to: 'docx' })) as OfficePackage;
 * const { doc } = readDocx(document);
 * doc.lines.map((l) => l.text).slice(0, 2); // ['某局2021年政府信息公开工作年度报告', '一、总体情况']
 * doc.tables.length; // 3
 * ```
 */
export function readDocx(pkg: OfficePackage): { doc: HtmlDocument; places: Map<number, OfficePlace> } {
  // The package's own relationships (the part '') name its main document.
  const main = relatedParts(pkg, '').get('/officeDocument') ?? 'word/document.xml';
  const parts = relatedParts(pkg, main);
  const lists = readNumbering(pkg.part(parts.get('/numbering') ?? 'word/numbering.xml') ?? '');
  return readBody(pkg.part(main) ?? '', lists, readStyleNumbering(pkg.part(parts.get('/styles') ?? 'word/styles.xml') ?? ''));
}

/**
 * Reads a Word 2003 XML document (WordprocessingML 2003, `<w:wordDocument>`,
 * which systems fill in from a template and publish as .doc or .xml), as
 * {@link readDocx} reads a .docx: its lists (`w:lists`), styles and body are
 * in the one file, their elements named as a .docx names them but for a few
 * (`w:listPr`, `w:ilfo`, `w:vmerge`, `w:nfc` numbered as in a .doc).
 *
 * @example
 * ```ts
 * import { readWordXml } from './docx.js';
 * const w = 'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"';
 * const { doc } = readWordXml(`<w:wordDocument ${w}><w:body><w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:wordDocument>`);
 * doc.lines.map((l) => l.text); // ['某局2023年政府信息公开工作年度报告']
 * ```
 */
export function readWordXml(xml: string): { doc: HtmlDocument; places: Map<number, OfficePlace> } {
  return readBody(xml, readNumbering(xml), readStyleNumbering(xml));
}

/** Reads the body of a document whose lists and styles' numbering are given. */
function readBody(xml: string, lists: Map<string, WordList>, styles: Map<string, NumberingRef>): { doc: HtmlDocument; places: Map<number, OfficePlace> } {
  const nextNumber = listNumbers(lists);
  // The numbering of the paragraph being read, from its w:pPr (not from a w:pPrChange's, which it had before an edit),
  // and whether its mark is gone (deleted or hidden: the paragraph is no numbered one of its own).
  let paragraph: NumberingRef & { style?: string; markGone?: boolean } = {};
  let inProps = false;
  let changed = 0;
  const collect = new OfficeCollector();
  const tables: SourceTable[] = [];
  const open: WordTable[] = [];
  let count = 0;
  let cell: WordCell | undefined;
  const cells: WordCell[] = [];
  let line = '';
  let inText = false;
  // How deep the walk is, and from which depth on an element and all it holds are skipped (-1: none).
  let depth = 0;
  let skipFrom = -1;
  // Word 2003 XML's annotations open: whether each is a deletion.
  const annotations: boolean[] = [];
  // Table cells merged into the one before them (Word 2003 XML's w:hmerge).
  const mergedAcross = new Set<WordCell>();
  // In a run (a w:tab elsewhere is a tab stop, no text); in text deleted, or moved away, with the change tracked.
  let inRun = false;
  let hidden = false;
  let deleted = 0;
  let inBody = 0;
  const endLine = () => {
    collect.line(line, {});
    line = '';
  };
  walkXml(xml, {
    open(name, attributes) {
      depth++;
      if (skipFrom >= 0) return;
      const n = wordName(name);
      const annotation = name === ANNOTATION ? attributes.get(ANNOTATION_TYPE) : undefined;
      if (name === FALLBACK || (n !== undefined && ASIDE.has(n)) || annotation === 'Word.Comment' || annotation === 'Word.Formatting') {
        skipFrom = depth;
        return;
      }
      if (name === ANNOTATION) {
        annotations.push(annotation === 'Word.Deletion');
        if (annotation === 'Word.Deletion') deleted++;
        if (annotation === 'Word.Deletion' && inProps && changed === 0) paragraph.markGone = true;
      }
      if (n === undefined) return;
      // The body only: a Word 2003 XML file holds its styles and lists, with their paragraph properties, in the same XML.
      if (n === 'body') inBody++;
      if (inBody === 0) return;
      const value = wordAttribute(name, attributes, 'val');
      const table = open.at(-1);
      if (n === 'p') paragraph = {};
      else if (n === 'r') [inRun, hidden] = [true, false];
      else if (n === 'vanish' && changed === 0) {
        // Hidden text (w:vanish, unless turned off): Word neither shows nor prints it, in a run or as a paragraph's mark.
        const on = value !== '0' && value !== 'false' && value !== 'off';
        if (inRun) hidden = on;
        else if (inProps && on) paragraph.markGone = true;
      }
      else if (n === 'del' || n === 'moveFrom') {
        deleted++;
        // In the paragraph's own properties: its mark is deleted, and it is no numbered paragraph of its own.
        if (inProps && changed === 0) paragraph.markGone = true;
      } else if (n === 'pPr' && changed === 0) inProps = true;
      else if (n === 'pPrChange' || n === 'rPrChange') changed++;
      else if (changed === 0 && n === 'pStyle' && value !== undefined) paragraph.style = value;
      else if (changed === 0 && (n === 'numId' || n === 'ilfo' || n === 'ilvl')) readNumberingRef(paragraph, n, value);
      else if (n === 'tbl') {
        if (!table) endLine();
        open.push({ number: ++count, rows: [] });
      } else if (n === 'tr' && table) {
        table.rows.push({ before: 0, cells: [] });
      } else if (n === 'gridBefore' && table?.rows.length) {
        const before = Number.parseInt(value ?? '0', 10);
        table.rows.at(-1)!.before = before > 0 && before <= MAX_SPAN ? before : 0;
      } else if (n === 'tc' && table) {
        if (table.rows.length === 0) table.rows.push({ before: 0, cells: [] });
        const row = table.rows.at(-1)!;
        cell = { text: '', span: 1, merge: undefined, offset: collect.take(), place: { table: table.number, row: table.rows.length, cell: row.cells.length + 1 } };
        row.cells.push(cell);
        cells.push(cell);
      } else if (n === 'gridSpan' && cell) {
        cell.span = spanOf(value);
      } else if ((n === 'vMerge' || n === 'vmerge') && cell) {
        cell.merge = value === 'restart' ? 'restart' : 'continue';
      } else if ((n === 'hMerge' || n === 'hmerge') && cell && value !== 'restart') {
        mergedAcross.add(cell);
      } else if (n === 't') {
        inText = true;
      } else if ((n === 'tab' || n === 'br' || n === 'cr') && inRun && deleted === 0 && !hidden) {
        if (cell) cell.text += ' ';
        else if (n === 'tab') line += '\t';
        else endLine();
      }
    },
    text(text) {
      if (!inText || skipFrom >= 0 || deleted > 0 || hidden) return;
      if (cell) cell.text += text;
      else if (open.length === 0) line += text;
    },
    close(name) {
      depth--;
      if (skipFrom >= 0) {
        if (depth < skipFrom) skipFrom = -1;
        return;
      }
      if (name === ANNOTATION && annotations.pop()) deleted--;
      const n = wordName(name);
      if (n === undefined || inBody === 0) return;
      if (n === 'body') inBody--;
      else if (n === 'pPrChange' || n === 'rPrChange') changed--;
      else if (n === 'r') [inRun, hidden] = [false, false];
      else if (n === 'del' || n === 'moveFrom') deleted--;
      else if (n === 'pPr' && changed === 0) {
        inProps = false;
        const number = paragraph.markGone ? '' : paragraphNumber(nextNumber, paragraph, paragraph.style === undefined ? undefined : styles.get(paragraph.style));
        if (cell) cell.text += number;
        else if (open.length === 0) line += number;
      } else if (n === 't') inText = false;
      else if (n === 'p') {
        if (cell) cell.text += ' ';
        else if (open.length === 0) endLine();
      } else if (n === 'tc') {
        const done = cells.pop();
        cell = cells.at(-1);
        // A cell merged into the one before it widens that one.
        const row = open.at(-1)?.rows.at(-1);
        if (done && mergedAcross.has(done) && row && row.cells.length > 1 && row.cells.at(-1) === done) {
          row.cells.pop();
          const before = row.cells.at(-1)!;
          [before.span, before.text] = [Math.min(before.span + done.span, MAX_SPAN), before.text + done.text];
        }
      } else if (n === 'tbl') {
        const table = open.pop();
        if (table) tables.push(wordTable(table, collect));
      }
    },
  });
  endLine();
  while (open.length > 0) tables.push(wordTable(open.pop()!, collect));
  tables.sort((a, b) => a.offset - b.offset);
  return { doc: { title: '', tables, lines: collect.lines }, places: collect.places };
}

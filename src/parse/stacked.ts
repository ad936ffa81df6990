/**
 * Rows printed over several lines, as PDF text tools print a tall cell: a
 * label wrapped around its figures (`（二）部分公开（…不` / `4 0 0 0 0 0 4` /
 * `计其他情形）`), pieces of the vertical headers in between (`（六）其` …
 * `他处理`, 三、本年度办理结果 one character a line), and figures on a line
 * of their own just before or just after their label.
 *
 * A row's label is put together from consecutive pieces that spell it
 * exactly; figures printed between its pieces are its own. A line of figures
 * standing alone between two labels could belong to either: it is given to
 * one only in the direction the table itself shows, where some line of
 * figures has a label that lacks figures on one side only, and no line shows
 * the other direction. Anything else stays unread, and is said to be.
 */
import type { Layout } from '../format/layout.js';
import type { TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import type { SourceCell } from './source.js';
import { labelFrom, normalizeLabel } from './normalize.js';
import { figuresOf, isBlank } from './text.js';
import { withUnits } from './header-units.js';
import { leafRows, recordRow, subtotalGroups, type LeafRow, type Mapped, type RowNamer, type TableReading } from './rows.js';

// A page number printed inside a table, its cells joined by spaces: `- 3 -`, `第 3 页`, `3/12`.
const FOOTER = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

interface Line {
  /** The line's text cells joined, normalised; '' for a line of figures only. */
  text: string;
  figures: SourceCell[];
  /** A page number. */
  footer: boolean;
  /** Text found in the table's own headers (其他处理 of （六）其他处理, 本 of 三、本年度办理结果): a piece of a label only where it continues one. */
  headerLike: boolean;
  /** Header text that can own no figures (三、本年度办理结果 one character a line, 申请人情况): passed over when looking for a lone line's neighbours. A group's label (（三）不予公开) is not: a report may print figures for it. */
  seeThrough: boolean;
}

/** A row whose label was put together: the lines it spans, and those of them holding figures. */
interface Span {
  row: LeafRow;
  first: number;
  last: number;
  figureLines: number[];
  /** The printed label, when it names the row by its number with a slip in its words. */
  slip?: string;
}

/** What stands next to a lone line of figures: a row still without figures, a line that may be a label, or nothing that could own them. */
type Neighbour = Span | 'unknown' | 'closed';

/** The table's own words that are not row labels and own no figures: its heading, header, note, column labels and top-level row label. */
function headerWords(table: TableMeta, rows: readonly LeafRow[]): string[] {
  const words = [table.label, table.header, table.note, ...rows.map((r) => r.groups[0])];
  for (const block of table.blocks) words.push(block.label, block.rowHeader, ...block.columns.map((c) => c.label));
  return words.filter((w): w is string => w !== undefined).map(normalizeLabel);
}

/**
 * Tables 二 and 三 from rows printed over several lines. Runs after the
 * rows printed on one line were read, and leaves those as they are.
 */
export function mapStackedRows(lines: readonly SourceCell[][], layout: Layout, table: TableMeta, into: Mapped, out: FindingList, { nameRow, units }: TableReading): void {
  const rows = leafRows(layout, table);
  const labels = rows.map((row) => normalizeLabel(row.label));
  const headers = headerWords(table, rows);
  const groups = [...subtotalGroups(layout, table).keys()].map(normalizeLabel);
  // Each distinct text is looked up once: a table may print a piece thousands of times.
  const kinds = new Map<string, Pick<Line, 'headerLike' | 'seeThrough'>>();
  const kindOf = (text: string) => {
    let kind = kinds.get(text);
    if (!kind) {
      const seeThrough = headers.some((h) => h.includes(text));
      kinds.set(text, (kind = { seeThrough, headerLike: seeThrough || groups.some((g) => g.includes(text)) }));
    }
    return kind;
  };
  const parsed: Line[] = lines.map((cells) => {
    if (cells.length <= 5 && FOOTER.test(cells.map((c) => c.text).join(' '))) return { text: '', figures: [], footer: true, headerLike: false, seeThrough: true };
    const text = cells.map((c) => c.label).join('');
    const figures = cells.filter((c) => c.label === '');
    if (text === '' || figures.length > 0) return { text, figures, footer: false, headerLike: false, seeThrough: false };
    return { text, figures, footer: false, ...kindOf(text) };
  });

  const spans = spansOf(parsed, labels, rows, nameRow);
  const spanAt: (Span | undefined)[] = [];
  for (const span of spans) for (let at = span.first; at <= span.last; at++) spanAt[at] = span;
  const give = (span: Span, figures: SourceCell[]) => {
    const own = figuresOf(figures, span.row.cells.length);
    if (own) {
      recordRow(into, span.row.cells, withUnits(span.row.cells, own, units), span.row.pointer, out, span.slip);
    } else out.add('parse.unreadableCell', span.row.pointer, { actual: figures.map((f) => f.text).join(' ').slice(0, 200) });
  };
  // Figures between the pieces of a label are the row's own (a row on one line is the one-line reader's).
  for (const span of spans) {
    if (span.first === span.last || span.figureLines.length === 0) continue;
    if (span.figureLines.length === 1) give(span, parsed[span.figureLines[0]!]!.figures);
    else out.add('parse.unreadableCell', span.row.pointer);
  }

  // Lone lines of figures outside every label, and what stands on each side of them: the nearest line
  // that is not a page number or a header word. Only a line that has its own figures, or the table's
  // edge, is closed; any other line may own them.
  const widths = new Set(rows.map((row) => row.cells.length));
  const neighbour = (at: number, side: 'first' | 'last'): Neighbour => {
    if (at < 0 || at >= parsed.length) return 'closed';
    const span = spanAt[at];
    if (span) return span[side] === at && span.figureLines.length === 0 ? span : 'closed';
    const { text, figures } = parsed[at]!;
    return text !== '' ? (figures.length > 0 ? 'closed' : 'unknown') : widths.has(figures.length) ? 'closed' : 'unknown';
  };
  const passed = parsed.map((line, i) => line.seeThrough && !spanAt[i]);
  const previous: number[] = [];
  for (let i = 0, last = -1; i < parsed.length; i++) [previous[i], last] = [last, passed[i] ? last : i];
  const next: number[] = [];
  for (let i = parsed.length - 1, last = parsed.length; i >= 0; i--) [next[i], last] = [last, passed[i] ? last : i];
  // A lone figure may be a page number: only lines of two figures or more are given to a row.
  const lone = parsed.flatMap((line, i) =>
    line.footer || line.text !== '' || line.figures.filter((f) => !isBlank(f)).length < 2 || spanAt[i] ? [] : [{ figures: line.figures, before: neighbour(previous[i]!, 'last'), after: neighbour(next[i]!, 'first') }],
  );
  const fits = (side: Neighbour, figures: SourceCell[]): side is Span => typeof side === 'object' && figuresOf(figures, side.row.cells.length) !== undefined;
  const linesShowingFiguresFirst = lone.filter((f) => f.before === 'closed' && fits(f.after, f.figures)).length;
  const linesShowingFiguresLast = lone.filter((f) => f.after === 'closed' && fits(f.before, f.figures)).length;
  if ((linesShowingFiguresFirst > 0) === (linesShowingFiguresLast > 0)) return;
  for (const { figures, before, after } of lone) {
    const owner = linesShowingFiguresFirst > 0 ? after : before;
    if (typeof owner === 'object') give(owner, figures);
  }
}

/** The rows whose labels are spelt by consecutive pieces, page numbers and header pieces skipped, with the lines they span. */
function spansOf(parsed: readonly Line[], labels: readonly string[], rows: readonly LeafRow[], nameRow: RowNamer): Span[] {
  const starts = (text: string) => text !== '' && labels.some((label) => label.startsWith(text));
  const spans: Span[] = [];
  let label: { text: string; first: number; figureLines: number[] } | undefined;
  parsed.forEach((line, i) => {
    if (line.footer) return;
    if (line.text === '') {
      label?.figureLines.push(i);
      return;
    }
    if (label && starts(label.text + line.text)) label.text += line.text;
    else if (line.headerLike) return;
    else {
      const text = labelFrom(line.text, starts);
      // Text that starts no label ends the one being put together.
      label = starts(text) ? { text, first: i, figureLines: [] } : undefined;
      // A whole label on a line of its own, with a slip in its words (2.其他法律行政止公开).
      const named = label || line.figures.length > 0 ? undefined : nameRow(line.text, []);
      if (named?.row && named.slip !== undefined) spans.push({ row: named.row, first: i, last: i, figureLines: [], slip: named.slip });
    }
    if (!label) return;
    if (line.figures.length > 0) label.figureLines.push(i);
    const index = labels.indexOf(label.text);
    if (index >= 0) {
      spans.push({ row: rows[index]!, first: label.first, last: i, figureLines: label.figureLines });
      label = undefined;
    }
  });
  return spans;
}

/**
 * Pages flattened with no cell separators at all: labels and figures run
 * together (`…申请数量15130000154二、上年结转…`). Each row is found by its
 * label, in the form's order; the digits up to the next label are the row's
 * figures glued into one run, and the split is recovered from the table's
 * own arithmetic: a row's 总计, the per-column balance and the outcome
 * totals. When more than one split satisfies every rule, the cells stay
 * blank and `parse.ambiguous` lists the candidates.
 */
import type { CellInfo, Layout } from '../format/layout.js';
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import type { TableMeta } from '../format/types.js';
import type { FindingList } from '../validate/finding.js';
import { evaluate } from '../validate/relations.js';
import { keptAsIs, normalizeLabel } from './normalize.js';
import { splitRun } from './split.js';
import { leafRows, recordCell, type LeafRow, type Mapped } from './rows.js';

/** A text normalised for searching as labels are, with the offset in the original of each character. */
export interface Stream {
  text: string;
  origin: Int32Array;
  /** Where in `text` a line of the original begins. */
  lineStarts: Set<number>;
}

/** Normalises a whole text for {@link mapGlued}, once for all three tables. */
export function streamOf(raw: string): Stream {
  const pieces: string[] = [];
  // Most characters stay one character; room for the few that become several.
  let origin = new Int32Array(raw.length + 64);
  let length = 0;
  const room = (more: number) => {
    if (length + more <= origin.length) return;
    const grown = new Int32Array(2 * origin.length + more);
    grown.set(origin);
    origin = grown;
  };
  const lineStarts = new Set<number>();
  const normals = new Map<string, string>();
  let last = '';
  for (let i = 0; i < raw.length; ) {
    // A run of characters that are their own normal form (ASCII letters and digits, simplified
    // ideographs), most of a page, is copied whole.
    let end = i;
    while (end < raw.length && keptAsIs(raw[end]!)) end++;
    if (end > i) {
      room(end - i);
      pieces.push(raw.slice(i, end));
      last = raw[end - 1]!;
      for (; i < end; i++) origin[length++] = i;
      continue;
    }
    const ch = raw[i]!;
    if (ch === '\n') lineStarts.add(length);
    // A page has few distinct characters besides those: each is normalised once.
    let normal = normals.get(ch) ?? normals.set(ch, normalizeLabel(ch)).get(ch)!;
    // An item number written 1、 or 1． reads as 1., as normalizeLabel makes it.
    if (normal === ',' && ch !== ',' && last >= '0' && last <= '9') normal = '.';
    room(normal.length);
    for (let k = 0; k < normal.length; k++) origin[length++] = i;
    if (normal !== '') {
      pieces.push(normal);
      last = normal.at(-1)!;
    }
    i++;
  }
  return { text: pieces.join(''), origin: origin.subarray(0, length), lineStarts };
}

/**
 * The run of digits at `from`, when it is glued to what comes before it on
 * one line: figures on another line than their label are not a glued row
 * (PDF text prints them so, and they may be the next row's).
 */
function runAt(stream: Stream, from: number, end: number, pattern: RegExp): string {
  const digits = pattern.exec(stream.text.slice(from, end))?.[0] ?? '';
  for (let at = from; at < from + digits.length; at++) if (stream.lineStarts.has(at)) return '';
  return digits;
}

/**
 * Whether the figure whose digits end at `to` goes on past them: a
 * thousands separator or a point and more digits (`2,418`, `1.5` in a
 * count). Such digits are no figure that can be read: taken as they are,
 * `2,418` would be 2. (Spaces between digits are not: a glued page prints
 * `200 000121` for one row.)
 */
function goesOn(stream: Stream, to: number, end: number): boolean {
  return to < end && /^[.,]\d/.test(stream.text.slice(to, to + 2));
}

/** The figure as printed around digits that go on ({@link goesOn}), for a finding. */
function printedFigure(stream: Stream, from: number, end: number): string {
  return /^[\d.,]*/.exec(stream.text.slice(from, Math.min(end, from + 200)))![0];
}

/** The leaf rows of a table, their labels normalised as the stream is. */
function rowsOf(layout: Layout, table: TableMeta): LeafRow[] {
  return leafRows(layout, table).map((row) => ({ ...row, label: normalizeLabel(row.label) }));
}

/** A run of digits found after a label, where it starts in the stream. */
interface Run {
  digits: string;
  at: number;
}

/** The figures of a split, recorded with the piece of the run each came from. */
function recordSplit(stream: Stream, run: Run, cells: readonly CellInfo[], figures: readonly number[], into: Mapped, out: FindingList): void {
  let at = run.at;
  figures.forEach((figure, k) => {
    const text = String(figure);
    recordCell(into, cells[k]!, { text, label: '', offset: stream.origin[at] ?? 0, colspan: 1, rowspan: 1 }, out);
    at += text.length;
  });
}

/** The candidates of an ambiguous split: all of them (up to 50) as `expected`, the first few in the message. */
function candidatesOf(candidates: readonly (readonly (number | string)[])[]): { candidates: string[] } {
  return { candidates: candidates.map((c) => c.join('|')) };
}

/** Where the section after `table` begins: the next table's heading, else section 五's. */
function sectionEnd(stream: Stream, layout: Layout, table: TableMeta, from: number): number {
  const next = layout.meta.tables[layout.meta.tables.indexOf(table) + 1]?.label ?? NARRATIVE_SECTIONS[1].label;
  const at = stream.text.indexOf(normalizeLabel(next), from);
  return at < 0 ? stream.text.length : at;
}

/**
 * Reads one table of a glued page into `into`. Rows whose split is unique
 * (or made unique by the table's arithmetic) are read; the others stay
 * blank, with a finding.
 */
export function mapGlued(stream: Stream, layout: Layout, table: TableMeta, into: Mapped, out: FindingList): void {
  const start = stream.text.indexOf(normalizeLabel(table.label));
  if (start < 0) return;
  const end = sectionEnd(stream, layout, table, start + 1);
  if (table.rowsAcross) return mapGluedAcross(stream, layout, table, start, end, into, out);

  // Each row's label, in order; then the run of digits between it and the next label (whose own
  // number, 2. of 2.其他…, may stick to the run and is not part of it).
  const labels: { row: LeafRow; at: number }[] = [];
  let cursor = start;
  for (const row of rowsOf(layout, table)) {
    const at = stream.text.indexOf(row.label, cursor);
    if (at < 0 || at >= end) continue;
    labels.push({ row, at });
    cursor = at + row.label.length;
  }
  const found: { row: LeafRow; run: Run }[] = [];
  labels.forEach(({ row, at }, i) => {
    const from = at + row.label.length;
    const money = row.cells.length === 1 && row.cells[0]!.kind === 'money';
    const until = labels[i + 1]?.at ?? end;
    const digits = runAt(stream, from, until, money ? /^\d+(?:\.\d+)?/ : /^\d+/);
    if (digits === '') return;
    if (goesOn(stream, from + digits.length, until)) out.add('parse.unreadableCell', row.pointer, { actual: printedFigure(stream, from, until) });
    else found.push({ row, run: { digits, at: from } });
  });
  // Each row's splits: a lone figure is the run itself; a row with a 总计 column must add up.
  const choices = found.map(({ row, run }) => {
    if (row.cells.length === 1) return [[row.cells[0]!.kind === 'money' ? run.digits : Number(run.digits)]] as (number | string)[][];
    const lastIsTotal = row.cells.at(-1)!.column.isTotal === true;
    const { candidates, complete } = splitRun(run.digits, row.cells.length, { lastIsTotal });
    return complete ? candidates : [];
  });
  resolve(layout, found, choices, stream, into, out);
}

/**
 * Keeps, for the rows with more than one split, the combinations that
 * satisfy every relation of the table among the cells already known; a row
 * is read when all such combinations agree on it.
 */
function resolve(layout: Layout, found: { row: LeafRow; run: Run }[], choices: (number | string)[][][], stream: Stream, into: Mapped, out: FindingList): void {
  const known: (number | null | undefined)[] = [];
  found.forEach(({ row }, i) => {
    const only = choices[i]!.length === 1 ? choices[i]![0]! : undefined;
    if (only) row.cells.forEach((cell, k) => (known[cell.index] = typeof only[k] === 'number' ? (only[k] as number) : undefined));
  });
  const open = found.map((_, i) => i).filter((i) => choices[i]!.length > 1);
  const combos = open.reduce((n, i) => n * choices[i]!.length, 1);
  const equations = layout.equations.filter((eq) => eq.previous.length === 0 && found.some(({ row }) => row.cells.some((c) => c.index === eq.target)));
  const holds = (values: (number | null | undefined)[]) =>
    equations.every((eq) => {
      const target = values[eq.target];
      const sum = evaluate(eq, values);
      return target == null || sum === undefined || sum === target;
    });
  // Every combination of the open rows' splits, when there are few enough to try.
  const agreed = new Map<number, (number | string)[] | null>();
  if (open.length > 0 && combos <= 10_000) {
    for (let n = 0; n < combos; n++) {
      const values = known.slice();
      let rest = n;
      const picked = open.map((i) => {
        const pick = choices[i]![rest % choices[i]!.length]!;
        rest = Math.floor(rest / choices[i]!.length);
        found[i]!.row.cells.forEach((cell, k) => (values[cell.index] = pick[k] as number));
        return pick;
      });
      if (!holds(values)) continue;
      open.forEach((i, j) => {
        const previous = agreed.get(i);
        agreed.set(i, previous === undefined || (previous !== null && previous.join() === picked[j]!.join()) ? picked[j]! : null);
      });
    }
  }
  found.forEach(({ row, run }, i) => {
    const candidates = choices[i]!;
    const split = candidates.length === 1 ? candidates[0] : agreed.get(i) ?? undefined;
    if (split) {
      if (row.cells.length === 1 && row.cells[0]!.kind === 'money') {
        recordCell(into, row.cells[0]!, { text: String(split[0]), label: '', offset: stream.origin[run.at] ?? 0, colspan: 1, rowspan: 1 }, out);
      } else recordSplit(stream, run, row.cells, split as number[], into, out);
    } else if (candidates.length > 1) {
      out.add('parse.ambiguous', row.pointer, { actual: run.digits, ...candidatesOf(candidates) });
    } else {
      out.add('parse.unreadableCell', row.pointer, { actual: run.digits.slice(0, 200) });
    }
  });
}

/** Table 四 glued: the run after its last header word, cut into one split per group, each adding up to its 总计. */
function mapGluedAcross(stream: Stream, layout: Layout, table: TableMeta, start: number, end: number, into: Mapped, out: FindingList): void {
  const block = table.blocks[0]!;
  const lastHeader = normalizeLabel(block.columns.at(-1)!.label);
  const at = stream.text.lastIndexOf(lastHeader, end);
  if (at < start) return;
  const from = at + lastHeader.length;
  const digits = runAt(stream, from, end, /^\d+/);
  const cells = layout.cells.filter((c) => c.table.key === table.key);
  const perGroup = block.columns.length;
  const groups = block.rows.length;
  if (digits === '' || digits.length > cells.length * 16) return;
  if (goesOn(stream, from + digits.length, end)) return out.add('parse.unreadableCell', `/${table.key}`, { actual: printedFigure(stream, from, end) });
  // Cut the run into one piece per group, each split so that it adds up.
  const splits: number[][] = [];
  const walk = (offset: number, group: number, figures: number[]): void => {
    if (splits.length > 1) return;
    if (group === groups) {
      if (offset === digits.length) splits.push(figures);
      return;
    }
    for (let length = perGroup; offset + length <= digits.length && length <= perGroup * 16; length++) {
      for (const split of splitRun(digits.slice(offset, offset + length), perGroup, { lastIsTotal: true }).candidates) {
        walk(offset + length, group + 1, [...figures, ...split]);
      }
    }
  };
  walk(0, 0, []);
  const run = { digits, at: from };
  if (splits.length === 1) recordSplit(stream, run, cells, splits[0]!, into, out);
  else if (splits.length > 1) out.add('parse.ambiguous', `/${table.key}`, { actual: digits, ...candidatesOf(splits) });
  else out.add('parse.unreadableCell', `/${table.key}`, { actual: digits });
}

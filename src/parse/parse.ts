/**
 * parseReport: a published report in, the canonical model out, with where
 * every figure came from and what could not be read. Never a guessed
 * figure: a blank stays `null`, text that is not a figure is `null` with a
 * finding, and a report whose own numbers break the arithmetic is reported
 * as it stands.
 *
 * @module
 */
import { EDITIONS, layoutOf, type Layout } from '../format/layout.js';
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import type { Edition, TableKey } from '../format/types.js';
import type { Report } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import { formatFee } from '../money/fee.js';
import { FindingList, type Finding } from '../validate/finding.js';
import { validateReport } from '../validate/validate.js';
import { readHtml, type HtmlDocument } from './html.js';
import type { SourceLine, SourceTable } from './source.js';
import { readPdf, type PdfPosition, type PdfText } from './pdf.js';
import { mapGlued, streamOf, type Stream } from './glued.js';
import { cellsByLine, cellsOfTextLine, mapColumnAcross, mapColumnRows, mapTextAcross, mapTextRows } from './text.js';
import { mapStackedRows } from './stacked.js';
import { namesLabel, normalizeLabel } from './normalize.js';
import { visiblePieces } from './visible-text.js';
import { classify, mapApplications, mapProactive, mapReviewAndLitigation } from './html-tables.js';
import { headerUnits } from './header-units.js';
import { isOfficeFile, readOffice, type OfficeDocument } from './office.js';
import { decodePieces, pdfStart } from './encoding.js';
import { archivedPage, startsWithHeader } from './mhtml.js';
import { matchesIn } from './pieces.js';
import { leafRows, rowNamer, settleGroupRows, type ExtraRow, type Mapped, type Provenance, type RowNamer } from './rows.js';

/**
 * Options of {@link parseReport}.
 *
 * @example
 * ```ts
 * import type { ParseOptions } from 'gov-disclosure-report/parse';
 * const options: ParseOptions = { locale: 'en' };
 * ```
 */
export interface ParseOptions {
  /** The language of the findings' messages: `"zh-CN"` (default) or `"en"`. */
  locale?: Locale;
}

/**
 * What {@link parseReport} reads: the text of a page or an extraction, or
 * the bytes of a file (a PDF, or UTF-8 text), as a `Uint8Array` (a Node
 * `Buffer` is one) or an `ArrayBuffer`. Anything else is answered with a
 * `parse.unsupportedInput` finding, not an exception.
 *
 * @example
 * ```ts
 * // type-only: fetches a page
 * import type { ParseInput } from 'gov-disclosure-report/parse';
 * declare const url: string;
 * const input: ParseInput = await (await fetch(url)).arrayBuffer();
 * ```
 */
export type ParseInput = string | Uint8Array | ArrayBuffer;

/**
 * What {@link parseReport} gives.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * import { parseReport, type ParseResult } from 'gov-disclosure-report/parse';
 * const markdown = renderReport(buildReport({ edition: '2021', year: 2021, applications: { received: { naturalPerson: 6 } } }), { to: 'markdown' });
 * const result: ParseResult = await parseReport(markdown);
 * result.edition; // '2021'
 * result.provenance['/applications/received/total']; // { raw: '6', kind: 'number', offset: … }
 * ```
 */
export interface ParseResult {
  /** False when a finding is an error: unreadable input, a missing table, or an error of the validator. */
  ok: boolean;
  /** The report in the canonical model; a cell that could not be read is `null`. Absent when nothing could be read. */
  report?: Report;
  /** The edition told from the labels. */
  edition?: Edition;
  /** Where each figure came from, by the cell's JSON Pointer. */
  provenance: Record<string, Provenance>;
  /** Rows and tables outside the format, kept as published. */
  extras: ExtraRow[];
  /** The parse.* findings, then everything validateReport says of the result. */
  findings: Finding[];
}

const MAPPERS: Record<TableKey, (tables: SourceTable[], layout: Layout, into: Mapped, out: FindingList, nameRow: RowNamer) => void> = {
  proactive: mapProactive,
  applications: mapApplications,
  reviewAndLitigation: mapReviewAndLitigation,
};

// The title names the agency before or after the year (某局2021年…年度报告, 2019年某局…年度报告), and is
// the whole line, or the page title before the site's name; a page's details may label it (标题：).
const TITLE = /^(?:标题[:：]\s*)?(.*?)(\d{4})年度?(.*?)政府信息公开(?:工作)?年度报告(?:[_|｜-].*)?$/;

/** How far into the lines before the first section heading the title is looked for: a printed page's site header comes first. */
const TITLE_REACH = 60;

// What stands beside the year is an agency's name: no figures, and none of the punctuation of prose or of a
// site's navigation (发布日期：2024-01-20, 首页>信息公开>年度报告, 特编制…).
const NOT_AN_AGENCY = /[\d,，。、;；:：>》《|/]/;

/** A text as the title, when it is one and what it names as the agency can be one. */
function titled(text: string): RegExpExecArray | undefined {
  const match = TITLE.exec(text);
  return match && !NOT_AN_AGENCY.test(match[1]! + match[3]!) ? match : undefined;
}

/**
 * The title: the page's, or the first line before the first section heading
 * that is one (with the line before it when the agency stands there alone),
 * or two lines that are one only together (a title that wraps), spaces and
 * Markdown marks removed. With `bodyFirst` (a Word file, whose title
 * property is often last year's, left in the file it was copied from), the
 * lines come before the file's own title.
 */
function titleOf(doc: HtmlDocument, outline: Outline, bodyFirst: boolean): RegExpExecArray | undefined {
  const fromFile = bodyFirst ? undefined : titled(doc.title);
  if (fromFile) return fromFile;
  const end = outline.headings.findIndex((h) => h !== undefined);
  const lines = doc.lines.slice(0, Math.min(end < 0 ? Infinity : end, TITLE_REACH)).map((l) => l.text.replace(/^#+/, '').replace(/\s+/g, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const alone = titled(line);
    if (alone) return (alone[1] === '' && alone[3] === '' && i > 0 && titled(lines[i - 1] + line)) || alone;
    const next = lines[i + 1];
    if (next !== undefined && !TITLE.test(next)) {
      const wrapped = titled(line + next);
      if (wrapped) return wrapped;
    }
  }
  // Only where no line is a title: a page flattened into lines may run it on into its text (某区2020年…年度报告根据《条例》…).
  for (const line of lines) {
    const end = line.indexOf('年度报告') + '年度报告'.length;
    const runOn = end > 4 && end < line.length ? titled(line.slice(0, end)) : undefined;
    if (runOn) return runOn;
  }
  return bodyFirst ? titled(doc.title) : undefined;
}

/** The edition, from the labels only: 本年制发件数 is the 2021 edition's, 本年新制作数量 and 政府集中采购 the 2019 edition's. */
function editionOf(text: string): Edition | undefined {
  const found = (Object.keys(DISTINCT) as Edition[]).filter((edition) => DISTINCT[edition].some((label) => text.includes(label)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The labels of each edition's table 二 that the other edition does not
 * have, nor holds inside one of its own (本年制发件数 for 2021;
 * 本年新制作数量, 政府集中采购 … for 2019), normalised: what tells the
 * editions apart.
 */
const DISTINCT: Readonly<Record<Edition, string[]>> = (() => {
  const labels = (edition: Edition) =>
    new Set(EDITIONS[edition].tables[0].blocks.flatMap((b) => [...b.columns, ...b.rows].map((x) => normalizeLabel(x.label))));
  const [a, b] = [[...labels('2021')], [...labels('2019')]];
  // A label inside one of the other edition's (处理决定数量 in 本年处理决定数量) tells nothing.
  const only = (mine: string[], theirs: string[]) => mine.filter((l) => !theirs.some((t) => t.includes(l)));
  return { '2021': only(a, b), '2019': only(b, a) };
})();

const NUMBERED = /^[一二三四五六七八九十]+、/;

// Lines numbered 一、 to 四、 that are rows of table 三, not section headings.
const TABLE_ROWS: string[] = [];
layoutOf('2021').objectAt.forEach((node) => {
  if (node.pointer.startsWith('/applications/') && NUMBERED.test(node.label)) TABLE_ROWS.push(normalizeLabel(node.label));
});

/**
 * A line as a section heading: its text without Markdown's `#` marks, when
 * it starts with 一、 to 十、 and is not a row of table 三 (一、本年新收…).
 */
function headingOf(line: SourceLine): string | undefined {
  // A heading is short: its first words are enough, however long the line.
  const text = line.text.slice(0, 80).replace(/^#+\s*/, '');
  if (!NUMBERED.test(text)) return undefined;
  const heading = normalizeLabel(text);
  // A row label, or a piece of one broken over lines (三、本年 of a vertical 三、本年度办理结果).
  const rowLike = (row: string) => namesLabel(heading, row) || heading.startsWith(row.slice(0, 6)) || row.startsWith(heading);
  return TABLE_ROWS.some(rowLike) ? undefined : heading;
}

/** The length of the longest run of characters two texts share. */
function sharedRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

// Words every heading shares, which tell no section from another.
const COMMON = /政府信息公开|工作|[一二三四五六七八九十]+,/g;

/**
 * Whether a heading opens the section of `label`: they share a run of at
 * least four characters besides the words all headings share, so
 * 四、因政府信息公开工作被申请行政复议提起行政诉讼情况 opens table 四 and
 * 五、政府信息公开工作存在的主要问题 does not.
 */
function headingOpens(heading: string, label: string): boolean {
  const words = normalizeLabel(label).replace(COMMON, '');
  return sharedRun(heading.replace(COMMON, ''), words) >= Math.min(4, words.length);
}

/** A heading by its first clause: a point's sentence may go on to name a section's words (二、健全制度。强化主动公开…). */
const firstClause = (heading: string) => heading.split(/[。;:!?]/, 1)[0]!;

// The headings of the report's six sections, in either edition.
const SECTION_LABELS = [...new Set([...NARRATIVE_SECTIONS, ...EDITIONS['2021'].tables, ...EDITIONS['2019'].tables].map((s) => s.label))];

/**
 * A document's lines with each one's heading worked out once, and whether
 * that heading opens one of the report's sections: 一、加强组织领导 numbers
 * a point of the overview, 二、主动公开政府信息情况 opens table 二.
 */
interface Outline {
  lines: readonly SourceLine[];
  headings: readonly (string | undefined)[];
  opensSection: readonly boolean[];
}

function outlineOf(lines: readonly SourceLine[]): Outline {
  // A line repeated a thousand times is worked out once.
  const seen = new Map<string, string | undefined>();
  const headings = lines.map((line) => {
    if (!seen.has(line.text)) seen.set(line.text, headingOf(line));
    return seen.get(line.text);
  });
  const opens = new Map<string, boolean>();
  const opensSection = headings.map((heading) => {
    if (heading === undefined) return false;
    if (!opens.has(heading)) opens.set(heading, SECTION_LABELS.some((label) => headingOpens(firstClause(heading), label)));
    return opens.get(heading)!;
  });
  return { lines, headings, opensSection };
}

/**
 * The lines of the section a heading with `label` opens (or `undefined`
 * when none does), up to the next heading that opens a section, or the
 * end of the article. Points numbered like headings stay in their section;
 * where no later heading opens a section (headings worded unlike the
 * form's), any numbered heading ends it.
 */
function sectionLines({ lines, headings, opensSection }: Outline, label: string): SourceLine[] | undefined {
  const tried = new Map<string, boolean>();
  const start = headings.findIndex((heading) => {
    if (heading === undefined) return false;
    if (!tried.has(heading)) tried.set(heading, headingOpens(firstClause(heading), label));
    return tried.get(heading);
  });
  if (start < 0) return undefined;
  const ends = opensSection.includes(true, start + 1) ? opensSection : headings.map((heading) => heading !== undefined);
  const stop = /^\d{4}年\d{1,2}月\d{1,2}日$|相关链接|扫一扫|打印本页|关闭窗口/;
  const body: SourceLine[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (ends[i] || stop.test(lines[i]!.text)) break;
    body.push(lines[i]!);
  }
  return body;
}

/** Sections 一, 五 and 六 as text, a line each, without list marks. */
function narrativeOf(outline: Outline): Record<string, string> {
  const narrative: Record<string, string> = {};
  for (const section of NARRATIVE_SECTIONS) {
    const body = (sectionLines(outline, section.label) ?? []).map((l) => l.text.trim().replace(/^[-*]\s+/, '')).filter(Boolean);
    if (body.length > 0) narrative[section.key] = body.join('\n');
  }
  return narrative;
}

/** Where on a PDF page the text item holding `offset` sits. */
function positionOf(pdf: PdfText, offset: number): PdfPosition | undefined {
  for (let at = offset; at >= 0; at--) {
    const position = pdf.positions.get(at);
    if (position) return position;
  }
  return undefined;
}

// How much of the start of a text tells binary data: when one character in twenty is a replacement character or a control code.
const BINARY_HEAD = 65_536;
const BINARY = /[\ufffd\u0000-\u0008\u000e-\u001f]/g;

/** Whether text held as pieces is binary data decoded: its start tells. */
function isBinary(pieces: readonly string[]): boolean {
  let seen = 0;
  let odd = 0;
  for (const piece of pieces) {
    if (seen >= BINARY_HEAD) break;
    const head = piece.slice(0, BINARY_HEAD - seen);
    odd += head.match(BINARY)?.length ?? 0;
    seen += head.length;
  }
  return odd > seen / 20;
}

/** A text's non-blank lines with their offsets. */
function nonBlankLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /[^\r\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].trim() !== '') lines.push({ text: match[0], offset: match.index });
  }
  return lines;
}

/**
 * Reads a published report into the canonical model: HTML pages (real
 * `<table>` markup with spans, entities, `&nbsp;` cells and whole pages
 * around the report), PDF files (their text rebuilt into lines from the
 * coordinates of its items), and plain text as tools extract it (a row on
 * one line, over several lines, one cell per line, or glued into one digit
 * run). What cannot be read for certain is `null`, with a finding; never
 * guessed. The input is text or a file's bytes ({@link ParseInput}); the
 * promise never rejects: an input or options that cannot be read are
 * answered with a `parse.unsupportedInput` finding (with options that cannot
 * be read, the defaults are used and the report is still read).
 *
 * @example
 * ```ts
 * // type-only: reads a file
 * import { readFileSync } from 'node:fs';
 * import { parseReport } from 'gov-disclosure-report/parse';
 * const { report, findings, provenance } = await parseReport(readFileSync('report.pdf'));
 * ```
 */
export async function parseReport(input: ParseInput, options?: ParseOptions): Promise<ParseResult> {
  const settings = settingsOf(options);
  const locale = settings.locale;
  const out = new FindingList(locale);
  if (settings.unreadable !== undefined) out.add('parse.unsupportedInput', '', { reason: `options that cannot be read (${settings.unreadable}); the defaults were used` });
  const empty = (): ParseResult => ({ ok: false, provenance: {}, extras: [], findings: out.items });
  const given = textOrBytes(input);
  if (typeof given === 'object' && 'reason' in given) {
    out.add('parse.unsupportedInput', '', { reason: given.reason });
    return empty();
  }
  const bytes = typeof given === 'string' ? undefined : given;
  // A Word or Excel file is a zip or a compound file, told from its signature (a zip's, then from its content types), or one of Office's XML files.
  let office: OfficeDocument | undefined;
  if (bytes && isOfficeFile(bytes)) {
    const read = readOffice(bytes);
    if ('reason' in read) {
      out.add('parse.unsupportedInput', '', { reason: read.reason });
      return empty();
    }
    office = read;
  }
  let pdf: PdfText | undefined;
  const pdfAt = bytes && !office ? pdfStart(bytes) : -1;
  if (bytes && pdfAt >= 0) {
    try {
      pdf = await readPdf(bytes.subarray(pdfAt));
    } catch (error) {
      out.add('parse.unsupportedInput', '', { reason: `PDF that cannot be read: ${thrownMessage(error)}` });
      return empty();
    }
    if (pdf.lines.length === 0) {
      out.add('parse.imagesInsteadOfTables', '', { reason: `no text on any of its ${pdf.pages} pages` });
      return empty();
    }
  }
  // A web archive (.mht, .mhtml, or a .doc a system saved so): the page it holds, offsets counted in that page.
  const text = typeof given === 'string' ? given : undefined;
  const archive = office || pdf ? undefined : bytes ? archivedPage(bytes) : text && startsWithHeader(text) ? archivedPage(new TextEncoder().encode(text)) : undefined;
  if (archive && 'reason' in archive) {
    out.add('parse.unsupportedInput', '', { reason: archive.reason });
    return empty();
  }
  // A page's bytes are decoded in pieces, which its reader takes as they are (see ./pieces.ts).
  const decoded = office
    ? [[...office.doc.lines.map((l) => l.text), ...office.doc.tables.flatMap((t) => t.rows.flat().map((c) => c.text))].join('\n')]
    : pdf
      ? [pdf.lines.map((l) => l.text).join('\n')]
      : archive
        ? // A page given as text was decoded already: its bytes here are UTF-8, unless a transfer encoding kept the page's own.
          decodePieces(archive.html, bytes || archive.encoded ? archive.charset : 'utf-8')
        : bytes
          ? decodePieces(bytes)
          : [text!];
  if (decoded.every((piece) => piece.trim() === '')) {
    out.add('parse.unsupportedInput', '', { reason: 'empty' });
    return empty();
  }
  if (isBinary(decoded)) {
    out.add('parse.unsupportedInput', '', { reason: 'binary data' });
    return empty();
  }
  // Readers see the text without the characters that show nothing (2\u200b418 is 2418); offsets are mapped back at the end.
  const visible = visiblePieces(decoded);
  let whole: string | undefined;
  const wholeText = () => (whole ??= visible.pieces.join(''));
  // Tables read as tables: an HTML page's, a Word or Excel file's.
  // A PDF whose tables are drawn with ruling lines is read by its tables, as a page is; else line by line.
  const isHtml = office !== undefined || pdf?.ruled !== undefined || (!pdf && matchesIn(visible.pieces, /<table[\s>]|<html[\s>]|<body[\s>]|<p[\s>]/i, 7));
  // A page kept inside a JavaScript string has its quotes escaped: rowspan=\"20\".
  const escaped = () => matchesIn(visible.pieces, /=\\"/, 3) && /<t[dr][^>]*=\\"/i.test(wholeText());
  const doc: HtmlDocument = office
    ? office.doc
    : pdf?.ruled
    ? pdf.ruled
    : isHtml
    ? readHtml(escaped() ? wholeText().replaceAll('\\"', '"') : visible.pieces)
    : { title: '', tables: [], lines: nonBlankLines(wholeText()) };
  // The labels that tell the edition sit in table 二.
  const labels = isHtml ? doc.tables.flatMap((t) => t.rows.flat().map((c) => c.label)) : doc.lines.map((l) => normalizeLabel(l.text));
  let edition = editionOf(labels.join(''));
  const guessed = !edition;
  if (!edition) {
    edition = '2021';
    out.add('parse.editionUnknown', '/edition', { expected: edition });
  }
  const layout = layoutOf(edition);
  out.layout = layout;

  const byTable = new Map<TableKey | undefined, SourceTable[]>();
  for (const table of doc.tables) {
    const key = classify(table);
    const list = byTable.get(key) ?? [];
    list.push(table);
    byTable.set(key, list);
  }
  const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [], groupRows: [] };
  const found = new Set<TableKey>();
  let glued: Stream | undefined;
  const outline = outlineOf(doc.lines);
  // One namer a table for all its readers: what each text names is worked out once.
  const namers = new Map(layout.meta.tables.map((table) => [table.key, rowNamer(layout, table)]));
  for (const table of layout.meta.tables) {
    // Table 二's columns differ between editions: with the edition only guessed, they are not read.
    if (guessed && table.key === 'proactive') continue;
    const read = () => layout.cells.some((c) => c.table.key === table.key && (mapped.values.has(c.index) || mapped.provenance.has(c.pointer)));
    const tables = byTable.get(table.key);
    const section = isHtml ? undefined : sectionLines(outline, table.label);
    const region = section && cellsByLine(section);
    const nameRow = namers.get(table.key)!;
    if (tables) MAPPERS[table.key](tables, layout, mapped, out, nameRow);
    else if (region && table.rowsAcross) {
      mapTextAcross(region, layout, table, mapped, out);
      if (!read()) mapColumnAcross(region, layout, table, mapped, out);
    } else if (region) {
      // The namer and the header units, shared by the three readers of lines.
      const reading = { nameRow, units: headerUnits(region, table) };
      mapTextRows(region, layout, table, mapped, out, reading);
      mapStackedRows(region, layout, table, mapped, out, reading);
      // A page flattened to one cell per line: only where no line held a row.
      if (!read()) mapColumnRows(region, mapped, out, reading);
    }
    // A page flattened with no separators at all, only where reading line by line found nothing.
    if (!isHtml && !read()) mapGlued((glued ??= streamOf(wholeText())), layout, table, mapped, out);
    settleGroupRows(layout, table, mapped, out);
    if (read()) found.add(table.key);
  }
  if (found.size === 0 && doc.tables.length === 0) {
    // Headings of tables with not one row label or figure under them: the tables were images.
    const regions = layout.meta.tables.map((t) => ({ t, lines: sectionLines(outline, t.label) })).filter((r) => r.lines !== undefined);
    const empty = regions.every(({ t, lines }) =>
      lines!.every((line) => cellsOfTextLine(line).every((cell) => cell.label !== '' && namers.get(t.key)!(cell.label, []).row === undefined)),
    );
    if (regions.length > 0 && empty) out.add('parse.imagesInsteadOfTables', '', { reason: regions.map((r) => r.t.label).join('、') });
  }
  for (const table of layout.meta.tables) {
    if (!found.has(table.key)) {
      out.add('parse.tableMissing', `/${table.key}`);
      continue;
    }
    // Rows of a table that was found but that the report does not have (a blank total row may be derived).
    for (const { pointer, cells } of leafRows(layout, table)) {
      if (!cells.some((c) => mapped.values.has(c.index)) && !cells.every((c) => c.derived)) out.add('parse.rowMissing', pointer);
    }
  }
  const extras = [...mapped.extras, ...extraTables(byTable.get(undefined) ?? [])];
  for (const extra of extras) {
    out.add('parse.extraRow', extra.table === 'other' ? '' : `/${extra.table}`, { label: extra.label });
  }

  const title = titleOf(doc, outline, office !== undefined);
  const draft: Record<string, unknown> = { edition };
  if (title) {
    draft.year = Number(title[2]);
    const agency = title[1]!.trim() || title[3]!.trim();
    if (agency !== '') draft.agency = agency;
  }
  const narrative = narrativeOf(outline);
  if (Object.keys(narrative).length > 0) draft.narrative = narrative;
  for (const cell of layout.cells) setCell(draft, cell.path, mapped.values.get(cell.index) ?? null);

  const validated = validateReport(draft, { locale });
  // A cell the parser could not read is null in the report, but it is not a blank in the source: the
  // sums that read it cannot be judged, and its blank is already said (parse.rowMissing, parse.unreadableCell).
  // A total not read from the page is unknown too when any of its parts is: the validator's derived figure
  // would leave that part out, so it is kept blank.
  const unreadAt = (i: number) => {
    const source = mapped.provenance.get(layout.cells[i]!.pointer);
    return !source || source.kind === 'text';
  };
  const unknown = (i: number): boolean => {
    const eq = layout.derivedBy[i];
    return unreadAt(i) && (!eq || eq.plus.some(unknown) || eq.minus.some(unknown));
  };
  const unread = new Set(layout.cells.filter((cell) => unknown(cell.index)).map((cell) => cell.pointer));
  if (validated.report) {
    for (const cell of layout.cells) if (cell.derived && unread.has(cell.pointer)) setCell(validated.report, cell.path, null);
  }
  const judged = validated.findings.filter((f) => !(f.cells ?? []).some((pointer) => unread.has(pointer)));
  const findings = [...out.items, ...judged];
  // When the validator cannot hand the report back (no year, say), its amounts are put in canonical form here.
  if (!validated.report) {
    for (const cell of layout.cells.filter((c) => c.kind === 'money')) {
      const row = cell.path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, draft);
      const amount = row[cell.column.key];
      if (typeof amount === 'string') row[cell.column.key] = formatFee(amount);
    }
  }
  // Offsets into the input as given, and for a PDF, where on its page each figure stands; for Word and Excel, its cell.
  const sourced = (p: Provenance): Provenance => {
    if (office) return { ...p, ...office.places.get(p.offset) };
    const offset = visible.originOf(p.offset);
    return pdf ? { ...p, offset, ...positionOf(pdf, offset) } : { ...p, offset };
  };
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    report: validated.report ?? (draft as unknown as Report),
    edition,
    provenance: Object.fromEntries([...mapped.provenance].map(([pointer, p]) => [pointer, sourced(p)])),
    extras: office ? extras : extras.map((extra) => ({ ...extra, offset: visible.originOf(extra.offset) })),
    findings,
  };
}

/** The first line of what was thrown, for a finding. */
function thrownMessage(error: unknown): string {
  try {
    return String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 200);
  } catch {
    return 'an error that cannot be shown';
  }
}

/**
 * The options as used: each read once, behind a guard, since a caller may
 * pass anything (a getter that throws, a revoked proxy). When they cannot
 * be read, the defaults, and why.
 */
function settingsOf(options: unknown): { locale: Locale; unreadable?: string } {
  if (options === undefined || options === null) return { locale: 'zh-CN' };
  if (typeof options !== 'object') return { locale: 'zh-CN', unreadable: `a ${typeof options}, not an object` };
  try {
    return { locale: (options as ParseOptions).locale === 'en' ? 'en' : 'zh-CN' };
  } catch (error) {
    return { locale: 'zh-CN', unreadable: thrownMessage(error) };
  }
}

/** The input as text or bytes, or why it is neither. */
function textOrBytes(input: unknown): string | Uint8Array | { reason: string } {
  if (typeof input === 'string') return input;
  try {
    if (input instanceof Uint8Array) return input;
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
  } catch (error) {
    // A detached buffer, or a proxy whose traps throw.
    return { reason: `input that cannot be read: ${thrownMessage(error)}` };
  }
  return { reason: `${input == null ? String(input) : typeof input === 'object' ? 'an object' : `a ${typeof input}`}, not text or bytes (a string, Uint8Array or ArrayBuffer)` };
}

/** Sets a cell at its path of keys, making the objects on the way. */
function setCell(root: object, path: readonly string[], value: number | string | null): void {
  let node = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

/** Tables outside the format (a local 信息处理费 table, say), row by row. */
function extraTables(tables: readonly SourceTable[]): ExtraRow[] {
  return tables.flatMap((table) =>
    table.rows
      .filter((row) => row.length > 1)
      .map((row) => ({ table: 'other' as const, label: row[0]!.text.trim(), cells: row.slice(1).map((c) => c.text.trim()), offset: row[0]!.offset })),
  );
}

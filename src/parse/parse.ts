/**
 * parseReport: a published report in, the canonical model out, with where
 * every figure came from and what could not be read. Never a guessed
 * figure: a blank stays `null`, text that is not a figure is `null` with a
 * finding, and a report whose own numbers break the arithmetic is reported
 * as it stands.
 *
 * @module
 */
import { layoutOf, type CellInfo, type Layout } from '../format/layout.js';
import { NARRATIVE_SECTIONS } from '../format/narrative.js';
import type { Edition, TableKey } from '../format/types.js';
import type { Report } from '../model/types.js';
import type { Locale } from '../rules/catalogue.js';
import { FindingList, type Finding } from '../validate/finding.js';
import { validateReport } from '../validate/validate.js';
import { readHtml, type HtmlDocument, type SourceTable } from './html.js';
import { normalizeLabel } from './normalize.js';
import { classify, mapApplications, mapProactive, mapReviewAndLitigation, type ExtraRow, type Mapped, type Provenance } from './tables.js';

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
 * What {@link parseReport} gives.
 *
 * @example
 * ```ts
 * import { parseReport, type ParseResult } from 'gov-disclosure-report/parse';
 * const result: ParseResult = parseReport(html);
 * result.provenance['/applications/received/total']; // { raw: '6', kind: 'number', offset: 31876 }
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

const MAPPERS: Record<TableKey, (tables: SourceTable[], layout: Layout, into: Mapped, out: FindingList) => void> = {
  proactive: mapProactive,
  applications: mapApplications,
  reviewAndLitigation: mapReviewAndLitigation,
};

// The title names the agency before or after the year: 某局2021年…年度报告, or 2019年某局…年度报告.
const TITLE = /^(.*?)(\d{4})年度?(.*?)政府信息公开(?:工作)?年度报告/;

/** The edition, from the labels only: 本年制发件数 is the 2021 edition's, 本年新制作数量 and 政府集中采购 the 2019 edition's. */
function editionOf(text: string): Edition | undefined {
  if (text.includes('本年制发件数')) return '2021';
  if (text.includes('本年新制作数量') || text.includes('政府集中采购')) return '2019';
  return undefined;
}

/** Sections 一, 五 and 六 as text: from a heading that names the section to the next numbered heading. */
function narrativeOf(doc: HtmlDocument): Record<string, string> {
  const heading = /^[一二三四五六七八九]、/;
  const stop = /^\d{4}年\d{1,2}月\d{1,2}日$|相关链接|扫一扫|打印本页|关闭窗口/;
  const narrative: Record<string, string> = {};
  for (const section of NARRATIVE_SECTIONS) {
    const words = normalizeLabel(section.label.replace(heading, ''));
    const start = doc.lines.findIndex((l) => heading.test(l.text) && normalizeLabel(l.text.slice(0, 40)).includes(words.slice(0, 4)));
    if (start < 0) continue;
    const body: string[] = [];
    for (const line of doc.lines.slice(start + 1)) {
      if (heading.test(line.text) || stop.test(line.text)) break;
      body.push(line.text);
    }
    if (body.length > 0) narrative[section.key] = body.join('\n');
  }
  return narrative;
}

/**
 * Reads a published report into the canonical model. This version reads
 * HTML pages (real `<table>` markup with spans, entities, `&nbsp;` cells and
 * whole pages around the report); PDF and plain text are answered with
 * `parse.unsupportedInput`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseReport } from 'gov-disclosure-report/parse';
 * const { report, findings, provenance } = parseReport(readFileSync('report.html', 'utf8'));
 * ```
 */
export function parseReport(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const out = new FindingList(locale);
  const empty = { ok: false, provenance: {}, extras: [], findings: out.items };
  const bytes = typeof input === 'string' ? undefined : input;
  if (bytes && new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-') {
    out.add('parse.unsupportedInput', '', { detail: 'PDF' });
    return empty;
  }
  const text = bytes ? new TextDecoder('utf-8').decode(bytes) : (input as string);
  if (!/<table[\s>]|<html[\s>]|<body[\s>]|<p[\s>]/i.test(text)) {
    out.add('parse.unsupportedInput', '', { detail: text.trim() === '' ? 'empty' : 'plain text' });
    return empty;
  }
  // A page kept inside a JavaScript string has its quotes escaped: rowspan=\"20\".
  const doc = readHtml(/<t[dr][^>]*=\\"/i.test(text) ? text.replaceAll('\\"', '"') : text);
  // The labels that tell the edition sit in table 二.
  let edition = editionOf(doc.tables.flatMap((t) => t.rows.flat().map((c) => c.label)).join(''));
  if (!edition) {
    edition = '2021';
    out.add('parse.editionUnknown', '/edition', { expected: edition });
  }
  const layout = layoutOf(edition);
  out.layout = layout;

  const byTable = new Map<TableKey | undefined, SourceTable[]>();
  for (const table of doc.tables) byTable.set(classify(table), [...(byTable.get(classify(table)) ?? []), table]);
  const mapped: Mapped = { values: new Map(), provenance: new Map(), extras: [] };
  if (doc.tables.length === 0 || layout.tables.every((t) => !byTable.has(t.key as TableKey))) {
    const headings = layout.meta.tables.filter((t) => doc.lines.some((l) => normalizeLabel(l.text).startsWith(normalizeLabel(t.label).slice(0, 6))));
    if (headings.length > 0) out.add('parse.imagesInsteadOfTables', '', { detail: headings.map((t) => t.label).join('、') });
  }
  for (const table of layout.meta.tables) {
    const tables = byTable.get(table.key);
    if (!tables) {
      out.add('parse.tableMissing', `/${table.key}`);
      continue;
    }
    MAPPERS[table.key](tables, layout, mapped, out);
    // Rows of a table that was found but that the report does not have (a blank total row may be derived).
    const rows = new Map<string, CellInfo[]>();
    for (const cell of layout.cells.filter((c) => c.table.key === table.key)) {
      const row = cell.pointer.slice(0, cell.pointer.lastIndexOf('/'));
      rows.set(row, [...(rows.get(row) ?? []), cell]);
    }
    for (const [pointer, cells] of rows) {
      if (!cells.some((c) => mapped.values.has(c.index)) && !cells.every((c) => c.derived)) out.add('parse.rowMissing', pointer);
    }
  }
  for (const extra of [...mapped.extras, ...extraTables(byTable.get(undefined) ?? [])]) {
    out.add('parse.extraRow', extra.table === 'other' ? '' : `/${extra.table}`, { detail: extra.label });
  }

  const title = TITLE.exec(doc.title) ?? doc.lines.map((l) => TITLE.exec(l.text)).find(Boolean);
  const draft: Record<string, unknown> = { edition };
  if (title) {
    draft.year = Number(title[2]);
    const agency = (title[1]!.trim() || title[3]!.trim()).replace(/^#+\s*/, '');
    if (agency !== '') draft.agency = agency;
  }
  const narrative = narrativeOf(doc);
  if (Object.keys(narrative).length > 0) draft.narrative = narrative;
  for (const cell of layout.cells) {
    let node = draft;
    for (const key of cell.path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[cell.path.at(-1)!] = mapped.values.get(cell.index) ?? null;
  }

  const validated = validateReport(draft, { locale });
  const findings = [...out.items, ...validated.findings];
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    report: validated.report ?? (draft as unknown as Report),
    edition,
    provenance: Object.fromEntries(mapped.provenance),
    extras: [...mapped.extras, ...extraTables(byTable.get(undefined) ?? [])],
    findings,
  };
}

/** Tables outside the format (a local 信息处理费 table, say), row by row. */
function extraTables(tables: readonly SourceTable[]): ExtraRow[] {
  return tables.flatMap((table) =>
    table.rows
      .filter((row) => row.length > 1)
      .map((row) => ({ table: 'other' as const, label: row[0]!.text.trim(), cells: row.slice(1).map((c) => c.text.trim()), offset: row[0]!.offset })),
  );
}

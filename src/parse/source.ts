/**
 * What every reader reads: the cells and lines of a published report as
 * they stand in the input, with where each one starts.
 */

/**
 * One cell as published: of an HTML table, or a piece of a line of text.
 *
 * @example
 * ```ts
 * import type { SourceCell } from './source.js';
 * const cell: SourceCell = { text: '（一）予以公开', label: '(一)予以公开', offset: 120, colspan: 1, rowspan: 1 };
 * ```
 */
export interface SourceCell {
  text: string;
  /** The text normalised for label matching, once. */
  label: string;
  /** Offset of the cell in the input (of its start tag, in HTML). */
  offset: number;
  colspan: number;
  rowspan: number;
}

/**
 * One table: its rows of cells as published, and where it starts.
 *
 * @example
 * ```ts
 * import type { SourceTable } from './source.js';
 * const table: SourceTable = { rows: [[{ text: '行政许可', label: '行政许可', offset: 7, colspan: 1, rowspan: 1 }]], offset: 0 };
 * ```
 */
export interface SourceTable {
  rows: SourceCell[][];
  offset: number;
}

/**
 * A line of text (outside the tables, in HTML), with its offset.
 *
 * @example
 * ```ts
 * import type { SourceLine } from './source.js';
 * const line: SourceLine = { text: '行政许可 550', offset: 1834 };
 * ```
 */
export interface SourceLine {
  text: string;
  offset: number;
}

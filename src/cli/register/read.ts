/**
 * Reading a register for `tally`: the kind told by content (an .xlsx
 * workbook, a JSON array, NDJSON, or CSV/TSV with a header row), the text
 * decoded as UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's
 * "Unicode text"), or GB18030 (what Excel on a Chinese Windows saves as CSV).
 * NDJSON from a file is read line by line, so a register of any length
 * takes the memory of one chunk.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError, failureReason } from '../io.js';
import { columnsOf, recordOf, type Cell } from './rows.js';
import { isZip, xlsxRows } from './xlsx.js';

/** The kinds of register read. */
export type RegisterFormat = 'xlsx' | 'json' | 'ndjson' | 'csv' | 'tsv';

/** A register opened: its records, read as they are iterated, and what it was read as. */
export interface Register {
  readonly format: RegisterFormat;
  readonly encoding: string;
  readonly records: Iterable<unknown>;
}

const HEAD = 64 * 1024;
const CHUNK = 256 * 1024;

/** The text encoding of bytes that start with `head`. */
function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The kind of a text register, from its first characters. */
function textFormat(head: string): Exclude<RegisterFormat, 'xlsx'> {
  const body = head.trimStart();
  if (body[0] === '[') return 'json';
  // NDJSON's first line is a whole record; a pretty-printed JSON object's is not (`{` or `{"cases": [`).
  if (body[0] === '{') return /^[^\n]*[^\s}][ \t\r]*\n/.test(body) ? 'json' : 'ndjson';
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  return (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? 'tsv' : 'csv';
}

/** One NDJSON line as a record: its JSON value, or the line itself when it is not JSON (the tally says so). */
function lineValue(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}

/** The records of NDJSON text arriving in chunks; blank lines skipped. */
function* ndjson(chunks: Iterable<Uint8Array>, encoding: string): Generator<unknown> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let rest = '';
  const lines = function* (text: string) {
    for (const line of text.split('\n')) if (line.trim() !== '') yield lineValue(line);
  };
  try {
    for (const chunk of chunks) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const end = text.lastIndexOf('\n');
      rest = text.slice(end + 1);
      yield* lines(text.slice(0, end + 1));
    }
    yield* lines(rest + decoder.decode());
  } catch (error) {
    if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new InputError(`not ${encoding} text`);
    throw error;
  }
}

/** The records of rows whose first non-empty row is the header; a workbook's date serials counted from 1904 with `date1904`. */
function* fromRows(rows: Iterable<readonly Cell[]>, date1904 = false): Generator<unknown> {
  let columns: ReturnType<typeof columnsOf> | undefined;
  for (const row of rows) {
    if (!columns) {
      if (row.some((cell) => cell !== undefined && String(cell).trim() !== '')) columns = columnsOf(row);
      // A first row that names no field is no register's header: text or data of another kind, not an empty register.
      if (columns?.every((column) => typeof column === 'object')) {
        throw new InputError('not a register: its first row names no field of a case record (申请编号, 申请人类型, 收到申请日期, … or id, applicant, receivedOn, …)');
      }
      continue;
    }
    const record = recordOf(columns, row, date1904);
    if (record) yield record;
  }
  if (!columns) throw new InputError('not a register: empty, without even a header row');
}

/** A register held in memory (standard input, or a file that is not NDJSON). */
export function registerFromBytes(bytes: Uint8Array): Register {
  if (isZip(bytes)) {
    let sheet: ReturnType<typeof xlsxRows>;
    try {
      sheet = xlsxRows(bytes);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    return { format: 'xlsx', encoding: 'xlsx', records: fromRows(sheet.rows, sheet.date1904) };
  }
  const encoding = encodingOf(bytes.subarray(0, HEAD));
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`not ${encoding} text`);
  }
  const format = textFormat(text.slice(0, HEAD));
  if (format === 'ndjson') return { format, encoding, records: ndjson([bytes], encoding) };
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`not JSON: ${(error as Error).message.split('\n')[0]}`);
    }
    if (!Array.isArray(value)) throw new InputError('a JSON register is an array of case records');
    return { format, encoding, records: value };
  }
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter: format === 'tsv' ? '\t' : ',', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (error) {
    throw new InputError(`not readable as ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`);
  }
  return { format, encoding, records: fromRows(rows) };
}

/** The chunks of an open file, `first` then on from its end; the file is closed when they end or the reader stops. */
function* fileChunks(fd: number, first: Uint8Array): Generator<Uint8Array> {
  try {
    yield first;
    // Read by position: the positioned read of `first` left the file's own offset at 0.
    let position = first.length;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) return;
      position += n;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A register in a file: NDJSON streamed, anything else read whole (at most
 * `maxBytes` of it).
 *
 * @throws InputError when the file cannot be read, is not a regular file, or is too large
 */
export function openRegister(path: string, maxBytes: number): Register {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new InputError(`${path}: ${failureReason(error)}`);
  }
  let streamed = false;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`${path}: ${stats.isDirectory() ? 'is a directory' : 'not a regular file'}`);
    const head = Buffer.allocUnsafe(Math.min(HEAD, Math.max(stats.size, 1)));
    const n = readSync(fd, head, 0, head.length, 0);
    const first = head.subarray(0, n);
    if (!isZip(first)) {
      const encoding = encodingOf(first);
      let text = '';
      try {
        text = new TextDecoder(encoding).decode(first);
      } catch {
        // told below, when the whole file is read
      }
      if (textFormat(text) === 'ndjson') {
        streamed = true;
        return { format: 'ndjson', encoding, records: ndjson(fileChunks(fd, first), encoding) };
      }
    }
    if (stats.size > maxBytes) throw new InputError(`${path}: larger than ${maxBytes} bytes (see --max-bytes)`);
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < stats.size) {
      const m = readSync(fd, bytes, read, stats.size - read, read);
      if (m === 0) break;
      read += m;
    }
    return registerFromBytes(bytes.subarray(0, read));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: ${failureReason(error)}`);
  } finally {
    if (!streamed) closeSync(fd);
  }
}

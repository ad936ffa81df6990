/**
 * What the command line touches of the outside world, behind one interface
 * so the commands stay testable; `nodeIo` is the real one.
 */
import { accessSync, closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { styleText } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import type { WorkerPool } from './pool.js';

export interface Io {
  readonly stdout: (text: string) => void;
  /** Writes to standard error, after what standard output was given so far: both streams sent to one file keep their order. */
  readonly stderr: (text: string) => void;
  /** Writes out what standard output holds back; the command line calls it when the command is done. */
  readonly flush?: () => void;
  /** Whether stdout is a terminal (and NO_COLOR unset): colours there. */
  readonly tty: boolean;
  /** Whether stderr is a terminal (and NO_COLOR unset): colours and the progress line there. */
  readonly ttyErr: boolean;
  /** The bytes of a regular file, at most `maxBytes` of them; rejects anything else (a FIFO, a device, a larger file). */
  readonly readBytes: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Standard input, at most `maxBytes` of it; rejects as soon as there is more. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** Whether the path is a directory; `false` when it cannot be told (reading the path then says why). */
  readonly isDirectory: (path: string) => boolean;
  /** The entries of a directory, each with whether it is one (a link is followed); the kinds come with the listing where the file system tells them. */
  readonly list: (directory: string) => { path: string; directory: boolean }[];
  /** The text of a shipped JSON Schema file: `2021`, `2019` or `report` (either edition). */
  readonly schemaText: (name: string) => string;
  /** Opens a file to write (`render -o`, `export -o`), which replaces the one there once closed; throws when it cannot be opened. */
  readonly createFile: (path: string) => FileWriter;
  /** Starts worker threads for `--jobs`; absent, or resolving to `undefined`, when there are none: the files are read in this thread. */
  readonly startPool?: (threads: number) => Promise<WorkerPool | undefined>;
}

/**
 * A file being written: text and bytes go out as they come, in pieces;
 * `close` writes out the rest and puts the file in place, `discard` leaves
 * the path as it was before. `write` and `close` throw when the file cannot
 * be written.
 *
 * @example
 * ```ts
 * // type-only: writes a file
 * import { nodeIo } from './io.js';
 * const file = nodeIo(new URL('../schema/', import.meta.url)).createFile('cells.csv');
 * file.write('a,b\r\n');
 * file.close();
 * ```
 */
export interface FileWriter {
  write(data: string | Uint8Array): void;
  close(): void;
  discard(): void;
}

/** How much of one input is read unless `--max-bytes` says otherwise: 64 MiB, far above any report. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The process's own standard streams and file system. `schemas` is the
 * folder of the JSON Schema files the build writes, so the command line
 * prints them without loading zod; `worker` is the built script of the
 * `--jobs` worker threads.
 *
 * @example
 * ```ts
 * // type-only: prints to standard output a schema file of the build
 * import { nodeIo } from './io.js';
 * const io = nodeIo(new URL('../schema/', import.meta.url));
 * io.stdout(io.schemaText('2021'));
 * ```
 */
export function nodeIo(schemas: URL, worker?: URL): Io {
  const color = !process.env.NO_COLOR;
  const tty = process.stdout.isTTY === true && color;
  const ttyErr = process.stderr.isTTY === true && color;
  // A worker thread prints nothing: only the command's own thread holds output back.
  const out = isMainThread ? inPieces((bytes) => process.stdout.write(bytes)) : undefined;
  let stdinRead = false;
  return {
    stdout: out ? out.write : (text) => void process.stdout.write(text),
    stderr: (text) => {
      out?.flush();
      process.stderr.write(text);
    },
    ...(out ? { flush: out.flush } : {}),
    tty,
    ttyErr,
    readBytes: readRegularFile,
    readStdin: (maxBytes) => {
      // A second "-" (compare - -, validate - --previous -) would read an input already used up.
      if (stdinRead) return Promise.reject(new InputError('standard input is read once: "-" stands for one input only'));
      stdinRead = true;
      return readAtMost(process.stdin, maxBytes);
    },
    isDirectory,
    list,
    schemaText: (name) => readFileSync(new URL(`${name}.json`, schemas), 'utf8'),
    createFile,
    // The pool library is loaded only when a pool is started.
    ...(worker ? { startPool: async (threads: number) => (await import('./pool.js')).startWorkers(worker, threads) } : {}),
  };
}

/**
 * Output gathered as UTF-8 in pieces of up to 64 KiB, each handed to `send`
 * when full or flushed: the findings of thousands of reports go out in a
 * write per piece, encoded as they come, never joined into one string
 * (joining and encoding it cost more than the checking of the reports).
 * Bytes, or a text too long for a piece, go out as they are.
 */
function inPieces(send: (bytes: Uint8Array) => void): { write: (data: string | Uint8Array) => void; flush: () => void } {
  let buffer = Buffer.allocUnsafe(PIECE);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    // Standard output may keep the bytes until they are written: the next piece gets a buffer of its own.
    send(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafe(PIECE);
    used = 0;
  };
  const write = (data: string | Uint8Array) => {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const size = typeof data === 'string' ? data.length * 3 : data.length;
    if (used + size > PIECE) {
      flush();
      if (size > PIECE) return void send(typeof data === 'string' ? Buffer.from(data) : data);
    }
    if (typeof data === 'string') used += buffer.write(data, used);
    else {
      buffer.set(data, used);
      used += data.length;
    }
  };
  return { write, flush };
}

/**
 * A file written in pieces beside `path` and renamed over it by `close`, with the mode of the file it
 * replaces: a run that stops early (a fault of the program, an interrupt) leaves the file as it was,
 * and its piece is taken away. Written in place, as any program would: a path that is not a regular
 * file of its own (a device, a pipe, a link, a file with other hard links), one this user may not
 * write, and one beside which no new file can be made.
 */
function createFile(path: string): FileWriter {
  const aside = besideOf(path);
  let fd: number | undefined;
  let temp: string | undefined;
  if (aside) {
    try {
      // Never one that is there already: that may be another's, or a link planted to be written through.
      fd = openSync(aside.path, 'wx');
      temp = aside.path;
      if (aside.mode !== undefined) fchmodSync(fd, aside.mode);
    } catch {
      if (fd !== undefined) dropPiece(fd, temp);
      fd = temp = undefined;
    }
  }
  const file = fd ?? openSync(path, 'w');
  let open = true;
  // An interrupt takes the piece away, then ends the process as it would have ended.
  const onSignal = (signal: NodeJS.Signals) => {
    dropPiece(undefined, temp);
    process.kill(process.pid, signal);
  };
  const onExit = () => dropPiece(undefined, temp);
  const listening = (on: boolean) => {
    if (!temp) return;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) on ? process.once(signal, onSignal) : process.off(signal, onSignal);
    on ? process.once('exit', onExit) : process.off('exit', onExit);
  };
  listening(true);
  const out = inPieces((bytes) => {
    // writeSync may write only part of what it is given.
    for (let done = 0; done < bytes.length; ) done += writeSync(file, bytes, done);
  });
  const discard = () => {
    listening(false);
    dropPiece(open ? file : undefined, temp);
    open = false;
  };
  return {
    write: out.write,
    close: () => {
      try {
        out.flush();
        // Closed once, whatever closeSync says: a failed close still lets go of the descriptor.
        open = false;
        closeSync(file);
        if (temp) renameSync(temp, path);
      } catch (error) {
        discard();
        throw error;
      }
      listening(false);
    },
    discard,
  };
}

/** Where a file that replaces `path` is written first, and the mode it takes; `undefined` when `path` is written in place. */
function besideOf(path: string): { path: string; mode: number | undefined } | undefined {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(path);
  } catch {
    // A new file.
  }
  if (stats) {
    if (!stats.isFile() || stats.nlink > 1) return undefined;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      return undefined;
    }
  }
  return { path: join(dirname(path), `.${basename(path)}.${process.pid}.tmp`), mode: stats && stats.mode & 0o777 };
}

/** Closes `fd` and removes `temp`, whichever are given, saying nothing of a failure: what failed before is what is told. */
function dropPiece(fd: number | undefined, temp: string | undefined): void {
  try {
    if (fd !== undefined) closeSync(fd);
  } catch {
    // Closed or not, the piece goes.
  }
  try {
    if (temp) rmSync(temp, { force: true });
  } catch {
    // Left beside the file, hidden: nothing more can be done.
  }
}

const PIECE = 64 * 1024;

/**
 * The entries of a directory with their kinds as the listing gives them; only a symbolic link is looked at again,
 * to follow it. Where the file system gives no kinds, Node looks at each entry itself and fails on one that has
 * gone meanwhile: the entries are then looked at one by one, so one vanished file does not hide the others.
 */
function list(directory: string): { path: string; directory: boolean }[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).map((entry) => {
      const path = join(directory, entry.name);
      return { path, directory: entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path)) };
    });
  } catch {
    return readdirSync(directory)
      .map((name) => join(directory, name))
      .map((path) => ({ path, directory: isDirectory(path) }));
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Throws unless `stats` are those of a regular file: a FIFO would block, a device like /dev/zero never end. */
function requireRegular(stats: Stats): void {
  if (stats.isFile()) return;
  throw new Error(stats.isDirectory() ? 'is a directory' : `not a regular file (${kindOf(stats)})`);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return stats.isSocket() ? 'a socket' : 'of an unknown kind';
}

/**
 * A regular file's bytes, read synchronously: a command works through its
 * files one at a time, and a read that waits for the thread pool costs more
 * than the checking of a report.
 */
async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  requireRegular(statSync(path));
  // Checked again on the open file, in case the path changed in between; O_NONBLOCK so that even then a FIFO cannot block the open.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    requireRegular(stats);
    const parts: Buffer[] = [];
    let size = 0;
    // One read of the whole file and a byte more: a short read is the end of a regular file; a full one
    // means it grew, and the rest is read in chunks.
    for (let chunk = Math.min(stats.size, maxBytes) + 1; ; chunk = CHUNK) {
      const buffer = Buffer.allocUnsafe(chunk);
      const read = readSync(fd, buffer, 0, chunk, null);
      size += read;
      if (size > maxBytes) throw tooLarge(maxBytes);
      parts.push(buffer.subarray(0, read));
      if (read < chunk) return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    }
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 64 * 1024;

const tooLarge = (maxBytes: number) => new Error(`larger than ${maxBytes} bytes (see --max-bytes)`);

/** The chunks joined, or a rejection as soon as they pass `maxBytes`: leaving the loop closes the source, so the rest is never read. */
async function readAtMost(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

type Style = Parameters<typeof styleText>[0];

/** Text in a terminal style when `on`, plain otherwise. (The caller decides: it knows which stream the text goes to.) */
export function paint(on: boolean, style: Style, text: string): string {
  return on ? styleText(style, text, { validateStream: false }) : text;
}

// Control characters from a report (an escape sequence in a string, say) must not reach a terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print: control characters other than line breaks and tabs shown as �. */
export function printable(text: string): string {
  return text.replace(CONTROL, '\ufffd');
}

/** A failure to read an input: its one-line message, and exit code 2. */
export class InputError extends Error {}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a loop?)',
  ENOTDIR: 'a part of the path is not a directory',
  EPIPE: 'broken pipe (the reader has gone)',
  ENOSPC: 'no space left on device',
};

/**
 * Why a file operation failed, in a few words on one line: the known
 * system errors by name, anything else by its own first line.
 *
 * @example
 * ```ts
 * import { failureReason } from './io.js';
 * failureReason(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })); // 'no space left on device'
 * ```
 */
export function failureReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const known = typeof code === 'string' ? SYSTEM_ERRORS[code] : undefined;
  return known ?? String((error as Error | undefined)?.message ?? error).split('\n')[0]!;
}

/**
 * A file opened with `io` to write the output of a command (`-o`), whose
 * every failure, at the open, a write or the close, is an
 * {@link InputError} that names it.
 *
 * @example
 * ```ts
 * // type-only: writes a file
 * import { nodeIo, outputFile } from './io.js';
 * const file = outputFile(nodeIo(new URL('../schema/', import.meta.url)), 'report.md');
 * file.write('# 报告\n');
 * file.close();
 * ```
 */
export function outputFile(io: Io, path: string): FileWriter {
  const named = <T>(act: () => T): T => {
    try {
      return act();
    } catch (error) {
      throw new InputError(`${path}: cannot write: ${failureReason(error)}`);
    }
  };
  const file = named(() => io.createFile(path));
  return { write: (data) => named(() => file.write(data)), close: () => named(() => file.close()), discard: () => file.discard() };
}

/**
 * Runs `act`, then closes `file`; when `act` throws, `file` is discarded,
 * so the path it names is left as it was, and the throw goes on.
 *
 * @example
 * ```ts
 * // type-only: writes a file
 * import { nodeIo, outputFile, writingTo } from './io.js';
 * const file = outputFile(nodeIo(new URL('../schema/', import.meta.url)), 'report.md');
 * await writingTo(file, () => file.write('# 报告\n'));
 * ```
 */
export async function writingTo<T>(file: FileWriter | undefined, act: () => T | Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await act();
  } catch (error) {
    file?.discard();
    throw error;
  }
  file?.close();
  return result;
}

/**
 * Reads one input's bytes (`-` is standard input), at most `maxBytes` of
 * them, or throws an {@link InputError} that names it.
 *
 * @example
 * ```ts
 * // type-only: reads a file
 * import { DEFAULT_MAX_BYTES, nodeIo, readBytes } from './io.js';
 * declare const schemas: URL;
 * const bytes = await readBytes(nodeIo(schemas), 'report.html', DEFAULT_MAX_BYTES);
 * ```
 */
export async function readBytes(io: Io, file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await (file === '-' ? io.readStdin(maxBytes) : io.readBytes(file, maxBytes));
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${failureReason(error)}`);
  }
}

/**
 * Reads and parses one JSON input (`-` is standard input), at most
 * `maxBytes` of it, or throws an {@link InputError} that names it.
 *
 * @example
 * ```ts
 * // type-only: reads a file
 * import { DEFAULT_MAX_BYTES, nodeIo, readJson } from './io.js';
 * declare const schemas: URL;
 * const report = await readJson(nodeIo(schemas), 'report.json', DEFAULT_MAX_BYTES);
 * ```
 */
export async function readJson(io: Io, file: string, maxBytes: number): Promise<unknown> {
  return jsonOf(file, await readBytes(io, file, maxBytes));
}

/**
 * The JSON of bytes read from `file`, or an {@link InputError} that names it.
 *
 * @example
 * ```ts
 * import { jsonOf } from './io.js';
 * jsonOf('a.json', new TextEncoder().encode('{"year": 2024}')); // { year: 2024 }
 * ```
 */
export function jsonOf(file: string, bytes: Uint8Array): unknown {
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse may quote the input, line breaks and all: keep the message on one line.
    throw new InputError(`${file}: not JSON: ${printable((error as Error).message.replace(/\s+/g, ' '))}`);
  }
}

/**
 * What the command line touches of the outside world, behind one interface
 * so the commands stay testable; `nodeIo` is the real one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { styleText } from 'node:util';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (and NO_COLOR unset): colours there. */
  readonly tty: boolean;
  /** Whether stderr is a terminal (and NO_COLOR unset): colours and the progress line there. */
  readonly ttyErr: boolean;
  readonly readBytes: (path: string) => Uint8Array;
  readonly readStdin: () => Uint8Array;
  readonly isDirectory: (path: string) => boolean;
  readonly list: (directory: string) => string[];
  /** The text of a shipped JSON Schema file: `2021`, `2019` or `report` (either edition). */
  readonly schemaText: (name: string) => string;
}

/**
 * The process's own standard streams and file system. `schemas` is the
 * folder of the JSON Schema files the build writes, so the command line
 * prints them without loading zod.
 */
export function nodeIo(schemas: URL): Io {
  const color = !process.env.NO_COLOR;
  const tty = process.stdout.isTTY === true && color;
  const ttyErr = process.stderr.isTTY === true && color;
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    tty,
    ttyErr,
    readBytes: (path) => readFileSync(path),
    readStdin: () => readFileSync(0),
    isDirectory: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
    list: (directory) => readdirSync(directory).map((name) => join(directory, name)),
    schemaText: (name) => readFileSync(new URL(`${name}.json`, schemas), 'utf8'),
  };
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
};

/** Reads one input's bytes (`-` is standard input), or throws an {@link InputError}. */
export function readBytes(io: Io, file: string): Uint8Array {
  try {
    return file === '-' ? io.readStdin() : io.readBytes(file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new InputError(`${file}: cannot read: ${SYSTEM_ERRORS[code] ?? (error as Error).message}`);
  }
}

/** Reads and parses one JSON input (`-` is standard input), or throws an {@link InputError}. */
export function readJson(io: Io, file: string): unknown {
  const text = new TextDecoder('utf-8').decode(readBytes(io, file));
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse may quote the input, line breaks and all: keep the message on one line.
    throw new InputError(`${file}: not JSON: ${printable((error as Error).message.replace(/\s+/g, ' '))}`);
  }
}

/**
 * The files a command's arguments name: `-` (standard input), files,
 * folders searched recursively, and quoted globs (`'reports/**\/*.json'`)
 * expanded by the command itself, since Windows shells do not expand them.
 * Whatever cannot be listed, or names nothing, stays in the list with its
 * one-line error, to be reported as unreadable beside the files that could
 * be read: a mistyped folder or pattern must not pass as "nothing wrong".
 */
import { realpathSync } from 'node:fs';
import picomatch from 'picomatch';
import { failureReason, type Io } from './io.js';

/** A file to read, or a folder or pattern named with why it gives none. */
export interface Input {
  file: string;
  error?: string;
}

/** Which files of a folder a command reads: their extensions (lower case, with the dot), and how to name them in a message. */
export interface FileKind {
  readonly extensions: readonly string[];
  readonly name: string;
}

/** The report JSON files `validate` reads from a folder. */
export const JSON_FILES: FileKind = { extensions: ['.json'], name: '*.json' };

const PUBLISHED_EXTENSIONS = ['.html', '.htm', '.mht', '.mhtml', '.txt', '.md', '.pdf', '.docx', '.doc', '.xlsx', '.xls'];

/**
 * The published reports `parse` reads from a folder.
 *
 * @example
 * ```ts
 * import { PUBLISHED_FILES } from './inputs.js';
 * PUBLISHED_FILES.name; // '*.html, *.htm, *.mht, *.mhtml, *.txt, *.md, *.pdf, *.docx, *.doc, *.xlsx or *.xls'
 * ```
 */
export const PUBLISHED_FILES: FileKind = {
  extensions: PUBLISHED_EXTENSIONS,
  name: `${PUBLISHED_EXTENSIONS.slice(0, -1).map((e) => `*${e}`).join(', ')} or *${PUBLISHED_EXTENSIONS.at(-1)}`,
};

/**
 * The files named by `args`, in order: a folder stands for the files of
 * `kind` anywhere under it, sorted (hidden entries and `node_modules`
 * skipped, each folder listed once even through a symbolic-link loop); an
 * argument with glob characters that is not itself a file is matched
 * against the files under its fixed part (`picomatch`, `/` as separator);
 * anything else is a file, read later. `directories` counts the folders and
 * patterns expanded.
 *
 * @example
 * ```ts
 * // type-only: lists folders
 * import { expandInputs, JSON_FILES } from './inputs.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * const { inputs } = expandInputs(io, ['reports/', 'drafts/**\/2021-*.json', '-'], JSON_FILES);
 * ```
 */
export function expandInputs(io: Io, args: readonly string[], kind: FileKind): { inputs: Input[]; directories: number } {
  let directories = 0;
  const inputs = args.flatMap((arg): Input[] => {
    if (arg === '-') return [{ file: arg }];
    if (io.isDirectory(arg)) {
      directories++;
      const found = walk(io, arg, (path) => hasExtension(path, kind), Infinity);
      return found.length > 0 ? found : [{ file: arg, error: `${arg}: no ${kind.name} file in this directory` }];
    }
    if (isGlob(arg) && !exists(io, arg)) {
      directories++;
      return expandGlob(io, arg);
    }
    return [{ file: arg }];
  });
  return { inputs, directories };
}

const hasExtension = (path: string, kind: FileKind) => kind.extensions.some((ext) => path.toLowerCase().endsWith(ext));

/** Whether the argument has glob characters: `*`, `?`, `[…]`, `{…}`, `!(…)`. */
function isGlob(arg: string): boolean {
  return picomatch.scan(arg.replaceAll('\\', '/')).isGlob;
}

/** Whether a path exists as a file: a file named `a[1].json` is read as it is, not as a pattern. */
function exists(io: Io, path: string): boolean {
  try {
    return realpathSync(path) !== '' && !io.isDirectory(path);
  } catch {
    return false;
  }
}

/** The folder's identity, to list each folder once: its real path, or the path as given when that cannot be told. */
function identity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The files under `root` that `wanted` accepts, at most `depth` folders
 * down, sorted, depth first; a folder that cannot be listed is an entry with
 * its error.
 */
function walk(io: Io, root: string, wanted: (path: string) => boolean, depth: number): Input[] {
  const seen = new Set<string>();
  const found: Input[] = [];
  const visit = (folder: string, level: number): void => {
    const id = identity(folder);
    if (seen.has(id)) return;
    seen.add(id);
    let entries: ReturnType<Io['list']>;
    try {
      entries = io.list(folder);
    } catch (error) {
      found.push({ file: folder, error: `${folder}: cannot list: ${failureReason(error)}` });
      return;
    }
    const files: string[] = [];
    const folders: string[] = [];
    for (const { path, directory } of entries) {
      const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (directory) folders.push(path);
      else if (wanted(path)) files.push(path);
    }
    for (const file of files.sort()) found.push({ file });
    if (level < depth) for (const sub of folders.sort()) visit(sub, level + 1);
  };
  visit(root, 0);
  return found;
}

/** The files a pattern matches, or the pattern with why it matched none. */
function expandGlob(io: Io, pattern: string): Input[] {
  const posix = pattern.replaceAll('\\', '/').replace(/^(\.\/)+/, '');
  const { base, glob } = picomatch.scan(posix);
  const root = base === '' ? '.' : base;
  if (!io.isDirectory(root)) return [{ file: pattern, error: `${pattern}: no file matches (no folder ${root})` }];
  const match = picomatch(posix, { dot: false });
  // Paths are matched as the pattern writes them: relative to the working folder, or from its fixed part.
  const shown = (path: string) => (base === '' ? path.replace(/^\.[\\/]/, '') : path).replaceAll('\\', '/');
  // `*.html` looks in one folder, `a/*/*.json` two deep; only `**` searches all the way down.
  const depth = glob.includes('**') ? Infinity : glob.split('/').length - 1;
  const found = walk(io, root, (path) => match(shown(path)), depth).map((input) =>
    input.error === undefined && base === '' ? { file: shown(input.file) } : input,
  );
  return found.length > 0 ? found : [{ file: pattern, error: `${pattern}: no file matches` }];
}

/**
 * What `export` reads from a folder: report JSON files and published reports alike.
 *
 * @example
 * ```ts
 * import { REPORT_FILES } from './inputs.js';
 * REPORT_FILES.extensions.includes('.doc'); // true
 * ```
 */
export const REPORT_FILES: FileKind = {
  extensions: [...JSON_FILES.extensions, ...PUBLISHED_FILES.extensions],
  name: `${JSON_FILES.name}, ${PUBLISHED_FILES.name}`,
};

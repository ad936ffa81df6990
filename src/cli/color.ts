/**
 * Whether the command colours its output: `--color` / `--no-color` first,
 * then `FORCE_COLOR`, then `NO_COLOR`, then whether the stream is a terminal.
 */
import type { Io } from './io.js';

/**
 * What the environment says of colour: `true` when `FORCE_COLOR` is set to
 * anything but `''` or `0` (`false`, as Node.js reads it, turns colour off),
 * `false` for `FORCE_COLOR=0`/`false`, and `undefined` when it says nothing,
 * leaving `NO_COLOR` and the terminal to decide.
 *
 * @example
 * ```ts
 * import { forcedColor } from './color.js';
 * forcedColor({ FORCE_COLOR: '1' }); // true
 * forcedColor({ FORCE_COLOR: '0' }); // false
 * forcedColor({ FORCE_COLOR: '', NO_COLOR: '1' }); // undefined
 * ```
 */
export function forcedColor(env: Readonly<Record<string, string | undefined>>): boolean | undefined {
  const force = env.FORCE_COLOR;
  if (force === undefined || force === '') return undefined;
  return force !== '0' && force.toLowerCase() !== 'false';
}

/**
 * The Io with colour on or off on both streams, or as it was for `undefined`.
 *
 * @example
 * ```ts
 * // type-only: needs an Io
 * import { withColor } from './color.js';
 * import type { Io } from './io.js';
 * declare const io: Io;
 * withColor(io, false).tty; // false
 * ```
 */
export function withColor(io: Io, on: boolean | undefined): Io {
  return on === undefined ? io : { ...io, tty: on, ttyErr: on };
}

/**
 * `--color` and `--no-color` taken out of the arguments (before any `--`),
 * the last one given winning.
 *
 * @example
 * ```ts
 * import { colorFlag } from './color.js';
 * colorFlag(['validate', 'a.json', '--no-color']); // { args: ['validate', 'a.json'], color: false }
 * colorFlag(['validate', '--', '--color']); // { args: ['validate', '--', '--color'], color: undefined }
 * ```
 */
export function colorFlag(argv: readonly string[]): { args: string[]; color: boolean | undefined } {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  let color: boolean | undefined;
  const args = argv.filter((arg, i) => {
    if (i >= end || (arg !== '--color' && arg !== '--no-color')) return true;
    color = arg === '--color';
    return false;
  });
  return { args, color };
}

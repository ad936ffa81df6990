/**
 * The command line: picks the command, answers --help and --version, and
 * turns every failure into a one-line message and an exit status, never a
 * stack trace.
 */
import pkg from '../../package.json' with { type: 'json' };
import { colorFlag, withColor } from './color.js';
import { deadline, parse, render, schema, UsageError, validate } from './commands.js';
import { InputError, printable, type Io } from './io.js';
import { closest, optionsIn } from './suggest.js';
import { USAGE } from './usage.js';

// The register commands (and their CSV and Excel readers), and those over several reports, are loaded when
// one of them runs, so the others start without them.
const COMMANDS = {
  validate,
  render,
  parse,
  schema,
  deadline,
  rollup: async (args: string[], io: Io) => (await import('./reports.js')).rollup(args, io),
  compare: async (args: string[], io: Io) => (await import('./reports.js')).compare(args, io),
  export: async (args: string[], io: Io) => (await import('./reports.js')).exportCommand(args, io),
  tally: async (args: string[], io: Io) => (await import('./cases.js')).tally(args, io),
  'reply-deadline': async (args: string[], io: Io) => (await import('./cases.js')).replyDeadlineCommand(args, io),
} as const;

/**
 * Runs the command line with `argv` (without the program name) and returns
 * the exit status. `--color` and `--no-color`, anywhere before `--`, turn
 * colour on or off whatever the terminal and the environment say.
 */
export async function main(argv: readonly string[], terminal: Io): Promise<number> {
  const { args: rest, color } = colorFlag(argv);
  const io = withColor(terminal, color);
  const [name, ...args] = rest;
  if (name === 'help') return help(args, io);
  if (name === undefined) {
    io.stderr(`${USAGE.main}\n`);
    return 2;
  }
  // Options end at "--": after it, --help is a file name.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (name === '--version' || name === '-v' || name === '--help' || name === '-h') {
    io.stdout(name.startsWith('--v') || name === '-v' ? `${pkg.version}\n` : `${USAGE.main}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    const near = closest(name, Object.keys(COMMANDS));
    io.stderr(`gov-disclosure-report: unknown command "${printable(name)}"${near ? `; did you mean ${near}?` : ' (try --help)'}\n`);
    return 2;
  }
  const command = name as keyof typeof COMMANDS;
  if (options.includes('--version')) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout(`${USAGE[command]}\n`);
    return 0;
  }
  try {
    return await COMMANDS[command](args, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '(--[^']+)'/.exec((error as Error).message)?.[1] : undefined;
    const near = unknown === undefined ? undefined : closest(unknown, optionsIn(USAGE[command]));
    if (unknown !== undefined && near !== undefined) {
      io.stderr(`gov-disclosure-report ${command}: unknown option ${printable(unknown)}; did you mean ${near}?\n`);
      return 2;
    }
    if (usage || error instanceof InputError) {
      const message = argumentFault(error as Error & { code?: string }) ?? (error as Error).message.split('\n')[0]!;
      io.stderr(`gov-disclosure-report ${command}: ${printable(message)}${usage ? ' (try --help)' : ''}\n`);
      return 2;
    }
    io.stderr(`gov-disclosure-report ${command}: internal error: ${printable(String((error as Error)?.message).split('\n')[0]!)}\n`);
    return 2;
  }
}

/**
 * What Node's argument parser found wrong, in this command line's words:
 * its own messages name `<value>`, hint at `-XYZ` and run over lines.
 */
function argumentFault(error: Error & { code?: string }): string | undefined {
  // Node names an option with its short alias first: 'Option '-o, --output <value>' argument missing'.
  const option = /^(?:Unknown option|Option) '(?:-\w, )?(-{1,2}[^' ,]+)/.exec(error.message)?.[1];
  if (option === undefined) return undefined;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return undefined;
  if (/does not take an argument/.test(error.message)) return `${option} takes no value`;
  // "--max-warnings -1": a value that starts with a dash is read as an option unless joined with "=".
  return /ambiguous/.test(error.message) ? `${option} needs a value; one that starts with "-" is joined to it with "=" (${option}=-…)` : `${option} needs a value`;
}

/** `help [COMMAND]`: the usage of the command line, or of one command, on standard output. */
function help(args: readonly string[], io: Io): number {
  const [topic] = args;
  if (topic === undefined || topic.startsWith('-')) {
    io.stdout(`${USAGE.main}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, topic)) {
    const near = closest(topic, Object.keys(COMMANDS));
    io.stderr(`gov-disclosure-report help: unknown command "${printable(topic)}"${near ? `; did you mean ${near}?` : ' (try --help)'}\n`);
    return 2;
  }
  io.stdout(`${USAGE[topic as keyof typeof COMMANDS]}\n`);
  return 0;
}

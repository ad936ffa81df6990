/**
 * The command line: picks the command, answers --help and --version, and
 * turns every failure into a one-line message and an exit status, never a
 * stack trace.
 */
import pkg from '../../package.json' with { type: 'json' };
import { deadline, parse, render, schema, UsageError, validate } from './commands.js';
import { InputError, type Io } from './io.js';
import { USAGE } from './usage.js';

const COMMANDS = { validate, render, parse, schema, deadline } as const;

/** Runs the command line with `argv` (without the program name) and returns the exit status. */
export function main(argv: readonly string[], io: Io): number {
  const [name, ...args] = argv;
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? (name as keyof typeof COMMANDS) : undefined;
  if (args.includes('--version') || name === '--version' || name === '-v') {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (args.includes('--help') || args.includes('-h') || name === undefined || name === '--help' || name === '-h') {
    io.stdout(`${USAGE[command ?? 'main']}\n`);
    return name === undefined ? 2 : 0;
  }
  if (!command) {
    io.stderr(`gov-disclosure-report: unknown command "${name}" (try --help)\n`);
    return 2;
  }
  try {
    return COMMANDS[command](args, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (usage || error instanceof InputError) {
      io.stderr(`gov-disclosure-report ${command}: ${(error as Error).message.split('\n')[0]}${usage ? ' (try --help)' : ''}\n`);
      return 2;
    }
    io.stderr(`gov-disclosure-report ${command}: internal error: ${(error as Error).message}\n`);
    return 2;
  }
}

/**
 * The command line: picks the command, answers --help and --version, and
 * turns every failure into a one-line message and an exit status, never a
 * stack trace.
 */
import pkg from '../../package.json' with { type: 'json' };
import { replyDeadlineCommand, tally } from './cases.js';
import { deadline, parse, render, schema, UsageError, validate } from './commands.js';
import { InputError, printable, type Io } from './io.js';
import { USAGE } from './usage.js';

const COMMANDS = { validate, render, parse, schema, deadline, tally, 'reply-deadline': replyDeadlineCommand } as const;

/** Runs the command line with `argv` (without the program name) and returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
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
    io.stderr(`gov-disclosure-report: unknown command "${printable(name)}" (try --help)\n`);
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
    if (usage || error instanceof InputError) {
      io.stderr(`gov-disclosure-report ${command}: ${printable((error as Error).message.split('\n')[0]!)}${usage ? ' (try --help)' : ''}\n`);
      return 2;
    }
    io.stderr(`gov-disclosure-report ${command}: internal error: ${printable(String((error as Error)?.message).split('\n')[0]!)}\n`);
    return 2;
  }
}

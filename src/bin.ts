#!/usr/bin/env node
/**
 * The gov-disclosure-report command.
 *
 * @example
 * ```sh
 * npx gov-disclosure-report validate reports/ --locale en
 * ```
 *
 * @module
 */

// Before anything is loaded: the command needs Node.js 20.12 (util.styleText). An older Node is told in one
// line, exit 2, rather than failing with a SyntaxError and exit 1 (which means "a report has errors").
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(`gov-disclosure-report: needs Node.js 20.12 or later; this is Node.js ${process.versions.node}\n`);
  process.exit(2);
}

// What a dependency says on the console (pdf.js warns with console.log) goes to standard error: standard
// output holds only what the command prints, so --json output is always valid JSON.
for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;

const { failureReason, nodeIo } = await import('./cli/io.js');
const { forcedColor, withColor } = await import('./cli/color.js');
const { main } = await import('./cli/main.js');

// Output that cannot be written (a full disk, a reader that stopped early as `| head` does) ends the run: one line, exit 2.
process.stdout.on('error', (error) => {
  process.stderr.write(`gov-disclosure-report: cannot write the output: ${failureReason(error)}\n`);
  process.exit(2);
});
// With standard error gone too there is no one to tell.
process.stderr.on('error', () => process.exit(2));
// The build writes the JSON Schemas to schema/ at the package root, beside dist/ (and src/), and the script of
// the --jobs worker threads beside this one.
// FORCE_COLOR (set, and not 0) colours even a pipe, as CI logs want; it wins over NO_COLOR, as in Node.js itself.
const io = withColor(nodeIo(new URL('../schema/', import.meta.url), new URL('./worker.js', import.meta.url)), forcedColor(process.env));
try {
  process.exitCode = await main(process.argv.slice(2), io);
} finally {
  io.flush?.();
}

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
import { failureReason, nodeIo } from './cli/io.js';
import { main } from './cli/main.js';

// Output that cannot be written (a full disk, a reader that stopped early as `| head` does) ends the run: one line, exit 2.
process.stdout.on('error', (error) => {
  process.stderr.write(`gov-disclosure-report: cannot write the output: ${failureReason(error)}\n`);
  process.exit(2);
});
// With standard error gone too there is no one to tell.
process.stderr.on('error', () => process.exit(2));
// The build writes the JSON Schemas to schema/ at the package root, beside dist/ (and src/).
process.exitCode = await main(process.argv.slice(2), nodeIo(new URL('../schema/', import.meta.url)));

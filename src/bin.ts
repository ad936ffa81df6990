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
import { nodeIo } from './cli/io.js';
import { main } from './cli/main.js';

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// The build writes the JSON Schemas to schema/ at the package root, beside dist/ (and src/).
process.exitCode = await main(process.argv.slice(2), nodeIo(new URL('../schema/', import.meta.url)));

/**
 * Builds the package once before the tests: the command line, the shipped
 * JSON Schemas and the browser build are tested as users get them.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

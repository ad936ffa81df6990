/**
 * Builds the package once before the tests: the command line, the shipped
 * JSON Schemas and the browser build are tested as users get them.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  // The second pass of .ci/run, in another time zone, tests the build of the first.
  if (process.env.GDR_TESTS_BUILT === '1') return;
  execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

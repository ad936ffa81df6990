import type { Finding } from '../validate/finding.js';
import { paint } from './io.js';

const MARK = { error: '✖', warning: '!', info: 'i' } as const;
const STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** One finding as two lines: mark, severity, code and path; then the message with its labels and values. */
export function findingLines(f: Finding, color: boolean): string {
  const head = `${MARK[f.severity]} ${f.severity.padEnd(7)} ${f.code}`;
  const values = f.expected !== undefined || f.actual !== undefined ? `  [expected ${f.expected ?? '—'}, actual ${f.actual ?? '—'}]` : '';
  return `  ${paint(color, STYLE[f.severity], head)} ${paint(color, 'dim', f.path || '/')}\n      ${f.message}${paint(color, 'dim', values)}\n`;
}

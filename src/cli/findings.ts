import type { Finding } from '../validate/finding.js';
import { paint, printable } from './io.js';

const MARK = { error: '✖', warning: '!', info: 'i' } as const;
const STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** One finding as two lines: mark, severity, code and path; then the message with its labels and values. */
export function findingLines(f: Finding, color: boolean): string {
  const head = `${MARK[f.severity]} ${f.severity.padEnd(7)} ${f.code}`;
  const show = (v: number | string) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  const values = [f.expected !== undefined && `expected ${show(f.expected)}`, f.actual !== undefined && `actual ${show(f.actual)}`].filter(Boolean);
  const tail = values.length > 0 ? printable(`  [${values.join(', ')}]`) : '';
  const path = printable(f.path || '/');
  return `  ${paint(color, STYLE[f.severity], head)} ${paint(color, 'dim', path)}\n      ${printable(f.message)}${paint(color, 'dim', tail)}\n`;
}

/**
 * Human format (actionlint style): `file:line:col: message [code]`, the source line with a caret
 * under the offending node, and the hint. Colour is chosen by the caller (chalk level).
 */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export type LineSource = (file: string, line: number) => string | undefined;

export function formatText(diagnostics: readonly Diagnostic[], lines: LineSource, chalk: ChalkInstance): string {
  return diagnostics.map((d) => formatOne(d, lines, chalk)).join('');
}

function formatOne(d: Diagnostic, lines: LineSource, chalk: ChalkInstance): string {
  const r = d.range;
  const where = r ? `${r.file}:${r.line}:${r.column}` : '';
  const severity = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
  let out = `${chalk.bold(where ? `${where}: ` : '')}${severity}: ${d.message} ${chalk.gray(`[${d.code}]`)}\n`;
  const line = r ? lines(r.file, r.line) : undefined;
  if (r && line !== undefined) {
    const gutter = String(r.line);
    const { text, column } = snippetWindow(line, r.column);
    const width = r.endLine === r.line ? Math.max(1, r.endColumn - r.column) : Math.max(1, line.length - r.column + 1);
    const carets = Math.max(1, Math.min(width, 80, text.length - column + 1));
    out += `${chalk.gray(`${gutter} |`)} ${text}\n`;
    out += `${' '.repeat(gutter.length)} ${chalk.gray('|')} ${' '.repeat(Math.max(0, column - 1))}${chalk.green('^' + '~'.repeat(carets - 1))}\n`;
  }
  if (d.hint) out += `  ${chalk.cyan('hint:')} ${d.hint}\n`;
  return out;
}

/** Widest source line shown in full; a longer one (minified JSON, deep nesting) is cut around the column. */
const SNIPPET_WIDTH = 120;

/** The part of a long line around `column` (1-based), with `…` where it was cut, and the column in it. */
export function snippetWindow(line: string, column: number): { text: string; column: number } {
  if (line.length <= SNIPPET_WIDTH) return { text: line, column };
  const start = Math.max(0, Math.min(column - 1 - 40, line.length - SNIPPET_WIDTH));
  const end = start + SNIPPET_WIDTH;
  const text = `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  return { text, column: column - start + (start > 0 ? 1 : 0) };
}

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
  const text = r ? lines(r.file, r.line) : undefined;
  if (r && text !== undefined) {
    const gutter = String(r.line);
    const width = r.endLine === r.line ? Math.max(1, r.endColumn - r.column) : Math.max(1, text.length - r.column + 1);
    out += `${chalk.gray(`${gutter} |`)} ${text}\n`;
    out += `${' '.repeat(gutter.length)} ${chalk.gray('|')} ${' '.repeat(Math.max(0, r.column - 1))}${chalk.green('^' + '~'.repeat(Math.max(0, Math.min(width, 80) - 1)))}\n`;
  }
  if (d.hint) out += `  ${chalk.cyan('hint:')} ${d.hint}\n`;
  return out;
}

/**
 * GitHub Actions workflow commands (`::error file=F,line=L,col=C,...::message`), which the runner
 * turns into annotations on the pull request's diff. Data and property values are escaped as the
 * runner's command parser expects (%, CR, LF; plus `:` and `,` inside properties).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(annotation).join('');
}

export function annotation(d: Pick<Diagnostic, 'severity' | 'message' | 'hint' | 'range'> & { code: string }): string {
  const properties: string[] = [];
  const r = d.range;
  if (r) {
    properties.push(`file=${escapeProperty(r.file.replace(/\\/g, '/'))}`, `line=${r.line}`, `col=${r.column}`);
    if (r.endLine !== r.line) properties.push(`endLine=${r.endLine}`);
    else if (r.endColumn > r.column) properties.push(`endColumn=${r.endColumn}`);
  }
  properties.push(`title=${escapeProperty(`kft ${d.code}`)}`);
  const message = d.hint ? `${d.message} [${d.code}]\n${d.hint}` : `${d.message} [${d.code}]`;
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message)}\n`;
}

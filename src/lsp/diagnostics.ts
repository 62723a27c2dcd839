/**
 * kft's diagnostics as LSP diagnostics: the same code, message, range and hint as `kft validate`
 * prints (the hint on a line of its own, as the CLI prints it), grouped by the file they are in —
 * a problem inside a component file lands in that file, not in the spec that uses it.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const SOURCE = 'kft';

/** What the LSP diagnostic carries for code actions (LSP clients hand `data` back unchanged). */
export interface DiagnosticData {
  readonly hint?: string;
}

const HINT_PREFIX = '\nhint: ';

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = d.hint ? { hint: d.hint } : {};
  return {
    range: d.range ? { start: { line: d.range.line - 1, character: d.range.column - 1 }, end: { line: d.range.endLine - 1, character: d.range.endColumn - 1 } } : START,
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: SOURCE,
    message: d.hint ? `${d.message}${HINT_PREFIX}${d.hint}` : d.message,
    data,
  };
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The hint of a diagnostic kft published (from `data`, or from its message for clients that drop `data`). */
export function hintOf(d: LspDiagnostic): string | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (typeof data?.hint === 'string') return data.hint;
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  const at = message.indexOf(HINT_PREFIX);
  return at >= 0 ? message.slice(at + HINT_PREFIX.length) : undefined;
}

/** The message without the hint line. */
export function messageOf(d: LspDiagnostic): string {
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  const at = message.indexOf(HINT_PREFIX);
  return at >= 0 ? message.slice(0, at) : message;
}

/**
 * Diagnostics by the file they are in (absolute paths). Diagnostics without a place belong to the
 * spec. `specPath` is the spec's own path, as it was given to the check.
 */
export function byFile(diagnostics: readonly Diagnostic[], specPath: string): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>([[specPath, []]]);
  for (const d of diagnostics) {
    const file = d.range?.file ?? specPath;
    let list = out.get(file);
    if (!list) out.set(file, (list = []));
    list.push(toLspDiagnostic(d));
  }
  return out;
}

/** A key identifying a diagnostic's content and place (to merge the same problem found via two specs). */
export const diagnosticKey = (d: LspDiagnostic): string => `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${typeof d.message === 'string' ? d.message : d.message.value}`;

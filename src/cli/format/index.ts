/**
 * The diagnostics formats of `--format`, one module each; this picks one. The chosen formatter
 * (and chalk, for text) is imported only when there is something to print: a clean `kft build`
 * loads none of them (start-up cost, docs/performance.md).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LineSource } from './text.js';

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface FormatContext {
  readonly lines: LineSource;
  /** Whether the text format may colour its output (the caller decides: TTY, NO_COLOR, --no-color). */
  readonly color: boolean;
  readonly version: string;
}

/** Whether a format is for programs (it then prints even when there are no diagnostics). */
export const isMachineFormat = (format: DiagnosticFormat): boolean => format === 'json' || format === 'sarif';

export async function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, context: FormatContext): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).formatJson(diagnostics);
    case 'sarif':
      return (await import('./sarif.js')).formatSarif(diagnostics, context.version);
    case 'github':
      return (await import('./github.js')).formatGithub(diagnostics);
    case 'text': {
      const [{ formatText }, { Chalk }] = await Promise.all([import('./text.js'), import('chalk')]);
      return formatText(diagnostics, context.lines, new Chalk({ level: context.color ? 1 : 0 }));
    }
  }
}

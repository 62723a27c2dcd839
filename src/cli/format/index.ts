/** The diagnostics formats of `--format`, one module each; this picks one. */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText, type LineSource } from './text.js';

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface FormatContext {
  readonly lines: LineSource;
  readonly chalk: ChalkInstance;
  readonly version: string;
}

/** Whether a format is for programs (it then prints even when there are no diagnostics). */
export const isMachineFormat = (format: DiagnosticFormat): boolean => format === 'json' || format === 'sarif';

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, context.version);
    case 'github':
      return formatGithub(diagnostics);
    case 'text':
      return formatText(diagnostics, context.lines, context.chalk);
  }
}

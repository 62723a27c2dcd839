/** Machine-readable diagnostics: a JSON array of the plain diagnostic objects. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export const formatJson = (diagnostics: readonly Diagnostic[]): string => JSON.stringify(diagnostics, null, 2) + '\n';

/**
 * A file's content from a host (bytes or text) → its text, or a `file-encoding` diagnostic at the
 * line and column of the first byte that is not text (encoding.ts decodes).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeBytes } from './encoding.js';

export function fileText(file: string, content: Uint8Array | string): { text: string } | { diagnostic: Diagnostic } {
  if (typeof content === 'string') return { text: content };
  const decoded = decodeBytes(content);
  if ('text' in decoded) return decoded;
  const { message, textBefore, offset } = decoded.error;
  const line = 1 + (textBefore.match(/\n/g)?.length ?? 0);
  const column = offset - (textBefore.lastIndexOf('\n') + 1) + 1;
  return {
    diagnostic: {
      code: 'file-encoding',
      severity: 'error',
      message,
      hint: 'Save the file as UTF-8 (or convert it, e.g. `iconv -f latin1 -t utf-8`).',
      range: { file, line, column, endLine: line, endColumn: column + 1 },
    },
  };
}

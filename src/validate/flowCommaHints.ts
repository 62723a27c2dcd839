/**
 * A comma inside a flow mapping separates entries: `{msg: hello, world}` is `msg: hello` and a
 * second key `world` (without value), and `{msg: Hi, {{params.name}}}` makes `{{params.name}}` a
 * nested mapping used as a key (which the reader refuses, with the same hint). YAML reads the first
 * without complaint, so the user sees an unknown input or field named after a piece of the value.
 * When such a diagnostic points at a key that follows a comma in a flow mapping and has no value,
 * its hint says to quote the value (parse/flowCommaHint.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { flowCommaHint } from '../parse/flowCommaHint.js';
import type { SourceDocument } from '../parse/sourceDocument.js';

const CODES: ReadonlySet<string> = new Set(['unknown-field', 'unknown-input']);

export function withFlowCommaHints(diagnostics: Diagnostic[], docs: readonly SourceDocument[]): Diagnostic[] {
  if (!diagnostics.some((d) => CODES.has(d.code))) return diagnostics;
  return diagnostics.map((d) => {
    // A close match ("Did you mean 'retries'?") is the likelier fix.
    if (!CODES.has(d.code) || !d.range || d.hint?.startsWith('Did you mean')) return d;
    const doc = docs.find((x) => x.file === d.range!.file);
    const hint = doc && flowCommaHint(doc.lineText(d.range.line), d.range.column - 1);
    return hint ? { ...d, hint } : d;
  });
}

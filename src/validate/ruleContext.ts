/** What a validation rule sees, and how it reports. */
import { catalogue, type DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecModel } from '../model/specModel.js';
import type { Pointer } from '../parse/pointer.js';
import type { SourceDocument } from '../parse/sourceDocument.js';

export interface Report {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint?: string;
  readonly doc: SourceDocument;
  readonly pointer: Pointer;
  /** Point at the mapping key instead of the value (e.g. an unknown argument name). */
  readonly atKey?: boolean;
  /** Point at these characters of the string value (e.g. one {{...}} reference in it). */
  readonly within?: { readonly offset: number; readonly length: number };
}

export interface RuleContext {
  readonly model: SpecModel;
  report(report: Report): void;
}

export interface Rule {
  readonly name: string;
  (context: RuleContext): void;
}

export function toDiagnostic(r: Report): Diagnostic {
  return {
    code: r.code,
    severity: catalogue[r.code].severity,
    message: r.message,
    hint: r.hint || undefined,
    range: r.atKey ? r.doc.keyRangeOf(r.pointer) : r.within ? r.doc.rangeWithin(r.pointer, r.within.offset, r.within.offset + r.within.length) : r.doc.rangeOf(r.pointer),
  };
}

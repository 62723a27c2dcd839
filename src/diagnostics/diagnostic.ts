/**
 * Diagnostics are plain data (graphql-js style): the core returns them, the CLI presents them.
 * Lines and columns are 1-based, as editors and `file:line:col` consumers expect.
 */
import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** How to fix it, in one sentence. */
  readonly hint?: string;
  /** Where; absent only for problems that have no place in a file (e.g. an unreadable file). */
  readonly range?: SourceRange;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Stable order for output: by file, position, then code. */
export const sortDiagnostics = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  [...diagnostics].sort((a, b) => {
    const fa = a.range?.file ?? '';
    const fb = b.range?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.range?.line ?? 0;
    const lb = b.range?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.range?.column ?? 0;
    const cb = b.range?.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });

/** Collects diagnostics up to a cap, so a hopeless file does not flood the terminal. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  private dropped = 0;
  constructor(private readonly cap = 200) {}

  add(diagnostic: Diagnostic): void {
    if (this.items.length < this.cap) this.items.push(diagnostic);
    else this.dropped++;
  }

  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.add(d);
  }

  get droppedCount(): number {
    return this.dropped;
  }

  toArray(): Diagnostic[] {
    return sortDiagnostics(this.items);
  }
}

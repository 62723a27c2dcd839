/**
 * A parsed document that keeps a source position for every node (actionlint style): the plain
 * value goes to ajv and the rules, while positions are looked up by JSON Pointer.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { parentPointer, type Pointer } from './pointer.js';

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export class SourceDocument {
  private lineStarts: number[] | undefined;

  constructor(
    /** The path shown in diagnostics (as the user gave it). */
    readonly file: string,
    readonly text: string,
    readonly value: unknown,
    private readonly valueRanges: ReadonlyMap<Pointer, OffsetRange>,
    private readonly keyRanges: ReadonlyMap<Pointer, OffsetRange>,
  ) {}

  /** Range of the value at `pointer`, or of its nearest ancestor that has one. */
  rangeOf(pointer: Pointer): SourceRange | undefined {
    for (let p: Pointer | undefined = pointer; p !== undefined; p = parentPointer(p)) {
      const r = this.valueRanges.get(p);
      if (r) return this.toSourceRange(r);
    }
    return undefined;
  }

  /** Range of the mapping key that holds `pointer` (falls back to the value's range). */
  keyRangeOf(pointer: Pointer): SourceRange | undefined {
    const r = this.keyRanges.get(pointer);
    return r ? this.toSourceRange(r) : this.rangeOf(pointer);
  }

  /** The 1-based line of text, for snippets. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const end = starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }

  private toSourceRange(r: OffsetRange): SourceRange {
    const a = this.position(r.start);
    const b = this.position(Math.max(r.start, r.end));
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.getLineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  private getLineStarts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

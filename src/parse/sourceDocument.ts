/**
 * A parsed document that keeps a source position for every node (actionlint style): the plain
 * value goes to ajv and the rules, while positions are looked up by JSON Pointer.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';
import type { NodePositions, OffsetRange } from './nodePositions.js';
import { parentPointer, segmentsOf, type Pointer } from './pointer.js';

export type { OffsetRange } from './nodePositions.js';

export class SourceDocument {
  private lineStarts: number[] | undefined;

  constructor(
    /** The path shown in diagnostics (as the user gave it). */
    readonly file: string,
    readonly text: string,
    readonly value: unknown,
    /** Where each value and key is in `text`. */
    readonly positions: NodePositions,
  ) {}

  /** Range of the value at `pointer`, or of its nearest ancestor that has one. */
  rangeOf(pointer: Pointer): SourceRange | undefined {
    for (let p: Pointer | undefined = pointer; p !== undefined; p = parentPointer(p)) {
      const r = this.positions.valueRange(p);
      if (r) return this.toSourceRange(r);
    }
    return undefined;
  }

  /**
   * Range of the characters [start, end) of the string value at `pointer` (e.g. one {{...}}
   * reference inside an argument). Exact where the source spells the value out character for
   * character on one line: a plain scalar, or a quoted one without escapes. Elsewhere (block and
   * folded scalars, escapes, line breaks) source and value offsets differ, so it falls back to the
   * whole value's range.
   */
  rangeWithin(pointer: Pointer, start: number, end: number): SourceRange | undefined {
    const r = this.positions.valueRange(pointer);
    if (!r) return this.rangeOf(pointer);
    const source = this.text.slice(r.start, r.end);
    const quote = source[0] === '"' || source[0] === "'" ? source[0] : '';
    const inner = quote && source.endsWith(quote) && source.length >= 2 ? source.slice(1, -1) : quote ? undefined : source;
    const value = this.valueAt(pointer);
    // Equal texts mean every character is spelled out as itself (an escape, a quote doubled or a
    // folded line break would make them differ), so offsets carry over.
    if (inner === undefined || inner !== value) return this.toSourceRange(r);
    const base = r.start + quote.length;
    return this.toSourceRange({ start: base + start, end: base + Math.min(end, inner.length) });
  }

  /** Range of the mapping key that holds `pointer` (falls back to the value's range). */
  keyRangeOf(pointer: Pointer): SourceRange | undefined {
    const r = this.positions.keyRange(pointer);
    return r ? this.toSourceRange(r) : this.rangeOf(pointer);
  }

  private valueAt(pointer: Pointer): unknown {
    let value: unknown = this.value;
    for (const token of segmentsOf(pointer)) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[token];
    }
    return value;
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

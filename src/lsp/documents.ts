/**
 * Offsets and LSP positions. LSP counts lines and UTF-16 code units from 0, as JavaScript strings
 * index them; kft's diagnostics count both from 1.
 */
import type { Location, Position, Range } from 'vscode-languageserver/node';
import type { SourceDocument } from '../parse/sourceDocument.js';
import { lineStarts } from './cursor.js';

/** The offset of an LSP position in `text` (clamped to the text). */
export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line]!;
  const end = position.line + 1 < starts.length ? starts[position.line + 1]! - 1 : text.length;
  return Math.min(start + Math.max(0, position.character), end);
}

/** The LSP range of offsets [start, end) of a parsed document. */
export function rangeIn(doc: SourceDocument, start: number, end: number): Range {
  const a = doc.position(start);
  const b = doc.position(Math.max(start, end));
  return { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } };
}

/** The LSP range of offsets [start, end) of a text. */
export function rangeOfText(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** A location in a parsed document; `uriOf` gives the URI of its file. */
export function locationIn(doc: SourceDocument, start: number, end: number, uriOf: (path: string) => string): Location {
  return { uri: uriOf(doc.file), range: rangeIn(doc, start, end) };
}

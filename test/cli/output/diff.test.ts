import { describe, expect, it } from 'vitest';
import { shortDiff, staleFileDiff } from '../../../src/cli/output/diff.js';

describe('shortDiff', () => {
  it('is empty for equal texts', () => {
    expect(shortDiff('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('shows a changed line with context', () => {
    expect(shortDiff('a\nb\nc\nd\ne\n', 'a\nb\nX\nd\ne\n')).toEqual(['@@ line 1 @@', '  a', '  b', '- c', '+ X', '  d', '  e']);
  });

  it('keeps separate hunks apart and aligns insertions', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n');
    const after = ['1', 'new', '2', '3', '4', '5', '6', '7', '8', '9 changed', '10'].join('\n');
    expect(shortDiff(before, after, { context: 1 })).toEqual(['@@ line 1 @@', '  1', '+ new', '  2', '@@ line 8 @@', '  8', '- 9', '+ 9 changed', '  10']);
  });

  it('caps long changes', () => {
    const before = Array.from({ length: 40 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 40 }, (_, i) => `new ${i}`).join('\n');
    const lines = shortDiff(before, after, { maxLines: 4 });
    expect(lines.filter((l) => /^[-+] /.test(l))).toHaveLength(4);
    expect(lines.at(-1)).toBe('… 76 more changed lines');
  });
});

describe('staleFileDiff: differences a diff does not show are named', () => {
  it('CRLF line endings: compared without them, and said', () => {
    expect(staleFileDiff('a\r\nb\r\n', 'a\nc\n', { context: 0 })).toEqual(['@@ line 2 @@', '- b', '+ c', '(the file has CRLF (Windows) line endings; kft writes LF, and compares without them)']);
  });

  it('a byte order mark alone: no diff lines, one note', () => {
    expect(staleFileDiff('\uFEFFa\n', 'a\n')).toEqual(['(the file starts with a byte order mark (U+FEFF), which kft does not write)']);
  });

  it('trailing whitespace and a missing final newline', () => {
    expect(staleFileDiff('a \nb', 'a\nb\n', { context: 0 })).toEqual(['@@ line 1 @@', '- a ', '+ a', '@@ line 3 @@', '+ ', '(some lines differ only in trailing whitespace)', '(the file does not end with a newline)']);
  });

  it('an ordinary change has no note', () => {
    expect(staleFileDiff('a\nx\n', 'b\nx\n', { context: 0 })).toEqual(['@@ line 1 @@', '- a', '+ b']);
  });
});

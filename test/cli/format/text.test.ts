/**
 * The text format's source snippet: a line longer than 120 characters (minified JSON, nesting
 * thousands of levels deep) is shown as a window around the column, never whole.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { formatText, snippetWindow } from '../../../src/cli/format/text.js';

const plain = new Chalk({ level: 0 });
const diagnostic = (line: number, column: number, endColumn: number): Diagnostic => ({ code: 'input-limit', severity: 'error', message: 'm', range: { file: 'f.yaml', line, column, endLine: line, endColumn } });

describe('snippetWindow', () => {
  it('keeps a line of up to 120 characters whole', () => {
    expect(snippetWindow('x'.repeat(120), 100)).toEqual({ text: 'x'.repeat(120), column: 100 });
  });

  it('cuts a long line around the column, marking each cut side with …', () => {
    const line = `${'a'.repeat(1000)}X${'b'.repeat(1000)}`;
    const w = snippetWindow(line, 1001);
    expect(w.text).toBe(`…${'a'.repeat(40)}X${'b'.repeat(79)}…`);
    expect(w.text[w.column - 1]).toBe('X');
    expect(snippetWindow(line, 3)).toEqual({ text: `${'a'.repeat(120)}…`, column: 3 });
    const end = snippetWindow(line, line.length);
    expect(end.text.endsWith('b')).toBe(true);
    expect(end.text[end.column - 1]).toBe('b');
  });
});

describe('formatText', () => {
  it('shows a 200,000-character line as a window, with the caret under the column', () => {
    const line = '['.repeat(100_000) + ']'.repeat(100_000);
    const out = formatText([diagnostic(1, 132, 133)], () => line, plain);
    const [, source, caret] = out.split('\n');
    expect(source!.length).toBeLessThan(130);
    // 40 characters of context before the column, after the gutter and the cut mark.
    expect(source!.startsWith(`1 | …${'['.repeat(40)}`)).toBe(true);
    expect(caret!.indexOf('^')).toBe('1 | …'.length + 40);
    expect(out.length).toBeLessThan(400);
  });

  it('keeps carets within the window', () => {
    const out = formatText([diagnostic(1, 1, 5000)], () => 'k'.repeat(5000), plain);
    expect(out.split('\n')[2]).toBe(`  | ^${'~'.repeat(79)}`);
  });
});

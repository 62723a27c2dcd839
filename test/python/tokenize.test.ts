/** src/python/tokenize.ts: CPython's token stream (the kinds and positions kft relies on). */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/python/tokenize.js';

const kinds = (text: string) => tokenize(text).map((t) => (t.type === 'OP' || t.type === 'NAME' || t.type === 'NUMBER' || t.type === 'STRING' || t.type === 'COMMENT' ? `${t.type}:${t.text}` : t.type));

describe('tokenize', () => {
  it('gives logical lines, indentation and comments as CPython does', () => {
    expect(kinds('def f(a,\n      b):  # c\n    return a\n\n# end\n')).toEqual([
      'NAME:def', 'NAME:f', 'OP:(', 'NAME:a', 'OP:,', 'NL', 'NAME:b', 'OP:)', 'OP::', 'COMMENT:# c', 'NEWLINE',
      'INDENT', 'NAME:return', 'NAME:a', 'NEWLINE', 'NL', 'COMMENT:# end', 'NL', 'DEDENT', 'ENDMARKER',
    ]);
  });

  it('reads strings of every prefix, triple-quoted ones over lines, and numbers', () => {
    expect(kinds("x = rb'\\'' + f\"{a}\" + '''a\nb''' + 1_0.5e-3j\n").filter((k) => k.startsWith('STRING') || k.startsWith('NUMBER'))).toEqual([
      "STRING:rb'\\''", 'STRING:f"{a}"', "STRING:'''a\nb'''", 'NUMBER:1_0.5e-3j',
    ]);
    const t = tokenize("s = '''a\nb'''\ny = 1\n").find((x) => x.text === 'y')!;
    expect([t.line, t.col]).toEqual([3, 0]);
  });

  it('ends with an error token that says why', () => {
    expect(tokenize("x = 'open\n").at(-1)).toMatchObject({ type: 'ERRORTOKEN', error: 'unterminated string literal', line: 1, col: 4 });
    expect(tokenize('f(a]\n').at(-1)).toMatchObject({ type: 'ERRORTOKEN', error: "closing parenthesis ']' does not match opening parenthesis '('" });
    expect(tokenize('if x:\n    a\n  b\n').at(-1)).toMatchObject({ type: 'ERRORTOKEN', error: 'unindent does not match any outer indentation level' });
  });
});

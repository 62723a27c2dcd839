import { describe, expect, it } from 'vitest';
import { GENERIC_SYNTAX_HINT, syntaxHint } from '../../src/parse/syntaxHints.js';
import { compileText } from '../specs.js';

describe('syntaxHint', () => {
  it('tells to quote values in flow collections', () => {
    expect(syntaxHint('BLOCK_IN_FLOW', 'Block collections are not allowed within flow collections')).toMatch(/quote a value that holds them \(msg: 'a: b'/);
    expect(syntaxHint('BAD_INDENT', 'Flow map in block collection must be sufficiently indented and end with a }')).toMatch(/^Close the \{ with \}/);
    expect(syntaxHint('BAD_INDENT', 'Flow sequence in block collection must be sufficiently indented and end with a ]')).toMatch(/^Close the \[ with \]/);
  });

  it('falls back to the generic hint', () => {
    expect(syntaxHint('BAD_INDENT', 'All mapping items must start at the same column')).toBe(GENERIC_SYNTAX_HINT);
    expect(syntaxHint('SOMETHING_ELSE', 'x')).toBe(GENERIC_SYNTAX_HINT);
  });

  it('is the hint of a yaml-syntax diagnostic', () => {
    const result = compileText('apiVersion: kft.dev/v1alpha1\nspec: {tasks: {t: {arguments: {msg: a: b}}}}\n');
    expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([['yaml-syntax', syntaxHint('BLOCK_IN_FLOW', '')]]);
  });
});

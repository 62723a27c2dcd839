/**
 * yamlText writes any manifest so that a YAML reader gets back exactly the same value: strings of
 * every shape (blanks, line breaks, indicators, unicode) in map values, list items and keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blockUnsafe, yamlText } from '../../src/emit/yamlText.js';

const tricky = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', 'x', '#', ':', '-', '"', "'", '|', '>', '{', '}', '[', '&', '*', '!', '%', '@', '`', '\\', '\r', '\u0085', '\u2028', '\ufeff', 'é', '😀', '0', '.'), maxLength: 8 });

describe('yamlText', () => {
  it('writes blank-only multi-line strings quoted (a block scalar would lose the blanks)', () => {
    expect(blockUnsafe(' \n')).toBe(true);
    expect(blockUnsafe('a\n')).toBe(false);
    expect(yamlText({ a: { b: ' \n' } })).toMatch(/^a:\n {2}b: ".*"\n$/);
    expect(parse(yamlText({ a: { b: ' \n' } }))).toEqual({ a: { b: ' \n' } });
    expect(parse(yamlText({ a: [' \n\t\n'] }))).toEqual({ a: [' \n\t\n'] });
  });

  it('keeps the block form for ordinary multi-line strings', () => {
    expect(yamlText({ script: 'echo hi\nexit 0\n' })).toBe('script: |\n  echo hi\n  exit 0\n');
  });

  it('round-trips any string as a value, a list item and a key', () => {
    fc.assert(
      fc.property(tricky, tricky, (s, k) => {
        const value = { a: { b: s }, list: [s, { c: s }], [k]: s };
        expect(parse(yamlText(value))).toEqual(value);
      }),
      { numRuns: 800 },
    );
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        // Compared as JSON, which does not tell -0 from 0.
        expect(JSON.stringify(parse(yamlText(value)))).toBe(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  });
});

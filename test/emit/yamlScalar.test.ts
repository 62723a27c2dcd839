/**
 * Scalars as the yaml library writes them: plain where a reader gets the same string back, quoted
 * (single only for text with double quotes and no single ones) or a literal block otherwise; numbers
 * in their shortest form with YAML's names for the non-finite ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberScalar, stringScalar } from '../../src/emit/yamlScalar.js';
import { anyString } from './yamlArbitraries.js';
import { oracleYamlText } from './yamlOracle.js';


describe('stringScalar', () => {
  it('writes plain what reads back as a string, and quotes the rest', () => {
    expect(stringScalar('$(params.x)', '    ', false)).toBe('$(params.x)');
    expect(stringScalar('yes', '    ', false)).toBe('yes');
    expect(stringScalar('true', '    ', false)).toBe('"true"');
    expect(stringScalar('1_000', '    ', false)).toBe('1_000');
    expect(stringScalar('012', '    ', false)).toBe('"012"');
    expect(stringScalar('', '    ', false)).toBe('""');
    expect(stringScalar('"hi" she said', '    ', false)).toBe(`'"hi" she said'`);
    expect(stringScalar("it's: x", '    ', false)).toBe(`"it's: x"`);
    expect(stringScalar('tab\there\u0001', '    ', false)).toBe('"tab\\there\\x01"');
  });

  it('writes multi-line text as a literal block with chomping and indentation indicators', () => {
    expect(stringScalar('a\nb\n', '    ', false)).toBe('|\n    a\n    b'); // the line break after b ends the entry
    expect(stringScalar('a\nb', '    ', false)).toBe('|-\n    a\n    b');
    expect(stringScalar('a\n\n', '    ', false)).toBe('|+\n    a\n');
    expect(stringScalar('  a\nb', '    ', false)).toBe('|2-\n      a\n    b');
    expect(stringScalar('a\nb', '    ', true)).toBe('"a\\nb"');
  });

  it('quotes document markers in top-level keys only', () => {
    expect(stringScalar('--- x', '  ', true)).toBe('"--- x"');
    expect(stringScalar('--- x', '    ', true)).toBe('--- x');
  });

  it('agrees with the yaml library on word-like strings (the fast path for plain scalars)', () => {
    const unit = fc.constantFrom('a', 'n', 'u', 'l', 't', 'r', 'e', 'N', 'T', 'F', 'f', 's', ' ', ':', '#', '$', '(', ')', '.', '-', '/', '\\', '=', '%', '---', 'é', '\u0080', '\u00a0', '\u2028', '\ud83d');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.constantFrom('', 'x', 'null', 'True'), (s, prefix) => {
        const text = prefix + s;
        const expected = oracleYamlText({ [text]: { [text]: text } });
        expect(`${stringScalar(text, '  ', true)}:\n  ${stringScalar(text, '    ', true)}: ${stringScalar(text, '    ', false)}\n`).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the yaml library on any string as a nested value and key', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        fc.pre(!s.includes('\n') || !/^[ \t\n]*$/.test(s));
        const expected = oracleYamlText({ a: { b: { [s]: s } } });
        const k = stringScalar(s, '    ', true);
        const v = stringScalar(s, '      ', false);
        const text = `a:\n  b:\n    ${k.length > 1024 ? `? ${k}\n    :` : `${k}:`}${v[0] === '\n' ? '' : ' '}${v}\n`;
        expect(text).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numberScalar', () => {
  it('writes numbers as yaml does', () => {
    for (const n of [0, -0, 1, -1.5, 1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53]) {
      expect(`n: ${numberScalar(n)}\n`).toBe(oracleYamlText({ n }));
    }
  });
});

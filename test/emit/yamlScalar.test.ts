/**
 * Scalars as the reference writes them (test/emit/yamlOracle.ts: the yaml library with YAML 1.1's
 * schema as `compat`, plus what Kubernetes' go-yaml and PyYAML need beyond it): plain where every
 * reader gets the same string back, quoted (single only for text with double quotes and no single
 * ones) or a literal block otherwise; numbers in their shortest form with YAML's names for the
 * non-finite ones. Which strings get quoted is checked against models of the readers
 * (test/emit/yamlResolvers.ts); yamlText.readers.test.ts checks the real ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { numberScalar, stringScalar } from '../../src/emit/yamlScalar.js';
import { readsAsOtherThanString } from '../../src/util/yaml11.js';
import { anyString, readerString } from './yamlArbitraries.js';
import { kftConservative, oracleYamlText } from './yamlOracle.js';
import { goYamlNotString, pyYamlNotString, someReaderNotString, yamlPackageNotString } from './yamlResolvers.js';

/** The yaml library (YAML 1.2 core schema) would write this string as a plain scalar in a block map value. */
const plainForCore = (s: string): boolean => stringify({ k: s }, { lineWidth: 0 }) === `k: ${s}\n`;

describe('stringScalar', () => {
  it('writes plain what reads back as a string, and quotes the rest', () => {
    expect(stringScalar('$(params.x)', '    ', false)).toBe('$(params.x)');
    expect(stringScalar('true', '    ', false)).toBe('"true"');
    expect(stringScalar('012', '    ', false)).toBe('"012"');
    expect(stringScalar('', '    ', false)).toBe('""');
    expect(stringScalar('"hi" she said', '    ', false)).toBe(`'"hi" she said'`);
    expect(stringScalar("it's: x", '    ', false)).toBe(`"it's: x"`);
    expect(stringScalar('tab\there\u0001', '    ', false)).toBe('"tab\\there\\x01"');
  });

  it('quotes what YAML 1.1 readers (Kubernetes, PyYAML) take for something else, as keys and values', () => {
    const notStrings = [
      'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', // booleans
      '~', 'null', 'Null', 'NULL', '', '<<', '=', // null, merge key, PyYAML's value key
      '0b101', '-0b1', '0b-1', '0B1', '0o17', '0O17', '0x1F', '0X1F', '0777', '09', '1_000', '1__0_', '+1', '1_', '0x_', // integers
      '.5', '5.', '.', '-.', '1e3', '1E-3', 'e5', '.e5', '1_.5', '.5_5', '+.inf', '.NaN', '99999999999999999999', // floats
      '1:20', '-1:20', '190:20:30.15', '80:59', '12:30:00', // base 60
      '2001-12-14', '2001-1-2', '2001-12-14 21:59:43.10', '2001-12-14T21:59:43.10Z', '2001-12-14t21:59:43.10-05:00', // timestamps
    ];
    for (const s of notStrings) {
      expect(readsAsOtherThanString(s), s).toBe(true);
      expect(stringScalar(s, '    ', false), s).toBe(JSON.stringify(s));
      expect(stringScalar(s, '    ', true), s).toBe(JSON.stringify(s));
    }
    // Conservative: no reader reads these as anything else today; kft quotes them all the same.
    for (const s of ['0x1p-2', '+Inf', '-Infinity', '2001-12-14 backup']) expect(stringScalar(s, '    ', false), s).toBe(JSON.stringify(s));
    // PyYAML cannot read a tab inside a plain scalar; YAML 1.1 takes NEL, U+2028 and U+2029 for line breaks.
    expect(stringScalar('a\tb', '    ', false)).toBe('"a\\tb"');
    expect(stringScalar('a\u0085b\u2028c\u2029d\ufeffe\u007f', '    ', false)).toBe('"a\\Nb\\Lc\\Pd\\ufeffe\\x7f"');
  });

  it('keeps ordinary strings plain', () => {
    const ordinary = [
      'python:3.7', 'alpine:3.19', 'busybox', '1Gi', '100m', '0.5Gi', '1.2.3', 'v1.2', '$(params.x)', '$(tasks.a.results.b)', 'sh', '-c', '--flag=1',
      'echo hello', 'a:b', 'nope', 'yess', 'offset', 'None', 'inf', 'NaN', 'Infinity', '_1', '_0', '_0x1', '1-2', '2001-12', '2001/12/14', '8080:80', 'x=1', '<', 'e', 'e2e',
    ];
    for (const s of ordinary) expect(stringScalar(s, '    ', false), s).toBe(s);
    // The differential reference agrees (it once took `_0` for a number kft quotes to be safe).
    for (const s of ordinary) expect(kftConservative(s) || oracleYamlText({ s }) !== `s: ${s}\n`, s).toBe(false);
  });  it('writes multi-line text as a literal block with chomping and indentation indicators', () => {
    expect(stringScalar('a\nb\n', '    ', false)).toBe('|\n    a\n    b'); // the line break after b ends the entry
    expect(stringScalar('a\nb', '    ', false)).toBe('|-\n    a\n    b');
    expect(stringScalar('a\n\n', '    ', false)).toBe('|+\n    a\n');
    expect(stringScalar('  a\nb', '    ', false)).toBe('|2-\n      a\n    b');
    expect(stringScalar('a\nb', '    ', true)).toBe('"a\\nb"');
    // go-yaml refuses a tab where it is still looking for the block's indentation.
    expect(stringScalar('\tx\ny', '    ', false)).toBe('|2-\n    \tx\n    y');
    expect(stringScalar('\n\tx\n', '    ', false)).toBe('|2\n    \n    \tx');
  });

  it('quotes document markers in top-level keys only', () => {
    expect(stringScalar('--- x', '  ', true)).toBe('"--- x"');
    expect(stringScalar('--- x', '    ', true)).toBe('--- x');
  });

  it('agrees with the reference on word-like strings (the fast path for plain scalars)', () => {
    const unit = fc.constantFrom('a', 'n', 'u', 'l', 't', 'r', 'e', 'N', 'T', 'F', 'f', 's', 'y', 'Y', 'o', 'O', 'E', '5', '<', '~', ' ', ':', '#', '$', '(', ')', '.', '-', '/', '\\', '=', '%', '---', 'é', '\u0080', '\u00a0', '\u2028', '\ufeff', '\uffff', '\ud83d', '\t');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.constantFrom('', 'x', 'null', 'True'), (s, prefix) => {
        const text = prefix + s;
        const expected = oracleYamlText({ [text]: { [text]: text } });
        expect(`${stringScalar(text, '  ', true)}:\n  ${stringScalar(text, '    ', true)}: ${stringScalar(text, '    ', false)}\n`).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on any string as a nested value and key', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, readerString), (s) => {
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
  it('writes numbers as yaml does, with a dot before an exponent', () => {
    for (const n of [0, -0, 1, -1.5, 1e-7, 1.5e-7, 1e21, 2.5e300, NaN, Infinity, -Infinity, 2 ** 53]) {
      expect(`n: ${numberScalar(n)}\n`).toBe(oracleYamlText({ n }).replace('"n"', 'n'));
    }
    expect(numberScalar(1e21)).toBe('1.0e+21'); // PyYAML reads 1e+21 as a string
    expect(numberScalar(1.5e-7)).toBe('1.5e-7');
  });
});

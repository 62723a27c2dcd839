/**
 * src/python/kfpYaml.ts: PyYAML's emitter as kfp configures it. Exact texts for the forms kfp's
 * component.yaml files take (goldens in component.test.ts cover whole files); any document it
 * writes reads back as the same data under YAML 1.1 rules (strings stay strings).
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kfpDumpYaml, resolvesAsNonString, type YamlValue } from '../../src/python/kfpYaml.js';

describe('kfpDumpYaml', () => {
  it('puts collections of plain scalars in flow style, others in block style', () => {
    expect(kfpDumpYaml({ inputs: [{ name: 'a', type: 'Float' }, { name: 'y', default: 'no' }], args: [] })).toBe(
      'inputs:\n- {name: a, type: Float}\n- name: "y"\n  default: "no"\nargs: []\n',
    );
  });

  it('quotes what would not read back as a string, and writes program text as a literal block', () => {
    expect(kfpDumpYaml({ a: '10', b: '----x', c: '', d: 'multi\nline\n', e: 'null', f: 'x: y' })).toBe("a: '10'\nb: '----x'\nc: ''\nd: |\n  multi\n  line\ne: 'null'\nf: 'x: y'\n");
  });

  it('folds long flow text at 80 columns and escapes non-ASCII in double quotes', () => {
    const text = kfpDumpYaml({ x: [`${'word '.repeat(20)}end`, 'Grüß'] });
    expect(text).toBe("x: [word word word word word word word word word word word word word word word word\n    word word word word end, \"Gr\\xFC\\xDF\"]\n");
  });

  // The yaml package's YAML 1.1 schema reads some plain scalars as numbers that PyYAML reads as
  // strings ('1e3', '.': PyYAML's floats need a digit, a '.' and a signed exponent); kfp writes
  // those plain. Strings on which the two readers disagree are left out of the round trip.
  const readersAgree = (s: string): boolean => {
    try {
      return typeof parse(s, { version: '1.1', logLevel: 'silent' }) === 'string' || resolvesAsNonString(s);
    } catch {
      return true;
    }
  };
  const pyYamlString = fc.string().filter(readersAgree);
  const scalar = fc.oneof(pyYamlString, fc.constantFrom('yes', 'No', '~', '0x1F', '1.5e+3', '2001-12-14', '- a', '#x', 'a: b', ' lead', 'trail ', 'x\n', '\n\ny', 'é\u2028'), fc.boolean());
  const data: fc.Arbitrary<YamlValue> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter(readersAgree), tie('node'), { maxKeys: 4 })),
  })).node as fc.Arbitrary<YamlValue>;

  it('reads back as the same data (YAML 1.1)', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter(readersAgree), data, { maxKeys: 5 }), (doc) => {
      expect(parse(kfpDumpYaml(doc), { version: '1.1' })).toEqual(doc);
    }), { numRuns: 300 });
  });
});

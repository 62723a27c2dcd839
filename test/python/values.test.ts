/** src/python/values.ts: literal evaluation and the texts CPython makes of values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionParser } from '../../src/python/expressions.js';
import { tokenize } from '../../src/python/tokenize.js';
import { evaluate, floatRepr, jsonDumps, pyRepr, pyStr, strRepr } from '../../src/python/values.js';

const value = (source: string) => {
  const tokens = tokenize(source).filter((t) => t.type !== 'NL' && t.type !== 'COMMENT');
  return evaluate(new ExpressionParser(tokens, 0).expression());
};

describe('evaluate', () => {
  it('reads Python literals as Python does', () => {
    expect(pyStr(value('0x1F'))).toBe('31');
    expect(pyStr(value('1_000.5'))).toBe('1000.5');
    expect(pyStr(value('-7 // 2'))).toBe('-4');
    expect(pyStr(value('-7 % 3'))).toBe('2');
    expect(pyStr(value('2 ** 100'))).toBe('1267650600228229401496703205376');
    expect(pyStr(value("'a' 'b' \"c\""))).toBe('abc');
    expect(pyStr(value("'tab\\there\\x41\\u00e9\\101'"))).toBe('tab\thereAéA');
    expect(pyStr(value("r'raw\\n'"))).toBe('raw\\n');
    expect(pyRepr(value("{'a': 1, 'a': 2, 1: 'x', True: 'y'}"))).toBe("{'a': 2, 1: 'y'}");
  });

  it('refuses what needs Python to evaluate', () => {
    expect(() => value('os.getcwd()')).toThrow(/not a literal/);
    expect(() => value("f'{x}'")).toThrow(/f-strings/);
    expect(() => value("'\\N{BULLET}'")).toThrow(/N\{/);
  });
});

describe('Python texts', () => {
  it('repr of floats: shortest round trip, Python\'s exponent rules', () => {
    expect([1.0, 0.1, 1e-4, 1e-5, 1e16, 1e15, 123456789.125, -0.0, 1e300, Infinity].map(floatRepr)).toEqual(['1.0', '0.1', '0.0001', '1e-05', '1e+16', '1000000000000000.0', '123456789.125', '-0.0', '1e+300', 'inf']);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(Number(floatRepr(x)), x) || (x === 0 && Number(floatRepr(x)) === 0)));
  });

  it('repr of strings picks quotes and escapes as CPython', () => {
    expect(strRepr("it's")).toBe('"it\'s"');
    expect(strRepr('say "hi" it\'s')).toBe("'say \"hi\" it\\'s'");
    expect(strRepr('a\nb\t\x01é\u200b😀')).toBe("'a\\nb\\t\\x01é\\u200b😀'");
  });

  it('json.dumps with sort_keys and ensure_ascii', () => {
    expect(jsonDumps(value("{'b': [1, 2.0, None, True], 'a': 'é\"'}"))).toBe('{"a": "\\u00e9\\"", "b": [1, 2.0, null, true]}');
    expect(jsonDumps(value('(1, 2)'))).toBe('[1, 2]');
    expect(() => jsonDumps(value("{'a': 1, 2: 3}"))).toThrow();
    expect(() => jsonDumps(value('{1, 2}'))).toThrow();
    fc.assert(fc.property(fc.string(), (s) => JSON.parse(jsonDumps({ type: 'str', value: s })) === s));
  });
});

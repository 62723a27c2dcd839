/**
 * yamlText writes exactly the bytes of the reference (test/emit/yamlOracle.ts: the yaml library with
 * YAML 1.1's schema as `compat`, plus kft's quoting for Kubernetes' and PyYAML's readers), and so any
 * manifest reads back as the same value: strings of every shape (blanks, line breaks, indicators, unicode) in
 * map values, list items and keys, nested and empty collections, numbers, booleans, null.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { blockUnsafe, yamlStream, yamlText } from '../../src/emit/yamlText.js';
import { anyString, document, jsonLike } from './yamlArbitraries.js';
import { oracleYamlText } from './yamlOracle.js';

/** The value as a YAML reader gets it back: undefined list items are null, undefined map values absent. */
function asRead(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, (v) => (v === undefined ? null : asRead(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) Object.defineProperty(out, k, { value: asRead(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
const readsBack = (text: string, value: unknown): boolean => isDeepStrictEqual(parse(text), asRead(value));

/**
 * The writer's text is the reference's, byte for byte; it may differ only where the library's text
 * does not read back as the value and the writer's does (yaml 2.9.1 escapes a blank between two
 * folded line breaks twice, which reads as a backslash).
 */
function expectLibraryText(value: unknown): void {
  const ours = yamlText(value);
  const theirs = oracleYamlText(value);
  if (ours === theirs) return;
  expect(readsBack(theirs, value), `library text reads back:\n${theirs}\nours:\n${ours}`).toBe(false);
  expect(readsBack(ours, value), ours).toBe(true);
}

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

  it('writes lists under a key without extra indentation, and empty collections in flow style', () => {
    const value = { spec: { tasks: [{ name: 'a', params: [] }, { name: 'b', runAfter: ['a'], when: {} }], empty: [], none: {} } };
    const text = 'spec:\n  tasks:\n  - name: a\n    params: []\n  - name: b\n    runAfter:\n    - a\n    when: {}\n  empty: []\n  none: {}\n';
    expect(yamlText(value)).toBe(text);
    expect(oracleYamlText(value)).toBe(text);
  });

  it('quotes strings a reader would take for something else, YAML 1.1 readers (Kubernetes, PyYAML) included', () => {
    const value = { a: 'true', b: '012', c: '1e5', d: '0x1F', e: '.inf', f: 'null', g: '', h: '- x', i: 'a: b', j: "it's", k: 'say "hi"', l: 'yes', n: 'Off', y: '1_000', z: '2001-12-14' };
    expect(yamlText(value)).toBe(oracleYamlText(value));
    expect(parse(yamlText(value))).toEqual(value);
    expect(parse(yamlText(value), { version: '1.1' })).toEqual(value);
    expect(yamlText(value)).toContain('l: "yes"\n"n": "Off"\n"y": "1_000"\nz: "2001-12-14"\n');
  });

  it('writes a key over 1,024 characters as an explicit key, as yaml does', () => {
    const value = { ['k'.repeat(1100)]: ['x'], short: { ['y '.repeat(600)]: 'v' } };
    expect(yamlText(value)).toBe(oracleYamlText(value));
    expect(yamlText(value)).toMatch(/^\? k+\n: - x\n/);
    expect(parse(yamlText(value))).toEqual(value);
  });

  it('escapes a blank between two folded line breaks once (yaml 2.9.1 writes a backslash there)', () => {
    const s = ' \n'.repeat(14) + '\n';
    expect(readsBack(oracleYamlText({ k: s }), { k: s })).toBe(false);
    expect(yamlText({ k: s })).toBe(`k: "\\ \n\n${'  \\ \n\n'.repeat(13)}  \\n"\n`);
    expect(parse(yamlText({ k: s }))).toEqual({ k: s });
  });

  it('folds double-quoted line breaks from 40 characters of JSON on, as yaml does', () => {
    for (let n = 30; n < 45; n++) {
      for (const s of ['\u0001' + 'x'.repeat(n) + '\nb', ' \n'.repeat(n / 3) + '\n', '\t' + 'y'.repeat(n) + '\n \n\n z\n']) {
        const value = { k: s, l: [s], [s]: 1, m: { n: s } };
        expectLibraryText(value);
        expect(parse(yamlText(value))).toEqual(value);
      }
    }
  });

  it('writes documents separated by --- lines', () => {
    expect(yamlStream([{ a: 1 }, { b: [2] }])).toBe('a: 1\n---\nb:\n- 2\n');
    expect(yamlStream([])).toBe('');
  });

  it('leaves data it does not model to the yaml library (dates, class instances)', () => {
    const value = { at: new Date(0), list: [new Map([['k', 'v']])] };
    expect(yamlText(value)).toBe(oracleYamlText(value));
  });

  it('writes exactly the reference text, for any JSON-like document', () => {
    fc.assert(
      fc.property(document, (value) => {
        expectLibraryText(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes exactly the reference text, for any top-level value', () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        fc.pre(value !== undefined);
        expectLibraryText(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes any string exactly as the reference does, as a value, a list item and a key, at every depth', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const value = { [s]: s, a: { [s]: s, b: [s, [s], { [s]: [s] }] }, list: [{ [s]: { [s]: s } }] };
        expectLibraryText(value);
        expectLibraryText(s);
      }),
      { numRuns: 3000 },
    );
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

/**
 * fastYaml: the one-pass reader must agree with the yaml library (readWithYamlLibrary, the
 * reference) on every document it accepts — same value, same key order, same position for every
 * value and key — and must give up on everything else. Checked on random documents written in the
 * styles specs use (block and flow collections, quoted and plain scalars that look like numbers,
 * booleans or nulls, comments, blank lines, anchors and aliases) and on random YAML-ish and hostile
 * text (test/parse/yamlArbitraries.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePlain, readFastYaml } from '../../src/parse/fastYaml.js';
import { defaultReadLimits, readWithYamlLibrary, type ReadLimits } from '../../src/parse/readYaml.js';
import { hostileDocument, specStyleDocument, yamlishText } from './yamlArbitraries.js';

/** Empty when the fast reader gave up or agrees with the library; else what differs. */
function disagreement(text: string, limits: ReadLimits = defaultReadLimits): string[] {
  const fast = readFastYaml(text, limits);
  if (!fast) return [];
  const slow = readWithYamlLibrary('f.yaml', text, limits);
  if (!slow.document) return [`the library rejects it: ${slow.diagnostics.map((d) => d.message).join('; ')}`];
  const problems: string[] = [];
  const value = slow.document.value;
  if (!isDeepStrictEqual(fast.value, value) || JSON.stringify(fast.value) !== JSON.stringify(value)) problems.push(`value ${JSON.stringify(fast.value)} != ${JSON.stringify(value)}`);
  for (const kind of ['value', 'key'] as const) {
    const ours = new Map(fast.positions.entries(kind));
    const theirs = new Map(slow.document.positions.entries(kind));
    for (const [pointer, r] of theirs) {
      const o = ours.get(pointer);
      if (o?.start !== r.start || o?.end !== r.end) problems.push(`${kind} ${pointer}: ${JSON.stringify(o)} != ${JSON.stringify(r)}`);
      // Looked up by pointer (as diagnostics do), the fast reader's positions say the same.
      const looked = kind === 'value' ? fast.positions.valueRange(pointer) : fast.positions.keyRange(pointer);
      if (looked?.start !== r.start || looked?.end !== r.end) problems.push(`${kind} lookup ${pointer}: ${JSON.stringify(looked)} != ${JSON.stringify(r)}`);
    }
    for (const pointer of ours.keys()) if (!theirs.has(pointer)) problems.push(`${kind} ${pointer} is extra`);
  }
  return problems;
}

/** FAST_YAML_RUNS=50000 for a longer search. */
const RUNS = Number(process.env.FAST_YAML_RUNS ?? 1500);

describe('readFastYaml', () => {
  it('reads the spec subset: values and positions', () => {
    const r = readFastYaml('a:\n  b: [x, {c: 1}]\n  "d/e": y  # note\nlist:\n- 1\n- k: v\n  m: \n', defaultReadLimits)!;
    expect(r.value).toEqual({ a: { b: ['x', { c: 1 }], 'd/e': 'y' }, list: [1, { k: 'v', m: null }] });
    expect(r.positions.valueRange('/a/b/1/c')).toEqual({ start: 16, end: 17 });
    expect(r.positions.keyRange('/a/d~1e')).toEqual({ start: 22, end: 27 });
    expect(r.positions.valueRange('/list/1')).toEqual({ start: 51, end: 61 });
    expect(r.positions.valueRange('/a/x')).toBeUndefined();
    expect(r.positions.valueRange('/list/2')).toBeUndefined();
    expect(r.positions.valueRange('/list/01')).toBeUndefined();
    expect(r.positions.keyRange('/list/0')).toBeUndefined();
    expect(disagreement('a:\n  b: [x, {c: 1}]\n  "d/e": y  # note\nlist:\n- 1\n- k: v\n  m: \n')).toEqual([]);
  });

  it('gives up on what it does not model: tags, block scalars, duplicates, limits, errors, odd anchors', () => {
    const oddAnchors = ['a: *x\n', 'a: &x [*x]\n', 'a: &x\nb: *x\n', '- &a k: v\n', 'a: &x &y 1\n', 'a: &x 1\nb: *x:\n', 'a: &x 1\n*x : 2\n', '&k a: 1\n', 'a: &x !t 1\n'];
    for (const text of [...oddAnchors, 'a: !t 1\n', 'a: |\n  x\n', 'a: 1\na: 2\n', 'a: [1,\n  2]\n', 'a: "x\\n"\n', 'a:\n  # c\n  b: 1\n', 'a: 1\n---\nb: 2\n', '', '# only\n', 'a: b: c\n', 'a:\tb\n']) {
      expect(readFastYaml(text, defaultReadLimits), text).toBeUndefined();
    }
    expect(readFastYaml('[[[[x]]]]', { ...defaultReadLimits, maxDepth: 2 })).toBeUndefined();
    expect(readFastYaml('[a, b, c, d]', { ...defaultReadLimits, maxNodes: 3 })).toBeUndefined();
  });

  it('keeps __proto__ an own data property', () => {
    const r = readFastYaml('__proto__: {polluted: 1}\n', defaultReadLimits)!;
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value as object)).toEqual(['__proto__']);
  });

  it('resolves plain scalars as the YAML 1.2 core schema does', () => {
    expect(['~', 'null', 'True', 'FALSE', '0o17', '-12', '0x1F', '-.inf', '.NaN', '1e3', '.5', '1.', 'x', '0x', '1_000'].map(resolvePlain)).toEqual([null, null, true, false, 15, -12, 31, -Infinity, NaN, 1000, 0.5, 1, 'x', '0x', '1_000']);
  });

  it('agrees with the yaml library on random documents written in the spec styles', () => {
    let accepted = 0;
    fc.assert(fc.property(specStyleDocument, (text) => {
      if (readFastYaml(text, defaultReadLimits)) accepted++;
      expect(disagreement(text), text).toEqual([]);
    }), { numRuns: RUNS });
    // The property means little if the reader gave up on everything.
    expect(accepted).toBeGreaterThan(300);
  });

  it('agrees with the yaml library (or gives up) on random YAML-ish text', () => {
    fc.assert(fc.property(yamlishText, (text) => {
      expect(disagreement(text), JSON.stringify(text)).toEqual([]);
    }), { numRuns: 2 * RUNS });
  });

  it('agrees with the yaml library (or gives up) on hostile documents', () => {
    fc.assert(fc.property(hostileDocument, (text) => {
      expect(disagreement(text), JSON.stringify(text)).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('reads anchors and aliases: a copy per alias, positions of the anchored node below the alias', () => {
    const text = 'a: &x {k: [1, 2]}\nb: *x\nc: [*x, &y z, *y]\n';
    const r = readFastYaml(text, defaultReadLimits)!;
    expect(r.value).toEqual({ a: { k: [1, 2] }, b: { k: [1, 2] }, c: [{ k: [1, 2] }, 'z', 'z'] });
    const v = r.value as { a: object; b: object };
    expect(v.b).not.toBe(v.a);
    expect(r.positions.valueRange('/b')).toEqual({ start: 21, end: 23 });
    expect(r.positions.valueRange('/b/k/1')).toEqual({ start: 14, end: 15 });
    expect(disagreement(text)).toEqual([]);
    // An alias counts the nodes of its anchor again: a bomb is left to the library's limit.
    expect(readFastYaml('a: &x [1, 2, 3]\nb: [*x, *x, *x]\n', { ...defaultReadLimits, maxNodes: 10 })).toBeUndefined();
    expect(readFastYaml('a: &x [[1]]\nb: [[*x]]\n', { ...defaultReadLimits, maxDepth: 3 })).toBeUndefined();
  });
});

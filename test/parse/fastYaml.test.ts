/**
 * fastYaml: the one-pass reader must agree with the yaml library (readWithYamlLibrary, the
 * reference) on every document it accepts — same value, same key order, same position for every
 * value and key — and must give up on everything else. Checked on random documents written in the
 * styles specs use (block and flow collections, quoted and plain scalars that look like numbers,
 * booleans or nulls, comments, blank lines) and on random YAML-ish text.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePlain, readFastYaml } from '../../src/parse/fastYaml.js';
import { defaultReadLimits, readWithYamlLibrary, type ReadLimits } from '../../src/parse/readYaml.js';
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

const SCALARS = ['a', 'b c', 'x:y', 'a#b', 'null', 'Null', '~', 'true', 'False', 'TRUE', '0', '-0', '+1', '12', '0x1F', '0o17', '1e3', '.5', '1.0', '-.inf', '.NaN', '---', '<<', '__proto__', 'constructor', '{{params.p}}', '{{tasks.t.outputs.o}} == x', '$(x)', '-c', 'é😀', 'a - b', "it's", 'say "hi"', '1:2', 'a,b', '[x]', '?', ':', '', ' '];

const scalarText = fc.constantFrom(...SCALARS);

/** A scalar written plain, double- or single-quoted (plain may be invalid: then the reader gives up). */
const scalar = fc.tuple(scalarText, fc.integer({ min: 0, max: 2 })).map(([s, style]) =>
  style === 0 ? s : style === 1 ? `"${s}"` : `'${s.replaceAll("'", "''")}'`);

interface Tree { kind: 'map' | 'seq' | 'scalar'; text?: string; entries?: [string, Tree][]; items?: Tree[] }

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((text): Tree => ({ kind: 'scalar', text })),
    fc.array(fc.tuple(scalar, tie('node')), { maxLength: 4 }).map((entries): Tree => ({ kind: 'map', entries })),
    fc.array(tie('node'), { maxLength: 4 }).map((items): Tree => ({ kind: 'seq', items })),
  ),
})).node;

const decoration = fc.record({ flow: fc.boolean(), comment: fc.boolean(), blank: fc.boolean(), step: fc.integer({ min: 1, max: 3 }), trailing: fc.boolean() });
type Decoration = typeof decoration extends fc.Arbitrary<infer D> ? D : never;

function flow(t: Tree): string {
  if (t.kind === 'scalar') return t.text!;
  if (t.kind === 'seq') return `[${t.items!.map(flow).join(', ')}]`;
  return `{${t.entries!.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
}

/** Lines of a block node at `indent`; decorations are drawn from `d` in turn. */
function block(t: Tree, indent: number, d: Decoration[], at: { i: number }): string[] {
  const next = () => d[at.i++ % d.length]!;
  const pad = ' '.repeat(indent);
  const tail = (x: Decoration) => (x.comment ? '  # note' : x.trailing ? '  ' : '');
  const inline = (v: Tree, x: Decoration): string | undefined =>
    v.kind === 'scalar' ? v.text : x.flow || (v.kind === 'map' ? v.entries!.length === 0 : v.items!.length === 0) ? flow(v) : undefined;
  const out: string[] = [];
  if (t.kind === 'scalar' || (t.kind === 'map' && t.entries!.length === 0) || (t.kind === 'seq' && t.items!.length === 0)) return [`${pad}${flow(t)}`];
  const entries: [string | undefined, Tree][] = t.kind === 'map' ? t.entries! : t.items!.map((v) => [undefined, v]);
  for (const [key, value] of entries) {
    const x = next();
    const lead = key === undefined ? `${pad}-` : `${pad}${key}:`;
    const text = inline(value, x);
    if (text !== undefined) out.push(`${lead} ${text}${tail(x)}`);
    else if (key === undefined && value.kind === 'map' && !x.comment) {
      const lines = block(value, indent + 2, d, at);
      out.push(`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
    } else out.push(`${lead}${x.trailing ? ' ' : ''}`, ...block(value, indent + (value.kind === 'seq' && key !== undefined && x.step === 1 ? 0 : x.step), d, at));
    if (x.blank) out.push('');
  }
  return out;
}

const document = fc.tuple(tree, fc.array(decoration, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean()).map(([t, d, header, newline]) => {
  const lines = block(t, 0, d, { i: 0 });
  return (header ? '# header\n\n' : '') + lines.join('\n') + (newline ? '\n' : '');
});

/** FAST_YAML_RUNS=50000 for a longer search. */
const RUNS = Number(process.env.FAST_YAML_RUNS ?? 1500);

const FRAGMENTS = ['a', 'b', 'k', '1', ':', ': ', ' ', '  ', '\n', '- ', '-', '[', ']', '{', '}', ', ', '#', ' #c', '"', "'", 'null', '&x ', '*x', '!t ', '|', '>', '? ', '---', '\\', '\t', '\r\n', '~', '0x1'];

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

  it('gives up on what it does not model: anchors, tags, block scalars, duplicates, limits, errors', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !t 1\n', 'a: |\n  x\n', 'a: 1\na: 2\n', 'a: [1,\n  2]\n', 'a: "x\\n"\n', 'a:\n  # c\n  b: 1\n', 'a: 1\n---\nb: 2\n', '', '# only\n', 'a: b: c\n', 'a:\tb\n']) {
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
    fc.assert(fc.property(document, (text) => {
      if (readFastYaml(text, defaultReadLimits)) accepted++;
      expect(disagreement(text), text).toEqual([]);
    }), { numRuns: RUNS });
    // The property means little if the reader gave up on everything.
    expect(accepted).toBeGreaterThan(300);
  });

  it('agrees with the yaml library (or gives up) on random YAML-ish text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(disagreement(text), JSON.stringify(text)).toEqual([]);
    }), { numRuns: 2 * RUNS });
  });
});

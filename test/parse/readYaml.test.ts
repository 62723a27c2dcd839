import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/parse/readYaml.js';

const codes = (r: ReturnType<typeof readYaml>) => r.diagnostics.map((d) => `${d.range?.line}:${d.range?.column} ${d.code}`);

describe('readYaml', () => {
  it('records the position of every value and key by JSON pointer', () => {
    const { document } = readYaml('f.yaml', 'a:\n  b: [x, {c: 1}]\n  "d/e": y\n');
    expect(document?.value).toEqual({ a: { b: ['x', { c: 1 }], 'd/e': 'y' } });
    expect(document?.rangeOf('/a/b/1/c')).toMatchObject({ line: 2, column: 14 });
    expect(document?.keyRangeOf('/a/b')).toMatchObject({ line: 2, column: 3 });
    expect(document?.rangeOf('/a/d~1e')).toMatchObject({ line: 3, column: 10 });
    // A pointer below a scalar falls back to its nearest ancestor.
    expect(document?.rangeOf('/a/b/0/nothing')).toMatchObject({ line: 2, column: 7 });
  });

  it('keeps __proto__ as inert data', () => {
    const { document } = readYaml('f.yaml', '__proto__: {polluted: true}\n');
    expect(Object.keys(document?.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads JSON too', () => {
    expect(readYaml('f.json', '{"a": [1, 2]}').document?.value).toEqual({ a: [1, 2] });
  });

  it('reports syntax errors, duplicate keys (naming the key), empty files and several documents', () => {
    expect(codes(readYaml('f.yaml', 'a: [1, 2\n'))).toEqual(['2:1 yaml-syntax']);
    const duplicate = readYaml('f.yaml', 'a: 1\nb: 2\na: 3\n');
    expect(codes(duplicate)).toEqual(['3:1 yaml-duplicate-key']);
    expect(duplicate.diagnostics[0]!.message).toBe("duplicate key 'a' in a mapping");
    expect(codes(readYaml('f.yaml', '# nothing\n'))).toEqual(['1:1 yaml-syntax']);
    expect(codes(readYaml('f.yaml', 'a: 1\n---\nb: 2\n'))).toEqual(['3:1 yaml-syntax']);
  });

  it('rejects alias bombs, deep nesting and oversized input instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(readYaml('f.yaml', bomb, { maxBytes: 1e6, maxNodes: 1000, maxDepth: 50 }).diagnostics.map((d) => d.code)).toEqual(['input-limit']);
    expect(readYaml('f.yaml', '['.repeat(20) + ']'.repeat(20), { maxBytes: 1e6, maxNodes: 1e6, maxDepth: 10 }).diagnostics.map((d) => d.code)).toEqual(['input-limit']);
    expect(readYaml('f.yaml', 'a: 1234567890\n', { maxBytes: 5, maxNodes: 10, maxDepth: 10 }).diagnostics.map((d) => d.code)).toEqual(['input-limit']);
  });
});

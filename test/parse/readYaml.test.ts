/**
 * readYaml: positions by pointer, syntax errors, and its limits on hostile YAML: oversized input, alias expansion ("billion
 * laughs"), deep nesting, and keys that name Object.prototype members. Each limit must give one
 * clear `input-limit` diagnostic, never a crash, a hang or a polluted prototype.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { defaultReadLimits, readYaml } from '../../src/parse/readYaml.js';

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

const codeList = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

/** The classic exponential alias bomb: each level references the previous one ten times. */
function billionLaughs(levels: number): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('readYaml limits', () => {
  it('rejects input above maxBytes before parsing it', () => {
    const r = readYaml('big.yaml', 'a: 1\n'.repeat(100), { ...defaultReadLimits, maxBytes: 100 });
    expect(codeList(r)).toEqual(['input-limit']);
    expect(r.diagnostics[0]!.message).toMatch(/the limit is 100/);
    expect(r.document).toBeUndefined();
  });

  it('rejects a billion-laughs alias bomb quickly with input-limit', () => {
    const start = performance.now();
    const r = readYaml('bomb.yaml', billionLaughs(9));
    expect(performance.now() - start).toBeLessThan(5000);
    expect(codeList(r)).toEqual(['input-limit']);
    expect(r.diagnostics[0]!.message).toMatch(/alias expansion/);
    expect(r.diagnostics[0]!.range?.line).toBeGreaterThan(0);
  });

  it('accepts modest alias use within the node limit', () => {
    const r = readYaml('ok.yaml', billionLaughs(2));
    expect(r.diagnostics).toEqual([]);
    expect((r.document!.value as { a2: unknown[][] }).a2[9]).toHaveLength(10);
  });

  it('rejects nesting deeper than maxDepth (flow and block) without a stack overflow', () => {
    const flow = readYaml('deep.yaml', 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n');
    expect(codeList(flow)).toEqual(['input-limit']);
    expect(flow.diagnostics[0]!.message).toMatch(/nesting is .*128/);
    let block = '';
    for (let i = 0; i < 200; i++) block += `${' '.repeat(i)}k${i}:\n`;
    expect(codeList(readYaml('deep.yaml', block + ' '.repeat(200) + 'x\n'))).toEqual(['input-limit']);
  });

  it('accepts nesting up to maxDepth', () => {
    const r = readYaml('deep.yaml', '['.repeat(100) + ']'.repeat(100) + '\n');
    expect(r.diagnostics).toEqual([]);
  });

  it('a self-referencing alias is an error, not an infinite loop', () => {
    const r = readYaml('loop.yaml', 'a: &x [*x]\n');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });

  it('keeps __proto__, constructor and prototype as inert own data', () => {
    const r = readYaml('proto.yaml', '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nnested: {__proto__: [1]}\n');
    const value = r.document!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(r.document!.rangeOf('/__proto__/polluted')?.line).toBe(1);
  });

  it('reports every duplicate key, including keys that differ only in quoting', () => {
    const r = readYaml('dup.yaml', 'a: 1\nb:\n  c: 2\n  c: 3\n"a": 4\n');
    expect(r.diagnostics.map((d) => [d.code, d.range?.line, d.range?.column])).toEqual([
      ['yaml-duplicate-key', 4, 3],
      ['yaml-duplicate-key', 5, 1],
    ]);
  });

  it('checks duplicate keys in linear time (10,000 keys)', () => {
    const text = Array.from({ length: 10000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk5: dup\n';
    const start = performance.now();
    const r = readYaml('many.yaml', text);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(r.diagnostics.map((d) => d.range?.line)).toEqual([10001]);
  });
});

describe('hostile keys end to end', () => {
  it('__proto__ and constructor as task, param, argument and component names are data, never prototype lookups', () => {
    const text = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: proto}
spec:
  params:
    constructor: {type: String, default: c}
  components:
    __proto__:
      inputs: [{name: constructor}, {name: toString}]
      implementation: {container: {image: alpine, command: [echo, {inputValue: constructor}, {inputValue: toString}]}}
  tasks:
    constructor:
      component: __proto__
      arguments: {constructor: "{{params.constructor}}", toString: x}
    hasOwnProperty:
      component: toString
`;
    const result = compile({ path: 'proto.yaml', text });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('internal-error');
    // toString is not a declared component: it must be reported as unknown, not found on Object.prototype.
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toContain("unknown-component task 'hasOwnProperty' uses unknown component 'toString'");
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('compiles a pipeline whose names are prototype member names, with __proto__ as env and annotation keys', () => {
    const text = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: proto}
spec:
  params:
    constructor: {type: String, default: c}
  components:
    constructor:
      inputs: [{name: constructor}]
      outputs: [{name: valueOf}]
      implementation: {container: {image: alpine, command: [echo, {inputValue: constructor}, {outputPath: valueOf}]}}
  tasks:
    constructor: {component: constructor, arguments: {constructor: "{{params.constructor}}"}}
    toString:
      component: constructor
      arguments: {constructor: "{{tasks.constructor.outputs.valueOf}}"}
      env: {__proto__: polluted}
      annotations: {__proto__: polluted}
`;
    const result = compile({ path: 'proto.yaml', text }, { kfpMetadata: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toContain('$(tasks.constructor.results.valueOf)');
    expect(result.text).toMatch(/- name: __proto__\n\s+value: polluted\n/);
    expect(result.text).toMatch(/annotations:\n\s+__proto__: polluted\n/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

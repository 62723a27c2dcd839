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
    expect(codes(readYaml('f.yaml', 'a: 1\n---\nb: 2\n'))).toEqual(['2:1 yaml-syntax']);
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

const at = (r: ReturnType<typeof readYaml>) => r.diagnostics.map((d) => `${d.range?.line}:${d.range?.column} ${d.severity === 'warning' ? 'warning ' : ''}${d.code}`);

describe('aliases', () => {
  it('an alias without an anchor before it is an error at the alias, never null', () => {
    for (const text of ['a: *typo\n', 'p: {default: *typo}\n', 'a: *x\nb: &x 1\n']) {
      const r = readYaml('f.yaml', text);
      expect(r.document, text).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code), text).toEqual(['yaml-bad-alias']);
    }
    const r = readYaml('f.yaml', 'params:\n  p: {type: String, default: *typo}\n');
    expect(at(r)).toEqual(['2:30 yaml-bad-alias']);
    expect(r.diagnostics[0]!.message).toBe('the alias *typo names no anchor before it');
    expect(r.diagnostics[0]!.range).toMatchObject({ endColumn: 35 });
  });

  it('an alias inside the node it names is an error at the alias', () => {
    expect(at(readYaml('f.yaml', 'a: &x\n  b: [1, *x]\n'))).toEqual(['2:10 yaml-bad-alias']);
  });

  it('an alias names the last anchor of its name before it, also one redefined inside the first', () => {
    expect(readYaml('f.yaml', 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n').document?.value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
    expect(readYaml('f.yaml', 'a: &x {k: &x 1}\nb: *x\n').document?.value).toEqual({ a: { k: 1 }, b: 1 });
  });

  it('a diagnostic under an alias points at the alias; below it, into the anchored node', () => {
    const r = readYaml('f.yaml', 'a: &x {k: [1, 2]}\n# a comment line sends this through the library reader\nb: *x\n');
    expect(r.document?.rangeOf('/b')).toMatchObject({ line: 3, column: 4 });
    expect(r.document?.rangeOf('/b/k/1')).toMatchObject({ line: 1, column: 15 });
    expect(r.document?.keyRangeOf('/b/k')).toMatchObject({ line: 1, column: 8 });
  });

  // Both readers expand aliases in time proportional to what they make (bench/aliases.mjs measures
  // it); these sizes took 8 s and 86 s when every alias scanned the whole document.
  it.each([
    ['the fast reader', ''],
    ['the library reader', '# a comment at column 0 is for the library reader\n'],
  ])('reads the issue\'s alias-heavy files with %s', (_, lead) => {
    const list = readYaml('f.yaml', `${lead}a: &a {x: 1}\nlist:\n${'- *a\n'.repeat(16_000)}`);
    expect((list.document?.value as { list: unknown[] }).list).toHaveLength(16_000);
    const tasks = Array.from({ length: 1000 }, (_, i) => `  t${i}:\n    component: c\n    arguments: ${i === 0 ? '&args {a: 1, b: "{{params.p}}"}' : '*args'}\n`).join('');
    const spec = readYaml('f.yaml', `${lead}tasks:\n${tasks}`);
    expect((spec.document?.value as { tasks: Record<string, { arguments: unknown }> }).tasks.t999!.arguments).toEqual({ a: 1, b: '{{params.p}}' });
  });

  it('refuses an expansion past maxNodes at once, at the alias that passes it', () => {
    const r = readYaml('f.yaml', 'a: &a [1, 2, 3, 4]\n#\nb: [*a, *a, *a]\n', { ...defaultReadLimits, maxNodes: 12 });
    expect(at(r)).toEqual(['3:4 input-limit']);
  });
});

describe('keys whose meaning differs between YAML readers', () => {
  it('refuses null and empty keys (yaml reads "", PyYAML None), not the quoted words', () => {
    for (const [text, where] of [['null: 1\n', '1:1'], ['a: 1\n~: 2\n', '2:1'], [': 1\n', '1:1'], ['x:\n  NULL: 1\n', '2:3'], ['{a: 1, null: 2}\n', '1:8']] as const) {
      expect(at(readYaml('f.yaml', text)), text).toEqual([`${where} yaml-unsupported`]);
    }
    expect(readYaml('f.yaml', '"null": 1\n\'~\': 2\n"": 3\n').document?.value).toEqual({ null: 1, '~': 2, '': 3 });
  });

  it('reads an alias used as a key as its anchor\'s scalar (as yaml), refuses collection keys', () => {
    expect(readYaml('f.yaml', 'a: &k name\nm:\n  *k : v\n').document?.value).toEqual({ a: 'name', m: { name: 'v' } });
    expect(at(readYaml('f.yaml', 'a: &k a\nb: 1\n*k : v\n'))).toEqual(['3:1 yaml-duplicate-key']);
    expect(readYaml('f.yaml', 'a: &k a\nb: 1\n*k : v\n').diagnostics[0]!.message).toBe("duplicate key 'a' in a mapping");
    expect(at(readYaml('f.yaml', '? [a, b]\n: 1\n'))).toEqual(['1:3 yaml-unsupported']);
    expect(at(readYaml('f.yaml', 'a: &k [x]\nm: {*k : v}\n'))).toEqual(['2:5 yaml-unsupported']);
  });

  it('writes numbers and booleans as keys as yaml does, and refuses two keys that are one JSON key', () => {
    expect(readYaml('f.yaml', '1: a\n0x10: b\ntrue: c\n1.50: d\n').document?.value).toEqual({ 1: 'a', 16: 'b', true: 'c', '1.5': 'd' });
    expect(at(readYaml('f.yaml', '1: a\n"1": b\n'))).toEqual(['2:1 yaml-duplicate-key']);
  });

  it('merges << keys under %YAML 1.1 as yaml does; under YAML 1.2 << is a plain key', () => {
    const text = '%YAML 1.1\n---\nbase: &b {image: alpine, cpu: 1}\nt:\n  cpu: 2\n  <<: [*b, {mem: 3, image: x}]\n  image: busybox\n';
    const r = readYaml('f.yaml', text);
    expect(r.document?.value).toEqual({ base: { image: 'alpine', cpu: 1 }, t: { cpu: 2, image: 'busybox', mem: 3 } });
    expect(Object.keys((r.document?.value as { t: object }).t)).toEqual(['cpu', 'image', 'mem']);
    expect(r.document?.rangeOf('/t/mem')).toMatchObject({ line: 6, column: 18 });
    expect(readYaml('f.yaml', 'b: &b {x: 1}\nt:\n  <<: *b\n').document?.value).toEqual({ b: { x: 1 }, t: { '<<': { x: 1 } } });
    expect(at(readYaml('f.yaml', '%YAML 1.1\n---\nt:\n  <<: [1]\n'))).toEqual(['4:7 yaml-syntax']);
    expect(at(readYaml('f.yaml', '%YAML 1.1\n---\nt:\n  a: 1\n  <<: {b: 2}\n  a: 3\n'))).toEqual(['6:3 yaml-duplicate-key']);
  });

  it('refuses tags whose value is not JSON data, and tags yaml cannot resolve (it would keep the text)', () => {
    // At the tagged value; at the tag where yaml only warns.
    for (const [text, where] of [
      ['a: !!omap [{x: 1}]\n', '1:11'],
      ['a: !!set {x, y}\n', '1:10'],
      ['a: !!pairs [{x: 1}]\n', '1:12'],
      ['a: !!binary aGk=\n', '1:13'],
      ['a: !!timestamp 2001-12-14\n', '1:16'],
      ['%YAML 1.1\n---\na: 2001-12-14\n', '3:4'],
      ['a: !Ref x\n', '1:4'],
      ['a: !!float 1\n', '1:4'],
      ['a: !!str [1]\n', '1:4'],
    ] as const) {
      expect(at(readYaml('f.yaml', text)), text).toEqual([`${where} yaml-unsupported`]);
    }
    expect(readYaml('f.yaml', '%YAML 1.1\n---\na: 2001-12-14\n').diagnostics[0]!.message).toBe('the value 2001-12-14 reads as a timestamp, which is not JSON data (quote it if it is text)');
    expect(readYaml('f.yaml', 'a: !!str 1\nb: !!int "2"\nc: !!map {x: 1}\nd: ! 3\n').document?.value).toEqual({ a: '1', b: 2, c: { x: 1 }, d: '3' });
  });
});

describe('characters and sizes', () => {
  it('refuses raw control characters YAML forbids, at their position, quoted or not', () => {
    for (const [text, where] of [['a: x\u0000y\n', '1:5'], ['a: "\u001b[0m"\n', '1:5'], ['a: 1\nb: x\u007f\n', '2:5'], ['a: \u009b\n', '1:4'], ['a: \ufffe\n', '1:4'], ['a: \ud800x\n', '1:4'], ['- |\n  \u0007\n', '2:3']] as const) {
      const r = readYaml('f.yaml', text);
      expect(at(r), JSON.stringify(text)).toEqual([`${where} yaml-control-character`]);
    }
    expect(readYaml('f.yaml', 'a: x\u0000y\n').diagnostics[0]!.message).toBe('the text holds the character U+0000 (NUL), which YAML does not allow');
    // Tab, NEL, other printable characters and escapes are fine.
    expect(readYaml('f.yaml', 'a: "x\ty"\nb: \u0085\nc: "\\0\\x7f"\nd: 😀\n').document?.value).toEqual({ a: 'x\ty', b: '\u0085', c: '\u0000\u007f', d: '😀' });
  });

  it('reads past a UTF-8 byte-order mark, counting columns without it', () => {
    const r = readYaml('f.yaml', '\ufeffa: 1\nb: *x\n');
    expect(at(r)).toEqual(['2:4 yaml-bad-alias']);
    expect(readYaml('f.yaml', '\ufeffa: [1]\n').document?.rangeOf('/a/0')).toMatchObject({ line: 1, column: 5 });
  });

  it('counts the size limit in bytes (UTF-8), not characters', () => {
    const cjk = `a: ${'漢'.repeat(40)}\n`; // 44 characters, 124 bytes
    expect(at(readYaml('f.yaml', cjk, { ...defaultReadLimits, maxBytes: 100 }))).toEqual(['1:1 input-limit']);
    expect(readYaml('f.yaml', cjk, { ...defaultReadLimits, maxBytes: 100 }).diagnostics[0]!.message).toBe('input rejected: the file is 124 bytes; the limit is 100');
    expect(readYaml('f.yaml', cjk, { ...defaultReadLimits, maxBytes: 124 }).diagnostics).toEqual([]);
  });

  it('refuses a quoted key over 1,024 characters whichever reader reads the rest of the file', () => {
    const key = `"${'k'.repeat(1100)}": 1\n`;
    for (const rest of ['', 'b: &x 1\nc: *x\n', '# comment\n', 'b:\n  # indented comment\n  c: 1\n']) {
      expect(at(readYaml('f.yaml', key + rest)), rest).toEqual(['1:1 yaml-syntax']);
    }
    expect(readYaml('f.yaml', key.replace(/k{1100}/, 'k'.repeat(1020))).diagnostics).toEqual([]);
    expect(readYaml('f.yaml', key.replace(/k{1100}/, 'k'.repeat(1020)).replace('\n', '\r\n')).diagnostics).toEqual([]);
  });

  it('reports nesting past the limit where it is passed, also where yaml ran out of stack', () => {
    let block = '';
    for (let i = 0; i < 3000; i++) block += `${' '.repeat(i)}k:\n`;
    expect(at(readYaml('deep.yaml', block))).toEqual(['129:129 input-limit']);
    expect(at(readYaml('deep.yaml', 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n'))).toEqual(['1:132 input-limit']);
    expect(at(readYaml('deep.yaml', '- '.repeat(20_000) + 'x\n'))).toEqual(['1:259 input-limit']);
  });
});

describe('lenient reading of component files (as kfp reads them)', () => {
  const component = 'name: q\nimplementation:\n  container:\n    image: alpine\n    command: [\npython3, /prog.py,\n      --host, {inputValue: host}\n    ]\n    args: {a: 1,\nb: 2}\n';

  it('reads a flow collection continued at column 0 with a warning per collection, positions in the original text', () => {
    const r = readYaml('c.yaml', component, defaultReadLimits, { lenient: true });
    expect(r.document?.value).toEqual({ name: 'q', implementation: { container: { image: 'alpine', command: ['python3', '/prog.py', '--host', { inputValue: 'host' }], args: { a: 1, b: 2 } } } });
    expect(at(r)).toEqual(['6:1 warning yaml-nonportable', '10:1 warning yaml-nonportable']);
    expect(r.diagnostics[0]!.message).toBe("this line of the flow sequence opened at 5:14 is indented no deeper than the key that holds it: YAML 1.2 readers refuse that; kfp's reader (PyYAML) and kft read it");
    expect(r.document?.rangeOf('/implementation/container/command/1')).toMatchObject({ line: 6, column: 10, endColumn: 18 });
    expect(r.document?.rangeOf('/implementation/container/command/3/inputValue')).toMatchObject({ line: 7, column: 28 });
    expect(r.document?.keyRangeOf('/implementation/container/args/b')).toMatchObject({ line: 10, column: 1 });
  });

  it('stays strict for specs, and for what the repair does not make valid', () => {
    expect(readYaml('s.yaml', component).diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    expect(readYaml('c.yaml', 'a: [1,\n2\n', defaultReadLimits, { lenient: true }).diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    expect(readYaml('c.yaml', 'a: [1,\n2]: x\n', defaultReadLimits, { lenient: true }).document).toBeUndefined();
  });
});

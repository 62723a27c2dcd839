import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const pass = 'components: {p: {inputs: [{name: i}], outputs: [{name: o}], implementation: {container: {image: alpine, command: [x, {inputValue: i}, {outputPath: o}]}}}}';

describe('NoCycles', () => {
  it('accepts a chain', () => {
    const result = compileText(doc(pass, 'tasks:', '  a: {component: p, arguments: {i: x}}', '  b: {component: p, arguments: {i: "{{tasks.a.outputs.o}}"}}', '  c: {component: p, arguments: {i: x}, after: [b]}'));
    expect(result.diagnostics).toEqual([]);
  });

  it('finds a cycle made of output references and after, reported once at its first task', () => {
    const text = doc(pass, 'tasks:', '  a: {component: p, arguments: {i: "{{tasks.c.outputs.o}}"}}', '  b: {component: p, arguments: {i: "{{tasks.a.outputs.o}}"}}', '  c: {component: p, arguments: {i: x}, after: [b]}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'a: {component: p, arguments: {i: "{{tasks.c')} dependency-cycle`]);
    expect(result.diagnostics[0]!.message).toBe('dependency cycle: a → c → b → a');
  });

  it('finds a cycle into a group (depending on a group is depending on its tasks), past tasks that depend on nothing, through a reference written with spaces', () => {
    const text = doc(pass, 'params: {x: {type: String}}', 'tasks:', '  free: {component: p, arguments: {i: "{{params.x}}"}}', '  g:', '    if: "{{params.x}} == a"', '    tasks:', '      inner: {component: p, arguments: {i: "{{ tasks.last.outputs.o }}"}}', '  last: {component: p, arguments: {i: x}, after: [g]}', '  free2: {component: p, arguments: {i: x}}');
    const result = compileText(text);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['dependency cycle: inner → last → inner']);
  });

  it('reports a cycle closing a chain of 100,000 tasks (the walk does not recurse per link)', () => {
    // t1 reads t2, t2 reads t3, …: a depth-first walk from t1 goes 100,000 links deep before tN's after closes it.
    const n = 100_000;
    const tasks = Array.from({ length: n }, (_, k) => k + 1).map((i) => (i < n ? `  t${i}: {component: p, arguments: {i: "{{tasks.t${i + 1}.outputs.o}}"}}` : `  t${i}: {component: p, arguments: {i: x}, after: [t1]}`));
    const result = compileText(doc(pass, 'tasks:', ...tasks));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['dependency-cycle']);
    expect(result.diagnostics[0]!.message).toMatch(/^dependency cycle: t1 → t2 → t3 → .* → t100000 → t1$/);
  }, 300_000);
});

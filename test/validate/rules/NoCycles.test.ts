import { describe, expect, it } from 'vitest';
import { compileSpec, compileText, doc, locate, where } from '../../specs.js';

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

  it('finds a task reading its own output, and a condition reading a task it guards, as Tekton would', () => {
    const self = compileText(doc(pass, 'tasks:', '  a: {component: p, arguments: {i: "{{tasks.a.outputs.o}}"}}'));
    expect(self.diagnostics.map((d) => d.message)).toEqual(['dependency cycle: a → a']);
    const guarded = compileText(doc(pass, 'tasks:', '  c:', '    if: "{{tasks.t.outputs.o}} == x"', '    tasks:', '      t: {component: p, arguments: {i: x}}'));
    expect(guarded.diagnostics.map((d) => d.message)).toEqual(['dependency cycle: c → t → c']);
  });

  it('counts mounting a volume task (pvolumes) as depending on it', () => {
    const result = compileSpec({
      components: { pvc: { implementation: { volume: { size: '1Gi' } } }, sh: { implementation: { container: { image: 'alpine', command: ['ls'] } } } },
      tasks: { v: { component: 'pvc', after: ['w'] }, w: { component: 'sh', pvolumes: { '/m': 'v' } } },
    });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['dependency cycle: v → w → v']);
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

describe('NoCycles: tasks of graph components', () => {
  const step = (name: string) => ({ name, inputs: [{ name: 'v' }], outputs: [{ name: 'o' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo "$0" > "$1"', { inputValue: 'v' }, { outputPath: 'o' }] } } });
  // Two independent halves: `first` from a constant, `second` from the graph's input.
  const graph = {
    inputs: [{ name: 'i' }],
    outputs: [{ name: 'first' }, { name: 'second' }],
    implementation: { graph: { tasks: { A: { componentRef: { spec: step('A') }, arguments: { v: 'x' } }, B: { componentRef: { spec: step('B') }, arguments: { v: { graphInput: { inputName: 'i' } } } } }, outputValues: { first: { taskOutput: { taskId: 'A', outputName: 'o' } }, second: { taskOutput: { taskId: 'B', outputName: 'o' } } } } },
  };
  const run = (tasks: Record<string, unknown>) => compileSpec({ components: { g: graph, echo: step('echo') }, tasks });

  it('follows outputs to the inlined task that produces them: no cycle through independent halves', () => {
    const result = run({ g: { component: 'g', arguments: { i: '{{tasks.x.outputs.o}}' } }, x: { component: 'echo', arguments: { v: '{{tasks.g.outputs.first}}' } } });
    expect(result.diagnostics).toEqual([]);
  });
  it('still finds a cycle through the graph', () => {
    const result = run({ g: { component: 'g', arguments: { i: '{{tasks.x.outputs.o}}' } }, x: { component: 'echo', arguments: { v: '{{tasks.g.outputs.second}}' } } });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['dependency-cycle', 'dependency cycle: g/B → x → g/B']]);
  });
});

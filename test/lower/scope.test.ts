import { describe, expect, it } from 'vitest';
import { build, loopSpec, task } from './loopSpecs.js';
import { compileSpec } from '../specs.js';

describe('ScopeLowering', () => {
  it('imports one outside value once per body, keeping its name through nested bodies', () => {
    const { docs } = build(`
    outer:
      loop: {items: [1]}
      tasks:
        a: {component: echo, arguments: {msg: '{{params.greeting}}'}}
        b: {component: echo, arguments: {msg: '{{params.greeting}}!'}}
        inner:
          loop: {items: [2]}
          tasks:
            c: {component: echo, arguments: {msg: '{{params.greeting}}'}}
`);
    const outer = task(docs[0]!.spec.pipelineSpec, 'outer');
    expect(outer.params.filter((p: { name: string }) => p.name === 'greeting')).toHaveLength(1);
    const inner = task(loopSpec(outer).pipelineSpec, 'inner');
    expect(inner.params).toContainEqual({ name: 'greeting', value: '$(params.greeting)' });
  });

  it('makes a task that runs after a task inside a loop run after the loop task', () => {
    const { docs } = build(`
    outer:
      loop: {items: [1]}
      tasks:
        inner:
          loop: {items: [2]}
          tasks:
            deep: {component: echo}
        sibling: {component: echo, after: [deep]}
    after-all: {component: echo, after: [deep]}
`);
    const pipeline = docs[0]!.spec.pipelineSpec;
    expect(task(pipeline, 'after-all').runAfter).toEqual(['outer']);
    expect(task(loopSpec(task(pipeline, 'outer')).pipelineSpec, 'sibling').runAfter).toEqual(['inner']);
  });

  it('keeps a body param name distinct from the controller\'s numeric params', () => {
    const { docs } = build(`
    count:
      loop: {range: {end: 3}}
      tasks:
        show: {component: echo, arguments: {msg: '{{params.greeting}}'}}
`);
    const loop = task(docs[0]!.spec.pipelineSpec, 'count');
    expect(loop.params.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'greeting', 'to']);
  });

  it('traces a graph param to the task output the calls bind it to (paramProducer), for input_artifacts', () => {
    const make = { outputs: [{ name: 'v' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo 1 > "$0"', { outputPath: 'v' }] } } };
    const show = { inputs: [{ name: 'x' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'x' }] } } };
    const result = compileSpec({
      components: { make, show },
      graphs: {
        inner: { params: { y: {} }, tasks: { 'show-inner': { component: 'show', arguments: { x: '{{params.y}}' } } } },
        outer: { params: { x: {}, c: {} }, tasks: { 'show-outer': { component: 'show', arguments: { x: '{{params.c}}' } }, deeper: { graph: 'inner', arguments: { y: '{{params.x}}' } } } },
      },
      tasks: { make: { component: 'make' }, call: { graph: 'outer', arguments: { x: '{{tasks.make.outputs.v}}', c: 'constant' } } },
    }, { kfpMetadata: true });
    expect(result.diagnostics).toEqual([]);
    const annotations = (result.manifests[0]!.object.metadata as { annotations: Record<string, string> }).annotations;
    // show-inner reads y, bound to outer's x, bound to make's output; show-outer reads a constant.
    expect(JSON.parse(annotations['tekton.dev/input_artifacts']!)).toEqual({ 'show-inner': [{ name: 'make-v', parent_task: 'make' }] });
  });
  it('imports task statuses into loop bodies in finally, where Tekton substitutes only the finally task\'s own params', () => {
    const echo = { inputs: [{ name: 'm', type: 'String' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'm' }] } } };
    const result = compileSpec({
      components: { echo },
      tasks: { a: { component: 'echo', arguments: { m: 'a' } } },
      finally: { each: { loop: { items: [1] }, tasks: { r: { component: 'echo', arguments: { m: '{{tasks.a.status}} of {{tasks.status}}' } } } } },
    });
    expect(result.diagnostics).toEqual([]);
    const run = result.manifests[0]!.object as { spec: { pipelineSpec: { finally: { params: unknown[]; taskSpec: { spec: { pipelineSpec: { tasks: { params: unknown[] }[] } } } }[] } } };
    const each = run.spec.pipelineSpec.finally[0]!;
    expect(each.params).toEqual(expect.arrayContaining([{ name: 'a-status', value: '$(tasks.a.status)' }, { name: 'status', value: '$(tasks.status)' }]));
    expect(each.taskSpec.spec.pipelineSpec.tasks[0]!.params).toEqual(expect.arrayContaining([{ name: 'a-status', value: '$(params.a-status)' }, { name: 'status', value: '$(params.status)' }]));
  });
});

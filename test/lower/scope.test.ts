import { describe, expect, it } from 'vitest';
import { build, loopSpec, task } from './loopSpecs.js';

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
});

import { describe, expect, it } from 'vitest';
import { build, loopSpec, paramsOf, task } from '../loopSpecs.js';

const pipelineOf = (docs: Record<string, any>[]) => docs[0]!.spec.pipelineSpec;

describe('lowerLoop', () => {
  it('lowers a static list to a PipelineLoop whose body reads the item param', () => {
    const { ok, docs } = build(`
    each:
      loop: {items: [1, 2]}
      parallelism: 2
      tasks:
        show: {component: echo, arguments: {msg: 'n={{item}}'}}
`);
    expect(ok).toBe(true);
    const loop = task(pipelineOf(docs), 'each');
    expect(loop.taskSpec).toMatchObject({ apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop' });
    const spec = loopSpec(loop);
    expect(spec).toMatchObject({ iterateParam: 'each-item', parallelism: 2 });
    expect(paramsOf(loop)).toEqual({ 'each-item': '[1, 2]' });
    expect(paramsOf(task(spec.pipelineSpec, 'show'))).toEqual({ 'loop-item-each': '$(params.each-item)' });
  });

  it('passes pipeline params, outer results and outer items into nested bodies as params', () => {
    const { docs } = build(`
    first: {component: echo}
    outer:
      loop: {from: '{{params.names}}'}
      tasks:
        inner:
          loop: {items: [x, y]}
          tasks:
            show: {component: echo, arguments: {msg: '{{loops.outer.item}}-{{item}}-{{params.greeting}}-{{tasks.first.outputs.out}}'}}
`);
    const outer = task(pipelineOf(docs), 'outer');
    expect(paramsOf(outer)).toEqual({ 'outer-item': '$(params.names)', greeting: '$(params.greeting)', 'first-out': '$(tasks.first.results.out)' });
    const inner = task(loopSpec(outer).pipelineSpec, 'inner');
    expect(paramsOf(inner)).toEqual({ 'inner-item': '["x", "y"]', 'outer-item': '$(params.outer-item)', greeting: '$(params.greeting)', 'first-out': '$(params.first-out)' });
    expect(loopSpec(inner).pipelineSpec.params.map((p: { name: string }) => p.name)).toEqual(['first-out', 'greeting', 'inner-item', 'outer-item']);
  });

  it('lifts a body task\'s dependency on an outside task onto the loop task', () => {
    const { docs } = build(`
    first: {component: echo}
    each:
      loop: {items: [1]}
      tasks:
        show: {component: echo, after: [first]}
    last: {component: echo, after: [show]}
`);
    const pipeline = pipelineOf(docs);
    expect(task(pipeline, 'each').runAfter).toEqual(['first']);
    expect(task(loopSpec(task(pipeline, 'each')).pipelineSpec, 'show').runAfter).toBeUndefined();
    expect(task(pipeline, 'last').runAfter).toEqual(['each']);
  });

  it('declares the iteration number param when the body reads {{index}}, and dict fields as subvars', () => {
    const { docs } = build(`
    each:
      loop: {items: [{a: 1}, {a: 2}]}
      tasks:
        show: {component: echo, arguments: {msg: '{{index}}:{{item.a}}'}}
`);
    const spec = loopSpec(task(pipelineOf(docs), 'each'));
    expect(spec.iterationNumberParam).toBe('each-index');
    expect(spec.pipelineSpec.params.map((p: { name: string }) => p.name)).toEqual(['each-index', 'each-item-subvar-a']);
  });

  it('lowers a range to iterateNumeric with from/to/step', () => {
    const { docs } = build(`
    count:
      loop: {range: {start: 1, end: '{{params.greeting}}', step: 2}}
      tasks:
        show: {component: echo, arguments: {msg: '{{item}}'}}
`);
    const loop = task(pipelineOf(docs), 'count');
    expect(loopSpec(loop).iterateNumeric).toBe('count-item');
    expect(paramsOf(loop)).toEqual({ from: '1', to: '$(params.greeting)', step: '2' });
  });

  it('lowers a split to iterateParamStringSeparator naming the separator param', () => {
    const { docs } = build(`
    parts:
      loop: {split: {value: 'a;b', separator: ';'}}
      tasks:
        show: {component: echo, arguments: {msg: '{{item}}'}}
`);
    const loop = task(pipelineOf(docs), 'parts');
    expect(loopSpec(loop)).toMatchObject({ iterateParam: 'parts-item', iterateParamStringSeparator: 'parts-separator' });
    expect(paramsOf(loop)).toEqual({ 'parts-item': 'a;b', 'parts-separator': ';' });
  });

  it('emits separate PipelineLoop resources with deterministic names when asked', () => {
    const { docs } = build(`
    outer:
      loop: {items: [1]}
      tasks:
        inner:
          loop: {items: [2]}
          tasks:
            show: {component: echo}
`, { loops: 'separate' });
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['PipelineRun/loops', 'PipelineLoop/loops-inner', 'PipelineLoop/loops-outer']);
    expect(task(pipelineOf(docs), 'outer').taskRef).toEqual({ apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop', name: 'loops-outer' });
    expect(task(docs[2]!.spec.pipelineSpec, 'inner').taskRef.name).toBe('loops-inner');
  });
});

describe('loop outputs', () => {
  it('reads last-idx and last-elem as results of the loop task', () => {
    const { docs } = build(`
    each:
      loop: {items: [1, 2]}
      tasks: {}
    after: {component: echo, arguments: {msg: '{{tasks.each.outputs.last-idx}}/{{tasks.each.outputs.last-elem}}'}}
`);
    expect(paramsOf(task(docs[0]!.spec.pipelineSpec, 'after'))).toEqual({ 'each-last-idx': '$(tasks.each.results.last-idx)', 'each-last-elem': '$(tasks.each.results.last-elem)' });
  });
});

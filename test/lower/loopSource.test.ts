import { describe, expect, it } from 'vitest';
import { build, paramsOf, task } from './loopSpecs.js';

describe('loopSource', () => {
  it('evaluates references inside static items at the level of the loop task', () => {
    const { docs } = build(`
    first: {component: echo}
    each:
      loop: {items: [{name: '{{params.greeting}}', msg: '{{tasks.first.outputs.out}}'}]}
      tasks:
        show: {component: echo, arguments: {msg: '{{item.name}}'}}
`);
    expect(paramsOf(task(docs[0]!.spec.pipelineSpec, 'each'))['each-item']).toBe('[{"name": "$(params.greeting)", "msg": "$(tasks.first.results.out)"}]');
  });

  it('starts a range at 0 and leaves the step to the controller when not given', () => {
    const { docs } = build(`
    count:
      loop: {range: {end: 4}}
      tasks: {}
`);
    expect(paramsOf(task(docs[0]!.spec.pipelineSpec, 'count'))).toEqual({ from: '0', to: '4' });
  });
});

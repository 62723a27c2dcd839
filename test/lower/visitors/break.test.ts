import { describe, expect, it } from 'vitest';
import { build, loopSpec, task } from '../loopSpecs.js';

describe('lowerBreak', () => {
  it('lowers a break in a loop body to the PipelineLoop BreakTask custom task', () => {
    const { ok, docs } = build(`
    each:
      loop: {items: [1, 2]}
      tasks:
        show: {component: echo}
        stop: {break: true, after: [show]}
`);
    expect(ok).toBe(true);
    const stop = task(loopSpec(task(docs[0]!.spec.pipelineSpec, 'each')).pipelineSpec, 'stop');
    expect(stop).toEqual({ name: 'stop', taskRef: { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'BreakTask', name: 'pipelineloop-break-operation' }, runAfter: ['show'] });
  });
});

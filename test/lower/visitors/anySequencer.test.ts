import { describe, expect, it } from 'vitest';
import { build, loopSpec, task } from '../loopSpecs.js';

const argsOf = (t: Record<string, any>): string[] => t.taskSpec.steps[0].args;

describe('lowerAnySequencer', () => {
  it('lowers a standalone sequencer to an any-sequencer task named by its key, after its own after, with no task waiting on it', () => {
    const { ok, docs, messages } = build(`
    setup: {component: echo}
    a: {component: echo}
    b: {component: echo}
    first:
      anySequencer: {tasks: [a, b], statusPath: status}
      after: [setup]
`);
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
    const pipeline = docs[0]!.spec.pipelineSpec;
    const first = task(pipeline, 'first');
    expect(first.taskSpec.steps[0].image).toBe('quay.io/aipipeline/any-sequencer:latest');
    expect(argsOf(first)).toEqual(['--namespace', '$(params.pipelineRun-namespace)', '--prName', '$(params.pipelineRun-name)', '--taskList', 'a,b', '--statusPath', '$(results.status.path)']);
    expect(first.taskSpec.results).toEqual([{ name: 'status', type: 'string', description: '/tmp/outputs/status/data' }]);
    expect(first.runAfter).toEqual(['setup']);
    // The watched tasks do not wait on the sequencer, and it does not runAfter them.
    expect(task(pipeline, 'a').runAfter).toBeUndefined();
    expect(task(pipeline, 'b').runAfter).toBeUndefined();
  });
  it('lets other tasks run after it', () => {
    const { docs } = build(`
    a: {component: echo}
    first: {anySequencer: {tasks: [a]}}
    next: {component: echo, after: [first]}
`);
    expect(task(docs[0]!.spec.pipelineSpec, 'next').runAfter).toEqual(['first']);
  });
  it('in a loop body, watches the Tekton names of the body tasks', () => {
    const { ok, docs } = build(`
    each:
      loop: {from: '{{params.names}}'}
      tasks:
        Try_A: {component: echo, arguments: {msg: '{{item}}'}}
        try-b: {component: echo}
        either: {anySequencer: {tasks: [Try_A, try-b]}}
`);
    expect(ok).toBe(true);
    const body = loopSpec(task(docs[0]!.spec.pipelineSpec, 'each')).pipelineSpec;
    expect(argsOf(task(body, 'either')).slice(4)).toEqual(['--taskList', 'try-a,try-b']);
  });
});

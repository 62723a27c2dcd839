import { describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../../src/compile.js';
import { build as buildTasks, paramsOf, task, type Obj } from '../loopSpecs.js';

/** A spec with the echo component, graphs `graphs` and tasks `tasks` (YAML, indented by 4). */
function build(graphs: string, tasks: string, options: CompileOptions = {}): { ok: boolean; docs: Obj[]; messages: string[] } {
  return buildTasks(tasks, options, { name: 'graphs', params: '    greeting: {type: String, default: hi}\n', graphs });
}

const countdown = `    countdown:
      params:
        n: {type: String}
        label: {type: String, default: x}
      tasks:
        show: {component: echo, arguments: {msg: '{{params.label}} {{params.n}}'}}
        again:
          if: '{{tasks.show.outputs.out}} != 0'
          tasks:
            next: {graph: countdown, arguments: {n: '{{tasks.show.outputs.out}}', label: '{{params.label}}'}}
`;

describe('lowerGraphCall', () => {
  it('lowers a call to a one-iteration PipelineLoop whose params are named after the bound values', () => {
    const { ok, docs, messages } = build(`    hello:
      params:
        who: {type: String}
      tasks:
        say: {component: echo, arguments: {msg: 'hello {{params.who}}'}}
`, `    first: {component: echo}
    call:
      graph: hello
      arguments: {who: '{{tasks.first.outputs.out}}'}
`);
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
    expect(docs).toHaveLength(1);
    const call = task(docs[0]!.spec.pipelineSpec, 'call');
    expect(call.taskSpec).toMatchObject({ apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop' });
    expect(call.taskSpec.spec.iterateParam).toBe('just_one_iteration');
    expect(paramsOf(call)).toEqual({ 'first-out': '$(tasks.first.results.out)', just_one_iteration: '["1"]' });
    const say = task(call.taskSpec.spec.pipelineSpec, 'say');
    expect(Object.values(paramsOf(say))).toEqual(['$(params.first-out)']);
  });

  it('re-invokes the enclosing instance by taskRef on recursion, which is always a separate resource', () => {
    const { ok, docs } = build(countdown, `    start: {graph: countdown, arguments: {n: '{{params.greeting}}'}}
`);
    expect(ok).toBe(true);
    expect(docs.map((d) => d.kind)).toEqual(['PipelineRun', 'PipelineLoop']);
    const start = task(docs[0]!.spec.pipelineSpec, 'start');
    expect(start.taskRef).toEqual({ apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop', name: 'graphs-start' });
    // An unpassed param with a default is bound to the default.
    expect(paramsOf(start)).toEqual({ greeting: '$(params.greeting)', label: 'x', just_one_iteration: '["1"]' });
    const loop = docs[1]!;
    expect(loop.metadata.name).toBe('graphs-start');
    const next = task(loop.spec.pipelineSpec, 'next');
    expect(next.taskRef).toEqual(start.taskRef);
    expect(next.when).toEqual([{ input: '$(tasks.again.results.outcome)', operator: 'in', values: ['true'] }]);
    // Passed by the names the instance declares: the recursion binds the same params anew.
    expect(paramsOf(next)).toEqual({ greeting: '$(tasks.show.results.out)', label: '$(params.label)', just_one_iteration: '["1"]' });
    expect(loop.spec.pipelineSpec.params.map((p: Obj) => p.name)).toEqual(['greeting', 'just_one_iteration', 'label']);
  });

  it('gives each call of a graph its own instance and resource names', () => {
    const { ok, docs } = build(countdown, `    a: {graph: countdown, arguments: {n: '1'}}
    b: {graph: countdown, arguments: {n: '2'}}
`, { loops: 'separate' });
    expect(ok).toBe(true);
    expect(docs.slice(1).map((d) => d.metadata.name)).toEqual(['graphs-a', 'graphs-b']);
    expect(paramsOf(task(docs[0]!.spec.pipelineSpec, 'b'))).toMatchObject({ n: '2' });
  });
});

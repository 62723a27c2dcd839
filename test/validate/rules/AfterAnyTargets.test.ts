import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../../specs.js';

const components = { make: { name: 'make', outputs: [{ name: 'out' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo > $0', { outputPath: 'out' }] } } } };
const build = (afterAny: Record<string, unknown>) => compileSpec({ components, tasks: { a: { component: 'make' }, b: { component: 'make' }, w: { component: 'make', afterAny } } });

describe('AfterAnyTargets', () => {
  it('accepts tasks and a condition on one task output, and lowers to a sequencer the task runs after', () => {
    const result = build({ tasks: ['a'], conditions: ['{{tasks.b.outputs.out}} >= 3'], statusPath: 'status', skippingPolicy: 'skipOnNoMatch' });
    expect(result.diagnostics).toEqual([]);
    const tasks = pipelineTasks(result) as { name: string; runAfter?: string[]; taskSpec: { steps: { args: string[] }[] } }[];
    const sequencer = tasks.find((t) => t.name === 'w-after-any')!;
    expect(sequencer.taskSpec.steps[0]!.args).toEqual(['--namespace', '$(params.pipelineRun-namespace)', '--prName', '$(params.pipelineRun-name)', '--taskList', 'a', '--statusPath', '$(results.status.path)', '--skippingPolicy', 'skipOnNoMatch', '-c', 'results_b_out >= 3']);
    expect(sequencer.runAfter).toBeUndefined();
    expect(tasks.find((t) => t.name === 'w')!.runAfter).toEqual(['w-after-any']);
  });
  it('quotes string literals and keeps integers bare', () => {
    const tasks = pipelineTasks(build({ conditions: ['{{tasks.a.outputs.out}} == heads', { left: 7, operator: '!=', right: '{{tasks.a.outputs.out}}' }] })) as { name: string; taskSpec: { steps: { args: string[] }[] } }[];
    expect(tasks.find((t) => t.name === 'w-after-any')!.taskSpec.steps[0]!.args.slice(4)).toEqual(['-c', "results_a_out == 'heads'", '-c', '7 != results_a_out']);
  });
  it('reports unknown targets, conditions on params or two tasks, and policies without statusPath', () => {
    const codes = (afterAny: Record<string, unknown>) => build(afterAny).diagnostics.map((d) => d.code);
    expect(codes({ tasks: ['nope'] })).toEqual(['invalid-after-any']);
    expect(codes({ conditions: ['{{tasks.a.outputs.out}} == {{tasks.b.outputs.out}}'] })).toEqual(['invalid-after-any']);
    expect(codes({ tasks: ['a'], errorPolicy: 'failOnError' })).toEqual(['invalid-after-any']);
  });
  it('keeps the sequencer and what it watches or reads in one pipeline run: a loop body runs as runs of its own', () => {
    const looped = (tasks: Record<string, unknown>) => compileSpec({ components, tasks: { a: { component: 'make' }, ...tasks } }).diagnostics.map((d) => d.code);
    const body = (afterAny: Record<string, unknown>) => ({ each: { loop: { items: [1] }, tasks: { b: { component: 'make' }, w: { component: 'make', afterAny } } } });
    expect(looped(body({ tasks: ['b'], conditions: ['{{tasks.b.outputs.out}} == x'] }))).toEqual([]);
    expect(looped(body({ tasks: ['a'] }))).toEqual(['invalid-after-any']);
    expect(looped(body({ tasks: ['b'], conditions: ['{{tasks.a.outputs.out}} == x'] }))).toEqual(['invalid-after-any']);
    expect(looped({ each: { loop: { items: [1] }, tasks: { b: { component: 'make' } } }, seq: { anySequencer: { tasks: ['a', 'b'] } } })).toEqual(['invalid-after-any']);
  });
  it('leaves a task name that is not a string to the schema, without failing', () => {
    expect(build({ tasks: [null, 'a'] }).diagnostics.map((d) => d.code)).toEqual(['schema-violation']);
  });
  describe('a standalone anySequencer node', () => {
    const standalone = (anySequencer: Record<string, unknown>, where: 'tasks' | 'finally' = 'tasks') => {
      const seq = { seq: { anySequencer } };
      return compileSpec({ components, tasks: { a: { component: 'make' }, b: { component: 'make' }, ...(where === 'tasks' ? seq : {}) }, ...(where === 'finally' ? { finally: seq } : {}) });
    };
    const messages = (anySequencer: Record<string, unknown>, where?: 'tasks' | 'finally') => standalone(anySequencer, where).diagnostics.map((d) => `${d.code}: ${d.message}`);
    it('accepts tasks and a condition on one task output', () => {
      expect(messages({ tasks: ['a', 'b'], conditions: ['{{tasks.a.outputs.out}} == x'], statusPath: 'status', errorPolicy: 'failOnError' })).toEqual([]);
    });
    it('rejects a name, since its key names it', () => {
      expect(messages({ name: 'other', tasks: ['a'] })).toEqual(["invalid-after-any: any-sequencer 'seq': 'name' has no meaning here: the key 'seq' names the sequencer"]);
    });
    it('rejects watching itself, unknown tasks, tasks of another section and policies without statusPath', () => {
      expect(messages({ tasks: ['seq', 'c'], skippingPolicy: 'skipOnNoMatch' })).toEqual([
        "invalid-after-any: any-sequencer 'seq': a sequencer cannot watch itself",
        "invalid-after-any: any-sequencer 'seq': unknown task 'c'",
        "invalid-after-any: any-sequencer 'seq': skippingPolicy needs statusPath: the policy acts on the status the sequencer writes",
      ]);
      expect(messages({ tasks: ['a'] }, 'finally')).toEqual(["invalid-after-any: any-sequencer 'seq': 'a' is in tasks, 'seq' in finally"]);
    });
  });

  it('refuses a task that runs a graph component, as a target and in a condition: its tasks are inlined, it has no TaskRun', () => {
    const graph = { outputs: [{ name: 'out' }], implementation: { graph: { tasks: { A: { componentRef: { spec: components.make } } }, outputValues: { out: { taskOutput: { taskId: 'A', outputName: 'out' } } } } } };
    const result = compileSpec({ components: { ...components, g: graph }, tasks: { g: { component: 'g' }, w: { component: 'make', afterAny: { tasks: ['g'], conditions: ['{{tasks.g.outputs.out}} == x'] } } } });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['invalid-after-any', "'w' afterAny: 'g' runs a graph component, whose tasks are inlined: it has no TaskRun of its own"],
      ['invalid-after-any', "'w' afterAny: the condition reads a task that runs a graph component: the sequencer reads results of one TaskRun, and its tasks are inlined"],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { expressibleAsWhen } from '../../src/lower/conditionMode.js';

describe('expressibleAsWhen', () => {
  it('allows == and != against a literal that is not a number', () => {
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: 'heads' })).toBe(true);
    expect(expressibleAsWhen({ left: 'tails', operator: '!=', right: '{{params.a}}' })).toBe(true);
  });
  it('keeps the condition task where KFP compares numbers or Tekton cannot compare', () => {
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: '10' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: '{{params.b}}' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '<', right: 'm' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: 'x ' })).toBe(false);
  });
});

describe('conditionMode with custom task outputs', () => {
  it('compares a custom task output with ==/!= in a direct when, as kfp-tekton does', async () => {
    const { compileSpec, pipelineTasks } = await import('../specs.js');
    const result = compileSpec({
      components: {
        cel: { inputs: [{ name: 'e' }], outputs: [{ name: 'outcome' }], implementation: { customTask: { apiVersion: 'cel.tekton.dev/v1alpha1', kind: 'CEL', name: 'cel', params: { outcome: { inputValue: 'e' } } } } },
        echo: { implementation: { container: { image: 'alpine', command: ['echo'] } } },
      },
      tasks: { check: { component: 'cel', arguments: { e: '1 == 1' } }, ok: { if: '{{tasks.check.outputs.outcome}} == true', tasks: { say: { component: 'echo' } } } },
    });
    const tasks = pipelineTasks(result);
    expect(tasks.map((t) => t.name)).toEqual(['check', 'say']);
    expect(tasks[1]!.when).toEqual([{ input: '$(tasks.check.results.outcome)', operator: 'in', values: ['true'] }]);
  });
});

describe('conditionMode in finally', () => {
  const echo = { inputs: [{ name: 'm' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'm' }] } } };
  const finallyWith = (ifText: string) => ({
    components: { echo },
    tasks: { a: { component: 'echo', arguments: { m: 'a' } } },
    finally: { each: { loop: { items: [1, 2] }, tasks: { big: { if: ifText, tasks: { say: { component: 'echo', arguments: { m: '{{item}}' } } } } } } },
  });

  it('refuses a condition that needs a condition task directly in finally, where no finally task can read its result', async () => {
    const { compileSpec } = await import('../specs.js');
    const result = compileSpec({ components: { echo }, tasks: { a: { component: 'echo', arguments: { m: 'a' } } }, finally: { big: { if: '{{tasks.a.status}} > 1', tasks: { say: { component: 'echo', arguments: { m: 'x' } } } } } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unsupported-feature']);
  });

  it('runs a condition task inside a loop in finally, whose body is a pipeline of its own', async () => {
    const { compileSpec, pipelineFinallyTasks } = await import('../specs.js');
    const result = compileSpec(finallyWith('{{item}} > 1'));
    expect(result.ok).toBe(true);
    const loop = pipelineFinallyTasks(result)[0] as { taskSpec: { spec: { pipelineSpec: { tasks: { name: string; when?: unknown }[] } } } };
    expect(loop.taskSpec.spec.pipelineSpec.tasks.map((t) => t.name)).toEqual(['big', 'say']);
    expect(loop.taskSpec.spec.pipelineSpec.tasks[1]!.when).toEqual([{ input: '$(tasks.big.results.outcome)', operator: 'in', values: ['true'] }]);
  });
});

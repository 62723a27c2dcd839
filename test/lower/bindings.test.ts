import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../specs.js';

const echo = { inputs: [{ name: 'a' }, { name: 'b' }], implementation: { container: { image: 'alpine', command: ['echo'], args: [{ inputValue: 'a' }, { inputValue: 'b' }] } } };
const produce = { outputs: [{ name: 'name' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo x > "$0"', { outputPath: 'name' }] } } };

describe('TaskBindings', () => {
  it('binds a value passed to several inputs once', () => {
    const result = compileSpec({
      params: { x: { type: 'String', default: 'v' } },
      components: { echo },
      tasks: { t: { component: 'echo', arguments: { a: '{{params.x}}', b: '{{params.x}}' } } },
    });
    expect(result.diagnostics).toEqual([]);
    const [task] = pipelineTasks(result) as { params: unknown; taskSpec: { steps: { args: unknown }[] } }[];
    expect(task!.params).toEqual([{ name: 'x', value: '$(params.x)' }]);
    expect(task!.taskSpec.steps[0]!.args).toEqual(['$(inputs.params.x)', '$(inputs.params.x)']);
  });

  it('keeps an output of a task named p apart from the pipeline param of the output\'s name', () => {
    const result = compileSpec({
      params: { name: { type: 'String', default: 'v' } },
      components: { echo, produce },
      tasks: { p: { component: 'produce' }, t: { component: 'echo', arguments: { a: '{{tasks.p.outputs.name}}', b: '{{params.name}}' } } },
    });
    expect(result.diagnostics).toEqual([]);
    const task = pipelineTasks(result)[1] as { params: unknown; taskSpec: { steps: { args: unknown }[] } };
    expect(task.params).toEqual([{ name: 'name', value: '$(params.name)' }, { name: 'p-name', value: '$(tasks.p.results.name)' }]);
    expect(task.taskSpec.steps[0]!.args).toEqual(['$(inputs.params.p-name)', '$(inputs.params.name)']);
  });

  it('binds alike in every task of a pipeline, also when a wanted name is taken', () => {
    const args = { a: '{{params.p-name}}', b: '{{tasks.p.outputs.name}}' };
    const result = compileSpec({
      params: { 'p-name': { type: 'String', default: 'v' } },
      components: { echo, produce, echoBA: { ...echo, implementation: { container: { ...echo.implementation.container, args: [{ inputValue: 'b' }, { inputValue: 'a' }] } } } },
      tasks: { p: { component: 'produce' }, t1: { component: 'echo', arguments: args }, t2: { component: 'echoBA', arguments: args } },
    });
    expect(result.diagnostics).toEqual([]);
    const [, t1, t2] = pipelineTasks(result) as { params: unknown; taskSpec: { steps: { args: unknown }[] } }[];
    expect(t1!.params).toEqual([{ name: 'p-name', value: '$(params.p-name)' }, { name: 'p-name-2', value: '$(tasks.p.results.name)' }]);
    expect(t1!.taskSpec.steps[0]!.args).toEqual(['$(inputs.params.p-name)', '$(inputs.params.p-name-2)']);
    // t2's command line reads the output first, so there the output gets the wanted name.
    expect(t2!.params).toEqual([{ name: 'p-name', value: '$(tasks.p.results.name)' }, { name: 'p-name-2', value: '$(params.p-name)' }]);
    expect(t2!.taskSpec.steps[0]!.args).toEqual(['$(inputs.params.p-name)', '$(inputs.params.p-name-2)']);
  });
});

import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../../specs.js';

const component = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ implementation: { container: { image: 'alpine', ...container } }, ...extra });

describe('lowerTask', () => {
  it('runs the component as step main with params for references and results for outputs', () => {
    const result = compileSpec({
      params: { who: { default: 'me' } },
      components: {
        c: component({ command: ['sh', '-c', 'echo "$0" > $1', { inputValue: 'msg' }, { outputPath: 'Out_Data' }] }, { inputs: [{ name: 'msg' }], outputs: [{ name: 'Out_Data' }] }),
      },
      tasks: { t: { component: 'c', arguments: { msg: 'hi {{params.who}} and {{params.who}}' } } },
    });
    const [task] = pipelineTasks(result) as any[];
    expect(task.params).toEqual([{ name: 'who', value: '$(params.who)' }]);
    expect(task.taskSpec.params).toEqual([{ name: 'who' }]);
    expect(task.taskSpec.results).toEqual([{ name: 'Out-Data', type: 'string', description: '/tmp/outputs/Out_Data/data' }]);
    expect(task.taskSpec.steps).toEqual([{ name: 'main', image: 'alpine', command: ['sh', '-c', 'echo "$0" > $1', 'hi $(inputs.params.who) and $(inputs.params.who)', '$(results.Out-Data.path)'] }]);
  });

  it('uses input defaults, passes constants as text (objects as JSON), and drops unset optional inputs', () => {
    const result = compileSpec({
      components: { c: component({ args: [{ inputValue: 'n' }, { inputValue: 'obj' }, { inputValue: 'd' }, { inputValue: 'opt' }] }, { inputs: [{ name: 'n', type: 'Integer' }, { name: 'obj', type: 'JsonObject' }, { name: 'd', default: 'dflt' }, { name: 'opt', optional: true }] }) },
      tasks: { t: { component: 'c', arguments: { n: 3, obj: { a: [1, 2] } } } },
    });
    expect((pipelineTasks(result)[0] as any).taskSpec.steps[0].args).toEqual(['3', '{"a": [1, 2]}', 'dflt']);
  });

  it('replaces fileOutputs paths in the command line, else copies the file into the result', () => {
    const result = compileSpec({
      components: { c: component({ command: ['sh', '-c', 'echo 1 > /tmp/a.txt; echo 2 > /tmp/b.txt'], fileOutputs: { a: '/tmp/a.txt' } }, { outputs: [{ name: 'a' }, { name: 'b' }] }) },
      tasks: { t: { component: 'c' } },
    });
    const steps = (pipelineTasks(result)[0] as any).taskSpec.steps;
    expect(steps).toHaveLength(1);
    expect(steps[0].command[2]).toBe('echo 1 > $(results.a.path); echo 2 > /tmp/b.txt');
    const copied = compileSpec({
      components: { c: component({ command: ['produce'], fileOutputs: { b: '/tmp/b.txt' } }, { outputs: [{ name: 'b' }] }) },
      tasks: { t: { component: 'c' } },
    });
    expect((pipelineTasks(copied)[0] as any).taskSpec.steps[1]).toEqual({ name: 'copy-results', image: 'busybox', command: ['sh', '-c', "cp '/tmp/b.txt' $(results.b.path)\n"] });
  });

  it('applies the task fields: env over the component env, image with references, retries, timeout, displayName, resources, pull policy', () => {
    const result = compileSpec({
      params: { tag: { default: 'v1' } },
      components: { c: component({ env: { A: 'component', B: 'kept' } }) },
      tasks: { t: { component: 'c', env: { A: 'task {{params.tag}}' }, image: 'img:{{params.tag}}', retries: 2, timeout: 90, displayName: 'T', resources: { limits: { cpu: 1, 'nvidia.com/gpu': 1 } }, imagePullPolicy: 'Always' } },
    });
    const [task] = pipelineTasks(result) as any[];
    expect(task).toMatchObject({ retries: 2, timeout: '90s', displayName: 'T' });
    expect(task.taskSpec.steps[0]).toEqual({
      name: 'main', image: 'img:$(inputs.params.tag)',
      env: [{ name: 'A', value: 'task $(inputs.params.tag)' }, { name: 'B', value: 'kept' }],
      computeResources: { limits: { cpu: '1', 'nvidia.com/gpu': '1' } },
      imagePullPolicy: 'Always',
    });
  });

  it('binds outputs as <task>-<output> params and derives runAfter only from after', () => {
    const result = compileSpec({
      components: { p: component({ command: [{ outputPath: 'out' }] }, { outputs: [{ name: 'out' }] }), c: component({ command: [{ inputValue: 'x' }] }, { inputs: [{ name: 'x' }] }) },
      tasks: { first: { component: 'p' }, other: { component: 'p' }, second: { component: 'c', arguments: { x: '{{tasks.first.outputs.out}}' }, after: ['other'] } },
    });
    const second = (pipelineTasks(result) as any[])[2];
    expect(second.params).toEqual([{ name: 'first-out', value: '$(tasks.first.results.out)' }]);
    expect(second.runAfter).toEqual(['other']);
  });

  it('labels the cache and the component digest only with KFP metadata', () => {
    const spec = { components: { c: component({}) }, tasks: { t: { component: 'c', caching: false, labels: { l: 'v' }, annotations: { a: 'b' } } } };
    const kfp = (pipelineTasks(compileSpec(spec, { kfpMetadata: true }))[0] as any).taskSpec.metadata;
    expect(kfp.labels).toEqual({ 'pipelines.kubeflow.org/cache_enabled': 'false', l: 'v' });
    expect(Object.keys(kfp.annotations)).toEqual(['pipelines.kubeflow.org/component_spec_digest', 'a']);
    expect((pipelineTasks(compileSpec(spec))[0] as any).taskSpec.metadata).toEqual({ labels: { l: 'v' }, annotations: { a: 'b' } });
  });
});

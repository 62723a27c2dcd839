import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../specs.js';

const component = (args: string[]) => ({ implementation: { container: { image: 'alpine', command: ['sh', '-c'], args } } });

describe('runVariables', () => {
  it('passes pipeline-level variables through params, once each', () => {
    const result = compileSpec({ components: { c: component(['$(context.pipelineRun.name) $(context.pipelineRun.name) {{workflow.name}}']) }, tasks: { t: { component: 'c' } } });
    const task = pipelineTasks(result)[0] as { params: unknown; taskSpec: { params: unknown; steps: { args: string[] }[] } };
    expect(task.params).toEqual([{ name: 'pipelineRun-name', value: '$(context.pipelineRun.name)' }]);
    expect(task.taskSpec.params).toEqual([{ name: 'pipelineRun-name' }]);
    expect(task.taskSpec.steps[0]!.args).toEqual(['$(params.pipelineRun-name) $(params.pipelineRun-name) $(params.pipelineRun-name)']);
  });
  it('leaves task-level variables in the step and binds workflow parameters to pipeline params', () => {
    const result = compileSpec({ params: { p: { default: 'x' } }, components: { c: component(['$(context.taskRun.name) {{workflow.parameters.p}}']) }, tasks: { t: { component: 'c' } } });
    const task = pipelineTasks(result)[0] as { params: unknown; taskSpec: { steps: { args: string[] }[] } };
    expect(task.params).toEqual([{ name: 'p', value: '$(params.p)' }]);
    expect(task.taskSpec.steps[0]!.args).toEqual(['$(context.taskRun.name) $(params.p)']);
  });
});

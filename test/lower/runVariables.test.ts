import { describe, expect, it } from 'vitest';
import { expandingPodName } from '../../src/lower/runVariables.js';
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

describe('runVariables: {{pod.name}}', () => {
  type Step = { command?: string[]; args?: string[]; env?: { name: string; value?: string; valueFrom?: unknown }[] };
  const mainStep = (container: Record<string, unknown>): Step => {
    const result = compileSpec({ components: { c: { implementation: { container: { image: 'alpine', ...container } } } }, tasks: { t: { component: 'c' } } });
    expect(result.diagnostics).toEqual([]);
    return (pipelineTasks(result)[0] as { taskSpec: { steps: Step[] } }).taskSpec.steps[0]!;
  };
  const podName = { fieldRef: { fieldPath: 'metadata.name' } };

  it('reads an env var that is exactly {{pod.name}} from the downward API, adding nothing else', () => {
    expect(mainStep({ command: ['sh'], env: { KFP_POD_NAME: '{{pod.name}}', OTHER: 'x' } }).env).toEqual([{ name: 'KFP_POD_NAME', valueFrom: podName }, { name: 'OTHER', value: 'x' }]);
  });
  it('expands an env var defined first where {{pod.name}} is part of a text, in command, args and env', () => {
    const step = mainStep({ command: ['sh', '-c', 'echo {{pod.name}}'], args: [{ concat: ['gs://b/', '{{workflow.uid}}_{{pod.name}}'] }], env: { LABEL: 'pod-{{pod.name}}' } });
    expect(step.command).toEqual(['sh', '-c', 'echo $(KFT_POD_NAME)']);
    expect(step.args).toEqual(['gs://b/$(params.pipelineRun-uid)_$(KFT_POD_NAME)']);
    expect(step.env).toEqual([{ name: 'KFT_POD_NAME', valueFrom: podName }, { name: 'LABEL', value: 'pod-$(KFT_POD_NAME)' }]);
  });
  it('picks a free variable name', () => {
    expect(mainStep({ command: ['echo {{pod.name}}'], env: { KFT_POD_NAME: 'mine' } }).env).toEqual([{ name: 'KFT_POD_NAME_2', valueFrom: podName }, { name: 'KFT_POD_NAME', value: 'mine' }]);
  });
  it('keeps what Kubernetes makes of a run of $ just before the placeholder ($$ is an escaped $)', () => {
    // Under Argo the text became "$<pod>" (odd run: a plain $) or "$<pod>" from "$$" (one escaped $).
    expect(expandingPodName('a${{pod.name}}', 'V')).toBe('a$$$(V)');
    expect(expandingPodName('a$${{pod.name}}', 'V')).toBe('a$$$(V)');
    expect(expandingPodName('{{pod.name}}/{{pod.name}}', 'V')).toBe('$(V)/$(V)');
  });
});

import { describe, expect, it } from 'vitest';
import { mapArgoVariables, workflowParameters } from '../../src/model/argoVariables.js';

describe('argoVariables', () => {
  it('maps the variables of kfp-tekton\'s table', () => {
    expect(mapArgoVariables('{{inputs.parameters.a-b}} {{outputs.parameters.out.path}} {{workflow.name}} {{workflow.namespace}} {{workflow.uid}} {{workflow.parameters.p}}')).toEqual({
      text: '$(inputs.params.a-b) $(results.out.path) $(context.pipelineRun.name) $(context.pipelineRun.namespace) $(context.pipelineRun.uid) $(params.p)',
      unsupported: [],
    });
  });
  it('maps {{retries}} to the retry count, and leaves {{pod.name}} for the step to lower', () => {
    expect(mapArgoVariables('try {{retries}} of {{pod.name}}')).toEqual({ text: 'try $(context.task.retry-count) of {{pod.name}}', unsupported: [] });
  });
  it('reports other Argo variables and leaves Go templates alone', () => {
    expect(mapArgoVariables('{{ pod.name }} {{steps.a.outputs.result}} {{.Trial}} {{workflow.creationTimestamp}} {{workflow.serviceAccountName}}').unsupported).toEqual(['{{ pod.name }}', '{{steps.a.outputs.result}}', '{{workflow.creationTimestamp}}', '{{workflow.serviceAccountName}}']);
  });
  it('lists workflow parameters', () => {
    expect(workflowParameters('{{workflow.parameters.a}}-{{workflow.parameters.b}}')).toEqual(['a', 'b']);
  });
});

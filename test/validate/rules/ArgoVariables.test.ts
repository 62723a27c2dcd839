import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

describe('ArgoVariables', () => {
  it('names each unsupported Argo variable and unknown workflow parameter', () => {
    const result = compileSpec({ components: { c: { implementation: { container: { image: 'a', command: ['{{workflow.creationTimestamp}}'], env: { X: '{{workflow.parameters.q}}' } } } } }, tasks: { t: { component: 'c' } } });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['unsupported-argo-variable', "component 'c' uses Argo variable '{{workflow.creationTimestamp}}', which has no exact equivalent in Tekton or Kubernetes"],
      ['unknown-param', "component 'c' uses {{workflow.parameters.q}}, but the pipeline has no parameter 'q'"],
    ]);
  });
  it('accepts mapped variables, the pod name and Go templates', () => {
    expect(compileSpec({ components: { c: { implementation: { container: { image: 'a', command: ['{{workflow.uid}} {{retries}} {{pod.name}} {{.Trial}}'], env: { POD: '{{pod.name}}' } } } } }, tasks: { t: { component: 'c' } } }).diagnostics).toEqual([]);
  });
});

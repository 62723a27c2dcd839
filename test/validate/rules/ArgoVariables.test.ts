import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

describe('ArgoVariables', () => {
  it('names each unsupported Argo variable and unknown workflow parameter', () => {
    const result = compileSpec({ components: { c: { implementation: { container: { image: 'a', command: ['{{pod.name}}'], env: { X: '{{workflow.parameters.q}}' } } } } }, tasks: { t: { component: 'c' } } });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['unsupported-argo-variable', "component 'c' uses Argo variable '{{pod.name}}', which has no Tekton equivalent"],
      ['unknown-param', "component 'c' uses {{workflow.parameters.q}}, but the pipeline has no parameter 'q'"],
    ]);
  });
  it('accepts mapped variables and Go templates', () => {
    expect(compileSpec({ components: { c: { implementation: { container: { image: 'a', command: ['{{workflow.uid}} {{.Trial}}'] } } } }, tasks: { t: { component: 'c' } } }).ok).toBe(true);
  });
});

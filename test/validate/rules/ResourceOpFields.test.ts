import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const manifest = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } };
const components = {
  job: { implementation: { resource: { action: 'create', manifest } } },
  vol: { implementation: { volume: { size: '1Gi' } } },
};

describe('ResourceOpFields', () => {
  it('reports every field of a container the operation does not have, one diagnostic per field', () => {
    const result = compileSpec({ components, tasks: { t: { component: 'job', image: 'alpine', env: { A: 'b' }, resources: { limits: { cpu: '1' } }, sidecars: [{ name: 's', image: 'busybox' }] } } });
    expect(result.diagnostics.map((d) => [d.code, d.message.split("'").at(-2)])).toEqual([
      ['resource-op-unsupported-field', 'image'],
      ['resource-op-unsupported-field', 'env'],
      ['resource-op-unsupported-field', 'resources'],
      ['resource-op-unsupported-field', 'sidecars'],
    ]);
    expect(result.diagnostics[0]?.message).toContain('resource operation');
  });

  it('names the kind of operation', () => {
    const result = compileSpec({ components, tasks: { v: { component: 'vol', securityContext: { runAsUser: 1 } } } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("task 'v' runs a volume operation (component 'vol')")]);
  });

  it('accepts pod settings, metadata, retries, timeout and caching', () => {
    const task = { component: 'job', nodeSelector: { a: 'b' }, tolerations: [{ key: 'a', operator: 'Exists' }], serviceAccount: 'sa', podTemplate: { hostNetwork: true }, labels: { l: 'v' }, annotations: { a: 'v' }, retries: 1, timeout: '1m', caching: false };
    expect(compileSpec({ components, tasks: { t: task } }).diagnostics).toEqual([]);
  });
});

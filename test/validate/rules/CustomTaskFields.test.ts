import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = { c: { implementation: { customTask: { apiVersion: 'x.dev/v1', kind: 'X', name: 'x' } } } };

describe('CustomTaskFields', () => {
  it('reports retries and pod fields on a custom task, one diagnostic per field', () => {
    const result = compileSpec({ components, tasks: { t: { component: 'c', retries: 1, image: 'alpine', env: { A: 'b' }, serviceAccount: 'sa' } } });
    expect(result.diagnostics.map((d) => [d.code, d.message.split("'").at(-2)])).toEqual([
      ['custom-task-unsupported-field', 'retries'],
      ['custom-task-unsupported-field', 'image'],
      ['custom-task-unsupported-field', 'env'],
      ['custom-task-unsupported-field', 'serviceAccount'],
    ]);
  });

  it('reports timeout, which the guide states custom tasks do not support, with a hint to the run-wide timeout', () => {
    const result = compileSpec({ components, tasks: { t: { component: 'c', timeout: '1m' } } });
    expect(result.diagnostics.map((d) => [d.code, d.message.split("'").at(-2)])).toEqual([['custom-task-unsupported-field', 'timeout']]);
    expect(result.diagnostics[0]?.hint).toContain('spec.config.timeout');
  });

  it('accepts after and displayName', () => {
    const result = compileSpec({ components, tasks: { a: { component: 'c' }, t: { component: 'c', after: ['a'], displayName: 'T' } } });
    expect(result.diagnostics).toEqual([]);
  });

  it('leaves a timeout on a container task alone', () => {
    const container = { c: { implementation: { container: { image: 'alpine' } } } };
    const result = compileSpec({ components: container, tasks: { t: { component: 'c', timeout: '1m' } } });
    expect(result.diagnostics).toEqual([]);
  });
});

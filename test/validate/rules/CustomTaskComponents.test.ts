import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const custom = (extra: Record<string, unknown>) => ({ inputs: [{ name: 'a' }], implementation: { customTask: { apiVersion: 'x.dev/v1', kind: 'X', name: 'x', ...extra } } });

describe('CustomTaskComponents', () => {
  it('rejects taskRef with taskSpec', () => {
    const result = compileSpec({ components: { c: custom({ taskRef: {}, taskSpec: {} }) }, tasks: { t: { component: 'c', arguments: { a: '1' } } } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['custom-task-spec-conflict']);
  });

  it('rejects file placeholders and unknown inputs in params', () => {
    const result = compileSpec({ components: { c: custom({ params: { p: { inputPath: 'a' }, q: { concat: [{ inputValue: 'b' }] } } }) }, tasks: { t: { component: 'c', arguments: { a: '1' } } } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "custom task component 'c' uses inputPath, but a custom task has no container to hold files",
      "component 'c' has no input 'b'",
    ]);
  });

  it('rejects one resource name emitted with two specs, but allows identical ones', () => {
    const twoSpecs = compileSpec({ components: { c: custom({ taskRef: { n: 1 } }), d: custom({ taskRef: { n: 2 } }) }, tasks: { t: { component: 'c', arguments: { a: '1' } } } });
    expect(twoSpecs.diagnostics.map((d) => d.code)).toEqual(['custom-task-resource-conflict']);
    const same = compileSpec({ components: { c: custom({ taskRef: { n: 1 } }), d: custom({ taskRef: { n: 1 } }) }, tasks: { t: { component: 'c', arguments: { a: '1' } } } });
    expect(same.ok).toBe(true);
  });
});

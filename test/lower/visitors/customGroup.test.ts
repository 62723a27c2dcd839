import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../src/emit/toV1.js';
import { compileSpec, pipelineTasks } from '../../specs.js';

const echo = { inputs: [{ name: 't' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 't' }] } } };

describe('customGroup', () => {
  it('lowers the group to one custom task whose spec holds the inner pipeline', () => {
    const result = compileSpec({ params: { p: { default: 'x' } }, components: { echo }, tasks: { g: { group: { apiVersion: 'a.dev/v1', kind: 'G', params: { n: 1 } }, tasks: { e: { component: 'echo', arguments: { t: '{{params.n}} {{params.p}}' } } } } } });
    expect(result.diagnostics).toEqual([]);
    const group = pipelineTasks(result)[0] as { params: unknown; taskSpec: { apiVersion: string; kind: string; spec: { pipelineSpec: { params: unknown; tasks: { name: string }[] } } } };
    expect(group.params).toEqual([{ name: 'n', value: '1' }, { name: 'p', value: '$(params.p)' }]);
    expect([group.taskSpec.apiVersion, group.taskSpec.kind]).toEqual(['a.dev/v1', 'G']);
    expect(group.taskSpec.spec.pipelineSpec.params).toEqual([{ name: 'n', type: 'string' }, { name: 'p', type: 'string' }]);
    expect(group.taskSpec.spec.pipelineSpec.tasks.map((t) => t.name)).toEqual(['e']);
  });
});

describe('applyOverrides', () => {
  it('merges objects, replaces values, and merges params by name with null removing', () => {
    const task = { name: 'g', params: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }], taskSpec: { kind: 'G', metadata: { labels: { x: 'y' } } } };
    expect(applyOverrides(task, { timeout: '1h', taskSpec: { metadata: { labels: { z: 'w' } } }, params: { a: null, c: 3 } })).toEqual({
      name: 'g', params: [{ name: 'b', value: '2' }, { name: 'c', value: '3' }], taskSpec: { kind: 'G', metadata: { labels: { x: 'y', z: 'w' } } }, timeout: '1h',
    });
  });
});

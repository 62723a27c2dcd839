import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../../specs.js';

const fetcher = (extra: Record<string, unknown> = {}) => ({
  inputs: [{ name: 'url' }, { name: 'mode', default: 'fast' }, { name: 'unused', optional: true }],
  outputs: [{ name: 'local_path' }],
  implementation: { customTask: { apiVersion: 'x.dev/v1', kind: 'Fetcher', name: 'fetcher', ...extra } },
});

describe('customTask', () => {
  it('passes inputs with a value as params of the same name when params is unset', () => {
    const result = compileSpec({ params: { u: {} }, components: { f: fetcher() }, tasks: { f: { component: 'f', arguments: { url: '{{params.u}}' } } } });
    expect(result.diagnostics).toEqual([]);
    expect(pipelineTasks(result)[0]).toEqual({
      name: 'f',
      params: [{ name: 'url', value: '$(params.u)' }, { name: 'mode', value: 'fast' }],
      taskRef: { apiVersion: 'x.dev/v1', kind: 'Fetcher', name: 'fetcher' },
    });
  });

  it('resolves declared params with placeholders and pipeline-level result references', () => {
    const comp = fetcher({ params: { source: { concat: ['src=', { inputValue: 'url' }] }, fixed: 'yes' } });
    const result = compileSpec({
      components: { f: comp },
      tasks: { a: { component: 'f', arguments: { url: 'gs://a' } }, b: { component: 'f', arguments: { url: '{{tasks.a.outputs.local_path}}' } } },
    });
    expect(pipelineTasks(result)[1]!.params).toEqual([{ name: 'source', value: 'src=$(tasks.a.results.local-path)' }, { name: 'fixed', value: 'yes' }]);
  });

  it('embeds taskSpec with apiVersion and kind, and emits a taskRef resource once', () => {
    const embedded = compileSpec({ components: { f: fetcher({ taskSpec: { depth: 1 } }) }, tasks: { f: { component: 'f', arguments: { url: 'u' } } } });
    expect(pipelineTasks(embedded)[0]!.taskSpec).toMatchObject({ apiVersion: 'x.dev/v1', kind: 'Fetcher', spec: { depth: 1 } });
    const referenced = compileSpec({ components: { f: fetcher({ taskRef: { depth: 1 } }) }, tasks: { a: { component: 'f', arguments: { url: 'u' } }, b: { component: 'f', arguments: { url: 'v' } } } });
    const resources = referenced.manifests.filter((m) => m.kind === 'Fetcher');
    expect(resources.map((r) => r.object)).toEqual([{ apiVersion: 'x.dev/v1', kind: 'Fetcher', metadata: { name: 'fetcher' }, spec: { depth: 1 } }]);
  });

  it('keeps after on the pipeline task, and writes no timeout (custom tasks do not support one)', () => {
    const result = compileSpec({ components: { f: fetcher() }, tasks: { a: { component: 'f', arguments: { url: 'u' } }, b: { component: 'f', arguments: { url: 'u' }, after: ['a'] } } });
    expect(pipelineTasks(result)[1]).toMatchObject({ runAfter: ['a'] });
    expect(pipelineTasks(result)[1]).not.toHaveProperty('timeout');
  });
});

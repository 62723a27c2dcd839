import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../specs.js';

const echo = { name: 'echo', implementation: { container: { image: 'alpine', command: ['echo'] } } };
const other = { name: 'other', implementation: { container: { image: 'alpine', command: ['true'] } } };
const build = (taskDefaults: unknown[], own: Record<string, unknown> = {}) =>
  compileSpec({ components: { echo, other }, tasks: { a: { component: 'echo', ...own }, b: { component: 'other' } }, config: { taskDefaults } });
const metadataOf = (result: ReturnType<typeof build>, i: number) => (pipelineTasks(result)[i]!.taskSpec as { metadata?: unknown }).metadata;

describe('taskDefaults', () => {
  it('applies an entry without selector to every task', () => {
    const result = build([{ annotations: { hobby: 'football' }, labels: { team: 'x' } }]);
    expect(metadataOf(result, 0)).toEqual({ labels: { team: 'x' }, annotations: { hobby: 'football' } });
    expect(metadataOf(result, 1)).toEqual({ labels: { team: 'x' }, annotations: { hobby: 'football' } });
  });

  it('selects by task name or component, and the task\'s own values win', () => {
    const result = build([{ tasks: ['a'], env: { MODE: 'default', LEVEL: '1' } }, { components: ['other'], nodeSelector: { pool: 'cpu' } }], { env: { MODE: 'own' } });
    const steps = (pipelineTasks(result)[0]!.taskSpec as { steps: { env?: unknown }[] }).steps;
    expect(steps[0]!.env).toEqual([{ name: 'MODE', value: 'own' }, { name: 'LEVEL', value: '1' }]);
    expect((result.manifests[0]!.object.spec as { taskRunSpecs: unknown }).taskRunSpecs).toEqual([{ pipelineTaskName: 'b', podTemplate: { nodeSelector: { pool: 'cpu' } } }]);
  });

  it('adds up tolerations of entries and the task', () => {
    const result = build([{ tolerations: [{ key: 'x', operator: 'Exists' }] }], { tolerations: [{ key: 'y', operator: 'Exists' }] });
    const specs = (result.manifests[0]!.object.spec as { taskRunSpecs: { podTemplate: { tolerations: unknown[] } }[] }).taskRunSpecs;
    expect(specs[0]!.podTemplate.tolerations).toEqual([{ key: 'x', operator: 'Exists' }, { key: 'y', operator: 'Exists' }]);
  });

  it('selects the tasks of a graph component through the task that runs it, by name or component', () => {
    const graph = { implementation: { graph: { tasks: { A: { componentRef: { spec: echo } }, B: { componentRef: { spec: other } } } } } };
    const labelsOf = (result: ReturnType<typeof compileSpec>) => pipelineTasks(result).map((t) => [t.name, (t.taskSpec as { metadata?: { labels?: unknown } }).metadata?.labels]);
    for (const selector of [{ tasks: ['g'] }, { components: ['graph'] }]) {
      const result = compileSpec({ components: { echo, graph }, tasks: { g: { component: 'graph' }, plain: { component: 'echo' } }, config: { taskDefaults: [{ ...selector, labels: { team: 'x' } }] } });
      expect(result.diagnostics).toEqual([]);
      expect(labelsOf(result)).toEqual([['g-a', { team: 'x' }], ['g-b', { team: 'x' }], ['plain', undefined]]);
    }
  });
});

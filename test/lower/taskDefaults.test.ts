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
});

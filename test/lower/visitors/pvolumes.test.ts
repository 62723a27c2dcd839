import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../../specs.js';

describe('pvolumes', () => {
  it('mounts the claim named by the volume task result, once per volume', () => {
    const result = compileSpec({
      components: { pvc: { implementation: { volume: { size: '1Gi' } } }, sh: { implementation: { container: { image: 'alpine', command: ['ls'] } } } },
      tasks: { vol: { component: 'pvc' }, use: { component: 'sh', pvolumes: { '/a': 'vol', '/b': 'vol' } } },
    });
    expect(result.diagnostics).toEqual([]);
    const use = pipelineTasks(result)[1] as { params: unknown; taskSpec: { volumes: unknown; steps: { volumeMounts: unknown }[] } };
    expect(use.params).toEqual([{ name: 'vol-name', value: '$(tasks.vol.results.name)' }]);
    expect(use.taskSpec.volumes).toEqual([{ name: 'vol', persistentVolumeClaim: { claimName: '$(inputs.params.vol-name)' } }]);
    expect(use.taskSpec.steps[0]!.volumeMounts).toEqual([{ mountPath: '/a', name: 'vol' }, { mountPath: '/b', name: 'vol' }]);
  });

  it('imports the claim name into a loop body as a param of the loop task', () => {
    const result = compileSpec({
      components: { pvc: { implementation: { volume: { size: '1Gi' } } }, sh: { implementation: { container: { image: 'alpine', command: ['ls'] } } } },
      tasks: { vol: { component: 'pvc' }, each: { loop: { items: [1, 2] }, tasks: { use: { component: 'sh', pvolumes: { '/a': 'vol' } } } } },
    });
    expect(result.diagnostics).toEqual([]);
    const loop = pipelineTasks(result)[1] as { params: unknown; taskSpec: { spec: { pipelineSpec: { tasks: { params: unknown }[] } } } };
    expect(loop.params).toEqual([{ name: 'each-item', value: '[1, 2]' }, { name: 'vol-name', value: '$(tasks.vol.results.name)' }]);
    expect(loop.taskSpec.spec.pipelineSpec.tasks[0]!.params).toEqual([{ name: 'vol-name', value: '$(params.vol-name)' }]);
  });
});

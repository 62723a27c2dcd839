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
});

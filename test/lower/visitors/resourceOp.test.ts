import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pyYamlDump, snapshotAsResource, volumeAsResource } from '../../../src/lower/visitors/resourceOp.js';
import { compileSpec, pipelineTasks } from '../../specs.js';

describe('resourceOp', () => {
  it('dumps manifests as PyYAML does: sorted keys, lists not indented', () => {
    expect(pyYamlDump({ kind: 'Job', apiVersion: 'batch/v1', spec: { containers: [{ name: 'a', image: 'b' }] } })).toBe(
      'apiVersion: batch/v1\nkind: Job\nspec:\n  containers:\n  - image: b\n    name: a\n',
    );
  });

  it('quotes what Kubernetes\' YAML 1.1 reader (kubectl-wrapper) would not read as a string, as PyYAML does', () => {
    const manifest = { metadata: { labels: { on: 'yes', mode: '0777', day: '2001-12-14', octal: '0O7', plain: '1Gi' } } };
    const text = pyYamlDump(manifest);
    expect(text).toBe("metadata:\n  labels:\n    day: '2001-12-14'\n    mode: '0777'\n    octal: '0O7'\n    'on': 'yes'\n    plain: 1Gi\n");
    expect(parse(text, { version: '1.1' })).toEqual(manifest);
  });

  it('turns a volume into a PVC manifest named after the run', () => {
    const r = volumeAsResource({ size: '1Gi', resourceName: 'data', storageClass: 'fast' }, 'make-pvc');
    expect(r.action).toBe('create');
    expect(r.manifest).toEqual({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: '{{workflow.name}}-data' },
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast' },
    });
  });

  it('passes only the wrapper params that are set, and outputs sorted by name', () => {
    const result = compileSpec({
      components: { r: { implementation: { resource: { action: 'delete', outputs: { uid: '{.metadata.uid}' }, manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } } } } },
      tasks: { del: { component: 'r' } },
    });
    const task = pipelineTasks(result)[0] as { params: { name: string; value: string }[]; taskSpec: { results: { name: string }[]; steps: { env?: unknown }[] } };
    expect(task.params.map((p) => p.name)).toEqual(['action', 'output']);
    expect(task.params[1]!.value).toBe("- name: manifest\n  valueFrom: '{}'\n- name: name\n  valueFrom: '{.metadata.name}'\n- name: uid\n  valueFrom: '{.metadata.uid}'\n");
    expect(task.taskSpec.results.map((r) => r.name)).toEqual(['manifest', 'name', 'uid']);
    expect(task.taskSpec.steps[0]!.env).toBeUndefined();
  });

  it('renames manifest inputs that share a name with a wrapper param, so neither is declared twice nor replaced', () => {
    const result = compileSpec({
      components: {
        r: {
          inputs: [{ name: 'image' }, { name: 'action' }, { name: 'image-input' }],
          implementation: { resource: { action: 'create', manifest: { kind: 'Pod', spec: { containers: [{ image: '{{inputs.image}}', args: ['{{inputs.action}}', '{{inputs.image-input}}'] }] } } } },
        },
      },
      tasks: { make: { component: 'r', arguments: { image: 'alpine', action: 'run', 'image-input': 'x' } } },
    });
    const task = pipelineTasks(result)[0] as { params: { name: string; value: string }[]; taskSpec: { params: { name: string; default?: string }[]; steps: { image: string; args: string[] }[] } };
    expect(task.params.filter((p) => p.name !== 'output')).toEqual([
      { name: 'action', value: 'create' }, { name: 'image-input', value: 'alpine' }, { name: 'action-input', value: 'run' }, { name: 'image-input-input', value: 'x' },
    ]);
    const declared = task.taskSpec.params.map((p) => p.name);
    expect(new Set(declared).size).toBe(declared.length);
    expect(task.taskSpec.params.find((p) => p.name === 'image')!.default).toBe('quay.io/aipipeline/kubectl-wrapper:latest');
    expect(task.taskSpec.steps[0]!.image).toBe('$(params.image)');
    expect(task.taskSpec.steps[0]!.args[2]).toContain('- $(inputs.params.action-input)\n    - $(inputs.params.image-input-input)\n    image: $(inputs.params.image-input)');
  });

  it('reads a string dataSource as a VolumeSnapshot by name (KFP VolumeOp data_source=NAME)', () => {
    expect((volumeAsResource({ size: '1Gi', dataSource: '{{inputs.snap}}' }, 'restore').manifest as { spec?: unknown }).spec).toEqual({
      accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } }, dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: '{{inputs.snap}}' },
    });
    const pvc = { kind: 'PersistentVolumeClaim', name: 'src' };
    expect(((volumeAsResource({ size: '1Gi', dataSource: pvc }, 'clone').manifest as { spec?: unknown }).spec as { dataSource: unknown }).dataSource).toEqual(pvc);
  });

  it('turns a volume snapshot into a v1 VolumeSnapshot named after the run, done when ready to use', () => {
    expect(snapshotAsResource({ pvc: '{{inputs.pvc}}' }, 'snap')).toEqual({
      action: 'create',
      manifest: { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: '{{workflow.name}}-snap' }, spec: { source: { persistentVolumeClaimName: '{{inputs.pvc}}' } } },
      successCondition: 'status.readyToUse == true',
    });
    const full = snapshotAsResource({ pvc: 'data', resourceName: 'nightly', snapshotClass: 'csi', annotations: { a: 'b' }, apiVersion: 'snapshot.storage.k8s.io/v1beta1', setOwnerReference: true, image: 'mirror/kw' }, 'snap');
    expect(full).toEqual({
      action: 'create',
      manifest: { apiVersion: 'snapshot.storage.k8s.io/v1beta1', kind: 'VolumeSnapshot', metadata: { name: '{{workflow.name}}-nightly', annotations: { a: 'b' } }, spec: { source: { persistentVolumeClaimName: 'data' }, volumeSnapshotClassName: 'csi' } },
      successCondition: 'status.readyToUse == true',
      setOwnerReference: true,
      image: 'mirror/kw',
    });
  });

  it('gives a volume snapshot task the outputs manifest, name and size (restoreSize), usable by a later volume', () => {
    const result = compileSpec({
      components: {
        snap: { inputs: [{ name: 'pvc' }], implementation: { volumeSnapshot: { pvc: '{{inputs.pvc}}' } } },
        restore: { inputs: [{ name: 's' }], implementation: { volume: { size: '1Gi', dataSource: '{{inputs.s}}' } } },
      },
      tasks: { snap: { component: 'snap', arguments: { pvc: 'datasets' } }, restore: { component: 'restore', arguments: { s: '{{tasks.snap.outputs.name}}' } } },
    });
    expect(result.diagnostics).toEqual([]);
    const [snap, restore] = pipelineTasks(result) as { params: { name: string; value: string }[]; taskSpec: { results: { name: string; description: string }[] } }[];
    expect(snap!.taskSpec.results.map((r) => [r.name, r.description])).toEqual([['manifest', '{}'], ['name', '{.metadata.name}'], ['size', '{.status.restoreSize}']]);
    expect(snap!.params.find((p) => p.name === 'success-condition')!.value).toBe('status.readyToUse == true');
    expect(restore!.params.find((p) => p.name === 's')!.value).toBe('$(tasks.snap.results.name)');
  });
  it('applies the task\'s pod settings and config.taskDefaults through taskRunSpecs, and their labels, as for a container task', () => {
    const components = { job: { implementation: { resource: { action: 'create', manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } } } } } };
    const result = compileSpec({
      components,
      config: { taskDefaults: [{ labels: { team: 'ml' }, tolerations: [{ key: 'gpu', operator: 'Exists' }] }] },
      tasks: { t: { component: 'job', nodeSelector: { pool: 'a' }, serviceAccount: 'sa' } },
    });
    expect(result.diagnostics).toEqual([]);
    const run = result.manifests[0]!.object.spec as { taskRunSpecs?: unknown };
    expect(run.taskRunSpecs).toEqual([{ pipelineTaskName: 't', serviceAccountName: 'sa', podTemplate: { nodeSelector: { pool: 'a' }, tolerations: [{ key: 'gpu', operator: 'Exists' }] } }]);
    const task = pipelineTasks(result)[0] as { taskSpec: { metadata: { labels: Record<string, string> } } };
    expect(task.taskSpec.metadata.labels.team).toBe('ml');
  });
});

import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../specs.js';

const echo = { name: 'echo', inputs: [{ name: 'msg' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'msg' }] } } };
const build = (task: Record<string, unknown>, config: Record<string, unknown> = {}) =>
  compileSpec({ params: { tag: { default: 'v1' }, claim: { default: 'data' } }, components: { echo }, tasks: { t: { component: 'echo', arguments: { msg: 'hi' }, ...task } }, config });
const runSpec = (result: ReturnType<typeof build>) => result.manifests[0]!.object.spec as Record<string, unknown>;
const taskSpec = (result: ReturnType<typeof build>) => pipelineTasks(result)[0]!.taskSpec as Record<string, unknown> & { steps: Record<string, unknown>[] };

describe('podSpec', () => {
  it('runs init containers as steps before main, with references as params', () => {
    const result = build({ initContainers: [{ name: 'prep', image: 'busybox:{{params.tag}}', command: ['sh', '-c', 'true'], resources: { limits: { cpu: 1 } } }] });
    expect(result.ok).toBe(true);
    const steps = taskSpec(result).steps;
    expect(steps.map((s) => s.name)).toEqual(['prep', 'main']);
    expect(steps[0]).toMatchObject({ image: 'busybox:$(inputs.params.tag)', computeResources: { limits: { cpu: '1' } } });
    expect(pipelineTasks(result)[0]!.params).toEqual([{ name: 'tag', value: '$(params.tag)' }]);
  });

  it('puts sidecars and volumes in the task spec and mounts and security context on main', () => {
    const result = build({
      sidecars: [{ name: 'server', image: 'http-echo', resources: { requests: { memory: '1Gi' } } }],
      volumes: [{ name: 'z', emptyDir: {} }, { name: 'data', persistentVolumeClaim: { claimName: '{{params.claim}}' } }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      securityContext: { runAsUser: 1000 },
    });
    const spec = taskSpec(result);
    expect(spec.sidecars).toEqual([{ name: 'server', image: 'http-echo', computeResources: { requests: { memory: '1Gi' } } }]);
    expect(spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: '$(inputs.params.claim)' } }, { name: 'z', emptyDir: {} }]);
    expect(spec.steps[0]).toMatchObject({ volumeMounts: [{ name: 'data', mountPath: '/data' }], securityContext: { runAsUser: 1000 } });
  });

  it('sends affinity, tolerations, node selector and service account to taskRunSpecs', () => {
    const result = build({ nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'gpu', operator: 'Exists' }], serviceAccount: 'runner' });
    expect(runSpec(result).taskRunSpecs).toEqual([
      { pipelineTaskName: 't', serviceAccountName: 'runner', podTemplate: { tolerations: [{ key: 'gpu', operator: 'Exists' }], nodeSelector: { disk: 'ssd' } } },
    ]);
  });

  it('writes no taskRunSpecs for a task without pod settings', () => {
    expect(runSpec(build({})).taskRunSpecs).toBeUndefined();
  });

  it('mounts pipeline workspaces in the task and binds them on the pipeline task', () => {
    const result = build({ workspaces: { shared: { readOnly: true, mountPath: '/ws' } } }, { workspaces: { shared: { emptyDir: {} } } });
    expect(taskSpec(result).workspaces).toEqual([{ name: 'shared', readOnly: true, mountPath: '/ws' }]);
    expect(pipelineTasks(result)[0]!.workspaces).toEqual([{ name: 'shared', workspace: 'shared' }]);
  });
});

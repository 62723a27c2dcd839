/**
 * `pvolumes` of a container task (KFP add_pvolumes): each mount path names a volume task of the
 * same scope. The PVC's name is only known at run time (it carries the PipelineRun name), so the
 * task reads it from the volume task's `name` result through a param, which also orders the
 * task after the volume task (inside a loop body, the loop imports the result as it imports any
 * outer result); the pod gets a volume named after the volume task and the main step mounts it.
 */
import { isObject, type TaskNode } from '../../model/specModel.js';
import type { PipelineTaskIR } from '../ir.js';
import { paramName } from '../names.js';
import type { ScopeLowering } from '../scope.js';

export function withPVolumes(task: PipelineTaskIR, node: TaskNode, lowering: ScopeLowering): PipelineTaskIR {
  if (!isObject(node.spec.pvolumes)) return task;
  const pvolumes = isObject(node.spec.pvolumes) ? (node.spec.pvolumes as Record<string, string>) : {};
  if (task.body.kind !== 'embedded' || Object.keys(pvolumes).length === 0) return task;
  const spec = task.body.spec;
  const params = [...task.params];
  const volumes: unknown[] = [...(spec.volumes ?? [])];
  const mounts: unknown[] = [];
  for (const [mountPath, volumeTask] of Object.entries(pvolumes)) {
    const volumeName = lowering.taskName(volumeTask);
    const param = paramName(`${volumeName}-name`);
    const volumeNode = node.scope.nodes.get(volumeTask);
    if (!params.some((p) => p.name === param) && volumeNode) {
      params.push({ name: param, value: lowering.outputValue(volumeNode, 'name') });
      lowering.ctx.artifacts.addInputs(task.name, [{ name: param, parent_task: volumeName }]);
    }
    if (!volumes.some((v) => isObject(v) && v.name === volumeName)) volumes.push({ name: volumeName, persistentVolumeClaim: { claimName: `$(inputs.params.${param})` } });
    mounts.push({ mountPath, name: volumeName });
  }
  const specParams = [...spec.params, ...params.filter((p) => !spec.params.some((s) => s.name === p.name)).map((p) => ({ name: p.name }))];
  const steps = spec.steps.map((step) => (step.name === 'main' ? { ...step, volumeMounts: [...(step.volumeMounts ?? []), ...mounts] } : step));
  return { ...task, params, body: { kind: 'embedded', spec: { ...spec, params: specParams, volumes, steps } } };
}

/**
 * PodContainers: a task's init containers and sidecars have names unique within the task and
 * different from `main` (Tekton requires unique step and sidecar names, and init containers become
 * steps beside main); init containers use no sidecar-only fields (ports, probes), which a Tekton
 * step does not have; every volume mount names a volume of the task's pod: one of its `volumes`, or
 * of its pod template's or the run's (config.podTemplate).
 */
import type { Container, VolumeMount } from '../../generated/pipeline.js';
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject, type TaskNode } from '../../model/specModel.js';
import { childPointer, type Pointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import { volumeNames } from '../../lower/podTemplate.js';
import type { RuleContext } from '../ruleContext.js';

const SIDECAR_ONLY = ['ports', 'readinessProbe', 'startupProbe'] as const;

export function PodContainers(context: RuleContext): void {
  for (const node of nodesOfKind(context.model, 'task')) {
    // Volumes alone are not checked: only mounts and containers can be wrong.
    const spec = node.spec;
    if (spec.volumeMounts !== undefined || spec.initContainers !== undefined || spec.sidecars !== undefined) checkTask(context, node);
  }
}

function checkTask({ model, report }: RuleContext, node: TaskNode): void {
  const names = new Set(['main']);
  // The pod also has the volumes of the task's pod template and of the run's (config.podTemplate).
  const volumes = new Set([
    ...objects<{ name?: unknown }>(node.spec.volumes).map((v) => String(v.name)),
    ...volumeNames(isObject(node.spec.podTemplate) ? node.spec.podTemplate : undefined),
    ...volumeNames(isObject(model.config.podTemplate) ? model.config.podTemplate : undefined),
  ]);
  const checkMounts = (mounts: readonly VolumeMount[] | undefined, base: Pointer) =>
    objects<VolumeMount>(mounts).forEach((m, i) => {
      if (typeof m.name !== 'string' || volumes.has(m.name)) return;
      report({ code: 'unknown-volume', message: `task '${node.name}' mounts volume '${m.name}', which is not among its volumes`, hint: didYouMean(m.name, volumes) || 'Add it to the task\'s volumes.', doc: model.doc, pointer: childPointer(childPointer(base, i), 'name') });
    });
  checkMounts(node.spec.volumeMounts, childPointer(node.pointer, 'volumeMounts'));
  for (const field of ['initContainers', 'sidecars'] as const) {
    objects<Container>(node.spec[field]).forEach((c, i) => {
      if (typeof c.name !== 'string') return;
      const pointer = childPointer(childPointer(node.pointer, field), i);
      if (c.name === 'main') report({ code: 'name-collision', message: `task '${node.name}' names a container 'main', the name of the component's own step`, hint: 'Choose another name.', doc: model.doc, pointer: childPointer(pointer, 'name') });
      else if (names.has(c.name)) report({ code: 'name-collision', message: `task '${node.name}' has two containers named '${c.name}'`, hint: 'Give each init container and sidecar its own name.', doc: model.doc, pointer: childPointer(pointer, 'name') });
      names.add(c.name);
      if (field === 'initContainers') {
        for (const key of SIDECAR_ONLY) {
          if (key in c) report({ code: 'unsupported-feature', message: `init container '${c.name}' of task '${node.name}' sets '${key}', which a Tekton step cannot have`, hint: 'Init containers run as steps; use a sidecar for a server.', doc: model.doc, pointer: childPointer(pointer, key), atKey: true });
        }
      }
      checkMounts(c.volumeMounts, childPointer(pointer, 'volumeMounts'));
    });
  }
}

/** The objects of a list (the schema check reports anything else; rules run on the rest). */
function objects<T>(list: unknown): T[] {
  return Array.isArray(list) ? (list.filter(isObject) as T[]) : [];
}

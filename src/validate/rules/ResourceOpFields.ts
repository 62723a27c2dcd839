/**
 * ResourceOpFields: a task whose component is a resource, volume or volume snapshot operation sets
 * no field that belongs to a container of its own. Such a task runs kfp-tekton's kubectl wrapper,
 * a step kft writes (its image, command and environment are the operation's), as KFP runs a
 * ResourceOp without a container of the component's: a task's `image`, `env`, `resources`,
 * volumes, sidecars and the like would have nothing to apply to, and used to be dropped without a
 * word (`pvolumes` is rule PVolumes'). Pod settings (node selection, tolerations, affinity, service
 * account, podTemplate), labels, annotations, retries, timeout and caching apply as for any task.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

/** Task fields that configure the task's own container, which a resource operation does not have. */
export const RESOURCE_OP_UNSUPPORTED_FIELDS = [
  'image', 'env', 'resources', 'imagePullPolicy', 'securityContext', 'volumes', 'volumeMounts', 'sidecars', 'initContainers', 'workspaces',
] as const;

export function ResourceOpFields({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    const implementation = model.components.get(node.spec.component)?.spec.implementation;
    const kind = implementation?.resource ? 'resource' : implementation?.volume ? 'volume' : implementation?.volumeSnapshot ? 'volume snapshot' : undefined;
    if (!kind) continue;
    const raw = node.spec as unknown as Record<string, unknown>;
    for (const field of RESOURCE_OP_UNSUPPORTED_FIELDS) {
      if (raw[field] === undefined) continue;
      report({
        code: 'resource-op-unsupported-field',
        message: `task '${node.name}' runs a ${kind} operation (component '${node.spec.component}'), which has no container of its own for '${field}'`,
        hint: 'Remove the field: the operation runs kfp-tekton\'s kubectl wrapper. Pod settings (nodeSelector, tolerations, affinity, serviceAccount, podTemplate) do apply.',
        doc: model.doc,
        pointer: childPointer(node.pointer, field),
        atKey: true,
      });
    }
  }
}

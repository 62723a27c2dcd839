/**
 * CustomTaskFields: a task whose component is a custom task sets no field that needs a pod or
 * that Tekton does not apply to custom tasks. A custom task runs as a Run/CustomRun handled by
 * its controller: there is no pod for resources, env, volumes, sidecars, node selection or a
 * service account, and kfp-tekton's guide states retries are not supported. `timeout` is
 * allowed: Tekton passes a pipeline task's timeout to the Run (kfp-tekton emits it, see its
 * custom_task_ref_timeout test).
 */
import { allNodes, allScopes } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

/** Task fields that make no sense without a pod, or that custom tasks do not support. */
export const CUSTOM_TASK_UNSUPPORTED_FIELDS = [
  'retries', 'env', 'resources', 'imagePullPolicy', 'volumes', 'volumeMounts', 'pvolumes', 'sidecars', 'initContainers',
  'nodeSelector', 'affinity', 'tolerations', 'securityContext', 'serviceAccount', 'workspaces', 'resultSizes', 'artifactTracking',
] as const;

export function CustomTaskFields({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      if (node.kind !== 'task') continue;
      const component = model.components.get(node.spec.component);
      const impl = component?.spec.implementation.customTask;
      if (!component || !impl) continue;
      const raw = node.spec as unknown as Record<string, unknown>;
      for (const field of CUSTOM_TASK_UNSUPPORTED_FIELDS) {
        if (raw[field] === undefined) continue;
        report({
          code: 'custom-task-unsupported-field',
          message: `task '${node.name}' runs custom task ${impl.kind} (${impl.apiVersion}), which does not support '${field}'`,
          hint: field === 'retries' ? 'Custom tasks have no retries in kfp-tekton; let the custom task\'s controller retry.' : 'A custom task runs no pod of its own; configure its controller or the custom resource\'s spec instead.',
          doc: model.doc,
          pointer: childPointer(node.pointer, field),
          atKey: true,
        });
      }
    }
  }
}

/**
 * CustomTaskFields: a task whose component is a custom task sets no field that needs a pod or
 * that Tekton does not apply to custom tasks. A custom task runs as a Run/CustomRun handled by
 * its controller: there is no pod for resources, env, volumes, sidecars, node selection or a
 * service account. kfp-tekton's advanced user guide states that custom tasks "don't support
 * timeout, retries, or any Kubernetes pod spec because these fields are not supported by the
 * Tekton community", so `timeout` and `retries` are errors too (kfp-tekton's compiler still
 * passes a timeout through, see its custom_task_ref_timeout test and docs/deviations.md).
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

/** Task fields that make no sense without a pod, or that custom tasks do not support. */
export const CUSTOM_TASK_UNSUPPORTED_FIELDS = [
  'timeout', 'retries', 'image', 'env', 'resources', 'imagePullPolicy', 'volumes', 'volumeMounts', 'pvolumes', 'sidecars', 'initContainers',
  'nodeSelector', 'affinity', 'tolerations', 'securityContext', 'serviceAccount', 'podTemplate', 'workspaces', 'resultSizes', 'artifactTracking',
] as const;

const HINTS: Partial<Record<string, string>> = {
  timeout: 'Tekton custom tasks do not support timeout; bound the run with spec.config.timeout, or set a timeout in the custom resource\'s spec if its controller has one.',
  retries: 'Custom tasks have no retries in kfp-tekton; let the custom task\'s controller retry.',
};

export function CustomTaskFields({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    const component = model.components.get(node.spec.component);
    const impl = component?.spec.implementation.customTask;
    if (!component || !impl) continue;
    const raw = node.spec as unknown as Record<string, unknown>;
    for (const field of CUSTOM_TASK_UNSUPPORTED_FIELDS) {
      if (raw[field] === undefined) continue;
      report({
        code: 'custom-task-unsupported-field',
        message: `task '${node.name}' runs custom task ${impl.kind} (${impl.apiVersion}), which does not support '${field}'`,
        hint: HINTS[field] ?? 'A custom task runs no pod of its own; configure its controller or the custom resource\'s spec instead.',
        doc: model.doc,
        pointer: childPointer(node.pointer, field),
        atKey: true,
      });
    }
  }
}

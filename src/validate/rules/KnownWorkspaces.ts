/**
 * KnownWorkspaces: every workspace a task mounts is declared under spec.config.workspaces (kfp-tekton
 * raises "Missing workspace ... in the Tekton pipeline config object"), and every declared
 * workspace names exactly one volume source, since a PipelineRun binding takes one.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

const SOURCES = ['persistentVolumeClaim', 'volumeClaimTemplate', 'emptyDir', 'configMap', 'secret', 'projected', 'csi'];

export function KnownWorkspaces({ model, report }: RuleContext): void {
  const declared = isObject(model.config.workspaces) ? model.config.workspaces : {};
  for (const [name, workspace] of Object.entries(declared)) {
    const sources = SOURCES.filter((s) => isObject(workspace) && s in workspace);
    if (sources.length === 1) continue;
    report({
      code: 'invalid-workspace',
      message: sources.length === 0 ? `workspace '${name}' has no volume source` : `workspace '${name}' has ${sources.length} volume sources (${sources.join(', ')})`,
      hint: `Give it exactly one of ${SOURCES.join(', ')}.`,
      doc: model.doc,
      pointer: childPointer('/spec/config/workspaces', name),
      atKey: true,
    });
  }
  for (const node of nodesOfKind(model, 'task')) {
    if (!isObject(node.spec.workspaces)) continue;
    for (const name of Object.keys(node.spec.workspaces)) {
      if (name in declared) continue;
      report({
        code: 'unknown-workspace',
        message: `task '${node.name}' mounts workspace '${name}', which spec.config.workspaces does not declare`,
        hint: didYouMean(name, Object.keys(declared)) || 'Declare it under spec.config.workspaces.',
        doc: model.doc,
        pointer: childPointer(childPointer(node.pointer, 'workspaces'), name),
        atKey: true,
      });
    }
  }
}

/**
 * ArtifactOutputs: every name in a task's `artifactOutputs` is an output of its component.
 * kfp-tekton silently ignores an unknown name in its artifact_outputs annotation, so a typo would
 * leave real data in a size-capped Tekton result.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function ArtifactOutputs({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    if (!Array.isArray(node.spec.artifactOutputs)) continue;
    const component = model.components.get(node.spec.component);
    if (!component) continue;
    const outputs = [...component.outputs.keys()];
    node.spec.artifactOutputs.forEach((name, i) => {
      if (typeof name !== 'string' || component.outputs.has(name)) return;
      report({
        code: 'unknown-output',
        message: `artifactOutputs of task '${node.name}' names '${name}', which is not an output of component '${component.name}'`,
        hint: didYouMean(name, outputs) || (outputs.length ? '' : `Component '${component.name}' declares no outputs.`),
        doc: model.doc,
        pointer: childPointer(childPointer(node.pointer, 'artifactOutputs'), i),
      });
    });
  }
}

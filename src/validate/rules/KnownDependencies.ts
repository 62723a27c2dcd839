/**
 * KnownDependencies: every name in `after` is a task or group of the same pipeline (or graph), and
 * not the node itself, since Tekton rejects a runAfter naming a missing task.
 */
import { allNodes, allScopes } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function KnownDependencies({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      // An inlined task runs after what its call does: reported at the call.
      if (node.kind === 'task' && node.expandedFrom) continue;
      for (let i = 0; i < node.after.length; i++) {
        const name = node.after[i]!;
        const pointer = childPointer(childPointer(node.pointer, 'after'), i);
        if (name === node.name) report({ code: 'dependency-cycle', message: `'${node.name}' runs after itself`, hint: 'Remove it from its own after list.', doc: model.doc, pointer });
        else if (!scope.nodes.has(name)) report({ code: 'unknown-task', message: `'${node.name}' runs after unknown task '${name}'`, hint: didYouMean(name, scope.nodes.keys()) || 'Name a task of this pipeline.', doc: model.doc, pointer });
      }
    }
  }
}

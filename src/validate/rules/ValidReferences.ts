/**
 * ValidReferences: every {{...}} reference is well formed and resolves: parameters are declared,
 * tasks exist and declare the output, loop references appear inside the loop they name.
 */
import { templateMeaning } from '../../model/nodeReferences.js';
import { isResolveError } from '../../model/resolve.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function ValidReferences({ model, report }: RuleContext): void {
  // Indexed loops: on a cold run a for-of costs an iterator per node and per site.
  for (const scope of allScopes(model)) {
    const nodes = allNodes(scope);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      // An inlined task's references are the call's arguments (checked at the call) and references
      // between the graph's tasks (checked in its file, GraphComponents).
      if (node.kind === 'task' && node.expandedFrom) continue;
      const sites = referenceSites(node);
      for (let j = 0; j < sites.length; j++) {
        const site = sites[j]!;
        const meaning = templateMeaning(model, node, site.value as string);
        if (!meaning.failed) continue;
        for (const error of meaning.errors) report({ code: 'invalid-reference', message: error.message, hint: 'References are {{params.P}}, {{tasks.T.outputs.O}}, {{item}}, {{item.F}}, {{index}}, {{loops.L.item}}.', doc: model.doc, pointer: site.pointer, within: { offset: error.offset, length: error.source.length } });
        for (const { part, resolution } of meaning.refs) {
          if (isResolveError(resolution)) report({ code: resolution.code, message: `${part.source}: ${resolution.message}`, hint: resolution.hint, doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
        }
      }
    }
  }
}

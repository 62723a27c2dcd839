/**
 * LoopOutputScope: an output of a task inside a loop is read only inside that loop. A loop body is
 * a separate pipeline run once per item (a PipelineLoop), so its results do not exist outside it.
 */
import { parseTemplate } from '../../model/references.js';
import { isResolveError, resolveReference } from '../../model/resolve.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes, ancestors } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function LoopOutputScope({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      const enclosing = new Set(ancestors(node));
      for (const site of referenceSites(node)) {
        for (const part of parseTemplate(site.value as string).parts) {
          if (part.kind !== 'ref' || part.ref.kind !== 'output') continue;
          const resolved = resolveReference(model, node, part.ref);
          if (isResolveError(resolved) || resolved.kind !== 'output') continue;
          const loop = [...ancestors(resolved.task)].find((group) => group.kind === 'loop' && !enclosing.has(group));
          if (!loop) continue;
          report({ code: 'loop-output-out-of-scope', message: `${part.source}: task '${resolved.task.name}' runs inside loop '${loop.name}', so its outputs exist only inside that loop`, hint: `Move '${node.name}' into loop '${loop.name}'.`, doc: model.doc, pointer: site.pointer });
        }
      }
    }
  }
}

/**
 * LoopOutputScope: an output of a task inside a loop is read only inside that loop. A loop body is
 * a separate pipeline run once per item (a PipelineLoop), so its results do not exist outside it.
 * A loop's own outputs (last-idx, last-elem) exist only once it has ended, so only tasks outside
 * it read them.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { resolvedReferences } from '../../model/nodeReferences.js';
import { isResolveError, producerOf } from '../../model/resolve.js';
import { allNodes, allScopes, ancestors } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function LoopOutputScope({ model, report }: RuleContext): void {
  // Without loops there is neither a loop output nor a task inside a loop.
  if (nodesOfKind(model, 'loop').length === 0) return;
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      const refs = resolvedReferences(model, node);
      if (refs.length === 0) continue;
      const enclosing = new Set(ancestors(node));
      for (const { site, part, resolution: resolved } of refs) {
        if (part.ref.kind !== 'output' || isResolveError(resolved)) continue;
        if (resolved.kind === 'loopOutput' && enclosing.has(resolved.loop)) {
          report({ code: 'invalid-reference', message: `${part.source}: loop '${resolved.loop.name}' sets ${resolved.output} when it ends, so tasks inside it cannot read it`, hint: 'Use {{index}} or {{item}} inside the loop.', doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
          continue;
        }
        const producer = producerOf(resolved);
        const loop = producer && [...ancestors(producer)].find((group) => group.kind === 'loop' && !enclosing.has(group));
        if (!producer || !loop) continue;
        report({ code: 'loop-output-out-of-scope', message: `${part.source}: '${producer.name}' runs inside loop '${loop.name}', so its outputs exist only inside that loop`, hint: `Move '${node.name}' into loop '${loop.name}'.`, doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
      }
    }
  }
}

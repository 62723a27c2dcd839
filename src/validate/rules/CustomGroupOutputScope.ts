/**
 * CustomGroupOutputScope: an output of a task inside a custom group is read only inside that
 * group. The group lowers to ONE custom task (kfp-tekton's AddOnGroup) whose controller runs the
 * inner pipelineSpec; the inner tasks' results are not results of the pipeline around it, so
 * `$(tasks.<inner>.results.<output>)` outside would name a task that does not exist there.
 * kfp-tekton has no way to expose them either (AddOnGroup declares no outputs). The group's own
 * `params` are evaluated outside the group, so they cannot read its inner tasks either.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { resolvedReferences } from '../../model/nodeReferences.js';
import { isResolveError, producerOf } from '../../model/resolve.js';
import { allNodes, allScopes, ancestors, type NodeModel } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function CustomGroupOutputScope({ model, report }: RuleContext): void {
  // Without custom groups no task is inside one.
  if (nodesOfKind(model, 'customGroup').length === 0) return;
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      const refs = resolvedReferences(model, node);
      if (refs.length === 0) continue;
      const enclosing = new Set<NodeModel>(ancestors(node));
      for (const { site, part, resolution: resolved } of refs) {
        if (part.ref.kind !== 'output' || isResolveError(resolved)) continue;
        const producer = producerOf(resolved);
        const group = producer && [...ancestors(producer)].find((g) => g.kind === 'customGroup' && !enclosing.has(g));
        if (!producer || !group) continue;
        report({
          code: 'custom-group-output-out-of-scope',
          message: `${part.source}: '${producer.name}' runs inside custom group '${group.name}', which runs as one custom task; its inner results are not visible outside the group`,
          hint: group === node
            ? `The group's params are evaluated before the group runs; pass the value to '${producer.name}' inside the group instead.`
            : `Move '${node.name}' into custom group '${group.name}', or produce the value outside the group.`,
          doc: model.doc,
          pointer: site.pointer,
          within: { offset: part.offset, length: part.source.length },
        });
      }
    }
  }
}

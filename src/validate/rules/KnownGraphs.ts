/**
 * KnownGraphs: every graph call names a graph declared under spec.graphs.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function KnownGraphs({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'graphCall')) {
    if (typeof node.spec.graph !== 'string' || model.graphs.has(node.spec.graph)) continue;
    report({
      code: 'unknown-graph',
      message: `'${node.name}' calls unknown graph '${node.spec.graph}'`,
      hint: didYouMean(node.spec.graph, model.graphs.keys()) || 'Declare it under spec.graphs.',
      doc: model.doc,
      pointer: childPointer(node.pointer, 'graph'),
    });
  }
}

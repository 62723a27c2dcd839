/**
 * GraphArguments: a graph call passes arguments only for params the graph declares, and passes
 * every param that has no default and is not optional — as a call of a KFP graph component binds
 * its function's parameters.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function GraphArguments({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'graphCall')) {
    const graph = model.graphs.get(node.spec.graph);
    if (!graph) continue;
    const args = isObject(node.spec.arguments) ? node.spec.arguments : {};
    const params = [...graph.params.keys()];
    for (const name of Object.keys(args)) {
      if (graph.params.has(name)) continue;
      report({
        code: 'unknown-input',
        message: `graph '${graph.name}' has no param '${name}'`,
        hint: didYouMean(name, params) || (params.length ? `Its params are: ${params.join(', ')}.` : 'The graph declares no params.'),
        doc: model.doc,
        pointer: childPointer(childPointer(node.pointer, 'arguments'), name),
        atKey: true,
      });
    }
    for (const param of graph.params.values()) {
      if (param.name in args || param.hasDefault || param.optional) continue;
      report({
        code: 'missing-argument',
        message: `graph call '${node.name}' passes no argument for param '${param.name}' of graph '${graph.name}'`,
        hint: `Add arguments: {${param.name}: ...}, or give the param a default.`,
        doc: model.doc,
        pointer: node.pointer,
        atKey: true,
      });
    }
  }
}

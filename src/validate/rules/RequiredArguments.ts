/**
 * RequiredArguments: every input without a default that is not optional gets an argument, as the
 * KFP SDK requires when a component is called.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function RequiredArguments({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    const component = model.components.get(node.spec.component);
    // An inlined task's arguments are the graph's, checked in its file and per call (GraphComponents).
    if (!component || node.expandedFrom) continue;
    const args = isObject(node.spec.arguments) ? node.spec.arguments : {};
    for (const input of component.inputs.values()) {
      if (Object.hasOwn(args, input.name) || input.optional === true || input.default !== undefined) continue;
      report({
        code: 'missing-argument',
        message: `task '${node.name}' passes no argument for required input '${input.name}' of component '${component.name}'`,
        hint: `Add arguments: {${input.name}: ...}.`,
        doc: model.doc,
        pointer: node.pointer,
        atKey: true,
      });
    }
  }
}

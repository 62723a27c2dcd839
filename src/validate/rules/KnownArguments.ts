/**
 * KnownArguments: a task passes arguments only for inputs its component declares (KFP rejects
 * unknown arguments too), so a misspelt input name is caught instead of silently ignored.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function KnownArguments({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    // An inlined task's arguments are the graph's, checked in its file (GraphComponents).
    if (!isObject(node.spec.arguments) || node.expandedFrom) continue;
    const component = model.components.get(node.spec.component);
    if (!component) continue;
    for (const name of Object.keys(node.spec.arguments)) {
      if (component.inputs.has(name)) continue;
      const inputs = [...component.inputs.keys()];
      report({
        code: 'unknown-input',
        message: `component '${component.name}' has no input '${name}'`,
        hint: didYouMean(name, inputs) || (inputs.length ? '' : 'The component declares no inputs.'),
        doc: model.doc,
        pointer: childPointer(childPointer(node.pointer, 'arguments'), name),
        atKey: true,
      });
    }
  }
}

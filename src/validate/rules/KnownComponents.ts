/**
 * KnownComponents: every task names a component declared under spec.components. A declared
 * component that failed to load (file not found, invalid) has its own diagnostic already, so
 * tasks using it are not reported again.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function KnownComponents({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    // A task inlined from a graph component runs the component its componentRef resolves to.
    if (typeof node.spec.component !== 'string' || model.declaredComponents.has(node.spec.component) || node.expandedFrom) continue;
    report({
      code: 'unknown-component',
      message: `task '${node.name}' uses unknown component '${node.spec.component}'`,
      hint: didYouMean(node.spec.component, model.components.keys()) || 'Declare it under spec.components.',
      doc: model.doc,
      pointer: childPointer(node.pointer, 'component'),
    });
  }
}

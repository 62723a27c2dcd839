/**
 * ValidConditions: every condition group's `if` is a comparison LEFT OP RIGHT (KFP's
 * dsl.Condition: ==, !=, <, <=, >, >=) with an operand on each side. The references in the
 * operands are checked by ValidReferences.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isComparisonError, parseComparison } from '../../model/comparison.js';

import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

export function ValidConditions({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'condition')) {
    if (node.spec.if === undefined) continue;
    const parsed = parseComparison(node.spec.if);
    if (!isComparisonError(parsed)) continue;
    report({
      code: 'invalid-condition',
      message: `condition '${node.name}': ${parsed.error}`,
      hint: 'Example: if: "{{tasks.flip.outputs.output}} == heads".',
      doc: model.doc,
      pointer: childPointer(node.pointer, 'if'),
    });
  }
}

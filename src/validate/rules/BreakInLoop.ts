/**
 * BreakInLoop: a `break` node sits in a loop body (possibly under conditions), since it stops the
 * PipelineLoop that runs it; anywhere else no controller would ever complete it.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { ancestors } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function BreakInLoop({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'break')) {
    if ([...ancestors(node)].some((group) => group.kind === 'loop')) continue;
    report({ code: 'break-outside-loop', message: `break '${node.name}' is not inside a loop`, hint: 'Move it into the tasks of a loop, usually under an if.', doc: model.doc, pointer: node.pointer, atKey: true });
  }
}

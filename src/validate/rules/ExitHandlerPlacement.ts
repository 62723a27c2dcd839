/**
 * ExitHandlerPlacement: an exit handler is a top-level node of the pipeline's tasks. Its onExit
 * tasks become Tekton finally tasks, and Tekton has one finally section per pipeline (KFP also
 * allows dsl.ExitHandler only as the outermost group).
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import type { RuleContext } from '../ruleContext.js';

export function ExitHandlerPlacement({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'exitHandler')) {
    const where = node.scope.kind === 'graph' ? `graph '${node.scope.name}'` : node.parent ? `group '${node.parent.name}'` : node.section !== 'tasks' ? node.section : undefined;
    if (!where) continue;
    report({ code: 'exit-handler-placement', message: `exit handler '${node.name}' is inside ${where}; exit handlers belong at the top level of the pipeline`, hint: 'Move it to spec.tasks, or put the exit tasks under spec.finally.', doc: model.doc, pointer: node.pointer, atKey: true });
  }
}

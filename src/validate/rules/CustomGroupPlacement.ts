/**
 * CustomGroupPlacement: a custom group that runs in finally (spec.finally, or an exit handler's
 * onExit) is at the top level there, not inside another group. Tekton finally tasks belong to
 * the pipeline itself, and kfp-tekton allows a finally AddOnGroup only under the root group.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import type { RuleContext } from '../ruleContext.js';

export function CustomGroupPlacement({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'customGroup')) {
    if (node.section === 'tasks' || !node.parent) continue;
    const exitHandlerOnExit = node.parent.kind === 'exitHandler' && node.parent.onExit.includes(node);
    if (exitHandlerOnExit) continue;
    report({
      code: 'nested-finally-group',
      message: `custom group '${node.name}' runs in finally but is nested in ${node.parent.kind} '${node.parent.name}'`,
      hint: 'Put a finally custom group at the top level of spec.finally.',
      doc: model.doc,
      pointer: node.pointer,
      atKey: true,
    });
  }
}
